"""What the pipeline makes of one article, and how it says that an article failed.

``Result`` is one input item's outcome: the article, its events, places and dates, or the error
that set it aside. The pipeline (``flashpoint.pipeline``) and its worker processes
(``flashpoint.scale.local``) both build Results; they live here, below both, so that neither has
to import the other.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from flashpoint.errors import FlashpointError
from flashpoint.record import Article, DateMention, Event, PlaceMention


class ArticleFailed(FlashpointError):
    """An article that a stage could not process; the run goes on without it."""

    code = "FP900"


class ArticleTooLong(FlashpointError):
    code = "FP901"


@dataclass
class Result:
    """What the pipeline made of one input item."""

    article: Optional[Article]
    events: list[Event] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    error: Optional[FlashpointError] = None
    skipped: Optional[FlashpointError] = None  # set aside on purpose (not English), not failed
