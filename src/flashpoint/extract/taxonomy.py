"""PLOVER type + mode -> CAMEO code and ACLED event / sub-event type, refined by the text.

The codes of each type and mode are rows of the one table, ``flashpoint.ontology`` (its
docstring names the codebooks). This module reads a row and refines the ACLED coding of an
ASSAULT by what the text says: who was hit, territory taken, the weapon.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from flashpoint.ontology import ACLED_SUB_EVENTS, BATTLES, ONE_SIDED_MODES, REMOTE, VAC, mode_row


@dataclass(frozen=True)
class Codes:
    cameo: Optional[str]
    acled_event_type: Optional[str]
    acled_sub_event_type: Optional[str]


def codes_for(event_type: str, mode: Optional[str], *, two_sided: bool = False,
              civilian_target: bool = False, territory: Optional[str] = None,
              weapon: Optional[str] = None) -> Codes:
    """The CAMEO and ACLED codes for one PLOVER type and mode, refined by what the text says."""
    row = mode_row(event_type, mode)
    if row is None:
        return Codes(None, None, None)
    cameo, acled, sub = row.cameo, row.acled, row.acled_sub
    if event_type == "ASSAULT":
        acled, sub = _refine_assault(mode, acled, sub, two_sided, civilian_target, territory, weapon)
    return Codes(cameo, acled, sub)


def _refine_assault(mode, acled, sub, two_sided, civilian_target, territory, weapon):
    if territory == "government":
        return BATTLES, "Government regains territory"
    if territory == "non-state":
        return BATTLES, "Non-state actor overtakes territory"
    if weapon == "grenade":
        return REMOTE, "Grenade"
    if mode in ONE_SIDED_MODES and civilian_target and not two_sided:
        return VAC, "Attack"
    return acled, sub


def is_acled_pair(acled_event_type: Optional[str], sub: Optional[str]) -> bool:
    """True when the pair is spelled as in ACLED's codebook (or both are None)."""
    if acled_event_type is None:
        return sub is None
    return sub in ACLED_SUB_EVENTS.get(acled_event_type, ())
