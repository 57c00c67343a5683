"""Links between events: what answers what, with the text that says so.

- ``retaliation_for``: a physical act (ASSAULT, COERCE) whose sentence says it answers
  an earlier act ("in retaliation for", "The US retaliated two days later", "in response to",
  "revenge for"), pointing to the most plausible earlier event: one whose sides are this
  event's sides reversed, or one the same article reports, within ``CUE_WINDOW_DAYS``.
  Without such words, an ASSAULT by A on B within ``ANSWER_WINDOW_DAYS`` after an ASSAULT by
  B on A is linked too, with the answering event's own sentence as evidence.
- ``response_to``: any other act the text says answers an earlier event (a protest "against the
  killing", a statement "in response to the strikes").

Links point only to physical events (``TARGETS``): a statement answers, it is never answered.

Every link carries an Evidence whose offsets point into the article of the mention it quotes.
``find_link_details`` returns the same links with the reason each was made.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Mapping, Optional

from flashpoint.link import LinkError
from flashpoint.link.compat import actor_key, specific_actors
from flashpoint.ontology import ANSWERABLE_TYPES, PHYSICAL_TYPES
from flashpoint.record import Actor, Event, Evidence, Link, StoredEvent

CUE_WINDOW_DAYS = 31
ANSWER_WINDOW_DAYS = 7
# Physical acts (the table's ``physical`` flag): what may be a retaliation (an attack answered
# by an attack). A statement, a sanction or a demand answering one is ``response_to``.
PHYSICAL = PHYSICAL_TYPES
# What a link may point to (the table's ``answerable`` flag): physical acts, protests, mobilizing.
TARGETS = ANSWERABLE_TYPES
Context = tuple[int, int, str]
Placed = tuple[int, StoredEvent, Event]   # evidence start, the event, the mention
RETALIATION_CUE = re.compile(
    r"\b(retaliat\w*|reprisals?|revenge|aveng\w*|hit back|strikes? back|struck back|"
    r"in (?:response|reply) to|responded to|in return for)\b", re.I)
# Told of an act elsewhere in the article: an attack on a group "that Washington blames for" an
# earlier one answers it. Only borrowed (``_borrowed_cues``): in its own sentence, the act blamed
# is the cause.
BORROWED_CUE = re.compile(RETALIATION_CUE.pattern + r"|\bblam(?:e|es|ed|ing)\s+(?:\w+\s+)?for\b"
                          r"|\bheld responsible for\b", re.I)
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n")
ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Brig", "Rep",
                 "Sen", "Gov", "St", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "No"}


@dataclass(frozen=True)
class LinkFinding:
    source: str
    link: Link
    reason: str


# ---- text around a mention ----------------------------------------------------------------

def _is_boundary(text: str, match: re.Match) -> bool:
    """A sentence end, not the dot of "U.S." or "Mr." (news text is full of both)."""
    if match.group().startswith("\n"):
        return True
    words = text[max(0, match.start() - 12):match.start()].split()
    word = words[-1] if words else ""
    return not (len(word) <= 2 or "." in word or word in ABBREVIATIONS)


def _boundaries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start() + len(m.group().rstrip()), m.end())
            for m in SENTENCE_END.finditer(text, start, end) if _is_boundary(text, m)]


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end], widened to the nearest sentence ends either side."""
    before = [b for b in _boundaries(text, max(0, start - 2000), start) if b[1] <= start]
    left = before[-1][1] if before else max(0, start - 2000)
    after = _boundaries(text, max(start, end - 1), min(len(text), end + 2000))
    right = after[0][0] if after else min(len(text), end + 2000)
    return left, max(right, end)


def cue_evidence(m: Event, sentences: Mapping[str, Context],
                 cue: re.Pattern = RETALIATION_CUE) -> Optional[Evidence]:
    """The sentence of a mention when it holds a retaliation or response cue, else None.

    ``sentences`` gives each mention's sentence as the store keeps it (``mention_sentences``
    makes them from article texts); a mention missing there is read from its quote alone.
    """
    context = sentences.get(m.id)
    if context is None:
        left, right, window = m.evidence.start, m.evidence.end, m.evidence.quote
    else:
        left, right, window = context
    if not cue.search(window):
        return None
    return Evidence(quote=window, start=left, end=right, sentence=m.evidence.sentence)


def mention_sentences(mentions: list[Event], article_texts: Mapping[str, str]
                      ) -> dict[str, Context]:
    """Mention id -> (start, end, text) of the sentence around its evidence."""
    out = {}
    for m in mentions:
        text = article_texts.get(m.article_id)
        if text is None:
            continue
        if text[m.evidence.start:m.evidence.end] != m.evidence.quote:
            raise LinkError(f"mention {m.id}: its evidence offsets {m.evidence.start}-"
                            f"{m.evidence.end} do not match article {m.article_id!r}; pass the "
                            "article's text exactly as it was read")
        left, right = sentence_around(text, m.evidence.start, m.evidence.end)
        out[m.id] = (left, right, text[left:right])
    return out


# ---- sides --------------------------------------------------------------------------------

def _sides(e: Event) -> tuple[set[str], set[str]]:
    """Identity tokens of who acted and who was acted upon: actor keys, plus countries when the
    two sides belong to different countries (so one country's internal fighting has no sides)."""
    acts, recs = specific_actors(e.actors), specific_actors(e.recipients)
    a = {actor_key(x) for x in acts}
    r = {actor_key(x) for x in recs}
    ca, cr = _countries(acts), _countries(recs)
    if ca and cr and not ca & cr:
        a |= {f"country:{c}" for c in ca}
        r |= {f"country:{c}" for c in cr}
    return a, r


def _countries(actors: list[Actor]) -> set[str]:
    return {x.country for x in actors if x.country}


def reversed_sides(answer: Event, earlier: Event) -> int:
    """2 when the answering event's actors were the earlier event's targets and vice versa,
    1 when only one of those holds, 0 otherwise."""
    a_act, a_rec = _sides(answer)
    e_act, e_rec = _sides(earlier)
    return bool(a_act & e_rec) + bool(a_rec & e_act)


# ---- candidates in time -------------------------------------------------------------------

class _Timeline:
    """Events with a resolved date, sorted, so the ones in a window are found by bisection."""

    def __init__(self, events: list[StoredEvent]):
        # Only physical events are answered: a statement is never the target of a link.
        dated = sorted((e.date.start, e.id) for e in events
                       if e.date.start is not None and e.event_type in TARGETS)
        self.days = [d for d, _ in dated]
        self.by_id = {e.id: e for e in events}
        self.ids = [i for _, i in dated]

    def before(self, e: StoredEvent, window: int) -> list[StoredEvent]:
        """Events over before ``e`` ends and begun within ``window`` days of that, not on its
        last day (an event known as "the week up to Sunday" may answer Friday's attack)."""
        if e.date.start is None:
            return []
        last = _last(e)
        lo = bisect.bisect_left(self.days, last - dt.timedelta(days=window))
        hi = bisect.bisect_left(self.days, last)
        return [self.by_id[i] for i in self.ids[lo:hi]
                if i != e.id and _last(self.by_id[i]) < last]


def _last(e: Event) -> dt.date:
    return e.date.end or e.date.start


def _answers_later_event(e: StoredEvent, evidence: Evidence, article_id: str,
                         by_article: dict[str, list[Placed]]) -> bool:
    """Is ``e`` the cause rather than the answer? True when its cue sentence also reports a
    later event (in "Iran fired missiles in retaliation for the killing", the killing is the
    earlier one and must not itself be linked backwards)."""
    return any(evidence.start <= at < evidence.end and o.id != e.id and o.date.start
               and e.date.start and o.date.start > _last(e)
               for at, o, _ in by_article.get(article_id, []))


def _cue_target(e: StoredEvent, candidates: list[StoredEvent], articles: set[str],
                mentions_by_event: dict[str, list[Event]]) -> Optional[tuple[StoredEvent, str]]:
    best, best_key, best_reason = None, None, ""
    for t in candidates:
        sides = reversed_sides(e, t)
        told_in = set(t.sources) | {m.article_id for m in mentions_by_event.get(t.id, [])}
        shared = bool(articles & told_in)
        score = 2 * sides + 2 * shared
        if score < 2:
            continue
        gap = (e.date.start - t.date.start).days
        # An attack answers an attack before it answers a protest told beside it.
        unlike = (e.event_type in PHYSICAL) != (t.event_type in PHYSICAL)
        key = (-score, unlike, gap, t.id)
        if best_key is None or key < best_key:
            best, best_key = t, key
            best_reason = (f"text cue; {gap} days earlier; sides reversed: {sides}/2"
                           + ("; reported in the same article" if shared else ""))
    return (best, best_reason) if best else None


def _cued_link(e: StoredEvent, mentions: list[Event], timeline: _Timeline,
               mentions_by_event: dict[str, list[Event]], sentences: Mapping[str, Context],
               by_article: dict[str, list[Placed]]) -> Optional[LinkFinding]:
    cues = [(m, cue_evidence(m, sentences), "") for m in mentions]
    cues = [c for c in cues if c[1] is not None] or _borrowed_cues(e, mentions, sentences,
                                                                    by_article)
    for m, evidence, how in cues:
        if _answers_later_event(e, evidence, m.article_id, by_article):
            continue
        articles = {x.article_id for x in mentions}
        # Strictly earlier: a same-day "target" is more often the answer itself, told twice.
        found = _cue_target(e, timeline.before(e, CUE_WINDOW_DAYS), articles, mentions_by_event)
        if found:
            physical = e.event_type in PHYSICAL and found[0].event_type in PHYSICAL
            kind = "retaliation_for" if physical else "response_to"
            return LinkFinding(e.id, Link(type=kind, event_id=found[0].id, evidence=evidence),
                               found[1] + how + f" ({m.article_id})")
    return None


def _borrowed_cues(e: StoredEvent, mentions: list[Event], sentences: Mapping[str, Context],
                   by_article: dict[str, list[Placed]]) -> list[tuple[Event, Evidence, str]]:
    """Cue sentences about this act told elsewhere in its article.

    "The US retaliated two days later with air strikes on five sites." and, next, "the strikes
    hit headquarters in Jurf al-Sakhr, Najaf ..." (the events, one per place); or "The US has
    bombed a group that Washington blames for a rocket attack" in the lede and the strike's
    detail further down. A cue sentence counts when an event it reports has one of this
    physical event's own actors and a date that overlaps this one's.
    """
    if e.event_type not in PHYSICAL or e.date.start is None:
        return []
    out = []
    for m in mentions:
        for _, other, n in by_article.get(m.article_id, []):
            if other.id == e.id or not _same_act(e, other):
                continue
            evidence = cue_evidence(n, sentences, BORROWED_CUE)
            if evidence is not None:
                out.append((n, evidence, f"; the cue is told of the same act in {n.id}"))
    return sorted(out, key=lambda c: (c[1].start, c[0].id))


def _same_act(e: StoredEvent, other: StoredEvent) -> bool:
    """Same actor, overlapping dates: one act told twice (e.g. as an act and a statement)."""
    if other.date.start is None or other.date.start > _last(e) or _last(other) < e.date.start:
        return False
    mine = {actor_key(a) for a in specific_actors(e.actors)}
    return bool(mine & {actor_key(a) for a in specific_actors(other.actors)})


def _answer_link(e: StoredEvent, timeline: _Timeline) -> Optional[LinkFinding]:
    """An ASSAULT answering an ASSAULT on its side within days, with no words saying so."""
    if e.event_type != "ASSAULT":
        return None
    earlier = [t for t in timeline.before(e, ANSWER_WINDOW_DAYS)
               if t.event_type == "ASSAULT" and reversed_sides(e, t) == 2]
    if not earlier:
        return None
    t = max(earlier, key=lambda x: (x.date.start, x.id))
    gap = (e.date.start - t.date.start).days
    return LinkFinding(e.id, Link(type="retaliation_for", event_id=t.id, evidence=e.evidence),
                       f"no text cue: an assault on its attackers {gap} days after their assault")


def _positions(events: list[StoredEvent], mentions_by_event: dict[str, list[Event]]):
    """Article id -> (evidence start, event, mention) for every mention, in text order: what
    each sentence reports."""
    out: dict[str, list[Placed]] = {}
    for e in events:
        for m in mentions_by_event.get(e.id, []):
            out.setdefault(m.article_id, []).append((m.evidence.start, e, m))
    for placed in out.values():
        placed.sort(key=lambda p: (p[0], p[2].id))
    return out


def find_link_details(events: list[StoredEvent], mentions_by_event: dict[str, list[Event]],
                      sentences: Mapping[str, Context],
                      answering: Optional[set[str]] = None) -> list[LinkFinding]:
    """Every link found, with its reason, in the order of ``events``; only from the events in
    ``answering`` when given (the others are candidate targets only)."""
    timeline = _Timeline(events)
    by_article = _positions(events, mentions_by_event)
    found = []
    for e in events:
        if answering is not None and e.id not in answering:
            continue
        mentions = mentions_by_event.get(e.id, [])
        link = _cued_link(e, mentions, timeline, mentions_by_event, sentences, by_article)
        found += [x for x in (link or _answer_link(e, timeline),) if x]
    return found


def find_links(events: list[StoredEvent], mentions_by_event: dict[str, list[Event]],
               sentences: Mapping[str, Context],
               answering: Optional[set[str]] = None) -> dict[str, list[Link]]:
    """Event id -> its outgoing links (every event id present, most with an empty list).

    ``mentions_by_event`` gives each event's mentions; ``sentences`` each mention's sentence
    (``mention_sentences``; a mention missing there is read from its quote alone).
    """
    out: dict[str, list[Link]] = {e.id: [] for e in events}
    for finding in find_link_details(events, mentions_by_event, sentences, answering):
        out[finding.source].append(finding.link)
    return out
