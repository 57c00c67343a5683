"""ACLED's disorder codes that need the whole article: a protest that turns violent, a crowd
that attacks, a protest broken up with arrests.

ACLED Codebook (2019, 2023): "Violent demonstration" is a demonstration in which the
demonstrators engage in violence or destruction (stones thrown, tyres and property burned,
police attacked); "Mob violence" is violence by an unorganised crowd with no demonstration
(a lynching, villagers attacking a suspect); "Protest with intervention" is a peaceful protest
that is dispersed or suppressed, including by arrests, without serious injury. One
demonstration is one event, so the violent acts of the demonstrators take the protest's code.
"""
from __future__ import annotations

from typing import Sequence

from flashpoint.extract.draft import Draft

RIOTS = "Riots"
# Unorganised people: when they are the ones who attack, the violence is a riot, not a battle.
CROWD_WORDS = frozenset("protester demonstrator rioter crowd mob resident villager youth local "
                        "inhabitant community neighbor neighbour student worker prisoner inmate "
                        "supporter fan vigilante trader vendor citizen people".split())
# Words that make a crowd word an armed group's: "armed youth", "unidentified people".
NOT_A_CROWD = frozenset("armed gun-wielding unidentified unknown masked hooded".split())
# Only these codes become riot codes: a crowd taking over a building is no riot.
RECODED = frozenset({"Armed clash", "Attack", "Looting/property destruction"})
# Modes of violence a crowd commits (not shelling, air strikes or bombs: those need an army).
CROWD_MODES = frozenset({None, "beat", "primitive", "destroy", "firearms", "torture"})


def mark_disorder(drafts: list[Draft], dates: Sequence = (), doc=None) -> None:
    """Recode, in place, the protests and crowd violence of one article (after merging).
    ``doc``, the article's parse, tells which arrests are what a protest was about."""
    protests = [d for d in drafts if d.event_type == "PROTEST" and not d.background]
    violent = [d for d in drafts if _crowd_violence(d) or protests and _unnamed_stoning(d)]
    rioting = [d for d in protests if d.mode == "riot"]
    if protests and (violent or rioting):
        dispersals = [d for d in drafts if d.event_type == "ASSAULT" and d.mode == "crowd-control"
                      and not d.background]          # breaking up a riot is part of the riot
        for d in protests + violent + dispersals:
            d.acled_event_type, d.acled_sub_event_type = RIOTS, "Violent demonstration"
        return
    for d in violent:     # demonstrators' violence is a demonstration even when no word says so
        sub = "Violent demonstration" if d.crowd == "protesters" else "Mob violence"
        d.acled_event_type, d.acled_sub_event_type = RIOTS, sub
    arrests = [d for d in drafts if d.event_type == "COERCE" and d.mode == "arrest" and not d.background
               and not (doc is not None and protest_cause(d, protests, doc))]
    for d in protests:
        if arrests and d.acled_sub_event_type == "Peaceful protest" and not dated_apart(d, arrests, dates):
            d.acled_sub_event_type = "Protest with intervention"
            for arrest in arrests:     # the arrests at the protest are how it was stopped: one event
                arrest.acled_event_type, arrest.acled_sub_event_type = "Protests", "Protest with intervention"


def _unnamed_stoning(d: Draft) -> bool:
    """"Some threw stones at the police lines", "tyres were set alight": at a protest, violence
    by hand with no one named is the demonstrators'."""
    return (d.event_type == "ASSAULT" and not d.actors and d.mode in ("primitive", "destroy", "beat")
            and not d.background and d.acled_sub_event_type in RECODED)


def _crowd_violence(d: Draft) -> bool:
    """Violence by unorganised people; "people" who shoot someone are gunmen, not a mob."""
    return (d.event_type == "ASSAULT" and d.crowd and d.mode in CROWD_MODES and not d.background
            and d.acled_sub_event_type in RECODED and not (d.crowd == "people" and d.mode == "firearms"))


DEMONSTRATORS = frozenset("protester demonstrator rioter".split())


def crowd_kind(head) -> str:
    """"protesters" for demonstrators, "people" for people (many of them: "a group of people",
    "about 300 people"), "crowd" for another unarmed crowd word with no "armed" modifier
    ("armed youth" are a militia, "unidentified people" gunmen), else ""."""
    from flashpoint.extract.words import noun_lemma

    head = _group_of(head)
    word = noun_lemma(head)
    words = {word} | {noun_lemma(c) for c in head.children if c.dep_ == "compound"}   # "community members"
    if not words & CROWD_WORDS or any(c.lower_ in NOT_A_CROWD for c in head.children):
        return ""
    if word == "people" and _few(head):
        return ""              # "three people stabbed a man": a few attackers are no crowd
    return "protesters" if word in DEMONSTRATORS else "people" if word == "people" else "crowd"


def _few(head) -> bool:
    """"three people", "2 people": fewer than ten."""
    for c in head.children:
        if c.dep_ == "nummod":
            text = c.lower_.replace(",", "")
            return text.isdigit() and int(text) < 10 or text in SMALL_NUMBERS
    return False


SMALL_NUMBERS = frozenset("two three four five six seven eight nine few".split())


# Words that join a protest to what it was about: "protested against the detention of ...",
# "a protest over the arrests", "marched after police arrested two youths".
CAUSE_LINKS = frozenset("against over after following for about because since demand condemn "
                        "denounce decry".split())


def protest_cause(arrest: Draft, protests: list[Draft], doc) -> bool:
    """The arrest is what a protest is about, not how it was stopped: its word hangs under a
    protest's word through "against", "over", "after", "demanding" and the like ("lawyers
    protested against the detention of a colleague", "residents marched after police arrested
    two youths"). ACLED codes such a protest as peaceful (Protest with intervention needs the
    protest itself dispersed or its demonstrators arrested)."""
    heads = {doc.char_span(*p.trigger, alignment_mode="expand")[0].i for p in protests}
    tok = doc.char_span(*arrest.trigger, alignment_mode="expand")[0]
    linked = False
    while tok.head.i != tok.i and tok.i not in heads:
        linked = linked or tok.lemma_.lower() in CAUSE_LINKS or any(
            c.dep_ == "mark" and c.lemma_.lower() in CAUSE_LINKS for c in tok.children)
        tok = tok.head
    return tok.i in heads and linked


def _group_of(head):
    """"a group of people", "a number of villagers": the people, not the group."""
    from flashpoint.extract.words import noun_lemma

    if noun_lemma(head) not in ("group", "number", "band", "crowd"):
        return head
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return pobj if pobj is not None and not any(c.lower_ in NOT_A_CROWD for c in head.children) else head


def dated_apart(protest: Draft, others: list[Draft], dates: Sequence) -> bool:
    """The protest tells a date that none of the arrests shares: another day's events."""
    own = set(protest.dates)
    theirs = {k for d in others for k in d.dates}
    return bool(own) and bool(theirs) and not own & theirs
