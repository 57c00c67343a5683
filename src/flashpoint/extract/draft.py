"""What extraction hands to resolution: an event found in text, with raw spans not yet resolved.

A Draft points into the article by character offsets (end exclusive) and into the article's
place and date mention lists by index, so the resolvers can turn spans into values without
re-reading the text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from flashpoint.record import Count

CharSpan = tuple[int, int]


@dataclass
class Draft:
    event_type: str                      # PLOVER 2021 type
    mode: Optional[str]                  # PLOVER mode or None
    acled_event_type: Optional[str]
    acled_sub_event_type: Optional[str]
    cameo: Optional[str]
    evidence: CharSpan                   # the text that states the event (usually its sentence)
    sentence: int                        # 0-based sentence index of the evidence in the doc
    trigger: CharSpan                    # the word(s) that name the event
    actors: list[CharSpan] = field(default_factory=list)
    recipients: list[CharSpan] = field(default_factory=list)
    places: list[int] = field(default_factory=list)   # indices into the article's PlaceMentions
    dates: list[int] = field(default_factory=list)    # indices into the article's DateMentions
    # Date mentions of the reporting clause ("said on Sunday night that ... had struck"), set
    # only for a past event with no date of its own; date_for(reported=...) reads them.
    reported_by: list[int] = field(default_factory=list)
    fatalities: Optional[Count] = None
    injuries: Optional[Count] = None
    background: bool = False
    confidence: float = 0.5
    # Who was hit, from the words (targets.ARMED / targets.CIVILIAN / None), and whether the
    # text tells two sides fighting: what pipeline needs to settle Armed clash against Attack
    # once the recipients' sectors are known (targets.settle).
    target: Optional[str] = None
    two_sided: bool = False
    crowd: str = ""                      # "protesters" / "crowd" / "people": unorganised actors (disorder.py)
