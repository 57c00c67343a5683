"""Find the words in a sentence that name events, and what PLOVER type and mode they carry."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Optional

from spacy.tokens import Span, Token

from flashpoint.extract import lexicon as lx
from flashpoint.extract.lexicon import Sense
from flashpoint.extract.modes import with_mode
from flashpoint.extract.scenes import burning_tyres, scene_sense, symbolic_burning
from flashpoint.extract.words import (
    NAME_ENTS, OBJECT_DEPS, PREP_OBJECT_DEPS, TARGET_PREPS, is_verb, lemma, noun_lemma,
)

__all__ = ["NAME_ENTS", "OBJECT_DEPS", "PREP_OBJECT_DEPS", "Trigger", "find_triggers", "is_verb",
           "lemma", "noun_lemma", "noun_sense", "verb_trigger", "with_mode"]

NO_EVENT = Sense("none")      # a verb whose object shows it names no event ("hosts troops")


@dataclass
class Trigger:
    head: Token                    # the verb (or noun) the event hangs on in the parse
    sense: Sense
    first: int                     # token index where the trigger words start
    last: int                      # token index of the last trigger word (inclusive)
    noun: Optional[Token] = None   # the event noun a light verb governs
    weapon: Optional[str] = None   # lemma of the word that gave the mode
    nominal: bool = False          # named only by a noun: weaker evidence

    @property
    def tokens(self) -> set[int]:
        return {self.head.i} | ({self.noun.i} if self.noun is not None else set())


def find_triggers(sent: Span) -> list[Trigger]:
    """Every event trigger in the sentence; nouns that a verb trigger governs are folded in."""
    found: list[Trigger] = []
    used: set[int] = set()
    for tok in sent:
        if is_verb(tok):
            trig = verb_trigger(tok)
            if trig is not None:
                found.append(trig)
                used |= trig.tokens
    for tok in sent:
        if tok.i not in used and _intent_adjective(tok):
            found.append(Trigger(tok, Sense("AGREE", None, "head"), tok.i, tok.i))
            used.add(tok.i)
        if tok.i not in used and _obligation_clause(tok):
            found.append(Trigger(tok, Sense("REQUEST", None, "obligation"), tok.i, tok.i))
            used.add(tok.i)
    for tok in sent:
        if tok.i in used or tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in NAME_ENTS:
            continue
        if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
            continue       # "border patrol agents": a modifier, not an event
        sense = noun_sense(tok)
        if sense is None:
            continue
        owner = _owning_trigger(tok, found)
        if owner is not None:
            _absorb(owner, tok, sense)
            continue
        found.append(with_mode(Trigger(tok, sense, _noun_first(tok), tok.i, nominal=True)))
    return [with_mode(t) for t in found]


def _intent_adjective(tok: Token) -> bool:
    """"France is ready to contribute troops": readiness is an intent (AGREE)."""
    return tok.pos_ == "ADJ" and lemma(tok) in lx.INTENT_ADJECTIVES and any(
        c.dep_ in ("xcomp", "prep") for c in tok.children)


def _obligation_clause(tok: Token) -> bool:
    """"X said that Y must do Z": a demand by X on Y, whatever Z is."""
    return is_verb(tok) and tok.dep_ == "ccomp" and lemma(tok.head) in lx.OBLIGATION_REPORTERS and any(
        c.dep_ == "aux" and lemma(c) in lx.MODALS_OBLIGATION for c in tok.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


# ---- verbs ---------------------------------------------------------------------------------------
def verb_trigger(tok: Token) -> Optional[Trigger]:
    lem = lemma(tok)
    phrase = _phrase(tok, lem)
    if phrase is not None:
        sense, last = phrase
        if sense.mode == "destroy" and _burns_people(tok):
            sense = Sense("ASSAULT")        # "set alight four men": a killing, not property damage
        elif sense.mode == "destroy" and burning_tyres(tok, "burn") is not None:
            sense = Sense("PROTEST", "riot")     # "set tyres alight"
        elif sense.mode == "destroy" and symbolic_burning(tok):
            sense = Sense("PROTEST", "demo")     # "set fire to an effigy": a sign, not damage
        return Trigger(tok, sense, min(tok.i, last), max(tok.i, last))
    inquiry = _inquiry(tok, lem) or _arrival(tok, lem)
    if inquiry is not None:
        return inquiry
    scene = scene_sense(tok, lem)
    if scene is not None:
        return Trigger(tok, scene, tok.i, tok.i)
    by_obj = _by_object(tok, lem)
    if by_obj is NO_EVENT:
        return None
    if by_obj is not None:
        return Trigger(tok, by_obj, tok.i, tok.i)
    sense = _hyphen_verb(tok, lem) or lx.VERBS.get(lem) or _misparsed_lemma(tok)
    if sense is not None and sense.mode == "destroy" and _burns_people(tok):
        sense = Sense("ASSAULT")            # "burned the two thieves": a killing
    elif sense is not None and sense.mode == "destroy" and symbolic_burning(tok):
        sense = Sense("PROTEST", "demo")    # "burnt an effigy of the minister": a protest
    if lem in lx.LIGHT_VERBS or lem in WEAPON_VERBS or (sense is not None and sense.role == "light"):
        light = _light(tok) or _weapon_use(tok, lem)
        if light is not None:
            return light
    if sense is None or sense.role == "light" or _no_target(tok, sense):
        return None
    sense = _impact(tok, sense)
    if sense.role == "head" and sense.type == "AGREE" and not _has_complement(tok):
        return None        # "offer" needs something offered
    if lem == "abuse" and any(lemma(c) == "sexually" for c in tok.children):
        sense = Sense("ASSAULT", "sexual")
    return Trigger(tok, sense, tok.i, tok.i, noun=_relative_event(tok) if sense.role == "casualty" else None)


def _burns_people(verb: Token) -> bool:
    from flashpoint.extract.targets import PEOPLE, person_guess

    obj = direct_object(verb)
    return obj is not None and (noun_lemma(obj) in PEOPLE or obj.ent_type_ == "PERSON"
                                or person_guess([obj]) is not None)


def _impact(verb: Token, sense: Sense) -> Sense:
    """"rockets slammed into the base", "shells hammered the town": a verb of criticism
    with a munition for subject names the hit itself (the weapon sets the mode later)."""
    if sense.type != "ACCUSE":
        return sense
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is not None and noun_lemma(subj) in lx.MUNITIONS:
        return Sense("ASSAULT")
    return sense


def _relative_event(verb: Token) -> Optional[Token]:
    """"a rocket strike (on the base) that killed two", "an attack during which a contractor
    was killed": the event noun the relative clause tells the toll of."""
    if verb.dep_ not in ("relcl", "advcl"):
        return None
    rel = next((t for t in verb.subtree if t.tag_ in ("WDT", "WP") and t.i < verb.i), None)
    if rel is None:
        return None
    noun = verb.head
    if rel.dep_ == "pobj" and verb.dep_ == "advcl":
        noun = _nearest_event_noun(verb)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun_sense(noun) is not None and noun_sense(noun).type == "ASSAULT":
        return noun
    return event_antecedent(noun)


def event_antecedent(noun: Token) -> Optional[Token]:
    """"a rocket strike on the base that killed two": the parser hangs the relative clause on
    the nearest noun (the base), but what killed was the strike. The event noun whose target
    phrase holds ``noun``, or None."""
    if noun.dep_ != "pobj" or lemma(noun.head) not in TARGET_PREPS:
        return None
    owner = noun.head.head
    sense = lx.NOUNS.get(noun_lemma(owner)) if owner.pos_ in ("NOUN", "PROPN") else None
    return owner if sense is not None and sense.type == "ASSAULT" else None


def _nearest_event_noun(verb: Token) -> Optional[Token]:
    """"blames X for an attack on Friday during which ...": the last ASSAULT noun before."""
    for tok in reversed(verb.doc[verb.sent.start: verb.left_edge.i]):
        sense = noun_sense(tok) if tok.pos_ == "NOUN" else None
        if sense is not None and sense.type == "ASSAULT":
            return tok
    return None


def _no_target(tok: Token, sense: Sense) -> bool:
    """"a fire burnt for an hour" (nothing burnt by anyone); "the wounded were flown out"
    (a participle used as a noun names people, not an event); "warned of more violence"
    (a warning about a possibility threatens no one)."""
    if sense.type == "REQUEST" and _anonymity(tok):
        return True
    if lemma(tok) in lx.WARNING and not any(c.dep_ in ("ccomp", "xcomp", "dobj", "dative")
                                            for c in tok.children):
        return True
    if sense.mode == "destroy" and direct_object(tok) is None and not any(
            c.dep_ in ("auxpass", "agent") for c in tok.children):
        return True
    return sense.role == "casualty" and any(c.dep_ == "det" for c in tok.children)


def _anonymity(tok: Token) -> bool:
    """"who asked not to be named": a passive infinitive about the speaker, asked of no one."""
    if any(c.dep_ in ("dobj", "dative", "obj") for c in tok.children):
        return False
    return any(c.dep_ == "xcomp" and any(g.dep_ == "auxpass" for g in c.children) for c in tok.children)


def _hyphen_verb(tok: Token, lem: str) -> Optional[Sense]:
    """"lathi-charged", "baton-charged": a verb the tokenizer split at its hyphen."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
            and not doc[tok.i - 2].whitespace_:
        return lx.VERBS.get(f"{doc[tok.i - 2].lower_}-{lem}")
    return None


def _misparsed_lemma(tok: Token) -> Optional[Sense]:
    """The small model sometimes lemmatises wrongly ("raped" -> "rap"): try the word itself."""
    low = tok.text.lower()
    for cut in (1, 2, 3):
        stem = low[:-cut]
        sense = lx.VERBS.get(stem) if low.endswith(("ed", "es", "s", "ing")) else None
        if sense is not None and _inflects(stem, low):
            return sense
    return None


def _inflects(stem: str, word: str) -> bool:
    """Is ``word`` a regular form of ``stem``? ("rape" -> "raped"; "ban" -> "banned", never
    "banged")."""
    forms = {stem + "s", stem + "es", stem + "d", stem + "ed", stem + "ing", stem[:-1] + "ing",
             stem + stem[-1] + "ed", stem + stem[-1] + "ing"}
    return word in forms


def _inquiry(tok: Token, lem: str) -> Optional[Trigger]:
    """"sent a team to investigate the killings": the sending opens the inquiry (ACCUSE)."""
    if lem not in ("send", "dispatch", "deploy"):
        return None
    for child in tok.children:
        if child.dep_ in ("advcl", "xcomp") and lemma(child) in lx.INQUIRY_VERBS and any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in child.children):
            return Trigger(tok, Sense("ACCUSE", "investigate"), tok.i, tok.i)
    return None


def _arrival(tok: Token, lem: str) -> Optional[Trigger]:
    """"Peacekeeping troops arrived in X": troops arriving are a deployment (MOBILIZE), and
    peacekeepers are protection given to the place (AID, CAMEO 074); a person arriving visits."""
    if lem != "arrive":
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    words = {noun_lemma(t) for t in subj.subtree} if subj is not None else set()
    if words & {"peacekeeper", "peacekeeping"}:
        return Trigger(tok, Sense("AID", "peacekeeping"), tok.i, tok.i)
    if words & lx.NOUN_CLASSES["forces"]:
        return Trigger(tok, Sense("MOBILIZE", "troops"), tok.i, tok.i)
    return None


WEAPON_VERBS = frozenset("use employ launch drop hurl throw fire".split())


def _weapon_use(tok: Token, lem: str) -> Optional[Trigger]:
    """"used chemical weapons against the town": a weapon turned on a target is an attack."""
    if lem not in WEAPON_VERBS:
        return None
    targets = [c for c in tok.children if c.dep_ == "prep" and lemma(c) in ("against", "on", "at")]
    for obj in (c for c in tok.children if c.dep_ in OBJECT_DEPS):
        if targets and object_class(obj) == "weapons":
            return Trigger(tok, Sense("ASSAULT"), tok.i, obj.i, noun=obj)
    return None


def _has_complement(tok: Token) -> bool:
    return any(c.dep_ in ("xcomp", "ccomp", "dobj", "dative") for c in tok.children)


def _phrase(tok: Token, lem: str) -> Optional[tuple[Sense, int]]:
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and (lem, after.lower_) in lx.PHRASES and after.lower_ in ("alight", "ablaze"):
        return lx.PHRASES[(lem, after.lower_)], after.i      # "set alight": tagged as a name at times
    for child in tok.children:          # "took to the streets"
        if child.dep_ == "prep" and lemma(child) == "to":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and (lem, noun_lemma(pobj)) in lx.PHRASES:
                return lx.PHRASES[(lem, noun_lemma(pobj))], pobj.i
    for child in tok.children:
        key = noun_lemma(child) if child.dep_ in OBJECT_DEPS else lemma(child)
        if child.dep_ in ("prt", "prep", "advmod") or child.dep_ in OBJECT_DEPS:
            sense = lx.PHRASES.get((lem, key))
            if sense is not None:
                return sense, child.i
    return None


def _by_object(tok: Token, lem: str) -> Optional[Sense]:
    table = lx.BY_OBJECT.get(lem)
    if table is None:
        return None
    obj = direct_object(tok)
    if obj is None:
        aimed = any(c.dep_ == "prep" and lemma(c) in ("at", "on", "upon", "against", "towards", "toward")
                    for c in tok.children)
        return table.get("") if lem in lx.VERBS or aimed else None    # "fired on the positions of" 
    klass = object_class(obj)
    key = klass if klass in table else ""
    if key not in table:
        return None
    return table[key] or NO_EVENT


def direct_object(tok: Token) -> Optional[Token]:
    for child in tok.children:
        if child.dep_ in OBJECT_DEPS or (child.dep_ == "nsubjpass"):
            return child
    return None


def object_class(obj: Token) -> str:
    """Which NOUN_CLASSES group an object belongs to, using entity labels for names."""
    obj = _through_partitive(obj)
    if obj.ent_type_ in ("GPE", "LOC", "FAC"):
        return "place"
    if obj.ent_type_ in ("PERSON", "NORP"):
        return "person"
    word = noun_lemma(obj)
    if word == "state" or word == "law":
        word = "emergency" if word == "state" else "law"
    modifiers = [noun_lemma(c) for c in obj.children if c.dep_ in ("compound", "amod")]
    for candidate in [word] + modifiers:          # "mediation efforts", "aid deliveries"
        for klass, words in lx.NOUN_CLASSES.items():
            if candidate in words:
                return klass
    return ""


PARTS = frozenset("part one some most all half group number mission delegation team batch "
                  "patch section".split())


def _through_partitive(tok: Token) -> Token:
    """"captured part of a stronghold" -> stronghold."""
    if noun_lemma(tok) in PARTS:
        of = next((c for c in tok.children if c.dep_ == "prep" and lemma(c) == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        return pobj if pobj is not None else tok
    return tok


def _light(tok: Token) -> Optional[Trigger]:
    """A light verb whose event is its object or its "with" noun ("retaliated with strikes")."""
    for noun in _light_nouns(tok):
        sense = noun_sense(noun)
        if sense is not None:
            sense = _light_reading(lemma(tok), sense)
            return Trigger(tok, sense, min(tok.i, noun.i), max(tok.i, noun.i), noun=noun)
    return None


def _light_reading(verb: str, sense: Sense) -> Sense:
    """A few verbs change what their noun means: "lodged a protest" is a diplomatic complaint
    (CAMEO 114), "declared a ceasefire" is a truce (CAMEO 0871, RETREAT)."""
    if verb in ("lodge", "file") and sense.type == "PROTEST":
        return Sense("ACCUSE", "allege")
    if verb in ("declare", "announce", "observe") and sense.mode == "ceasefire":
        return Sense("RETREAT", "ceasefire")
    return sense


def _light_nouns(tok: Token) -> Iterable[Token]:
    for child in tok.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
            yield child
            yield from child.conjuncts          # "conducted five precision, defensive strikes"
    for child in tok.children:
        if child.dep_ == "prep" and lemma(child) in ("with", "in", "on", "into"):
            yield from (g for g in child.children if g.dep_ == "pobj")


# ---- nouns ---------------------------------------------------------------------------------------
def noun_sense(tok: Token) -> Optional[Sense]:
    word = noun_lemma(tok)
    joined = hyphen_word(tok)
    if joined in lx.NOUNS:
        return lx.NOUNS[joined]              # "shoot-outs", "a protest sit-in"
    if word == "exchange" and any(noun_lemma(g) in ("fire", "gunfire") for c in tok.children
                                  if c.dep_ == "prep" and lemma(c) == "of" for g in c.children):
        return lx.NOUNS["firefight"]          # "an exchange of fire"
    for child in tok.children:
        if child.dep_ in ("compound", "amod", "nmod"):
            if (noun_lemma(child), word) in lx.NOT_EVENT_COMPOUNDS:
                return None
            sense = lx.NOUN_COMPOUNDS.get((noun_lemma(child), word))
            if sense is not None:
                return sense
            if word in lx.GENERIC_EVENT_HEADS and child.dep_ == "compound" and noun_lemma(child) in lx.NOUNS:
                return lx.NOUNS[noun_lemma(child)]       # "a mediation effort" is a mediation
    sense = lx.NOUNS.get(word)
    if sense is not None and sense.type == "PROTEST" and _turned_violent(tok):
        return Sense("PROTEST", "riot")               # "the march turned violent"
    if word == "strike" and tok.dep_ == "pobj" and lemma(tok.head) == "on":
        return Sense("PROTEST", "boycott")          # "went on strike"
    if word == "law" or word == "emergency":
        return _state_of(tok)
    if word == "fire" and not _gunfire(tok):
        return None
    return lx.NOUNS.get(word) or _counted_fire(tok)


# Nouns that count fire, and the sense of the fire they count.
COUNTED_FIRE = {"shot": "gunfire", "gunshot": "gunfire", "burst": "gunfire", "projectile": "shelling"}


def _counted_fire(tok: Token) -> Optional[Sense]:
    """"recorded 12 shots", "a total of 40 projectiles/shots", "six bursts of fire": fire
    counted in the plural is fighting someone saw or heard. Uncounted, a "shot" may be a photo
    and thrown "projectiles" are a crowd's stones."""
    word = noun_lemma(tok)
    if word not in COUNTED_FIRE or tok.tag_ != "NNS" or lemma(tok.head) in ("throw", "hurl", "pelt", "take"):
        return None
    if any(lemma(c) == "of" and not any(noun_lemma(g) == "fire" for g in c.children) for c in tok.children):
        return None          # "40 shots of the parade"
    listed = [tok] + [c for c in tok.children if c.dep_ in ("nmod", "compound")]      # "projectiles/shots"
    if not any(g.dep_ == "nummod" and g.like_num for t in listed for g in t.children):
        return None
    if word == "burst" and not any(noun_lemma(g) == "fire" for c in tok.children for g in c.children):
        return None
    return lx.NOUNS[COUNTED_FIRE[word]]


def _turned_violent(tok: Token) -> bool:
    return tok.dep_ == "nsubj" and lemma(tok.head) in ("turn", "become", "grow") and any(
        lemma(c) in ("violent", "deadly", "bloody") for c in tok.head.children if c.dep_ in ("acomp", "oprd"))


def hyphen_word(tok: Token) -> str:
    """"shoot-out" is three tokens to the tagger ("shoot", "-", "outs"): the whole word."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
            and not doc[tok.i - 2].whitespace_:
        return f"{doc[tok.i - 2].lower_}-{noun_lemma(tok)}"
    return ""


FIRE_WEAPONS = frozenset(w for mode, words in lx.MODE_WORDS if mode != "crowd-control" for w in words)


def _gunfire(tok: Token) -> bool:
    """"rocket fire", "sniper fire", "came under fire": shooting. A bare "fire" burns."""
    if any(noun_lemma(c) in FIRE_WEAPONS | {"cross", "machine", "heavy", "live", "hostile"}
           for c in tok.children if c.dep_ in ("compound", "amod", "nmod")):
        return True
    return tok.dep_ == "pobj" and lemma(tok.head) in ("under", "with")


def _state_of(tok: Token) -> Optional[Sense]:
    """"martial law", "state of emergency" / "state of siege"."""
    if noun_lemma(tok) == "law" and any(lemma(c) == "martial" for c in tok.children):
        return Sense("COERCE", "martial-law")
    if tok.dep_ == "pobj" and noun_lemma(tok.head.head) == "state":
        return Sense("COERCE", "martial-law")
    return None


def _noun_first(tok: Token) -> int:
    first = tok.i
    for child in tok.lefts:
        if child.dep_ in ("compound", "amod") and child.i == first - 1:
            first = child.i
    return first


def _owning_trigger(noun: Token, found: list[Trigger]) -> Optional[Trigger]:
    """The verb trigger this noun only elaborates ("killed ... in a drone strike")."""
    by_head = {t.head.i: t for t in found}
    hops, cur = 0, noun
    while hops < 3 and cur.dep_ in ("pobj", "prep", "agent", "dobj", "compound", "conj", "nsubjpass", "nsubj"):
        cur = cur.head
        hops += 1
        owner = by_head.get(cur.i)
        if owner is not None:
            return owner if _compatible_fold(owner, noun) else None
    return None


def _compatible_fold(owner: Trigger, noun: Token) -> bool:
    sense = noun_sense(noun)
    return sense is not None and (sense.type == owner.sense.type or owner.sense.role == "casualty")


def _absorb(owner: Trigger, noun: Token, sense: Sense) -> None:
    if owner.sense.role == "casualty" and sense.type == "ASSAULT":
        owner.sense = replace(sense, role="event")
    if owner.noun is None:
        owner.noun = noun
    if owner.sense.mode is None and sense.mode is not None:
        owner.sense = replace(owner.sense, mode=sense.mode)
