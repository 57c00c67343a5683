"""The arrests, weapon seizures and burnings told with a fight are part of the fight.

ACLED Codebook (2023): an event is coded once, by its most serious act; "Arrests" and
"Disrupted weapons use" are for arrests and seizures that happen apart from any fighting, and
"Looting/property destruction" for destruction with no fighting. When an article tells an
armed clash and, on the same day, the arrests, seizures or burnings around it ("a gunfight
broke out ... police arrested two men and seized a rifle", "troops burned two huts and
exchanged fire with the rebels"), those acts take the clash's ACLED codes. Their PLOVER type
and mode stay as told.
"""
from __future__ import annotations

from typing import Sequence

from flashpoint.extract.disorder import dated_apart
from flashpoint.extract.draft import Draft

AFTERMATH = frozenset({"Arrests", "Disrupted weapons use", "Looting/property destruction"})


def fold_aftermath(drafts: list[Draft], dates: Sequence = ()) -> None:
    """Recode, in place, the same-day arrests, seizures and destruction of an article that
    tells a clash."""
    if any(d.event_type == "PROTEST" and not d.background for d in drafts):
        return            # arrests at a protest are how it was stopped (disorder.py)
    clashes = [d for d in drafts if d.event_type == "ASSAULT" and not d.background
               and d.acled_sub_event_type == "Armed clash"]
    if not clashes:
        return
    for d in drafts:
        if d.event_type in ("COERCE", "ASSAULT") and not d.background and d.acled_sub_event_type in AFTERMATH \
                and not dated_apart(d, clashes, dates):
            d.acled_event_type, d.acled_sub_event_type = clashes[0].acled_event_type, "Armed clash"
