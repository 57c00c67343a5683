"""Did the event happen? Threats, demands, plans, denials, questions and negations are not
the event they mention: they become THREATEN / REQUEST / AGREE / REJECT, or nothing.

The rules read the dependency path from the trigger up to the sentence root: a modal or a
negation on the trigger's own clause, and the verbs it hangs from ("vowed to", "refused to",
"prevented", "said that ... must").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from flashpoint.extract import lexicon as lx
from flashpoint.extract.triggers import Trigger, lemma
from flashpoint.extract.words import root_participle
from flashpoint.ontology import CONFLICTUAL_TYPES, COOPERATIVE_TYPES, threat_mode

EMBED_DEPS = {"xcomp", "ccomp", "advcl", "pcomp", "dobj", "pobj", "prep", "acomp", "relcl",
              "acl", "conj", "nsubj", "nsubjpass", "attr", "oprd", "compound", "amod", "appos"}
DROP = None


@dataclass
class Outcome:
    type: str
    mode: Optional[str]
    kind: str                    # asserted | intent | request | rejected
    penalty: float = 0.0         # taken off the confidence
    via: Optional[Token] = None  # the verb whose subject is the actor ("vowed", "said")
    reported: bool = False


def assess(trig: Trigger, trigger_heads: set[int]) -> Optional[Outcome]:
    """How the sentence presents this trigger, or None when it states no event at all."""
    head = trig.head
    if head.doc[head.sent.end - 1].text == "?" or _in_condition(head):
        return DROP
    if _without(head) or _stative_passive(head, trig) or (_adjectival(head) and trig.sense.role != "casualty"
                                                        and not _message_content(head)):
        return DROP
    base = Outcome(trig.sense.type, trig.sense.mode, "asserted")
    if _negated(head, trig):
        return _negate(base)
    if trig.nominal and is_reference(trig.head):
        return DROP
    if trig.sense.role == "head" and trig.sense.type == "AGREE" and _conflictual_complement(head):
        base = Outcome("THREATEN", "violence", "intent")     # "offered to strike", "ready to fight"
    outcome = _governors(trig, base, trigger_heads)
    if outcome is DROP:
        return DROP
    modal_head = head.head if trig.nominal and head.dep_ in ("dobj", "nsubjpass") else head
    return _own_modal(modal_head, outcome)


def _conflictual_complement(head: Token) -> bool:
    from flashpoint.extract.triggers import verb_trigger

    for child in head.children:
        if child.dep_ in ("xcomp", "ccomp"):
            inner = verb_trigger(child)
            if inner is not None and inner.sense.type in CONFLICTUAL_TYPES:
                return True
    return False


def _negated(head: Token, trig: Trigger) -> bool:
    toks = [head] + ([trig.noun] if trig.noun is not None else [])
    for tok in toks:
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and lemma(child) == "no"):
                return True
    return False


def _negate(out: Outcome) -> Optional[Outcome]:
    if out.type in COOPERATIVE_TYPES:     # a refused cooperation is a REJECT
        return Outcome("REJECT", None, "rejected", 0.1, out.via, out.reported)
    return DROP


def _adjectival(head: Token) -> bool:
    """"Iran-backed militias", "an entity sanctioned by America", "the coalition fighting
    ISIS": a description of someone, not an event."""
    return (head.tag_ == "VBN" and head.dep_ in ("amod", "compound")) or (
        head.dep_ == "acl" and not root_participle(head))


def _message_content(head: Token) -> bool:
    """"issued a declaration demanding that ...": what a document says, not a description."""
    return head.dep_ == "acl" and head.tag_ == "VBG" and lemma(head.head) in lx.MESSAGE_NOUNS


def _stative_passive(head: Token, trig: Trigger) -> bool:
    """"where troops are deployed": a present state, with no agent and no event. A stance
    ("Israel is opposed to", "is committed to") is the attitude itself, and counts."""
    if trig.sense.role == "head":
        return False
    aux = [c for c in head.children if c.dep_ == "auxpass"]
    return bool(aux) and aux[0].tag_ in ("VBP", "VBZ") and not any(c.dep_ == "agent" for c in head.children)


def _without(head: Token) -> bool:
    return head.dep_ == "pcomp" and lemma(head.head) == "without"


def _in_condition(tok: Token) -> bool:
    """Inside an if / unless / whether clause, or a question."""
    cur = tok
    while True:
        if any(c.dep_ == "mark" and lemma(c) in ("if", "unless", "whether") for c in cur.children):
            return True
        if cur.head.i == cur.i or cur.dep_ not in EMBED_DEPS:
            return False
        cur = cur.head


def is_reference(noun: Token) -> bool:
    """"after the strikes", "in response to the attack": an earlier event, not a new one,
    unless the noun carries its own date ("Friday's rocket assault")."""
    if _has_own_date(noun):
        return False
    if noun.dep_ == "poss":
        return True          # "the airstrikes' intended targets"
    if noun.dep_ == "nsubj" and lemma(noun.head) == "be" and any(
            c.dep_ == "det" and lemma(c) in ("the", "this", "that") for c in noun.children):
        return True          # "The strike was the third on the base": a recap of a told event
    if noun.dep_ == "pobj":
        prep = lemma(noun.head)
        if prep in lx.REFERENCE_PREPS or noun.head.lower_ in lx.REFERENCE_PREPS:
            return True
        if prep in ("to", "for") and lemma(noun.head.head) in ("response", "retaliation", "revenge", "reprisal"):
            return True
    return False


def _has_own_date(noun: Token) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in noun.subtree)


def _governors(trig: Trigger, out: Outcome, trigger_heads: set[int]) -> Optional[Outcome]:
    cur = trig.head
    while cur.head.i != cur.i and cur.dep_ in EMBED_DEPS:
        dep, gov = cur.dep_, cur.head
        verdict = _judge(trig, out, dep, gov, cur, trigger_heads)
        if verdict == "drop":
            return DROP
        if isinstance(verdict, Outcome):
            return verdict
        cur = gov
    return out


def _judge(trig, out, dep, gov, child, trigger_heads):
    """One step up the path: keep walking (None), stop with an outcome, or drop."""
    word = lemma(gov)
    if gov.i in trigger_heads and gov.pos_ == "NOUN" and dep in ("acl", "ccomp"):
        return "drop"        # "the demand that Israel ease restrictions": not eased yet
    if word in lx.MESSAGE_NOUNS and dep in ("acl", "ccomp") and _obligation(child) and _subject(child) is not None:
        return Outcome("REQUEST", None, "request", 0.1, gov.head, out.reported)   # "a reminder that X must"
    if gov.pos_ in ("NOUN", "PROPN"):
        unreal = word in lx.UNREAL_NOUNS and dep in ("pobj", "prep", "acl", "compound")
        return "drop" if unreal else None
    if word in lx.WARNING and dep == "prep":
        return "drop"        # "warned of a new cycle of violence": a possibility, not an event
    if word in lx.REPORTING or word in lx.OBLIGATION_REPORTERS and _obligation(child):
        return _reported(out, gov, child)
    if word == "fail" and dep == "xcomp":
        return _negate(out) or "drop"        # "failed to reach agreement": no agreement
    if dep in ("advcl", "xcomp") and _purpose(child) and gov.i not in trigger_heads and \
            _protest_act(trig, out, child, gov):
        return None          # "banged pots to protest": what they did is the protest
    if dep == "advcl" and _purpose(child) and word not in ("use", "employ"):
        return "drop"        # "deployed troops to attack": a purpose, not done yet
    if dep == "conj" or dep == "advcl" and word not in lx.STOPPING:
        return None
    if word in lx.STOPPING and dep in ("xcomp", "ccomp", "dobj", "pcomp", "pobj", "prep"):
        return "drop"
    first_step = child.i == trig.head.i or (child.dep_ == "prep" and trig.head.head.i == child.i)
    if gov.i in trigger_heads and (dep in ("xcomp", "ccomp") or first_step and dep in ("dobj", "pobj", "prep", "pcomp")):
        return "drop"        # "agreed to set up", "demanded the release": the governor is the event
    if word in lx.IMPLICATIVE:
        return None
    if word in lx.INTENT and dep in ("xcomp", "ccomp", "prep", "pcomp", "pobj", "acomp"):
        return _intent(out, gov)
    if word == "be" and dep == "xcomp":
        return "drop"        # "sites that were to be targeted"
    if dep in ("xcomp", "ccomp") and _governor_negated(gov):
        return "drop"
    if dep == "xcomp":
        return "drop"        # "helping forces to combat", "want to respond": not done
    return None


def _protest_act(trig: Trigger, out: Outcome, child: Token, gov: Token) -> bool:
    """A done act (past tense, not a plan or a call) whose purpose is to protest."""
    return out.type == "PROTEST" and child.i == trig.head.i and gov.tag_ == "VBD" and \
        lemma(gov) not in lx.INTENT and lemma(gov) not in lx.REPORTING and lemma(gov) not in lx.STOPPING


def _purpose(clause: Token) -> bool:
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)


def _governor_negated(gov: Token) -> bool:
    return any(c.dep_ == "neg" for c in gov.children)


def _reported(out: Outcome, say: Token, child: Token):
    """Reported speech: still the event, unless the reporter denies it or states an obligation."""
    if _governor_negated(say):
        return "drop"        # "did not say how many rockets had hit"
    if lemma(say) in lx.BELIEF and _modal(child, lx.MODALS_FUTURE | lx.MODALS_WEAK):
        return "drop"        # "each side believes the other will back down": an opinion
    out.reported = True
    out.penalty += 0.05
    if _obligation(child) and _subject(child) is not None:
        return Outcome("REQUEST", None, "request", 0.1, say, True)
    return None


def _modal(clause: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and lemma(c) in words for c in clause.children)


def _obligation(clause: Token) -> bool:
    return any(c.dep_ == "aux" and lemma(c) in lx.MODALS_OBLIGATION for c in clause.children)


def _subject(tok: Token) -> Optional[Token]:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _intent(out: Outcome, gov: Token):
    """"plans to impose", "offered to mediate", "is ready to contribute"."""
    if lemma(gov) in ("plan", "intend", "aim", "want", "hope", "seek", "expect") and gov.tag_ in ("VBD", "VBN"):
        return "drop"        # "the strikes were intended to hit": a purpose, not a threat
    return _future(out, gov, 0.15)


def _future(out: Outcome, via: Optional[Token], penalty: float, head: Optional[Token] = None) -> Outcome:
    if head is not None and _ultimatum(head) and out.type not in COOPERATIVE_TYPES - {"RETREAT"}:
        return Outcome("THREATEN", threat_mode(out.type) or "relations", "intent",
                       out.penalty + penalty, out.via, out.reported)
    if out.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN"):
        return Outcome(out.type, out.mode, out.kind, out.penalty + penalty, via or out.via, out.reported)
    if out.type in CONFLICTUAL_TYPES:
        mode = threat_mode(out.type)
        return Outcome("THREATEN", mode, "intent", out.penalty + penalty, via or out.via, out.reported)
    return Outcome("AGREE", None, "intent", out.penalty + penalty, via or out.via, out.reported)


def _ultimatum(head: Token) -> bool:
    """"will withdraw unless X": a future act made conditional on the other side is a threat
    (a cooperative one, "would meet him if ...", stays an offer: see _future)."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and lemma(m) in ("unless", "if") for m in c.children)
               for c in head.children)


def _own_modal(head: Token, out: Outcome) -> Optional[Outcome]:
    aux = [lemma(c) for c in head.children if c.dep_ == "aux"]
    if any(a in lx.MODALS_OBLIGATION for a in aux) and out.kind == "asserted":
        return DROP          # "they should stop attacking": an opinion, no one demanded it
    if out.kind != "asserted":
        return out
    if any(a in lx.MODALS_FUTURE for a in aux):
        return _future(out, None, 0.1, head)
    if any(a in lx.MODALS_WEAK for a in aux):
        return _future(out, None, 0.2, head)
    if any(lemma(c) in lx.HEDGES for c in head.children if c.dep_ == "advmod"):
        out.penalty += 0.15
    return out
