"""Who did it to whom: actor and recipient noun phrases from the dependency parse.

Spans follow the PLOVER gold standard records: the noun phrase without leading determiners,
possessive pronouns, numbers or partitive heads ("Thousands of (Iraqi Kurds)", "one of the
(factions)"), and without relative clauses, appositions or participle clauses after it.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Token

from flashpoint.extract import lexicon as lx
from flashpoint.extract.modality import Outcome
from flashpoint.extract.triggers import OBJECT_DEPS, Trigger, event_antecedent, lemma, noun_lemma
from flashpoint.extract.words import ACTIVE_ONLY, TARGET_PREPS, root_participle, stray_subject
from flashpoint.ontology import PARTNER_TYPES, PHYSICAL_TYPES

CharSpan = tuple[int, int]
SIDE_PREPS = ("with", "between", "among")
PARTITIVE = frozenset("one two three four five six seven eight nine ten some many most all half "
                      "third group thousand hundred dozen score number majority member part "
                      "leader official few several none rest each either both batch patch "
                      "unit detachment wing contingent section faction".split())
RELATIVE = frozenset("that which who whom whose".split())
PRONOUNS = frozenset("it they he she we i you them him her us itself themselves this these "
                     "those".split())
LEFT_STRIP_DEPS = {"det", "predet", "nummod", "quantmod", "punct", "cc", "preconj"}
RIGHT_CUT_DEPS = {"relcl", "appos", "acl", "punct", "cc", "conj", "advcl", "parataxis"}
EVENT_NOUN_OBJECTS = frozenset(set(lx.NOUNS) | set("offer proposal plan invitation resolution effort "
                                                   "statement change policy peace action step "
                                                   "measure move removal explanation apology".split()))


def arguments(trig: Trigger, out: Outcome) -> tuple[list[Token], list[Token]]:
    """Head tokens of the actors and of the recipients."""
    if out.via is not None and out.kind == "request":
        return _clean(subjects(out.via)), _clean(_request_targets(trig.head))
    actors, recipients = _core(trig)
    if out.via is not None:
        actors = subjects(out.via) or actors
    targets = trig.sense.type == "ASSAULT"
    return _clean(actors), [r for r in _clean(recipients, targets) if r not in actors]


def _core(trig: Trigger) -> tuple[list[Token], list[Token]]:
    if trig.nominal:
        return _noun_args(trig.head)
    verb = trig.head
    # The fixed object of a phrase ("pointed the finger at") is not a recipient.
    actors, recipients = _verb_args(verb, frozenset({trig.last}) if trig.last != verb.i else frozenset())
    if trig.sense.type == "AID" or lemma(verb) in TRANSFER:
        recipients = _transfer_recipients(verb, recipients)
    if trig.sense.role == "casualty" and trig.noun is not None:
        # "a strike on the base that killed two": the strike's target, then its victims.
        recipients = _prep_objects(trig.noun, TARGET_PREPS) + recipients
    if trig.noun is not None and not recipients:
        recipients = _prep_objects(trig.noun, TARGET_PREPS)
    if not recipients and trig.sense.type in PARTNER_TYPES:
        recipients = _prep_objects(verb, ("with",)) or (
            _prep_objects(trig.noun, ("with",)) if trig.noun is not None else [])
    if trig.sense.role == "clash" or (trig.noun is not None and lx.NOUNS.get(noun_lemma(trig.noun), None)
                                      and lx.NOUNS[noun_lemma(trig.noun)].role == "clash"):
        actors = actors + _prep_objects(verb, SIDE_PREPS) + (
            _prep_objects(trig.noun, SIDE_PREPS) if trig.noun is not None else [])
        # "had fought American troops": the object is the other side, kept as recipient.
        recipients = [r for r in recipients if r.dep_ in OBJECT_DEPS and r.head.i == verb.i]
    elif trig.sense.role == "head" and not recipients:
        recipients = _embedded_targets(verb)
    if not _clean(recipients, targets=True) and trig.sense.type == "ASSAULT":
        recipients = _purpose_targets(verb)
    if not _clean(actors) and trig.sense.type == "ASSAULT":
        actors = _firer(verb) or actors
    return actors, recipients


def _firer(verb: Token) -> list[Token]:
    """"shells fired by presumed LNA forces fell in X": who fired the munition that hit."""
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if noun_lemma(subj) in lx.MUNITIONS:
            for acl in (c for c in subj.children if c.dep_ == "acl"):
                found = _prep_objects(acl, ("by",), agent=True)
                if found:
                    return found
    return []


TRANSFER = frozenset("give provide supply deliver send donate hand sell transfer ship airlift "
                     "offer grant lend".split())


def _transfer_recipients(verb: Token, default: list[Token]) -> list[Token]:
    """"supplied food to villagers", "gave the villagers food", "provided the town with
    water": the thing given is no participant; who receives it is."""
    if is_passive(verb):
        return _prep_objects(verb, ("to", "for")) or default
    # The small model marks "to" itself as the dative at times ("sent aid to Ukraine").
    dative = [g for c in verb.children if c.dep_ == "dative"
              for g in ([c] if c.pos_ != "ADP" else [p for p in c.children if p.dep_ == "pobj"])
              if g.pos_ in ("NOUN", "PROPN")]
    if dative:
        return _expand(dative)
    to = _prep_objects(verb, ("to", "for"))
    if to:
        return to
    if any(c.dep_ == "prep" and lemma(c) == "with" for c in verb.children):
        return default                     # "provided the town with water": the town gets it
    return [t for t in default if not _goods(t)]


def _goods(tok: Token) -> bool:
    from flashpoint.extract.triggers import object_class

    return object_class(tok) in ("aidgoods", "weapons") or noun_lemma(tok) in lx.MUNITIONS


def _purpose_targets(verb: Token) -> list[Token]:
    """"fired tear gas to disperse the protesters": who the weapon was used on."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in child.children):
            sense = lx.VERBS.get(lemma(child))
            if sense is not None and sense.type == "ASSAULT":
                return _expand([c for c in child.children if c.dep_ in OBJECT_DEPS])
    return []


def _verb_args(verb: Token, skip: frozenset[int] = frozenset()) -> tuple[list[Token], list[Token]]:
    if _stance(verb):          # "Israel is opposed to French mediation": Israel holds the stance
        holder = verb.head if verb.dep_ == "acomp" else verb
        return [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")], _prep_objects(verb, ("to",))
    if is_passive(verb):
        recipients = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")] or stray_subject(verb)
        return _prep_objects(verb, ("by",), agent=True), _expand(recipients)
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i not in skip
            and noun_lemma(c) not in lx.MUNITIONS]
    objs = [_event_owner(o) or o for o in objs]
    return subjects(verb), _expand(objs) or _prep_objects(verb, TARGET_PREPS)


STANCES = frozenset("oppose commit determine prepare resolve".split())


def _stance(verb: Token) -> bool:
    if lemma(verb) not in STANCES or any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ == "auxpass" for c in verb.children) or (verb.dep_ == "acomp" and lemma(verb.head) == "be")


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if root_participle(verb) or _active_misread(verb):
        return False
    # "seven people wounded in the strikes": a participle with no "have" is a reduced passive.
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return True
    # "two were killed and five people wounded": the model reads the second as active.
    return verb.dep_ == "conj" and lemma(verb) in HARM and is_passive(verb.head) and not any(
        c.dep_ in OBJECT_DEPS for c in verb.children)


HARM = frozenset("kill wound injure hurt maim".split())


def _active_misread(verb: Token) -> bool:
    """"a group of drivers protested", tagged VBN: a subject and an object, or a verb that
    takes no object, make it active whatever the tag says."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    return lemma(verb) in ACTIVE_ONLY or any(c.dep_ == "dobj" for c in verb.children)


def subjects(verb: Token) -> list[Token]:
    """The doer of a verb, following relative pronouns, conjunctions and control."""
    for child in verb.children:
        if child.dep_ == "nsubjpass" or (child.dep_ == "nsubj" and is_passive(verb)):
            return _prep_objects(verb, ("by",), agent=True)
        if child.dep_ in ("nsubj", "csubj"):
            return _expand([_antecedent(child, verb) or child])
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return subjects(verb.head)
    if verb.dep_ == "acl" and lemma(verb.head) in lx.MESSAGE_NOUNS and verb.head.dep_ in OBJECT_DEPS:
        return subjects(verb.head.head)      # "X issued a statement demanding": X demands
    if verb.dep_ in ("relcl", "acl") and verb.tag_ == "VBG" or root_participle(verb):
        return _expand([verb.head])
    return []


def _antecedent(subj: Token, verb: Token) -> Optional[Token]:
    if lemma(subj) in RELATIVE and verb.dep_ == "relcl":
        return event_antecedent(verb.head) or verb.head
    if lemma(subj) in PRONOUNS:
        return _reporter(verb) or _named_subject(subj)
    return None


def _named_subject(pronoun: Token) -> Optional[Token]:
    """"Kata'ib Hizbollah is one of the groups ..., however it had fought American troops":
    a singular "it" stands for the name that is the subject earlier in the same sentence."""
    if pronoun.lower_ != "it":
        return None
    for tok in reversed(pronoun.doc[pronoun.sent.start: pronoun.i]):
        if tok.dep_ == "nsubj" and tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") and tok.tag_ == "NNP":
            return tok
    return None


def _reporter(verb: Token) -> Optional[Token]:
    """"Syria says it will not accept refugees": the pronoun is the speaker."""
    cur = verb
    while cur.dep_ in ("ccomp", "conj") and cur.head.i != cur.i:
        cur = cur.head
        if lemma(cur) in lx.REPORTING:
            subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if subj is not None and lemma(subj) not in PRONOUNS:
                return subj
    return None


def _prep_objects(tok: Token, preps: Iterable[str], agent: bool = False) -> list[Token]:
    found = []
    for child in tok.children:
        if (child.dep_ == "prep" or (agent and child.dep_ == "agent")) and lemma(child) in preps:
            found += [g for g in child.children if g.dep_ == "pobj"]
    return _expand(found)


def _expand(heads: list[Token]) -> list[Token]:
    out: list[Token] = []
    for head in heads:
        out.append(head)
        out += [c for c in head.conjuncts if c.i > head.i and c.pos_ in ("NOUN", "PROPN", "ADJ")]
    return out


def _event_owner(obj: Token) -> Optional[Token]:
    """"rejected North Korea's demand": the recipient is who made the demand."""
    if noun_lemma(obj) not in EVENT_NOUN_OBJECTS:
        return None
    owner = _noun_owner(obj, [])
    return owner[0] if owner else None


def _noun_owner(noun: Token, default: list[Token]) -> list[Token]:
    for child in noun.children:
        if child.dep_ == "poss" and lemma(child) not in PRONOUNS:
            return [child]
    # "the Basra protest" happened in Basra; "the US strikes" were made by the US.
    owners = ("NORP", "ORG") if _sense_of(noun).type == "PROTEST" else ("GPE", "NORP", "ORG")
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in owners and not news_outlet(child):
            return [child]
    by = _prep_objects(noun, ("by",))
    if not by and lx.NOUNS.get(noun_lemma(noun), lx.Sense("")).type not in ("ASSAULT", "COERCE", "ACCUSE"):
        by = _prep_objects(noun, ("of",))      # "the withdrawal of American forces"
    return by or default


def _noun_args(noun: Token) -> tuple[list[Token], list[Token]]:
    sense = lx.NOUNS.get(noun_lemma(noun), lx.Sense(""))
    by = accused_by_phrase(noun) if sense.type == "ACCUSE" else None
    if by is not None:
        return [], [c for c in by.children if c.dep_ == "pobj"]
    actors = _noun_owner(noun, [])
    if not actors and noun.dep_ == "pobj" and lemma(noun.head) in ("in", "into"):
        verb = noun.head.head
        if lemma(verb) in ("be", "engage", "involve", "participate", "join", "take"):
            actors = subjects(verb)                                      # "is in talks with"
    recipients = _prep_objects(noun, TARGET_PREPS)
    if not recipients and sense.type in PHYSICAL_TYPES:
        recipients = _prep_objects(noun, ("of",))                        # "the killing of X"
    if not recipients and sense.type in PARTNER_TYPES:
        recipients = _prep_objects(noun, ("with",))
    if not recipients and lx.NOUNS.get(noun_lemma(noun), None) is not None:
        if lx.NOUNS[noun_lemma(noun)].role == "clash":
            return actors + _prep_objects(noun, SIDE_PREPS), []
    return actors, recipients


def accused_by_phrase(noun: Token) -> Optional[Token]:
    """"allegations of smuggling and intimidation by Hashd groups": a "by" phrase after the
    misdeeds names who is said to have done them (the accused), not who alleges it. Returns
    that "by" preposition (on the noun after "of", or inside the "of" phrase), or None."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    of = next((c for c in preps if c.lower_ == "of"), None)
    if of is None:
        return None
    after = [c for c in preps if c.lower_ == "by" and c.i > of.i]
    inside = [t for t in of.subtree if t.dep_ in ("prep", "agent") and t.lower_ == "by"]
    found = after + inside
    return found[0] if found else None


def _request_targets(clause: Token) -> list[Token]:
    return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


def _embedded_targets(verb: Token) -> list[Token]:
    """"demanded that Hamas renounce", "urged the EU to support", "threatened to shell X"."""
    for child in verb.children:
        if child.dep_ in ("ccomp",):
            subj = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                return _expand(subj)
        if child.dep_ == "xcomp":
            inner = [c for c in child.children if c.dep_ in OBJECT_DEPS]
            found = _expand(inner) or _prep_objects(child, TARGET_PREPS + ("with", "from"))
            return [t for f in found for t in _through_event(f)]
    return _prep_objects(verb, ("on", "upon", "for", "to", "with", "against"))


def _through_event(tok: Token) -> list[Token]:
    """"respond with more strikes against X": the target of the event noun."""
    if noun_lemma(tok) in lx.NOUNS:
        return _prep_objects(tok, TARGET_PREPS) or [tok]
    return [tok]


def _sense_of(noun: Token) -> lx.Sense:
    return lx.NOUNS.get(noun_lemma(noun), lx.Sense(""))


def _clean(heads: list[Token], targets: bool = False) -> list[Token]:
    """Drop what cannot be an actor: pronouns, weapons, event nouns, dates, abstractions.
    A protest attacked stands for its protesters (``targets``)."""
    keep = []
    for tok in heads:
        tok = _partitive(tok)
        if noun_lemma(tok) in lx.NOUNS:          # "the US strikes hit": the owner acts
            owner = _noun_owner(tok, [])
            if not owner and not (targets and _sense_of(tok).type == "PROTEST"):
                continue
            tok = owner[0] if owner else tok
        if _unfit(tok):
            continue
        if tok not in keep:
            keep.append(tok)
    return keep


def news_outlet(tok: Token) -> bool:
    """"told The National", "told Reuters": the paper a source spoke to is no participant."""
    name = " ".join(t.lower_ for t in tok.subtree if t.dep_ in ("compound", "flat") or t.i == tok.i)
    return name.removeprefix("the ") in lx.NEWS_OUTLETS and tok.tag_ in ("NNP", "NNPS")


def _unfit(tok: Token) -> bool:
    word = noun_lemma(tok)
    if news_outlet(tok):
        return True
    if tok.tag_ in ("PRP", "PRP$", "WP", "WDT", "DT") or tok.ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return True
    if word in lx.MUNITIONS or word in lx.ABSTRACT or tok.pos_ in ("VERB", "AUX", "ADV"):
        return True
    return tok.pos_ == "ADJ" and tok.ent_type_ not in ("NORP", "GPE", "ORG")


def _partitive(tok: Token) -> Token:
    """"one of the factions" -> factions; "thousands of Kurds" -> Kurds."""
    while noun_lemma(tok) in PARTITIVE or tok.pos_ == "NUM":
        of = next((c for c in tok.children if c.dep_ == "prep" and lemma(c) == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            return tok
        tok = pobj
    return tok


# ---- spans ---------------------------------------------------------------------------------------
def np_spans(head: Token, where: bool = False) -> list[CharSpan]:
    """The phrase a head token stands for; coordinated modifiers give one span each
    ("US and UK advisers" -> "US", "UK advisers")."""
    split = _coordinated_modifier(head)
    if split is not None:
        first, rest = split
        return [char_span(head.doc, first.i, first.i)] + [np_span(head, start=c.i, where=where) for c in rest]
    return [np_span(head, where=where)]


def np_span(head: Token, start: Optional[int] = None, where: bool = False) -> CharSpan:
    """``where``: also cut "in/at <place>" after the head (recipients: "a checkpoint in
    Basra" -> "checkpoint"; the gold actor spans keep "militias in Iraq")."""
    left, right = _np_bounds(head, where)
    if start is not None:
        left = start
    return char_span(head.doc, left, right)


def _coordinated_modifier(head: Token) -> Optional[tuple[Token, list[Token]]]:
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.i < head.i:
            conj = [c for c in child.conjuncts if c.i > child.i]
            if conj:
                return child, conj
    return None


def _np_bounds(head: Token, where: bool = False) -> tuple[int, int]:
    doc = head.doc
    kept = [head.i]
    for child in head.children:
        if child.dep_ in RIGHT_CUT_DEPS and child.i > head.i:
            continue
        if child.dep_ in ("relcl", "appos", "acl", "conj", "cc"):
            continue
        if _locative(child, where):
            continue                                  # where it happened, not who
        kept += [t.i for t in child.subtree]
    left, right = min(kept), max(kept)
    right = _first_cut(head, right, where)
    while left < head.i and _strippable(doc[left]):
        left += 1
    while right > head.i and doc[right].is_punct:
        right -= 1
    # A phrase never runs past a line break (headlines have no full stop).
    for i in range(head.i + 1, right + 1):
        if "\n" in doc[i].text or "\n" in doc[i - 1].whitespace_:
            right = i - 1
            break
    while right > head.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return left, right


PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def _locative(prep: Token, where: bool = True) -> bool:
    """"near the border", "in Iraq's Anbar province": a place phrase after a participant
    says where, not who; the span stops before it (the place is attached separately)."""
    if prep.dep_ != "prep":
        return False
    if lemma(prep) in ("near", "outside", "around"):
        return True
    if not where or lemma(prep) not in ("in", "at"):
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in PLACE_ENTS or noun_lemma(obj) in lx.NOUN_CLASSES["place"])


def _first_cut(head: Token, right: int, where: bool = False) -> int:
    """Stop before the first excluded child to the right of the head."""
    cuts = [c.left_edge.i for c in head.children if c.i > head.i and (
        c.dep_ in RIGHT_CUT_DEPS or _locative(c, where))]
    return min([right] + [c - 1 for c in cuts])


def _strippable(tok: Token) -> bool:
    if tok.dep_ in LEFT_STRIP_DEPS or tok.is_punct or tok.lower_ == "dead":
        return True          # "shot dead five villagers": "dead" belongs to the verb
    if tok.dep_ == "poss" and tok.tag_ == "PRP$":
        return True
    return tok.tag_ == "CD" or (tok.dep_ in ("advmod", "amod") and tok.head.tag_ == "CD")


def char_span(doc, first: int, last: int) -> CharSpan:
    return doc[first].idx, doc[last].idx + len(doc[last].text)
