"""extract(): the sentences of one parsed article in, one Draft per event out."""
from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Doc, Span

from flashpoint.extract import arguments as args
from flashpoint.extract import attach as at
from flashpoint.extract import lexicon as lx
from flashpoint.extract.aftermath import fold_aftermath
from flashpoint.extract.disorder import crowd_kind, mark_disorder
from flashpoint.extract.draft import Draft
from flashpoint.extract.generic import is_generic
from flashpoint.extract.merge import Candidate, mark_interventions, merge, name_words
from flashpoint.extract.modality import Outcome, assess
from flashpoint.extract.modes import exchanged, with_small_arms
from flashpoint.extract.scenes import found_dead
from flashpoint.extract.targets import CIVILIAN, person_guess, side_of_words, victims
from flashpoint.extract.taxonomy import Codes, codes_for
from flashpoint.extract.triggers import Trigger, direct_object, find_triggers, noun_lemma, noun_sense
from flashpoint.ontology import COMMENTARY_TYPES, PER_PLACE_TYPES, SPEAKER_TYPES
from flashpoint.record import Article, Count, DateMention, PlaceMention
from flashpoint.resolve.places.gazetteer import Gazetteer, default_gazetteer
from flashpoint.resolve.time.background import recalled

COUNTRY_PRECISION = 4       # UCDP where_prec 4..6: province, region, country


def extract(article: Article, doc: Doc, places: Sequence[PlaceMention],
            dates: Sequence[DateMention], gazetteer: Optional[Gazetteer] = None) -> list[Draft]:
    """Every event the article states, one Draft each, in text order.

    ``doc`` is the parse of ``article.masked_text()``; triggers inside boilerplate marks are
    skipped. ``places`` and ``dates`` are the article's mentions; drafts point into them by index.
    ``gazetteer`` (the pipeline's; the default one when None) tells which unresolved mentions
    name a country.
    """
    coarse = coarse_places(places, gazetteer or default_gazetteer())
    cands: list[Candidate] = []
    group_ids = iter(range(1, 1 << 30))
    told: list[Candidate] = []           # the ASSAULT candidates of the last sentence that had any
    for index, sent in enumerate(doc.sents):
        found = sentence_candidates(article, sent, index, places, dates, coarse)
        if not found:
            _toll_note(sent, told)
        for cand in found:
            cands.extend(_split_by_place(cand, places, doc, group_ids, coarse))
        told = [c for c in found if c.draft.event_type == "ASSAULT"] or told
    drafts = merge(cands)
    mark_interventions(drafts, dates)
    mark_disorder(drafts, dates, doc)
    fold_aftermath(drafts, dates)
    return sorted(drafts, key=lambda d: (d.evidence[0], d.trigger[0]))


TOLL_NOTE_TOKENS = 12


def _toll_note(sent: Span, told: list[Candidate]) -> None:
    """"1 fatality.", "No casualties were reported.": a short sentence that tells only a toll
    qualifies the event just told (its missing counts); it is never an event of its own, and
    a zero never deletes the event."""
    if not told or len(sent) > TOLL_NOTE_TOKENS:
        return
    killed, hurt = casualties_of(sent)
    draft = told[-1].draft
    if killed is not None and draft.fatalities is None:
        draft.fatalities = killed
    if hurt is not None and draft.injuries is None:
        draft.injuries = hurt


def sentence_candidates(article: Article, sent: Span, index: int, places, dates,
                        coarse: frozenset[int] = frozenset()) -> list[Candidate]:
    """``coarse``: indices of the place mentions that name a country or larger area."""
    triggers = find_triggers(sent)
    heads = {t.head.i for t in triggers} | {t.noun.i for t in triggers if _detached_noun(t)}
    read = []
    for trig in triggers:
        start, end = _trigger_chars(trig)
        if article.is_marked(start, end):
            continue
        out = assess(trig, heads)
        if out is not None and not _protest_message(trig, out, triggers):
            read.append((trig, out))
    found = []
    clash = any(t.sense.role == "clash" and t.sense.type == "ASSAULT" for t in triggers)
    for trig, out in read:
        rival = any(o.type != out.type for _, o in read)
        cand = _candidate(article, sent, index, trig, out, heads, places, dates, rival, clash,
                          coarse)
        if _plausible(cand, trig, sent, any(t.sense.type == "ASSAULT" for t in triggers if t is not trig)):
            found.append(cand)
    return found


def _protest_message(trig: Trigger, out: Outcome, triggers: list[Trigger]) -> bool:
    """"demonstrated on Sunday calling for independence", "staged rallies, saying he must
    resign": the participle tells what the protest asked for; the protest is the event."""
    if out.type != "REQUEST":
        return False
    protests = {t.head.i for t in triggers if t.sense.type == "PROTEST"}
    protests |= {t.head.head.i for t in triggers if t.sense.type == "PROTEST" and t.nominal}
    tok = out.via if out.via is not None else trig.head
    while tok.dep_ in ("ccomp", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    return tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp") and tok.head.i in protests


def _plausible(cand: Candidate, trig: Trigger, sent: Span, attack_near: bool) -> bool:
    """Drop what reads as an event but is none: an analyst's opinion, a bare event noun in a
    subordinate clause that names no one and nothing ("since the 2003 invasion"); retype an
    armed group's road block, which is part of their attack, not a protest."""
    draft = cand.draft
    if is_generic(trig, cand.headline):
        return False         # "kidnapping has become a business": a pattern, not one event
    actor_heads = [_head_lemma(sent.doc, a) for a in draft.actors]
    if draft.event_type in COMMENTARY_TYPES and any(w in lx.COMMENTATORS for w in actor_heads):
        return False
    if draft.event_type != "ASSAULT" and actor_heads and all(w in lx.NON_AGENTS for w in actor_heads):
        return False         # "growing power threatens the state", "this tactic will provide": no one acts
    if draft.event_type == "ACCUSE" and trig.nominal and not draft.actors and _accused_only(trig):
        return False         # "allegations of smuggling by Hashd groups": no accuser, no act
    if draft.event_type == "PROTEST" and any(w in lx.ARMED for w in actor_heads):
        if attack_near:
            return False     # "blocked the road and opened fire": one attack
        _retype(draft, trig)
    if draft.event_type in SPEAKER_TYPES and not draft.actors and (trig.nominal or not draft.recipients):
        return False         # "calls for calm grew", "it was demanded that": a statement needs a speaker
    if _running_total(trig, draft):
        return False         # "more than 10,000 people have been killed since the war began"
    if not draft.actors and draft.background and _state_origin(trig):
        return False         # "a town held by X since it was liberated in 2014": a backdrop
    bare = not (draft.actors or draft.recipients or draft.places or draft.fatalities or draft.injuries)
    return not (trig.nominal and bare and _depth(trig) > 0 and not _occurred(trig.head))


OCCURRENCE = frozenset("occur happen erupt ensue break take".split())


def _occurred(noun) -> bool:
    """"that a shoot-out took place", "fighting broke out": the clause says the event happened."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in OCCURRENCE:
        return False
    if verb.lemma_.lower() == "take":
        return any(c.lower_ == "place" for c in verb.children)
    return verb.lemma_.lower() != "break" or any(c.lower_ == "out" for c in verb.children)


CUMULATIVE = frozenset("since so far to date total altogether overall cumulative".split())
SPANS = frozenset("war conflict insurgency fighting violence year month week crisis".split())


def _running_total(trig: Trigger, draft: Draft) -> bool:
    """A toll summed over a period ("have been killed since the war began", "so far this
    year", "in the conflict") is an aggregate, not one incident: no event, whatever the count.
    Read only for harm verbs in the perfect with no actor of their own."""
    verb = trig.head
    if trig.sense.role != "casualty" or trig.nominal or draft.actors:
        return False
    if not any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children):
        return False
    words = {t.lower_ for t in verb.subtree} | {t.lemma_.lower() for t in verb.subtree}
    large = draft.fatalities is not None and draft.fatalities.best >= 100
    return bool(words & CUMULATIVE) or large or any(
        t.lemma_.lower() in SPANS for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "during", "over")
        for t in p.subtree)


def _accused_only(trig: Trigger) -> bool:
    noun = trig.noun if trig.noun is not None else trig.head
    return args.accused_by_phrase(noun) is not None


def _state_origin(trig: Trigger) -> bool:
    """A "since" clause inside a description tells when a state began, not a new event."""
    head = trig.head
    return head.dep_ == "advcl" and head.head.dep_ in ("acl", "relcl") and any(
        c.dep_ == "mark" and c.lower_ == "since" for c in head.children)


def _head_lemma(doc: Doc, span: tuple[int, int]) -> str:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return noun_lemma(found.root) if found is not None else ""


def _retype(draft: Draft, trig: Trigger) -> None:
    """Armed men blocking a road: a restriction they impose (CAMEO 1723-ish), not a protest."""
    draft.event_type, draft.mode = "COERCE", "restrict"
    codes = codes_for("COERCE", "restrict")
    draft.cameo, draft.acled_event_type, draft.acled_sub_event_type = (
        codes.cameo, codes.acled_event_type, codes.acled_sub_event_type)
    draft.confidence = round(max(0.05, draft.confidence - 0.1), 3)


def _detached_noun(trig: Trigger) -> bool:
    """An event noun outside its trigger's clause ("over a strike on X that killed two"): other
    events' clauses must not take its places and dates."""
    noun = trig.noun
    return noun is not None and not (trig.head.left_edge.i <= noun.i <= trig.head.right_edge.i)


def _candidate(article, sent, index, trig: Trigger, out: Outcome, heads, places, dates,
               rival: bool = False, clash: bool = False,
               coarse: frozenset[int] = frozenset()) -> Candidate:
    """``clash``: the sentence tells two sides fighting ("killed after exchanging fire with
    police"), so its killings are that battle's (ACLED: one Armed clash)."""
    doc = sent.doc
    actor_toks, recipient_toks = args.arguments(trig, out)
    actors = [s for t in actor_toks for s in args.np_spans(t)]
    recipients = [s for t in recipient_toks for s in args.np_spans(t, where=True)]
    place_idx, date_idx = at.attach(trig, heads, places, dates, doc)
    place_idx = [k for k in place_idx if not _is_participant(places[k], actors + recipients)]
    draft = Draft(
        event_type=out.type, mode=out.mode, acled_event_type=None, acled_sub_event_type=None,
        cameo=None, evidence=_evidence(sent), sentence=index, trigger=_trigger_chars(trig),
        actors=actors, recipients=recipients, places=place_idx, dates=date_idx,
        reported_by=[] if date_idx else at.reported_dates(trig, dates, doc),
        background=recalled([dates[k] for k in date_idx], article.published),
    )
    harmed = victims(_clause_span(trig, heads, doc))
    _set_codes(draft, trig, out, recipient_toks + harmed, harmed, clash)
    draft.crowd = crowd_kind(actor_toks[0]) if actor_toks else ""
    draft.fatalities, draft.injuries = _casualties(trig, out, doc, heads)
    draft.confidence = confidence(trig, out, draft, rival)
    return Candidate(
        draft=draft, nominal=trig.nominal,
        actor_words=_names(doc, actors, True), recipient_words=_names(doc, recipients),
        anchors=_anchors(trig), definite=_definite(trig), headline=_headline(sent),
        own={trig.head.i} | ({trig.noun.i} if trig.noun is not None else set()),
        sequence=_sequence(trig), weapon=trig.weapon,
        recalled_weapon=_recalled_weapon(trig, sent) or trig.sense.role == "impact", anaphoric=_anaphoric(trig),
        place_keys={_place_key(places[k]) for k in place_idx},
        coarse_places=bool(place_idx) and all(k in coarse for k in place_idx),
        date_keys={_date_key(dates[k]) for k in date_idx},
    )


def _recalled_weapon(trig: Trigger, sent: Span) -> bool:
    """"the rockets were fired from a launcher": the weapon word is definite, so it names the
    weapons of an event the article has told (merge folds this detail into that event)."""
    return trig.weapon is not None and any(
        noun_lemma(t) == trig.weapon and _has_definite_det(t) for t in sent if t.pos_ == "NOUN")


def _anaphoric(trig: Trigger) -> bool:
    """The event's subject refers back to people already named: "They shot the driver",
    "The attackers blocked the road" (a definite attacker noun, not a name)."""
    if trig.nominal:
        return False
    verb = trig.head
    while verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        verb = verb.head         # "The attackers blocked the road and opened fire"
    for subj in verb.children:
        if subj.dep_ in ("nsubj", "nsubjpass"):
            if subj.tag_ == "PRP" and subj.lower_ in ("they", "he", "she"):
                return True
            return _has_definite_det(subj) and noun_lemma(subj) in lx.REFERRING_AGENTS
    return False


def _sequence(trig: Trigger) -> set[int]:
    """Tokens of the "after X" / "before X" phrases of the event's clause: X is another event."""
    root = at._clause_root(trig)
    return {t.i for prep in root.children if prep.dep_ == "prep" and prep.lower_ in ("after", "before")
            for t in prep.subtree}


def _headline(sent: Span) -> bool:
    """A title line: no closing punctuation, and a line break (or the end) right after it."""
    text = sent.text.rstrip()
    if not text or text[-1] in ".!?\"'”’:;)":
        return False
    rest = sent.doc.text[sent.end_char:]
    return rest == "" or rest.startswith("\n") or sent.text.endswith("\n")


def _is_participant(place: PlaceMention, spans: list[tuple[int, int]]) -> bool:
    """"The US retaliated": a country named as the actor is not where the event happened."""
    return any(a <= place.start and place.end <= b and (b - a) - (place.end - place.start) <= 4
               for a, b in spans)


def _names(doc: Doc, spans: list[tuple[int, int]], nationality: bool = False) -> set[str]:
    found: set[str] = set()
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            found |= name_words(span, nationality)
    return found


def _definite(trig: Trigger) -> bool:
    """"the strikes", "were killed ... in the strikes": the sentence refers back to an event
    already told, so its toll and roles belong to that event (see merge._tied)."""
    noun = trig.noun if trig.noun is not None else (trig.head if trig.nominal else None)
    if noun is not None:
        return _has_definite_det(noun)
    if trig.sense.role != "casualty":
        return False
    # Any participle of the clause may carry it ("killed and seven wounded in the strikes").
    return any(_has_definite_det(obj) and noun_sense(obj) is not None and noun_sense(obj).type == "ASSAULT"
               for prep in trig.head.subtree
               if prep.dep_ == "prep" and prep.lower_ in ("in", "during", "by") and prep.head.tag_ == "VBN"
               for obj in prep.children if obj.dep_ == "pobj")


def _has_definite_det(noun) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "those") for c in noun.children)


def _anchors(trig: Trigger) -> set[int]:
    head = trig.head
    linked = {head.i}
    if head.dep_ in ("conj", "advcl"):
        linked.add(head.head.i)
    if head.dep_ == "relcl" and head.head.dep_ in ("nsubj", "nsubjpass", "dobj"):
        linked.add(head.head.head.i)     # "a bomb that killed three exploded": one event
    return linked


def _set_codes(draft: Draft, trig: Trigger, out: Outcome, hit, harmed, clash: bool = False) -> None:
    """``hit``: the recipients' heads and ``harmed``, the victims of the clause's harm verbs."""
    draft.target = side_of_words(hit) or person_guess(harmed + [t for t in hit if t.dep_ in ("dobj", "nsubjpass")])
    if draft.target is None and out.type == "ASSAULT" and found_dead(trig.head):
        draft.target = CIVILIAN          # a body found: the dead are civilians unless told otherwise
    draft.two_sided = trig.sense.role == "clash" or (clash and trig.sense.role == "casualty") or (
        len(draft.actors) > 1 and not draft.recipients and draft.target != CIVILIAN) or exchanged(trig)
    territory = trig.sense.territory if out.type == trig.sense.type else None
    mode = "firearms" if out.type == "ASSAULT" and with_small_arms(trig) else out.mode
    codes = codes_for(out.type, mode, two_sided=draft.two_sided, civilian_target=draft.target == CIVILIAN,
                      territory=territory, weapon=trig.weapon if out.type == "ASSAULT" else None)
    if out.type == "COERCE" and out.mode == "seize" and not _seized_weapons(trig):
        codes = Codes(codes.cameo, "Strategic developments", "Looting/property destruction")
    draft.cameo, draft.acled_event_type, draft.acled_sub_event_type = (
        codes.cameo, codes.acled_event_type, codes.acled_sub_event_type)


WEAPON_GOODS = frozenset("weapon arm ammunition munition explosive ied bomb mine landmine grenade "
                         "rifle gun pistol rocket mortar missile detonator cache launcher shell "
                         "cartridge bullet firearm".split())


def _seized_weapons(trig: Trigger) -> bool:
    """ACLED's Disrupted weapons use is a seizure of weapons or explosives; seized drugs,
    vehicles, phones or goods are Looting/property destruction (codebook 2023)."""
    obj = direct_object(trig.head) if not trig.nominal else None
    heads = [obj] if obj is not None else [c for c in trig.head.subtree if c.dep_ == "pobj"]
    words = {noun_lemma(t) for h in heads for t in [h, *h.children] if t.dep_ in ("compound", "amod") or t is h}
    return bool(words & WEAPON_GOODS)


def confidence(trig: Trigger, out: Outcome, draft: Draft, rival: bool = False) -> float:
    """How strongly the text states this event: explicit verb + actor + recipient is best;
    a bare noun, a missing actor, hedging, reported speech and embedding all weaken it, and so
    does a rival reading (``rival``: the same sentence also reads as an event of another type,
    so which one the sentence reports is itself uncertain). This is the one place the score is
    set; merging only adds a little when two mentions agree (merge._fill). The bands are
    checked against the PLOVER gold records by benchmarks/plover_gsr.py (calibration table)."""
    score = 0.45
    score -= 0.1 if rival else 0.0
    score += 0.0 if trig.nominal else 0.15
    score += 0.15 if draft.actors else 0.0
    score += 0.1 if draft.recipients else 0.0
    score += 0.05 if draft.event_type == "ASSAULT" and draft.mode else 0.0
    score -= 0.1 if trig.sense.role == "casualty" and not draft.actors else 0.0
    score -= min(0.3, 0.12 * _depth(trig))
    score -= out.penalty
    score -= 0.15 if draft.background else 0.0
    return round(max(0.05, min(0.95, score)), 3)


def _depth(trig: Trigger) -> int:
    """Clause levels between the trigger and the sentence root (reporting verbs do not count)."""
    depth, tok = 0, trig.head
    while tok.head.i != tok.i:
        speech = tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_ in lx.REPORTING
        if tok.dep_ in at.CLAUSE_DEPS and not speech:
            depth += 2 if _backdrop(tok) else 1
        tok = tok.head
    return depth


def _backdrop(clause) -> bool:
    """"after two of their vehicles were hit": a clause that sets the scene for the main event."""
    return any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "as", "when", "while")
               for c in clause.children)


def _evidence(sent: Span) -> tuple[int, int]:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(text.rstrip())


def _trigger_chars(trig: Trigger) -> tuple[int, int]:
    doc = trig.head.doc
    first, last = trig.first, trig.last
    if last - first > 4:            # a light verb far from its noun: the noun names the event
        first = last = (trig.noun or trig.head).i
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _clause_span(trig: Trigger, heads: set[int], doc: Doc) -> Span:
    """The contiguous stretch of the event's own clause around the trigger: the counts in
    another event's clause ("after the US killed two commanders") are not this event's."""
    tokens = at.clause_tokens(trig, heads)
    lo = hi = trig.head.i
    while lo - 1 in tokens:
        lo -= 1
    while hi + 1 in tokens:
        hi += 1
    return doc[lo: hi + 1]


def _casualties(trig: Trigger, out: Outcome, doc: Doc, heads: set[int]) -> tuple[Optional[Count], Optional[Count]]:
    if out.type != "ASSAULT":
        return None, None
    return casualties_of(_clause_span(trig, heads, doc))


def casualties_of(span: Span) -> tuple[Optional[Count], Optional[Count]]:
    # The casualties module is written alongside this one; until it lands, an absent module
    # means "no counts". A module that exists but fails to import is a real error and raises.
    try:
        from flashpoint.extract.casualties import casualties
    except ModuleNotFoundError as exc:
        if exc.name == "flashpoint.extract.casualties":
            return None, None
        raise
    return casualties(span)


def _place_key(mention: PlaceMention) -> str:
    if mention.place is not None:
        return mention.place.name.lower()
    return mention.text.lower()


def coarse_places(places: Sequence[PlaceMention], gazetteer: Gazetteer) -> frozenset[int]:
    """Indices of the mentions that name a country or a larger area: by their resolved place,
    else (unresolved) by the name itself being a country's."""
    return frozenset(k for k, m in enumerate(places)
                     if (m.place.precision >= COUNTRY_PRECISION if m.place is not None
                         else gazetteer.is_country_name(m.text)))


def _date_key(mention: DateMention) -> str:
    if mention.when.start is not None:
        return mention.when.start.isoformat()
    return mention.text.lower()


def _split_by_place(cand: Candidate, places, doc, group_ids, coarse: frozenset[int]) -> list[Candidate]:
    """One draft per place when the event's clause lists several places."""
    tails = at.region_tails(cand.draft.places, places, doc)
    cand.draft.places = [k for k in cand.draft.places if k not in tails]
    listed = at.listed_places(cand.draft.places, places, doc)
    if listed is None or cand.draft.event_type not in PER_PLACE_TYPES:
        return [cand]
    group = next(group_ids)
    out = []
    for k in listed:
        # A toll stated for the whole list belongs to no single place.
        draft = Draft(**{**cand.draft.__dict__, "places": [k], "actors": list(cand.draft.actors),
                         "recipients": list(cand.draft.recipients), "dates": list(cand.draft.dates),
                         "fatalities": None, "injuries": None})
        out.append(Candidate(draft=draft, nominal=cand.nominal, group=group,
                             actor_words=set(cand.actor_words), recipient_words=set(cand.recipient_words),
                             anchors=set(cand.anchors), definite=cand.definite,
                             place_keys={_place_key(places[k])}, coarse_places=k in coarse,
                             date_keys=set(cand.date_keys), own=set(cand.own), sequence=set(cand.sequence),
                             weapon=cand.weapon, recalled_weapon=cand.recalled_weapon,
                             anaphoric=cand.anaphoric))
    return out
