"""Events no trigger word names, told by the scene: a body found, people gathered to make a
demand, tyres burning in the road, a munition landing. Each rule reads a verb with what
hangs on it and gives the Sense the verb stands for, or None (triggers.verb_trigger asks)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from flashpoint.extract import lexicon as lx
from flashpoint.extract.lexicon import Sense
from flashpoint.extract.words import is_verb, lemma, noun_lemma


def scene_sense(tok: Token, lem: str) -> Optional[Sense]:
    return (_found_dead(tok, lem) or _gathering(tok, lem) or burning_tyres(tok, lem)
            or _munition_impact(tok, lem))


REMAINS = frozenset("body corpse remains head skeleton".split())


def _found_dead(tok: Token, lem: str) -> Optional[Sense]:
    """"a man was found dead", "the bodies of two men were found": a violent death whose
    killer is unknown (ACLED codes it as an attack by an unidentified group)."""
    if lem not in ("find", "discover", "recover", "dump", "throw", "leave"):
        return None
    found = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    dead = any(c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "xcomp", "advmod", "dobj", "ccomp")
               for c in tok.children) or any(c.lower_ == "dead" for f in found for c in f.children)
    remains = any(noun_lemma(c) in REMAINS for c in found)
    if not (dead and (found or lem == "find")) and not remains:
        return None
    return Sense("ASSAULT", None, "casualty")


def found_dead(tok: Token) -> bool:
    """The verb tells a body found ("was found dead", "the body of a man was dumped"). ACLED
    codes such a death as an Attack on a civilian unless the dead are said to be combatants."""
    return _found_dead(tok, lemma(tok)) is not None


IMPACT_VERBS = frozenset("fall land explode crash rain impact detonate".split())


def _munition_impact(tok: Token, lem: str) -> Optional[Sense]:
    """"shells fired by X fell in Y", "a rocket landed near the embassy": a munition that
    arrives is an attack (the weapon sets the mode later)."""
    if lem not in IMPACT_VERBS:
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or noun_lemma(subj) not in lx.MUNITIONS:
        return None
    fired = any(c.dep_ == "acl" for c in subj.children)          # "shells fired by X"
    named = any(g.ent_type_ in ("GPE", "LOC", "FAC") for c in tok.children if c.dep_ == "prep"
                for g in c.subtree)                                 # "fell in Ayn Zara"
    if not (fired or named):
        return None          # "rockets landed inside the base": a detail of the attack told
    return Sense("ASSAULT", None, "impact")


TYRES = frozenset("tire tyre barricade".split())
# Things burned as a sign, not as damage: "burned an effigy of the minister", "set fire to the
# flag". ACLED codes a demonstration that burns effigies, flags or portraits as peaceful: no
# one's property is destroyed and no one is hurt (ACLED Codebook, Peaceful protest).
SYMBOLS = frozenset("effigy flag poster banner portrait picture photo photograph placard "
                    "copy image".split())


def symbolic_burning(tok: Token) -> bool:
    """The verb burns a symbol: its object ("burnt an effigy", "effigies were burned"), or what
    it sets fire to ("set fire to an effigy"), is an effigy, flag, portrait or the like."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in tok.children if c.dep_ == "prep" and lemma(c) == "to"
             for g in c.children if g.dep_ == "pobj"]
    return any(noun_lemma(o) in SYMBOLS for o in objs)


def burning_tyres(tok: Token, lem: str) -> Optional[Sense]:
    """"residents burned tyres", "set barricades on fire", "blocked the road with burning
    tyres / branches": fire in the street is a demonstration that uses destruction (ACLED:
    Violent demonstration)."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    withs = [g for c in tok.subtree if c.dep_ in ("prep", "agent") and lemma(c) in ("with", "by")
             and c.head.i in (tok.i, *(o.i for o in objs)) for g in c.subtree if g.dep_ in ("pobj", "dobj")]
    if lem in ("burn", "light", "torch", "set") and any(noun_lemma(o) in TYRES for o in objs):
        return Sense("PROTEST", "riot")
    if lem in ("block", "barricade", "close", "obstruct") and any(
            noun_lemma(w) in TYRES or any(lemma(c) in ("burning", "burn", "flaming") for c in w.children)
            for w in withs):
        return Sense("PROTEST", "riot")       # "blocked the road with burning branches"
    return None


GATHER_VERBS = frozenset("gather assemble converge congregate mass camp rally".split())
CAUSE_VERBS = frozenset("demand protest denounce condemn reject oppose decry call press urge "
                        "express claim voice seek request ask pressure".split())
# Processions that people hold to make a demand: "held a motorcade to demand lower taxes".
PROCESSIONS = frozenset("motorcade caravan procession cavalcade convoy".split())
# "gathered ... in solidarity with the strikers", "in protest at the closure".
CAUSE_NOUNS = frozenset("solidarity protest".split())


def _gathering(tok: Token, lem: str) -> Optional[Sense]:
    """"bus drivers gathered outside the depot to demand their wages": people who come
    together to make a demand hold a protest (CAMEO 141), though no word says "protest"."""
    held = lem in ("hold", "stage", "do", "organize", "organise") and any(
        c.dep_ == "dobj" and noun_lemma(c) in PROCESSIONS for c in tok.children)
    if lem not in GATHER_VERBS and not held:
        return None
    purposes = [c for c in tok.subtree if c.i > tok.i and lemma(c) in CAUSE_VERBS and is_verb(c)
                and (any(a.tag_ == "TO" for a in c.children) or c.dep_ == "conj" or c.tag_ == "VBG")]
    causes = [g for c in tok.subtree if c.dep_ == "prep" and lemma(c) == "in"
              for g in c.children if noun_lemma(g) in CAUSE_NOUNS]
    if not purposes and not causes:  # "to protest", "to commemorate ... and denounce", "demanding ..."
        return None
    return Sense("PROTEST", "demo")
