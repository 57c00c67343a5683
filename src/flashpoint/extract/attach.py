"""Which place and date mentions belong to an event: those inside its own clause.

An event's clause is the trigger's subtree without the clauses of other events or of the
reporting verb ("X said on Sunday that ..." gives "Sunday" to the saying, not the strike).
A relative or adverbial clause with no date of its own takes the date of the clause it
hangs from ("came on March 11, when one of the factions fired rockets").
"""
from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Token

from flashpoint.extract import lexicon as lx
from flashpoint.extract.modality import is_reference
from flashpoint.extract.triggers import Trigger, lemma
from flashpoint.record import DateMention, PlaceMention

CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "xcomp", "csubj"}


def clause_tokens(trig: Trigger, trigger_heads: set[int]) -> set[int]:
    root = _clause_root(trig)
    others = trigger_heads - {trig.head.i}
    keep = _subtree_without_clauses(root, others)
    if trig.noun is not None and trig.noun.i not in keep:
        # "a strike on the base that killed two": the strike's own phrase is the event's too.
        keep |= _subtree_without_clauses(trig.noun, others - {trig.noun.i})
    return keep


def _clause_root(trig: Trigger) -> Token:
    """Nominal events hang on their verb ("the most serious strike was on a factory in X")."""
    if not trig.nominal:
        return trig.head
    tok = trig.head
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and (
            lemma(tok.head) == "be" or lemma(tok.head) in lx.LIGHT_VERBS):
        return tok.head
    if tok.dep_ == "nsubj" and lemma(tok.head) in OCCUR_VERBS:
        return tok.head      # "The strikes came two days later": the verb's dates are the event's
    return tok


# Verbs that say when or how an event happened, with the event noun as their subject.
OCCUR_VERBS = frozenset("come occur happen unfold follow erupt break".split())


def _subtree_without_clauses(root: Token, other_heads: set[int]) -> set[int]:
    keep: set[int] = set()
    stack = [root]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        for child in tok.children:
            if child.i in other_heads:
                continue
            if child.dep_ in CLAUSE_DEPS and _clause_has_event_or_report(child, other_heads):
                continue
            stack.append(child)
    return keep


def _clause_has_event_or_report(child: Token, other_heads: set[int]) -> bool:
    if lemma(child) in lx.REPORTING:
        return True
    return any(t.i in other_heads for t in child.subtree)


def mentions_in(mentions: Sequence[PlaceMention | DateMention], doc, tokens: set[int]) -> list[int]:
    """Indices of the mentions that start inside one of the tokens."""
    starts = {doc[i].idx: i for i in tokens}
    bounds = sorted((doc[i].idx, doc[i].idx + len(doc[i].text)) for i in tokens)
    found = []
    for k, mention in enumerate(mentions):
        if any(lo <= mention.start < hi for lo, hi in bounds) or mention.start in starts:
            found.append(k)
    return found


def attach(trig: Trigger, trigger_heads: set[int], places, dates, doc) -> tuple[list[int], list[int]]:
    tokens = clause_tokens(trig, trigger_heads)
    described = {t.i for i in tokens for c in doc[i].children if c.dep_ in ("relcl", "acl", "appos")
                 and i != trig.head.i for t in c.subtree}
    place_idx = [k for k in mentions_in(places, doc, tokens - described)
                 if not _modifier_place(places[k], doc)]
    if not place_idx:
        place_idx = _target_places(trig, tokens, described, places, doc)
    date_idx = [k for k in mentions_in(dates, doc, tokens) if not _dates_other_side(dates[k], trig, doc)]
    if not date_idx:
        date_idx = _inherited_dates(trig, dates, doc, trigger_heads)
    return place_idx, date_idx


def _dates_other_side(mention, trig: Trigger, doc) -> bool:
    """"The strikes came two days after the rocket attack": the offset dates the strikes, counted
    from the attack, so it never dates the attack (nor what its clause tells)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    own = {trig.head.i} | ({trig.noun.i} if trig.noun is not None else set())
    for tok in span:
        if tok.lower_ not in ("after", "before"):
            continue
        for obj in tok.children:
            if obj.dep_ == "pobj" and (obj.i in own or any(t.i == obj.i for t in trig.head.ancestors)):
                return True
    return False


def _target_places(trig: Trigger, tokens: set[int], described: set[int], places, doc) -> list[int]:
    """"struck a command post used by X near the town of Y": where the target stands, told in a
    participle that describes it, is where the strike hit (when the clause names no other place).
    Only a locative phrase of a participle counts, not a relative clause with a story of its own."""
    found = []
    for k in mentions_in(places, doc, tokens & described):
        span = doc.char_span(places[k].start, places[k].end, alignment_mode="expand")
        if span is None or _modifier_place(places[k], doc):
            continue
        prep = _locative_prep(span.root)
        if prep is not None and _in_participle(prep, trig):
            found.append(k)
    return found


def _locative_prep(tok: Token) -> Optional[Token]:
    """The locative preposition a name hangs from ('near the town of Y' -> near), if any."""
    for _ in range(6):
        if tok.dep_ == "pobj" and lemma(tok.head) in LOCATIVE:
            return tok.head
        if tok.dep_ not in ("pobj", "prep", "compound", "conj", "appos") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _in_participle(prep: Token, trig: Trigger) -> bool:
    tok = prep.head
    for _ in range(6):
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            return tok.head.i != trig.head.i
        if tok.dep_ not in ("pobj", "prep", "agent") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _modifier_place(mention, doc) -> bool:
    """"US and UK advisers", "Iraq's military": a place naming whose, not where."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ not in ("compound", "nmod", "amod", "poss", "npadvmod"):
        return False
    owner = tok.head
    return owner.ent_type_ not in ("GPE", "LOC", "FAC") and owner.lemma_.lower() not in lx.NOUN_CLASSES["place"]


def _inherited_dates(trig: Trigger, dates, doc, trigger_heads: set[int]) -> list[int]:
    head = trig.head
    if head.dep_ not in ("relcl", "advcl", "conj", "acl") or head.head.i == head.i:
        return []
    parent = head.head
    while parent.pos_ in ("NOUN", "PROPN", "NUM", "ADP") and parent.ent_type_ != "DATE" \
            and parent.head.i != parent.i:
        if parent.pos_ == "NOUN" and (is_reference(parent) or _behind_reference(parent)):
            return []       # "detained men on Wednesday over a strike that killed two": not Wednesday
        parent = parent.head
    if parent.ent_type_ == "DATE":
        return mentions_in(dates, doc, {parent.i})
    if lemma(parent) in lx.REPORTING:
        return []
    own = {parent.i} | {t.i for c in parent.children if c.dep_ in ("prep", "npadvmod", "advmod")
                        for t in c.subtree}
    return mentions_in(dates, doc, own)


def reported_dates(trig: Trigger, dates, doc) -> list[int]:
    """The date mentions of the reporting clause that tells a past event as already done ("said
    on Sunday night that US forces had conducted strikes"): none for a plan, a threat or a
    present state ("said they will strike", "says the group controls"), none without a report."""
    verb = _verb_of(_clause_root(trig))
    if verb is None or not _done(verb):
        return []
    tok = verb
    for _ in range(6):
        if tok.dep_ in ("ccomp", "parataxis") and lemma(tok.head) in lx.REPORTING:
            reporter = tok.head
            own = {t.i for c in reporter.children if c.dep_ in ("prep", "npadvmod", "advmod")
                   for t in c.subtree}
            return mentions_in(dates, doc, own)
        if tok.dep_ not in ("conj", "ccomp") or tok.head.i == tok.i:
            return []
        tok = tok.head
    return []


def _verb_of(tok: Token) -> Optional[Token]:
    """The verb whose clause holds a token (itself when it is one)."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


PAST_AUX = frozenset("have has had was were".split())


def _done(verb: Token) -> bool:
    """A past or perfect verb with no modal: "struck", "had conducted", "were killed"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    modals = lx.MODALS_FUTURE | lx.MODALS_WEAK | lx.MODALS_OBLIGATION
    if any(a.lower_ in modals for a in auxes):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(a.lower_ in PAST_AUX for a in auxes)


def _behind_reference(noun: Token) -> bool:
    """"over a rocket strike", "after the attack": the noun names an event the clause above
    refers to, whatever date the noun's own clause gives; its clauses never take the dates of
    the verb above (the arrest's Wednesday is not the strike's)."""
    return noun.dep_ == "pobj" and lemma(noun.head) in lx.REFERENCE_PREPS and noun.head.head.pos_ == "VERB"


def place_groups(place_idx: list[int], places: Sequence[PlaceMention], doc) -> list[list[int]]:
    """Attached places that a sentence lists together ("in A, B, C and D") form one group;
    every other place is a group of its own."""
    heads = {}
    for k in place_idx:
        span = doc.char_span(places[k].start, places[k].end, alignment_mode="expand")
        if span is not None:
            heads[k] = span.root
    groups: list[list[int]] = []
    seen: set[int] = set()
    for k in place_idx:
        if k in seen:
            continue
        tok = heads.get(k)
        linked = {k}
        if tok is not None:
            family = {c.i for c in tok.conjuncts} | {tok.i}
            linked |= {j for j, t in heads.items() if t.i in family}
        seen |= linked
        groups.append(sorted(linked))
    return groups


def listed_places(place_idx: list[int], places, doc) -> Optional[list[int]]:
    """The places of a list of two or more after a locative preposition ("hit targets in A,
    B and C"), when the event's clause has such a list."""
    for group in place_groups(place_idx, places, doc):
        group = [k for k in group if not _unit_of_another(k, group, places)]
        if len(group) < 2:
            continue
        first = doc.char_span(places[group[0]].start, places[group[0]].end, alignment_mode="expand")
        if _locative(first) and _coordinated(first, doc[first.start].sent):
            return group
    return None


def _unit_of_another(k: int, group: list[int], places) -> bool:
    """'in Tlaxco, Puebla': Puebla names the state Tlaxco lies in, not a second place."""
    from flashpoint.resolve.places.gazetteer import normalise

    unit = places[k].place
    return unit is not None and any(
        j != k and places[j].place is not None and places[j].place.precision <= unit.precision
        and normalise(places[j].place.admin1 or "") == normalise(unit.name) for j in group)


def region_tails(place_idx: list[int], places, doc) -> set[int]:
    """"in Celaya, Guanajuato": the places after the first of an uncoordinated group name the
    region the first lies in; the event happened at the first."""
    tails: set[int] = set()
    for group in place_groups(place_idx, places, doc):
        first = doc.char_span(places[group[0]].start, places[group[0]].end, alignment_mode="expand")
        if len(group) >= 2 and first is not None and not _coordinated(first, None):
            tails |= set(group[1:])
    return tails


def _coordinated(span, sent) -> bool:
    """"in A, B and C" lists places; "in Celaya, Guanajuato" (no "and"/"or") is a town and
    the region it lies in, one place."""
    tok = span.root
    while tok.dep_ == "conj":
        tok = tok.head
    family = [tok] + list(tok.conjuncts)
    return any(c.dep_ == "cc" for t in family for c in t.children)


def _locative(span) -> bool:
    if span is None:
        return False
    tok = span.root
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ == "pobj" and lemma(tok.head) in LOCATIVE


LOCATIVE = frozenset("in at near across around outside inside on throughout".split())
