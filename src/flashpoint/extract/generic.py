"""Statements about a kind of event, not about one: a pattern, a trend or a habit.

"Kidnapping for ransom has become a lucrative business", "rocket fire at the bases has been
frequent since 2020", "militias stepped up their sporadic rocket fire", "bandits raid villages":
each names events, but none reports one that happened at a time and place, so none is a draft.
An event a pattern sentence embeds with a date of its own ("since January 2020, when a drone
strike killed ...") has a trigger of its own and is judged on its own.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from flashpoint.extract import lexicon as lx
from flashpoint.extract.triggers import Trigger, lemma

DETERMINERS = ("det", "poss", "nummod")


def is_generic(trig: Trigger, headline: bool) -> bool:
    """True when the trigger names a pattern of events rather than one event."""
    noun = _event_noun(trig)
    if noun is not None and (_frequent(noun) or _trend(noun) or _characterised(noun)):
        return True
    return not trig.nominal and not headline and (_habitual(trig.head) or _disposition(trig.head))


def _event_noun(trig: Trigger) -> Optional[Token]:
    if trig.noun is not None:
        return trig.noun
    return trig.head if trig.nominal else None


def _frequent(noun: Token) -> bool:
    """"sporadic rocket fire", "repeated attacks": how often, so many events, none in particular."""
    return any(c.dep_ == "amod" and c.lower_ in lx.FREQUENCY for c in noun.children)


def _trend(noun: Token) -> bool:
    """"stepped up their rocket fire", "intensified attacks": the object is a run of events."""
    verb = noun.head
    if noun.dep_ != "dobj" or lemma(verb) not in lx.TREND_VERBS:
        return False
    return lemma(verb) != "step" or any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def _characterised(noun: Token) -> bool:
    """A bare event noun as the subject of a copula that says what such events are like:
    "Kidnapping has become a business", "Rocket fire has been frequent". A definite one
    ("The attack was the deadliest") is about one event and is kept."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or lemma(verb) not in lx.COPULAS:
        return False
    if any(c.dep_ in DETERMINERS for c in noun.children):
        return False
    complements = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
    if any(c.lower_ in lx.FREQUENCY for c in complements):
        return True
    return bool(complements) and (lemma(verb) != "be" or any(c.dep_ == "attr" for c in complements))


def _habitual(verb: Token) -> bool:
    """Simple present with bare plurals on both sides: "bandits raid villages" is what they do,
    not what they did (headlines, written in the present for past events, are not judged here)."""
    if verb.tag_ not in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(subjects) and bool(objects) and all(_bare_plural(t) for t in subjects + objects)


def _bare_plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in DETERMINERS for c in tok.children)


# Objects that name no one in particular: "listen to anyone", "co-ordinate with others".
ANYONE = frozenset("anyone anybody everyone everybody others nobody".split())


def _disposition(verb: Token) -> bool:
    """A simple present about anyone at all says how an actor behaves, not what it did: "they
    do not listen to anyone, and they refuse to co-ordinate with others"."""
    if not _simple_present(verb):
        return False
    verbs = [verb] + ([verb.head] if verb.dep_ == "conj" and _simple_present(verb.head) else [])
    return any(t.dep_ in ("dobj", "pobj") and t.lower_ in ANYONE for v in verbs for t in v.subtree)


def _simple_present(verb: Token) -> bool:
    if verb.tag_ in ("VBP", "VBZ"):
        return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    # "do not listen": the auxiliary carries the tense.
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ in ("do", "does") for c in verb.children)
