"""Incremental regrouping: a batch regroups only the blocks it touches.

The batch is the ``pending`` mentions (stored, not yet grouped) and the ``stale_events`` (events
that lost a mention when an article was replaced). Its neighbourhood is read through indexed
queries, never by scanning the store:
- the mentions of the batch's articles;
- mentions of the same type whose dates come within a day of a batch mention's dates;
- mentions of the same type within a degree of a batch mention's place (undated or coarsely
  dated ones, at most ``MAX_NEAR`` per query);
- mentions of the same type in articles that tell the same story (``store.terms``);
then widened to whole events, so an event is regrouped with all its mentions or not at all.
``grouping.group_block`` groups the block; events outside it are not read or written. Links
are found for the block's events against the physical events dated up to ``CUE_WINDOW_DAYS``
before them; links into a merged event follow it to the surviving id.
All of it runs in one transaction: a run killed midway leaves the batch pending, and the next
run does the same work again.

Into an empty store the regroup needs no queries: ``stories_among`` (over ``terms.
neighbourhood`` of a ``terms.TermTable``) and ``group_new`` give the events it writes, from
the articles' terms, the mentions and their sentences alone. The Spark engine
(``scale.grouping``) runs them, so its events are those ``flashpoint ingest`` stores.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from flashpoint.link.compat import DATE_TOLERANCE_DAYS, is_fine_date
from flashpoint.record import Event, Link, StoredEvent
from flashpoint.store.grouping import Grouper, group_block, with_links
from flashpoint.store.terms import neighbourhood, similarity

CUE_WINDOW_DAYS = 31
MAX_SPAN_DAYS = 31      # a dated mention spanning longer is found by its place, not its date
NEAR_DEGREES = 1.0
MAX_NEAR = 500
STORY_THRESHOLD = 0.18  # chosen on the ECB+ dev topics, features counted once an article
CHUNK = 500


@dataclass
class Regrouped:
    touched: list[str]     # ids of the events written by this regroup
    total: int             # events in the store afterwards


def _chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for k in range(0, len(items), size):
        yield items[k:k + size]


def _in(db, sql: str, ids: Iterable, extra: tuple = ()) -> list[tuple]:
    """Run ``sql`` (with one ``IN ({})``) over ``ids`` in chunks."""
    out: list[tuple] = []
    ordered = sorted(set(ids))
    for chunk in _chunks(ordered):
        out += db.rows(sql.format(",".join("?" * len(chunk))), [*extra, *chunk])
    return out


def _exec_in(db, sql: str, ids: Iterable) -> None:
    """Run a write ``sql`` (with one ``IN ({})``) over ``ids`` in chunks."""
    ordered = sorted(set(ids))
    for chunk in _chunks(ordered):
        db.execute(sql.format(",".join("?" * len(chunk))), list(chunk))


def _load(db, ids: Iterable[str]) -> tuple[list[Event], dict[str, tuple[int, int, str]]]:
    mentions, sentences = [], {}
    for mid, record, start, end, context in _in(
            db, "SELECT id, record, context_start, context_end, context FROM mentions "
                "WHERE id IN ({})", ids):
        mentions.append(Event.model_validate_json(record))
        if context is not None:
            sentences[mid] = (start, end, context)
    return mentions, sentences


# ---- the neighbourhood ----------------------------------------------------------------------

def _iso(d: dt.date) -> str:
    return d.isoformat()


def _dated(db, m: Event) -> list[str]:
    """Same type, dates within the tolerance (spans of up to a month that reach them too)."""
    start, end = m.date.start, m.date.end or m.date.start
    tol = dt.timedelta(days=DATE_TOLERANCE_DAYS)
    lo, hi = start - tol - dt.timedelta(days=MAX_SPAN_DAYS), end + tol
    sql = ("SELECT id FROM mentions WHERE event_type = ? AND date_start BETWEEN ? AND ? AND "
           "date_end >= ?")
    params = [m.event_type, _iso(lo), _iso(hi), _iso(start - tol)]
    country = m.location.country if m.location and m.location.precision < 7 else None
    if country:     # blocking's rule: a country meets itself and the unknown
        sql += " AND (country = ? OR country IS NULL)"
        params.append(country)
    return [r[0] for r in db.rows(sql, params)]


def _near(db, m: Event) -> list[str]:
    p, d = m.location, NEAR_DEGREES
    return [r[0] for r in db.rows(
        "SELECT id FROM mentions WHERE event_type = ? AND lat BETWEEN ? AND ? AND lon BETWEEN "
        "? AND ? AND (date_start IS NULL OR date_end IS NULL OR date_end > date_start) "
        "ORDER BY id LIMIT ?", (m.event_type, p.lat - d, p.lat + d, p.lon - d, p.lon + d,
                                 MAX_NEAR))]


def _neighbours(db, batch: list[Event], stories: set[str]) -> set[str]:
    """Ids of stored mentions that may group with the batch."""
    found: set[str] = set()
    articles = {m.article_id for m in batch} | stories
    found |= {r[0] for r in _in(db, "SELECT id FROM mentions WHERE article_id IN ({})", articles)}
    asked: set[tuple] = set()
    for m in batch:
        key = (m.event_type, m.date.start, m.date.end)
        # Like blocking: only a date of a week or less finds partners by date alone.
        if is_fine_date(m.date) and key not in asked:
            asked.add(key)
            found.update(_dated(db, m))
        place = (m.event_type, m.location.lat, m.location.lon) if m.location else None
        if place and place not in asked:
            asked.add(place)
            found.update(_near(db, m))
    return found


def _joinable(db, batch: list[Event], near: set[str], stories, grouper: Grouper) -> set[str]:
    """The neighbours a batch mention may group with, and every mention of the batch's
    articles: only their events are regrouped."""
    articles = {m.article_id for m in batch}
    others, _ = _load(db, near)
    keep = {others[k].id for k in grouper.may_join(batch, others, stories)}
    return keep | {m.id for m in others if m.article_id in articles}


def _stories(db, batch_articles: Sequence[str]):
    """Which articles tell one story with a batch article (``link.group.Stories``), and the
    articles of those stories."""
    return stories_among(*neighbourhood(db, batch_articles), batch_articles)


def stories_among(vecs, published, batch_articles: Sequence[str]):
    """``_stories`` from the articles' vectors and published ISO dates (``terms.neighbourhood``
    over the store, or over a ``terms.TermTable`` for articles never stored)."""
    from flashpoint.link.articles import story_clusters
    from flashpoint.link.group import Stories

    ids = sorted(vecs)
    dates = [dt.date.fromisoformat(published[i]) if published.get(i) else None for i in ids]
    clusters, torn = story_clusters([vecs[i] for i in ids], dates, similarity, STORY_THRESHOLD)
    batch, alike = set(batch_articles), {}
    for c in clusters:
        members = [ids[k] for k in c if k not in torn]   # a round-up's story tells nothing
        if len(members) < 2 or not batch & set(members):
            continue
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                alike[(a, b)] = similarity(vecs[a], vecs[b])
    stories = Stories(alike, frozenset(ids), frozenset(batch_articles))
    return stories, {a for pair in alike for a in pair}


def group_new(mentions: list[Event], published, sentences, stories, grouper: Grouper
              ) -> list[StoredEvent]:
    """What ``regroup_pending`` writes into an empty store whose pending batch is ``mentions``
    (stories from ``stories_among``): ``group_block`` with no stored events, then links among
    the block's events, every one found anew. The Spark engine calls it on the driver."""
    if not mentions:     # the store does not regroup an empty batch either
        return []
    plan = group_block(mentions, {}, published, grouper, stories)
    return _linked(plan, plan.events, {e.id for e in plan.events}, sentences, grouper)


# ---- the regroup ----------------------------------------------------------------------------

def regroup_pending(db, grouper: Grouper) -> Regrouped:
    """Regroup the pending batch and its blocks (inside the caller's exclusive transaction)."""
    pending = [r[0] for r in db.rows("SELECT mention_id FROM pending")]
    stale = [r[0] for r in db.rows("SELECT event_id FROM stale_events")]
    batch, _ = _load(db, pending)
    alike, story_articles = _stories(db, sorted({m.article_id for m in batch}))
    near = _joinable(db, batch, _neighbours(db, batch, story_articles) - set(pending),
                     alike, grouper)
    # Pending mentions may belong to events already (a store migrated from before 0003).
    current = dict((m, e) for m, e in _in(
        db, "SELECT mention_id, event_id FROM event_mentions WHERE mention_id IN ({})",
        near | set(pending)))
    events = set(current.values()) | set(stale)
    current = dict((m, e) for m, e in _in(
        db, "SELECT mention_id, event_id FROM event_mentions WHERE event_id IN ({})", events))
    block, sentences = _load(db, set(current) | set(pending))
    published = dict((a, dt.date.fromisoformat(p) if p else None) for a, p in _in(
        db, "SELECT id, published FROM articles WHERE id IN ({})", {m.article_id for m in block}))
    plan = group_block(block, current, published, grouper, alike)
    before = {i: StoredEvent.model_validate_json(r) for i, r in _in(
        db, "SELECT id, record FROM events WHERE id IN ({})", events)}
    changed = [e for e in plan.events if e.id not in before or before[e.id].mentions != e.mentions]
    incoming = _replace(db, events, plan)
    linked = _link(db, plan, changed, before, sentences, grouper)
    _write_events(db, linked, plan.members)
    _restore_incoming(db, incoming, plan)
    db.execute("DELETE FROM pending")
    db.execute("DELETE FROM stale_events")
    total = int(db.rows("SELECT COUNT(*) FROM events")[0][0])
    return Regrouped([e.id for e in changed], total)


def _replace(db, old: set[str], plan) -> list[tuple]:
    """Remove the block's old events and keep aside the links into them from outside."""
    incoming = [r for r in _in(db, "SELECT event_id, type, target_id, record FROM links "
                                   "WHERE target_id IN ({})", old) if r[0] not in old]
    _exec_in(db, "DELETE FROM links WHERE target_id IN ({})", old)
    _exec_in(db, "DELETE FROM links WHERE event_id IN ({})", old)
    _exec_in(db, "DELETE FROM event_mentions WHERE event_id IN ({})", old)
    _exec_in(db, "DELETE FROM events WHERE id IN ({})", old)
    for gone in plan.removed:
        target = plan.aliases.get(gone)
        if target is None:    # every mention of it is gone: nothing to resolve to
            db.execute("DELETE FROM event_aliases WHERE event_id = ?", (gone,))
            continue
        db.execute("UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (target, gone))
        db.execute("INSERT INTO event_aliases (alias_id, event_id) VALUES (?, ?) ON CONFLICT "
                   "(alias_id) DO UPDATE SET event_id = excluded.event_id", (gone, target))
    _exec_in(db, "DELETE FROM event_aliases WHERE alias_id IN ({})", plan.members)
    return incoming


def _restore_incoming(db, incoming: list[tuple], plan) -> None:
    """Links from outside the block into it: to the same id, or to the id it merged into;
    the linking event's record is rewritten to match when a target moved or went."""
    moved = set()
    for source, kind, target, record in incoming:
        now = target if target in plan.members else plan.aliases.get(target)
        moved |= {source} if now != target else set()
        if now is None or now == source:
            continue
        link = Link.model_validate_json(record).model_copy(update={"event_id": now})
        db.execute("INSERT INTO links (event_id, type, target_id, record) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT DO NOTHING", (source, kind, now, link.model_dump_json()))
    for source in sorted(moved):
        rows = db.rows("SELECT record FROM links WHERE event_id = ? ORDER BY type, target_id",
                       (source,))
        event = StoredEvent.model_validate_json(
            db.rows("SELECT record FROM events WHERE id = ?", (source,))[0][0])
        event = event.model_copy(update={"links": [Link.model_validate_json(r[0]) for r in rows]})
        db.execute("UPDATE events SET record = ? WHERE id = ?", (event.model_dump_json(), source))


def _window(db, events: list[StoredEvent], members: dict[str, list[Event]]
            ) -> list[StoredEvent]:
    """Stored physical events an event may answer: dated up to the link window before it, and
    told in one of its articles or naming one of its actors (the sides a link needs)."""
    from flashpoint.link.relations import CUE_WINDOW_DAYS as WINDOW, TARGETS

    found: dict[str, StoredEvent] = {}
    types = sorted(TARGETS)
    for e in events:
        if e.date.start is None:
            continue
        last = e.date.end or e.date.start
        names = sorted({x.lower() for m in [e, *members.get(e.id, [])]
                        for a in [*m.actors, *m.recipients] for x in (a.name, a.text)})[:12]
        told = ",".join("?" * len(e.sources))
        named = " OR ".join(["actor_text LIKE ? ESCAPE '!'"] * len(names)) or "0 = 1"
        rows = db.rows(
            f"SELECT id, record FROM events WHERE event_type IN ({','.join('?' * len(types))}) "
            "AND date_start BETWEEN ? AND ? AND (id IN (SELECT em.event_id FROM event_mentions "
            f"em JOIN mentions m ON m.id = em.mention_id WHERE m.article_id IN ({told})) "
            f"OR {named})",
            [*types, _iso(last - dt.timedelta(days=WINDOW)), _iso(last), *e.sources,
             *(f"%{_escaped(n)}%" for n in names)])
        found.update((i, StoredEvent.model_validate_json(r)) for i, r in rows if i not in found)
    return list(found.values())


def _escaped(text: str) -> str:
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _link(db, plan, changed: list[StoredEvent], before: dict[str, StoredEvent], sentences,
          grouper: Grouper) -> list[StoredEvent]:
    """The block's events with their links: found anew for the changed ones, kept (following
    merges) for the ones whose members did not change."""
    if not plan.events:
        return []
    ids = {e.id for e in plan.events}
    everything = plan.events + [e for e in _window(db, changed, plan.members) if e.id not in ids]
    renewed = {e.id for e in changed}
    found = {e.id: e for e in _linked(plan, everything, renewed, sentences, grouper)}
    return [found[e.id] if e.id in renewed else
            e.model_copy(update={"links": _kept(db, before[e.id].links, e.id, plan)})
            for e in plan.events]


def _linked(plan, everything: list[StoredEvent], renewed: set[str], sentences,
            grouper: Grouper) -> list[StoredEvent]:
    """The block's ``renewed`` events with the links found among ``everything``."""
    links = grouper.find_links(sorted(everything, key=lambda e: e.id), plan.members, sentences,
                               renewed)
    known = {e.id for e in everything}
    return [with_links(e, links.get(e.id, []), known) for e in plan.events if e.id in renewed]


def _kept(db, links: list[Link], own: str, plan) -> list[Link]:
    """An unchanged event's old links, to the ids their targets have now."""
    out = []
    for link in links:
        now = plan.aliases.get(link.event_id, link.event_id)
        gone = now in plan.removed or not (now in plan.members or db.rows(
            "SELECT 1 FROM events WHERE id = ?", (now,)))
        if not gone and now != own:
            out.append(link.model_copy(update={"event_id": now}))
    unique = {(k.type, k.event_id): k for k in out}
    return [unique[k] for k in sorted(unique)]


def _write_events(db, events: list[StoredEvent], members: dict[str, list[Event]]) -> None:
    db.executemany(
        "INSERT INTO events (id, record, event_type, date_start, date_end, country, lat, "
        "lon, actor_text, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(e.id, e.model_dump_json(), e.event_type, *indexed(e),
          *searchable(e, members[e.id])) for e in events])
    db.executemany("INSERT INTO event_mentions (event_id, mention_id) VALUES (?, ?)",
                   [(e.id, m) for e in events for m in e.mentions])
    db.executemany("INSERT INTO links (event_id, type, target_id, record) VALUES (?, ?, ?, ?)",
                   [(e.id, link.type, link.event_id, link.model_dump_json())
                    for e in events for link in e.links])


def indexed(e: Event) -> tuple:
    """The filter columns: date_start, date_end, country, lat, lon."""
    start = e.date.start.isoformat() if e.date.start else None
    end = e.date.end.isoformat() if e.date.end else start
    loc = e.location
    return (start, end, loc.country if loc else None, loc.lat if loc else None,
            loc.lon if loc else None)


def searchable(event: StoredEvent, members: list[Event]) -> tuple[str, str]:
    """Lower-cased actor names and quotes of the event and every mention, for LIKE filters."""
    records = [event, *members]
    actors = {s.lower() for r in records for a in [*r.actors, *r.recipients]
              for s in (a.text, a.name)}
    quotes = {r.evidence.quote.lower() for r in records}
    return "\n".join(sorted(actors)), "\n".join(sorted(quotes))


def resolve_alias(db, event_id: str) -> Optional[str]:
    """The id an event merged into now has, or None when ``event_id`` was never merged."""
    rows = db.rows("SELECT event_id FROM event_aliases WHERE alias_id = ?", (event_id,))
    return rows[0][0] if rows else None
