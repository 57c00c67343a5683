"""Token helpers shared by the trigger, mode and argument rules: lemmas that suit event
words, and what counts as a verb in a small model's parse."""
from __future__ import annotations

from spacy.tokens import Token

NAME_ENTS = {"DATE", "TIME", "ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW",
             "EVENT", "PRODUCT"}
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
PREP_OBJECT_DEPS = {"pobj", "pcomp"}
TARGET_PREPS = ("on", "against", "at", "upon", "into", "to")   # "an attack on ..."


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def noun_lemma(tok: Token) -> str:
    """Nouns in their singular, without spaCy's odd plural lemmas ("bases" -> "basis")."""
    low, lem = tok.text.lower(), lemma(tok)
    if lem.endswith("sis") and low.endswith("ses"):
        return low[:-1]
    if tok.tag_ in ("NNS", "NNPS") and lem == low and low.endswith("s") and not low.endswith("ss"):
        return low[:-1]
    return lem


def is_verb(tok: Token) -> bool:
    return (tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX") or _headline_verb(tok)
            or _infinitive_noun(tok))


def _infinitive_noun(tok: Token) -> bool:
    """"used artillery to bombard areas": a word the tagger calls a noun, with "to" as its own
    infinitive marker, is a verb."""
    return tok.pos_ == "NOUN" and tok.i > 0 and tok.doc[tok.i - 1].tag_ == "TO" and \
        tok.doc[tok.i - 1].head.i == tok.i and tok.doc[tok.i - 1].dep_ == "aux"


def _headline_verb(tok: Token) -> bool:
    """"Security forces fire tear gas at ...": headlines drop the words that tell the small
    model a verb is coming; a root noun with a subject and an object is that verb."""
    return tok.dep_ == "ROOT" and tok.pos_ == "NOUN" and {"nsubj", "dobj"} <= {c.dep_ for c in tok.children}


def root_participle(tok: Token) -> bool:
    """"On 3 May, a group of traders protested in front of the town hall": the small model
    hangs "protested" on "group" as a participle (acl) and leaves the sentence with no verb
    for root. A past-tense participle with no verb above it is the predicate, and the noun
    it hangs on its subject (an active verb: nothing marks it passive)."""
    if tok.dep_ != "acl" or tok.tag_ not in ("VBD", "VBN") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "agent") for c in tok.children):
        return False
    if not (tok.lemma_.lower() in ACTIVE_ONLY or any(c.dep_ == "dobj" for c in tok.children)):
        return False         # "Two contractors killed as rockets hit": a headline's passive
    return not any(is_verb(a) or a.pos_ == "AUX" for a in tok.ancestors)


# Verbs with no passive reading when they have a subject: "a group of drivers protested".
ACTIVE_ONLY = frozenset("protest demonstrate march rally riot clash fight gather assemble strike "
                        "picket".split())


def stray_subject(verb: Token) -> list[Token]:
    """"In Leon, Guanajuato, a man and a woman were shot": the parser hangs the subject on the
    place before it (as an apposition) and leaves the passive verb with none. The noun phrase
    right before the auxiliary, when it hangs on a noun rather than on a verb, is the subject."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    for tok in reversed(verb.doc[verb.sent.start: verb.i]):
        if tok.dep_ in ("auxpass", "aux", "neg", "advmod") or tok.is_punct:
            continue
        if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("GPE", "LOC", "FAC", "DATE"):
            return []
        head = tok
        while head.dep_ == "conj":
            head = head.head
        return [head] if head.dep_ in ("appos", "dep", "npadvmod") else []
    return []
