"""PLOVER type + mode -> CAMEO code and ACLED event / sub-event type, as data.

Sources (facts only, tables written for this project):
- CAMEO <-> PLOVER: "CAMEO to PLOVER conversion table", PLOVER manual draft 0.8
  (17 September 2021, openeventdata/PLOVER CAMEO2PLOVER-2021.txt). Where one PLOVER mode
  covers several CAMEO codes, the row names the most specific code that fits every case.
- ACLED: ACLED Codebook (2023), event types and sub-event types, spelled exactly as there.
  ACLED only covers political violence, demonstrations and strategic developments, so most
  cooperative and verbal PLOVER types have no ACLED type (None).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ACLED_SUB_EVENTS = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    REMOTE: ("Chemical weapon", "Air/drone strike", "Suicide bomb",
             "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                "Headquarters or base established", "Looting/property destruction",
                "Non-violent transfer of territory", "Other"),
}


@dataclass(frozen=True)
class Codes:
    cameo: Optional[str]
    acled_event_type: Optional[str]
    acled_sub_event_type: Optional[str]


# (PLOVER type, mode) -> (CAMEO code [CAMEO2PLOVER-2021], ACLED type, ACLED sub-event [ACLED 2023]).
# mode None is the row used when the text names no mode.
TABLE: dict[tuple[str, Optional[str]], tuple[Optional[str], Optional[str], Optional[str]]] = {
    ("ASSAULT", None): ("190", BATTLES, "Armed clash"),          # 190 conventional force
    ("ASSAULT", "aerial"): ("195", REMOTE, "Air/drone strike"),  # 195 employ aerial weapons
    ("ASSAULT", "drone"): ("195", REMOTE, "Air/drone strike"),
    ("ASSAULT", "heavy-weapons"): ("194", REMOTE, "Shelling/artillery/missile attack"),
    ("ASSAULT", "firearms"): ("193", BATTLES, "Armed clash"),    # 193 small arms
    ("ASSAULT", "explosives"): ("183", REMOTE, "Remote explosive/landmine/IED"),
    ("ASSAULT", "suicide-attack"): ("1831", REMOTE, "Suicide bomb"),
    ("ASSAULT", "targeted"): ("186", VAC, "Attack"),             # 186 assassinate
    ("ASSAULT", "primitive"): ("1823", VAC, "Attack"),           # 1823 kill by physical assault
    ("ASSAULT", "beat"): ("182", VAC, "Attack"),
    ("ASSAULT", "abduct"): ("181", VAC, "Abduction/forced disappearance"),
    ("ASSAULT", "destroy"): ("1712", STRATEGIC, "Looting/property destruction"),
    ("ASSAULT", "crowd-control"): ("175", PROTESTS, "Protest with intervention"),
    ("ASSAULT", "sexual"): ("1821", VAC, "Sexual violence"),
    ("ASSAULT", "torture"): ("1822", VAC, "Attack"),
    ("ASSAULT", "unconventional"): ("204", REMOTE, "Chemical weapon"),
    ("PROTEST", None): ("140", PROTESTS, "Peaceful protest"),
    ("PROTEST", "demo"): ("141", PROTESTS, "Peaceful protest"),
    ("PROTEST", "hunger"): ("142", PROTESTS, "Peaceful protest"),
    ("PROTEST", "boycott"): ("143", PROTESTS, "Peaceful protest"),
    ("PROTEST", "obstruct"): ("144", PROTESTS, "Peaceful protest"),
    ("PROTEST", "riot"): ("145", RIOTS, "Violent demonstration"),
    ("COERCE", None): ("170", None, None),
    ("COERCE", "arrest"): ("173", STRATEGIC, "Arrests"),
    ("COERCE", "deport"): ("174", None, None),
    ("COERCE", "seize"): ("1711", STRATEGIC, "Disrupted weapons use"),  # 1711 confiscate
    ("COERCE", "restrict"): ("191", None, None),                # 191 blockade, restrict movement
    ("COERCE", "ban"): ("1722", None, None),
    ("COERCE", "curfew"): ("1723", None, None),
    ("COERCE", "martial-law"): ("1724", None, None),
    ("COERCE", "censor"): ("1721", None, None),
    ("COERCE", "occupy"): ("192", None, None),
    ("MOBILIZE", None): ("150", STRATEGIC, "Change to group/activity"),
    ("MOBILIZE", "troops"): ("154", STRATEGIC, "Change to group/activity"),
    ("MOBILIZE", "police"): ("153", STRATEGIC, "Change to group/activity"),
    ("MOBILIZE", "alert"): ("152", None, None),
    ("SANCTION", None): ("160", None, None),
    ("SANCTION", "withdraw"): ("161", None, None),
    ("SANCTION", "discontinue"): ("162", None, None),
    ("SANCTION", "expel"): ("166", None, None),
    ("SANCTION", "restrict"): ("163", None, None),             # 163 embargo, sanctions
    ("THREATEN", None): ("130", None, None),
    ("THREATEN", "violence"): ("138", None, None),
    ("THREATEN", "restrict"): ("1312", None, None),
    ("THREATEN", "relations"): ("1313", None, None),
    ("THREATEN", "ban"): ("132", None, None),
    ("THREATEN", "ultimatum"): ("139", None, None),
    ("REQUEST", None): ("100", None, None),
    ("REQUEST", "assist"): ("101", None, None),
    ("REQUEST", "change"): ("104", None, None),
    ("REQUEST", "yield"): ("105", None, None),
    ("REQUEST", "meet"): ("106", None, None),
    ("ACCUSE", None): ("112", None, None),
    ("ACCUSE", "disapprove"): ("111", None, None),
    ("ACCUSE", "allege"): ("112", None, None),
    ("ACCUSE", "investigate"): ("090", None, None),
    ("REJECT", None): ("120", None, None),
    ("AGREE", None): ("030", None, None),
    ("AGREE", "ceasefire"): ("037", STRATEGIC, "Agreement"),     # intent to settle a dispute
    ("CONSULT", None): ("040", None, None),
    ("CONSULT", "phone"): ("041", None, None),
    ("CONSULT", "visit"): ("042", None, None),
    ("CONSULT", "host"): ("043", None, None),
    ("CONSULT", "mediate"): ("045", None, None),
    ("CONSULT", "negotiate"): ("046", None, None),
    ("SUPPORT", None): ("051", None, None),
    ("SUPPORT", "recognize"): ("054", None, None),
    ("SUPPORT", "apologize"): ("055", None, None),
    ("SUPPORT", "sign"): ("057", None, None),
    ("COOPERATE", None): ("060", None, None),
    ("COOPERATE", "military"): ("062", None, None),
    ("COOPERATE", "legal"): ("063", None, None),
    ("COOPERATE", "intelligence"): ("064", None, None),
    ("AID", None): ("070", None, None),
    ("AID", "economic"): ("071", None, None),
    ("AID", "military"): ("072", None, None),
    ("AID", "humanitarian"): ("073", None, None),
    ("AID", "asylum"): ("075", None, None),
    ("AID", "peacekeeping"): ("074", None, None),     # provide military protection or peacekeeping
    ("CONCEDE", None): ("080", None, None),
    ("CONCEDE", "ease"): ("081", None, None),
    ("RETREAT", None): ("084", None, None),
    ("RETREAT", "release"): ("0841", None, None),
    ("RETREAT", "return"): ("0842", None, None),
    ("RETREAT", "access"): ("086", None, None),
    ("RETREAT", "ceasefire"): ("0871", STRATEGIC, "Agreement"),
    ("RETREAT", "withdraw"): ("0874", STRATEGIC, "Non-violent transfer of territory"),
    ("RETREAT", "disarm"): ("0873", None, None),
}

# Two armed sides fighting each other, or a one-sided attack on people: ACLED splits these by
# who the target is, which only the argument structure can tell.
_ONE_SIDED_SUB = {"firearms", None, "beat", "primitive"}


def codes_for(event_type: str, mode: Optional[str], *, two_sided: bool = False,
              civilian_target: bool = False, territory: Optional[str] = None,
              weapon: Optional[str] = None) -> Codes:
    """The CAMEO and ACLED codes for one PLOVER type and mode, refined by what the text says."""
    row = TABLE.get((event_type, mode)) or TABLE.get((event_type, None))
    if row is None:
        return Codes(None, None, None)
    cameo, acled, sub = row
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
    if mode in _ONE_SIDED_SUB and civilian_target and not two_sided:
        return VAC, "Attack"
    return acled, sub


def is_acled_pair(acled_event_type: Optional[str], sub: Optional[str]) -> bool:
    """True when the pair is spelled as in ACLED's codebook (or both are None)."""
    if acled_event_type is None:
        return sub is None
    return sub in ACLED_SUB_EVENTS.get(acled_event_type, ())
