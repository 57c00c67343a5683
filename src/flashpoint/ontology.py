"""The one table of event types and modes, and the sectors that are the state.

Every stage, the exports and the store read what they need to know about a PLOVER type or
mode from here: its modes, each mode's CAMEO code, default ACLED event / sub-event type and
grouping family; the type's PLOVER quad class and the flags the stages look up (a statement
type, one done with a partner, a physical act, an act a link may point to, one event per place
listed, the mode a threat to do it gets). Adding a mode is one row in ``TYPES``; adding a type
is one entry (and, as the contract's JSON schema lists the types, ``python
tools/write_schema.py``). ``tests/test_ontology.py`` checks the table is complete and
consistent, so a forgotten entry fails a test instead of silently dropping out of grouping. The words that name a type or mode in a text (trigger lemmas, cue words) belong
to a language and live with its word lists (extract/lexicon.py), not here.

Sources (facts only, tables written for this project):
- CAMEO <-> PLOVER: "CAMEO to PLOVER conversion table", PLOVER manual draft 0.8
  (17 September 2021, openeventdata/PLOVER CAMEO2PLOVER-2021.txt). Where one PLOVER mode
  covers several CAMEO codes, the row names the most specific code that fits every case.
- Quad classes: PLOVER manual (2021): 1 verbal cooperation, 2 material cooperation,
  3 verbal conflict, 4 material conflict.
- ACLED: ACLED Codebook (2023), event types and sub-event types, spelled exactly as there.
  ACLED only covers political violence, demonstrations and strategic developments, so most
  cooperative and verbal PLOVER types have no ACLED type (None).
- Sectors: PLOVER/CAMEO sector codes as summarised in ../shared/ONTOLOGY.md.
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

# The state's own branches (ONTOLOGY.md): executive, military, police, intelligence, judiciary,
# legislature. ACLED codes them all as State forces (inter 1), and in grouping a government and
# its forces are one side ('the United States said it bombed', 'US aircraft struck').
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})

# Scopes of mode compatibility (``modes_fit``).
ARTICLE = "article"     # two drafts of one article
ACROSS = "across"       # two mentions from different articles


@dataclass(frozen=True)
class Family:
    """Modes that reports of one happening mix ('air strike', 'drone strike', 'missile').

    Across articles, modes of one family, or of families that ``joins`` names, can be one
    event; modes of other families veto. Within one article the writer's own words tell events
    apart, so only a family that is ``one_telling`` joins its modes there (a protest's march,
    road block and riot are ways one gathering went)."""

    name: str
    joins: frozenset[str] = frozenset()
    one_telling: bool = False


FAMILIES = {f.name: f for f in (
    Family("remote", frozenset({"blast"})),
    Family("blast", frozenset({"remote", "ground"})),
    # Shots fired while people are seized are part of the abduction (one ACLED event), so one
    # report's 'gunmen opened fire' and another's 'kidnapped' can be the same attack.
    Family("ground", frozenset({"blast", "abduct"})),
    Family("abduct", frozenset({"ground"})),
    Family("crowd"),
    Family("unconventional"),
    # A riot and a peaceful demo at one place and day are still one gathering (ACLED codes
    # the worst of it).
    Family("gathering", one_telling=True),
    # A hunger strike and a boycott are protests of their own kind, never one gathering's march.
    Family("hunger"),
    Family("boycott"),
)}


@dataclass(frozen=True)
class Mode:
    """One PLOVER mode of a type; ``name`` None is the row used when the text names no mode."""

    name: Optional[str]
    cameo: str
    acled: Optional[str] = None          # ACLED event type before the text refines it
    acled_sub: Optional[str] = None
    family: Optional[str] = None         # a key of FAMILIES; None: a family of its own
    fits_any: Optional[str] = None       # the scope where this vague mode fits every mode
    part_of: Optional[str] = None        # in one article, how an event of that mode was done
    one_sided: bool = False              # an Attack (VAC) when it hits civilians only


@dataclass(frozen=True)
class EventType:
    name: str
    quad: int                            # 1 verbal coop, 2 material coop, 3 verbal / 4 material conflict
    modes: tuple[Mode, ...]              # the first is the no-mode row
    commentary: bool = False             # an analyst or commentator saying it is no event
    needs_speaker: bool = False          # a statement with no speaker is no event
    partnered: bool = False              # done with a partner ('met with'), who is the recipient
    physical: bool = False               # a physical act: may be a retaliation
    answerable: bool = False             # a link ('response_to', 'retaliation_for') may point to it
    per_place: bool = False              # one event per place listed ('strikes hit A, B and C'), as ACLED
    threat_mode: Optional[str] = None    # the THREATEN mode of a threat to do it

    @property
    def cooperative(self) -> bool:
        return self.quad in (1, 2)

    @property
    def conflictual(self) -> bool:
        return self.quad in (3, 4)

    def mode(self, name: Optional[str]) -> Optional[Mode]:
        return next((m for m in self.modes if m.name == name), None)


def _m(name, cameo, acled=None, sub=None, **flags) -> Mode:
    return Mode(name, cameo, acled, sub, **flags)


# The 16 PLOVER 2021 types, in the contract's order. Each row: mode, CAMEO code
# [CAMEO2PLOVER-2021], ACLED type and sub-event type [ACLED 2023] before the text refines them.
TYPES: dict[str, EventType] = {t.name: t for t in (
    EventType("AGREE", 1, (
        _m(None, "030"),
        _m("ceasefire", "037", STRATEGIC, "Agreement"),          # intent to settle a dispute
    ), commentary=True, partnered=True),
    EventType("CONSULT", 1, (
        _m(None, "040"), _m("phone", "041"), _m("visit", "042"), _m("host", "043"),
        _m("mediate", "045"), _m("negotiate", "046"),
    ), partnered=True),
    EventType("SUPPORT", 1, (
        _m(None, "051"), _m("recognize", "054"), _m("apologize", "055"), _m("sign", "057"),
    ), commentary=True, partnered=True),
    EventType("CONCEDE", 1, (_m(None, "080"), _m("ease", "081"))),
    EventType("COOPERATE", 2, (
        _m(None, "060"), _m("military", "062"), _m("legal", "063"), _m("intelligence", "064"),
    ), partnered=True),
    EventType("AID", 2, (
        _m(None, "070"), _m("economic", "071"), _m("military", "072"), _m("humanitarian", "073"),
        _m("asylum", "075"),
        _m("peacekeeping", "074"),            # provide military protection or peacekeeping
    )),
    EventType("RETREAT", 2, (
        _m(None, "084"), _m("release", "0841"), _m("return", "0842"), _m("access", "086"),
        _m("ceasefire", "0871", STRATEGIC, "Agreement"),
        _m("withdraw", "0874", STRATEGIC, "Non-violent transfer of territory"),
        _m("disarm", "0873"),
    )),
    EventType("REQUEST", 3, (
        _m(None, "100"), _m("assist", "101"), _m("change", "104"), _m("yield", "105"),
        _m("meet", "106"),
    ), commentary=True, needs_speaker=True),
    EventType("ACCUSE", 3, (
        _m(None, "112"), _m("disapprove", "111"), _m("allege", "112"), _m("investigate", "090"),
    ), commentary=True, needs_speaker=True),
    EventType("REJECT", 3, (_m(None, "120"),), commentary=True),
    EventType("THREATEN", 3, (
        _m(None, "130"), _m("violence", "138"), _m("restrict", "1312"), _m("relations", "1313"),
        _m("ban", "132"), _m("ultimatum", "139"),
    ), commentary=True, needs_speaker=True),
    EventType("PROTEST", 4, (
        _m(None, "140", PROTESTS, "Peaceful protest"),
        _m("demo", "141", PROTESTS, "Peaceful protest", family="gathering"),
        _m("hunger", "142", PROTESTS, "Peaceful protest", family="hunger"),
        _m("boycott", "143", PROTESTS, "Peaceful protest", family="boycott"),
        _m("obstruct", "144", PROTESTS, "Peaceful protest", family="gathering"),
        _m("riot", "145", RIOTS, "Violent demonstration", family="gathering"),
    ), answerable=True, per_place=True, threat_mode="restrict"),
    EventType("MOBILIZE", 4, (
        _m(None, "150", STRATEGIC, "Change to group/activity"),
        _m("troops", "154", STRATEGIC, "Change to group/activity"),
        _m("police", "153", STRATEGIC, "Change to group/activity"),
        _m("alert", "152"),
    ), answerable=True, threat_mode="violence"),
    EventType("SANCTION", 3, (
        _m(None, "160"), _m("withdraw", "161"), _m("discontinue", "162"), _m("expel", "166"),
        _m("restrict", "163"),                # 163 embargo, sanctions
    ), threat_mode="relations"),
    EventType("COERCE", 4, (
        _m(None, "170"),
        _m("arrest", "173", STRATEGIC, "Arrests"),
        _m("deport", "174"),
        _m("seize", "1711", STRATEGIC, "Disrupted weapons use"),   # 1711 confiscate
        _m("restrict", "191"),                # 191 blockade, restrict movement
        _m("ban", "1722"), _m("curfew", "1723"), _m("martial-law", "1724"), _m("censor", "1721"),
        _m("occupy", "192"),
    ), physical=True, answerable=True, per_place=True, threat_mode="restrict"),
    # Families: reports of one strike often mix 'air strike', 'drone strike' and 'missile';
    # 'explosion' is how many first reports describe any of them. 'destroy' (burning, looting)
    # fits any mode across reports: one report tells the raid's burning, another its killing.
    # 'targeted' fits any mode within an article: the assassination is told by how it was done.
    EventType("ASSAULT", 4, (
        _m(None, "190", BATTLES, "Armed clash", one_sided=True),           # 190 conventional force
        _m("aerial", "195", REMOTE, "Air/drone strike", family="remote"),  # 195 aerial weapons
        _m("drone", "195", REMOTE, "Air/drone strike", family="remote"),
        _m("heavy-weapons", "194", REMOTE, "Shelling/artillery/missile attack", family="remote"),
        _m("firearms", "193", BATTLES, "Armed clash", family="ground", part_of="abduct",
           one_sided=True),                                                # 193 small arms
        _m("explosives", "183", REMOTE, "Remote explosive/landmine/IED", family="blast"),
        _m("suicide-attack", "1831", REMOTE, "Suicide bomb", family="blast"),
        _m("targeted", "186", VAC, "Attack", family="ground", part_of="abduct",
           fits_any=ARTICLE),                                              # 186 assassinate
        _m("primitive", "1823", VAC, "Attack", family="ground", one_sided=True),  # 1823 by assault
        _m("beat", "182", VAC, "Attack", family="ground", part_of="abduct", one_sided=True),
        _m("abduct", "181", VAC, "Abduction/forced disappearance", family="abduct"),
        _m("destroy", "1712", STRATEGIC, "Looting/property destruction", fits_any=ACROSS),
        _m("crowd-control", "175", PROTESTS, "Protest with intervention", family="crowd"),
        _m("sexual", "1821", VAC, "Sexual violence", family="ground"),
        _m("torture", "1822", VAC, "Attack", family="ground"),
        _m("unconventional", "204", REMOTE, "Chemical weapon", family="unconventional"),
    ), physical=True, answerable=True, per_place=True, threat_mode="violence"),
)}

PLOVER_TYPES = tuple(TYPES)
PHYSICAL_TYPES = frozenset(t.name for t in TYPES.values() if t.physical)
ANSWERABLE_TYPES = frozenset(t.name for t in TYPES.values() if t.answerable)
COOPERATIVE_TYPES = frozenset(t.name for t in TYPES.values() if t.cooperative)
CONFLICTUAL_TYPES = frozenset(t.name for t in TYPES.values() if t.conflictual)
COMMENTARY_TYPES = frozenset(t.name for t in TYPES.values() if t.commentary)
SPEAKER_TYPES = frozenset(t.name for t in TYPES.values() if t.needs_speaker)
PARTNER_TYPES = frozenset(t.name for t in TYPES.values() if t.partnered)
PER_PLACE_TYPES = frozenset(t.name for t in TYPES.values() if t.per_place)
# A mode name means the same in every type that has it ('restrict' of COERCE, SANCTION and
# THREATEN); tests/test_ontology.py checks that their grouping fields agree.
MODES: dict[str, Mode] = {m.name: m for t in TYPES.values() for m in t.modes if m.name is not None}
ONE_SIDED_MODES = frozenset(m.name for t in TYPES.values() for m in t.modes if m.one_sided)


def mode_row(event_type: str, mode: Optional[str]) -> Optional[Mode]:
    """The row of this type and mode, else the type's no-mode row; None for an unknown type."""
    kind = TYPES.get(event_type)
    if kind is None:
        return None
    return kind.mode(mode) or kind.modes[0]


def threat_mode(event_type: str) -> Optional[str]:
    kind = TYPES.get(event_type)
    return kind.threat_mode if kind is not None else None


def quad(event_type: str) -> Optional[int]:
    kind = TYPES.get(event_type)
    return kind.quad if kind is not None else None


def family_of(mode: str) -> str:
    """The mode's grouping family; a mode outside every family (or unknown) is its own."""
    row = MODES.get(mode)
    return row.family if row is not None and row.family else mode


def modes_fit(a: Optional[str], b: Optional[str], scope: str) -> bool:
    """Can two mentions of one type, with these modes, tell the same event?

    ``scope`` is ARTICLE (two drafts of one article, folded by extract.merge) or ACROSS
    (mentions of different articles, grouped by link). The rule is one, read from the table;
    the scopes differ where the table says so: only a ``one_telling`` family joins its modes
    within an article, where the writer's own words tell an air strike from a drone strike;
    across articles, outlets describing one strike mix them, so families and the families they
    join fit. A vague mode fits any mode in its ``fits_any`` scope, and in one article a mode
    fits the mode it is ``part_of`` (the shots fired while people were seized).
    """
    if scope not in (ARTICLE, ACROSS):
        raise ValueError(f"modes_fit scope must be {ARTICLE!r} or {ACROSS!r}, got {scope!r}")
    if a is None or b is None or a == b:
        return True
    ra, rb = MODES.get(a), MODES.get(b)
    if any(r is not None and r.fits_any == scope for r in (ra, rb)):
        return True
    fa, fb = family_of(a), family_of(b)
    if scope == ARTICLE:
        one = fa == fb and fa in FAMILIES and FAMILIES[fa].one_telling
        return one or (ra is not None and ra.part_of == b) or (rb is not None and rb.part_of == a)
    return fa == fb or (fa in FAMILIES and fb in FAMILIES[fa].joins)
