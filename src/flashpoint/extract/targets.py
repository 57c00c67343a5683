"""Who was hit: armed people, or civilians? ACLED's line between Battles and Violence against
civilians.

ACLED Codebook (2019, 2023), "Battles": a violent interaction between two organised armed
groups; "Violence against civilians / Attack": an organised armed group deliberately
inflicts violence on unarmed non-combatants (civilians, including government officials,
judges, party members, journalists and aid workers; attacks on villages and homes). So a
shooting is an Armed clash only when its target is armed (soldiers, police, militants, their
posts and convoys); when the text names people who carry no arms as the target or the dead,
the event is an Attack.

Two readings are combined, both written for flashpoint (the words are ordinary English, the
rule is the codebook's):
- ``side_of_words``: the head nouns of the recipients and of the victims of the harm verbs in
  the event's clause ("shot dead a judge", "two policemen were killed");
- ``side_of_sectors``: the sectors the actor resolver gave the recipients (MIL, COP, REB ...
  are armed; CVL, JRN, PTY, GOV ... are not), used once actors are resolved (pipeline).
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Span, Token

from flashpoint.extract import lexicon as lx
from flashpoint.extract.words import noun_lemma, stray_subject

ARMED, CIVILIAN, PERSON = "armed", "civilian", "person"

# People and things that fight back: the target of an Armed clash.
ARMED_TARGETS = frozenset(set(lx.ARMED) | set(
    "police policeman policewoman officer guard bodyguard gendarme commando paratrooper sniper "
    "army military force personnel serviceman marine trooper ranger recruit conscript "
    "combatant fighter militiaman jihadist extremist terrorist criminal gang gangster cartel "
    "smuggler poacher pirate robber bandit position base checkpoint outpost post convoy patrol "
    "barracks garrison brigade battalion unit squad platoon regiment detachment "
    "militant insurgent rebel commander".split()))
# Unarmed people and their places: the target of an Attack.
CIVILIAN_TARGETS = frozenset(set(lx.CIVILIAN_WORDS) | set(
    "man woman boy girl person youth teenager teen baby infant elder elderly pensioner "
    "shepherd herder herdsman fisherman farmer trader merchant vendor shopkeeper businessman "
    "driver motorist motorcyclist cyclist pedestrian passenger traveller traveler pilgrim "
    "teacher pupil doctor nurse lawyer judge prosecutor magistrate cleric imam priest pastor "
    "monk nun chief elder councillor councilor mayor politician candidate activist unionist "
    "relative husband wife son daughter mother father brother sister couple "
    "villager inhabitant dweller tenant citizen national migrant displaced idp victim "
    "body corpse thief suspect employee staff official community".split()) | {"CIVILIAN_PLACES"})
CIVILIAN_PLACES = frozenset("home house household village hamlet settlement school hospital clinic "
                            "market shop store mosque church temple bus truck car motorcycle camp "
                            "complex building residence farm restaurant bar hotel".split())
ARMED_PLACES = frozenset("position base checkpoint outpost post convoy patrol barracks garrison".split())
CIVILIAN_TARGETS = (CIVILIAN_TARGETS - {"CIVILIAN_PLACES"}) | CIVILIAN_PLACES
# Who, not what: a burning of these is a killing, not property destruction.
PEOPLE = (CIVILIAN_TARGETS | ARMED_TARGETS) - CIVILIAN_PLACES - ARMED_PLACES

ARMED_SECTORS = frozenset("MIL COP REB PRM UAF IMG SPY".split())
CIVILIAN_SECTORS = frozenset("CVL REF JRN JUD LEG PTY NGO EDU MED REL LAB ELI OPP BUS AGR HLH".split())

HARM_VERBS = frozenset("kill shoot wound injure murder execute behead stab hack slay "
                       "assassinate lynch torture beat abduct kidnap attack ambush target "
                       "rape maim burn hit".split())


# A soldier or police officer who is no longer serving is a civilian when attacked (ACLED
# Codebook 2023, Violence against civilians: "former" and "retired" members of armed forces).
# "A civilian guard", "an unarmed watchman": the modifier says the person carries no arms.
NOT_SERVING = frozenset("former retired ex ex- civilian unarmed".split())


def side_of_words(heads: Iterable[Token]) -> Optional[str]:
    """ARMED when any head (or its compound modifier: "police chief") is an armed word,
    CIVILIAN when some head is a civilian word or a person's name, else None."""
    civilian = False
    for head in heads:
        mods = [c for c in head.children if c.dep_ in ("compound", "amod")]
        mods += [g for c in mods for g in c.children if g.dep_ in ("compound", "amod")]   # "civilian night guard"
        words = [noun_lemma(head)] + [noun_lemma(c) for c in mods]
        if any(w in ARMED_TARGETS for w in words) and not NOT_SERVING & set(words):
            return ARMED
        civilian = civilian or bool(NOT_SERVING & set(words))
        civilian = civilian or words[0] in CIVILIAN_TARGETS or head.ent_type_ == "PERSON"
    return CIVILIAN if civilian else None


PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "men")


def person_guess(victims: Iterable[Token]) -> Optional[str]:
    """PERSON when someone a harm verb acts on is named by an agent noun ("owners",
    "pastoralists", "vendors"): a person of some trade, unarmed unless the sectors say
    otherwise (settle reads the sectors first)."""
    for tok in victims:
        word = noun_lemma(tok)
        if tok.pos_ == "NOUN" and word.endswith(PERSON_SUFFIXES) and word not in ARMED_TARGETS:
            return PERSON
    return None


def side_of_sectors(sectors: Iterable[Optional[str]]) -> Optional[str]:
    found = set(sectors)
    if found & ARMED_SECTORS:
        return ARMED
    return CIVILIAN if found & CIVILIAN_SECTORS else None


def victims(span: Span) -> list[Token]:
    """The people a harm verb of the clause acts on: "shot dead a judge", "two policemen
    were killed", "killing 9 militants", "a man was found dead"."""
    found = []
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
            continue
        if tok.lemma_.lower() in HARM_VERBS or _found_dead(tok):
            hit = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] or stray_subject(tok)
            found += [_through_partitive(c) for c in hit]
    return found


def _found_dead(verb: Token) -> bool:
    return verb.lemma_.lower() == "find" and any(c.lower_ == "dead" for c in verb.children)


def _through_partitive(tok: Token) -> Token:
    """"one of the soldiers", "two of them", "a group of farmers" -> the people."""
    for _ in range(3):
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is None or not (tok.pos_ == "NUM" or noun_lemma(tok) in _PARTS):
            return tok
        tok = pobj
    return tok


_PARTS = frozenset("one some group number member dozen several few many all most part".split())


ONE_SIDED = frozenset({None, "firearms", "beat", "primitive"})


def settle(draft, recipient_sectors: Iterable[Optional[str]],
           actor_sectors: Iterable[Optional[str]] = ()) -> tuple[Optional[str], Optional[str]]:
    """The draft's ACLED (event type, sub-event type), with Armed clash and Attack settled by
    who was hit: the words first (``draft.target``), then the resolved recipients' sectors.
    A taking of ground by state forces is the government regaining territory. Anything else
    (remote violence, protests, two sides fighting) stays as extraction coded it."""
    pair = (draft.acled_event_type, draft.acled_sub_event_type)
    if pair[1] == "Non-state actor overtakes territory" and set(actor_sectors) & {"MIL", "COP"}:
        return "Battles", "Government regains territory"
    if draft.event_type != "ASSAULT" or draft.two_sided or draft.mode not in ONE_SIDED:
        return pair
    if pair[1] not in ("Armed clash", "Attack"):
        return pair
    side = draft.target if draft.target != PERSON else None
    side = side or side_of_sectors(recipient_sectors) or (CIVILIAN if draft.target == PERSON else None)
    if side == CIVILIAN:
        return "Violence against civilians", "Attack"
    if side == ARMED:
        return "Battles", "Armed clash"
    return pair
