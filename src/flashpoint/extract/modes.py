"""An ASSAULT's mode (PLOVER) from the weapons named around its trigger."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable, Optional

from spacy.tokens import Token

from flashpoint.extract import lexicon as lx
from flashpoint.extract.words import OBJECT_DEPS, is_verb, lemma, noun_lemma

if TYPE_CHECKING:
    from flashpoint.extract.triggers import Trigger


def with_mode(trig: Trigger) -> Trigger:
    """Refine an ASSAULT's mode from the weapons named around it (a stronger weapon wins)."""
    if trig.sense.type != "ASSAULT":
        return trig
    words = {_weapon_word(t): t for t in _weapon_context(trig)}
    if DEVICES & (set(words) | {noun_lemma(t) for t in trig.head.sent}):
        words.pop("explosions", None)     # "a bomb caused two explosions": the device says what it was
    for mode, vocab in lx.MODE_WORDS:
        hit = next((w for w in words if w in vocab), None)
        if hit is not None:
            if _outranks(mode, trig.sense.mode):
                trig.sense = replace(trig.sense, mode=mode)
            trig.weapon = trig.weapon or hit
            break
    return trig


_RANK = {m: i for i, (m, _) in enumerate(lx.MODE_WORDS)}


# Words that name a planted or thrown device (ACLED 2023, Remote explosive/landmine/IED).
# The kinds of IED: remote-controlled, vehicle-borne, person-borne, suicide vehicle-borne.
DEVICES = frozenset("bomb ied rcied vbied pbied svbied explosive landmine mine grenade booby-trap "
                    "roadside device".split())


def _weapon_word(tok: Token) -> str:
    """The weapon a word names: a "grenade launcher" fires grenades from a distance (indirect
    fire, which ACLED codes as shelling, not the hand grenade its Grenade type means); "small
    arms" are guns. Explosions counted in the plural with no device named ("several
    explosions near the front") are fire from afar, which ACLED codes as shelling; a single
    blast is the device's."""
    word = noun_lemma(tok)
    if word in ("explosion", "blast", "detonation") and tok.tag_ == "NNS":
        return "explosions"
    if word == "projectile" and lemma(tok.head) in ("throw", "hurl", "pelt", "lob"):
        return "stone"        # thrown by hand: a crowd's stones and bottles, not artillery
    if word == "grenade" and tok.dep_ == "compound" and noun_lemma(tok.head) == "launcher":
        return "launcher"
    if word == "arm" and any(lemma(c) in ("small", "light") for c in tok.children):
        return "firearm"
    if word == "bomb" and any(lemma(c) in ("petrol", "gasoline", "fire") for c in tok.children):
        return "molotov"      # a petrol bomb is thrown by hand, not an explosive device
    return word


def _outranks(new: str, old: Optional[str]) -> bool:
    if old is None:
        return True
    if old not in _RANK:           # targeted, abduct, destroy...: the verb said more
        return False
    return _RANK[new] < _RANK[old]


def _weapon_context(trig: Trigger) -> Iterable[Token]:
    """Modifiers of the trigger words, and the objects of with/by/using/in/of next to them."""
    heads = [trig.head] + ([trig.noun] if trig.noun is not None else [])
    for head in heads:
        if not is_verb(head):
            yield head          # "bombing" names a weapon; "bombed" says nothing of one
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod", "npadvmod", "advmod") or child.dep_ in OBJECT_DEPS:
                yield child
                if noun_lemma(child) not in lx.NOUN_CLASSES["place"]:      # "air base": no aircraft
                    yield from (g for g in child.children if g.dep_ in ("compound", "amod"))
            if child.dep_ in ("prep", "agent") and lemma(child) in ("with", "by", "using", "in", "of", "from"):
                for pobj in child.children:
                    yield from _np_words(pobj)
            if child.dep_ in ("nsubj", "nsubjpass"):
                yield from _np_words(child)
        if head.dep_ in ("xcomp", "advcl") and lemma(head.head) in ("use", "employ"):
            yield from (t for c in head.head.children if c.dep_ in OBJECT_DEPS for t in _np_words(c))
        if head.dep_ == "pobj" and lemma(head.head) == "in":
            yield from (t for t in head.head.head.children if t.dep_ in ("nsubj",))


def _np_words(tok: Token) -> Iterable[Token]:
    yield tok
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            yield child
        if child.dep_ == "prep" and lemma(child) == "of":
            yield from (g for g in child.children if g.dep_ == "pobj")


def with_small_arms(trig: Trigger) -> bool:
    """Heavy weapons fired along with small arms ("mortars, machine guns and small arms at the
    positions"), or fire that went both ways: ground fighting, which ACLED codes as an Armed
    clash, not shelling (one side firing at a target out of reach)."""
    if trig.sense.mode != "heavy-weapons":
        return False
    if exchanged(trig):
        return True
    firearms = dict(lx.MODE_WORDS)["firearms"]
    listed = [c for t in _weapon_context(trig) for c in (t, *t.conjuncts)]
    return any(_weapon_word(t) in firearms for t in listed + [g for c in listed for g in c.children
                                                             if g.dep_ in ("compound", "amod")])


def exchanged(trig: Trigger) -> bool:
    """The sentence says the fire went both ways: "in both directions", "exchanged fire", "an
    exchange of gunshots", "traded artillery fire", "shot back", "returned fire" ("both sides
    of the river" is a place)."""
    for tok in trig.head.sent:
        if lemma(tok) == "both" and noun_lemma(tok.head) == "direction":
            return True
        if lemma(tok) in ("exchange", "trade", "return") and any(
                noun_lemma(t) in SHOTS for c in tok.children for t in (c, *c.children)):
            return True
        if lemma(tok) in ("shoot", "fire") and any(c.lower_ == "back" for c in tok.children):
            return True
    return False


SHOTS = frozenset("fire gunfire shot gunshot".split())
