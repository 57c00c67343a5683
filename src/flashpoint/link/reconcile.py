"""One event from its mentions, field by field, keeping what the sources disagree on.

- Date and place come from the most precise mention (a day beats a week, a month, a year; UCDP
  precision 1 beats 2 ... 6). Ties go to the value most mentions share, then to the report
  published first, then to the mention that comes first.
- Fatalities and injuries span the sources: ``low`` is the smallest low any article gives,
  ``high`` the largest high, and ``best`` the lower median of the articles' best figures. Each
  article counts once, with the highest figure it gives (tolls rise as a story is updated). The
  lower median is a figure a source actually reported, it leans conservative as ACLED's rule
  does, and one outlying report cannot move it. ``figures`` keeps every figure with its article
  and quote, and ``disagreements`` says in words where sources differ, so nothing is averaged
  away.
- Confidence rises with the number of independent articles (noisy-or of each article's best
  mention confidence, capped at 0.99).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Callable, Optional, Sequence, TypeVar

from flashpoint.link.compat import NEAR_KM, actor_key, distance_km, is_generic
from flashpoint.record import Actor, Count, Event, Link, Place, StoredEvent, When
from flashpoint.record import event_id as rule_event_id
from flashpoint.link import LinkError

T = TypeVar("T")
DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
MAX_CONFIDENCE = 0.99


def _published_rank(m: Event, published: dict[str, Optional[dt.date]]) -> tuple[int, int]:
    day = published.get(m.article_id)
    return (0, day.toordinal()) if day else (1, 0)


def _pick(items: Sequence[T], rank: Callable[[T], tuple], support: Callable[[T, T], bool]) -> int:
    """Index of the best item: lowest rank first, then the most supported, then the first."""
    def key(k: int) -> tuple:
        backing = sum(support(items[k], other) for other in items)
        return (*rank(items[k])[:1], -backing, *rank(items[k])[1:], k)
    return min(range(len(items)), key=key)


# ---- date and place -----------------------------------------------------------------------

def best_date(mentions: Sequence[Event], published: dict[str, Optional[dt.date]]) -> When:
    dated = [m for m in mentions if m.date.start is not None]
    if not dated:
        return When(text=mentions[0].date.text, reason="no mention of this event resolves its date")
    k = _pick(dated,
              lambda m: (DATE_RANK[m.date.precision], *_published_rank(m, published)),
              lambda a, b: (a.date.start, a.date.end) == (b.date.start, b.date.end))
    chosen = dated[k]
    agree = sum((m.date.start, m.date.end) == (chosen.date.start, chosen.date.end) for m in dated)
    reason = (f"most precise of {len(dated)} dated mentions ({agree} agree), "
              f"from article {chosen.article_id}: {chosen.date.reason}")
    return chosen.date.model_copy(update={"reason": reason})


def best_place(mentions: Sequence[Event], published: dict[str, Optional[dt.date]]) -> Optional[Place]:
    placed = [m for m in mentions if m.location is not None]
    if not placed:
        return None
    k = _pick(placed,
              lambda m: (m.location.precision, *_published_rank(m, published)),
              lambda a, b: distance_km(a.location, b.location) <= NEAR_KM)
    return placed[k].location


# ---- counts -------------------------------------------------------------------------------

def _per_article(mentions: Sequence[Event], field: str) -> dict[str, Count]:
    """Each article's figure: the highest it gives (a story updates its toll upwards)."""
    out: dict[str, Count] = {}
    for m in mentions:
        count = getattr(m, field)
        if count is not None and (m.article_id not in out or count.best > out[m.article_id].best):
            out[m.article_id] = count
    return out


def span_counts(mentions: Sequence[Event], field: str) -> Optional[Count]:
    """low/best/high across articles for ``fatalities`` or ``injuries``; None when none reports."""
    per = _per_article(mentions, field)
    if not per:
        return None
    bests = sorted(c.best for c in per.values())
    return Count(low=min(c.low for c in per.values()), best=bests[(len(bests) - 1) // 2],
                 high=max(c.high for c in per.values()))


def figures(mentions: Sequence[Event]) -> list[dict]:
    """Every casualty figure with the article and quote that give it, for the store to keep."""
    return [{"article_id": m.article_id, "mention_id": m.id,
             "fatalities": m.fatalities.model_dump() if m.fatalities else None,
             "injuries": m.injuries.model_dump() if m.injuries else None,
             "quote": m.evidence.quote, "start": m.evidence.start, "end": m.evidence.end}
            for m in mentions if m.fatalities is not None or m.injuries is not None]


def _differ(label: str, values: dict[str, str]) -> list[str]:
    if len(set(values.values())) < 2:
        return []
    return [f"{label}: " + "; ".join(f"{v} ({a})" for a, v in sorted(values.items()))]


def disagreements(mentions: Sequence[Event]) -> list[str]:
    """Where the sources differ, one line per field, each value with its article ids."""
    lines = []
    for field in ("fatalities", "injuries"):
        per = _per_article(mentions, field)
        lines += _differ(field, {a: str(c.best) for a, c in per.items()})
    dates = {m.article_id: f"{m.date.start}..{m.date.end or m.date.start}"
             for m in mentions if m.date.start}
    places = {m.article_id: m.location.name for m in mentions if m.location}
    modes = {m.article_id: m.mode for m in mentions if m.mode}
    return lines + _differ("date", dates) + _differ("place", places) + _differ("mode", modes)


# ---- categories and actors ----------------------------------------------------------------

def _majority(values: Sequence[Optional[T]], prefer: Callable[[T], tuple] = lambda v: ()) -> Optional[T]:
    """The most common non-null value; ties by ``prefer`` then first appearance."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(present)
    return min(counts, key=lambda v: (-counts[v], *prefer(v), present.index(v)))


def _mode(mentions: Sequence[Event]) -> Optional[str]:
    modes = [m.mode for m in mentions]
    # "destroy" says only that property was hit; any other mode says more.
    specific = [x for x in modes if x not in (None, "destroy")]
    return _majority(specific or modes)


def _merge_actors(groups: Sequence[Sequence[Actor]], exclude: set[str] = frozenset()) -> list[Actor]:
    chosen: dict[str, Actor] = {}
    for actors in groups:
        for a in actors:
            k = actor_key(a)
            if k not in exclude and k not in chosen:
                chosen[k] = a
    named = [a for a in chosen.values() if not is_generic(a)]
    return named or list(chosen.values())


def _confidence(mentions: Sequence[Event]) -> float:
    per: dict[str, float] = {}
    for m in mentions:
        per[m.article_id] = max(per.get(m.article_id, 0.0), m.confidence)
    doubt = 1.0
    for c in per.values():
        doubt *= 1.0 - c
    return round(min(MAX_CONFIDENCE, max(max(per.values()), 1.0 - doubt)), 4)


def _links(mentions: Sequence[Event]) -> list[Link]:
    seen, out = set(), []
    for m in mentions:
        for link in m.links:
            if (link.type, link.event_id) not in seen:
                seen.add((link.type, link.event_id))
                out.append(link)
    return out


def reconcile(mentions: Sequence[Event], published: dict[str, Optional[dt.date]],
              *, event_id: Optional[str] = None) -> StoredEvent:
    """The stored event for one group of mentions (as ``group_mentions`` returns them).

    ``published`` maps article ids to publication dates (missing or None: unknown); earlier
    reports win ties. ``event_id`` defaults to the store's rule, ``record.event_id``.
    """
    if not mentions:
        raise LinkError("reconcile() got no mentions: pass one cluster from group_mentions(), "
                        "which never returns an empty one")
    lead = mentions[_pick(mentions, lambda m: (-m.confidence, *_published_rank(m, published)),
                          lambda a, b: False)]
    actors = _merge_actors([m.actors for m in mentions])
    mode = _mode(mentions)
    # The codes follow the chosen mode: an air strike is not an "Armed clash" because one
    # report of it gave no weapon.
    coded = [m for m in mentions if m.mode == mode] or list(mentions)
    acled = _majority([(m.acled_event_type, m.acled_sub_event_type) for m in coded
                       if m.acled_event_type])
    return StoredEvent(
        id=event_id or rule_event_id([m.id for m in mentions]),
        article_id=lead.article_id, event_type=_majority([m.event_type for m in mentions]),
        mode=mode,
        acled_event_type=acled[0] if acled else None, acled_sub_event_type=acled[1] if acled else None,
        cameo=_majority([m.cameo for m in coded], prefer=lambda c: (-len(c),)),
        actors=actors,
        recipients=_merge_actors([m.recipients for m in mentions], {actor_key(a) for a in actors}),
        location=best_place(mentions, published), date=best_date(mentions, published),
        fatalities=span_counts(mentions, "fatalities"), injuries=span_counts(mentions, "injuries"),
        evidence=lead.evidence, links=_links(mentions), confidence=_confidence(mentions),
        background=all(m.background for m in mentions),
        mentions=[m.id for m in mentions], sources=sorted({m.article_id for m in mentions}),
    )
