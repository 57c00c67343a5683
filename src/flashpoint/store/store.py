"""The store: articles, their mentions (one per extracted record) and the events they group into.

Guarantees a user relies on:
- ingesting the same article again changes nothing (its content hash is already stored);
- an edited article (same id, other content) replaces all of its old mentions;
- every article is written in one transaction, its mentions queued as ``pending``; regrouping
  (``store.regroup``) rewrites the events of the blocks the queue touches, and only those, in
  one transaction, deterministically; so a run killed at any moment and started again ends
  with exactly the data of one clean run;
- an event keeps its id when reports join it; an event merged into another leaves an alias,
  and ``event`` / ``mentions_of`` follow it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator, Optional

from flashpoint.errors import StoreError
from flashpoint.record import Article, Event, StoredEvent, content_id
from flashpoint.store.backend import EXCLUSIVE, Backend, connect, first
from flashpoint.store.grouping import Grouper, LinkModule
from flashpoint.store.regroup import indexed, regroup_pending, resolve_alias
from flashpoint.store.terms import forget_article, index_article, mention_context
from flashpoint.store.location import locate
from flashpoint.store.migrations import applied, migrate
from flashpoint.store.query import EventFilter, where_clause
from flashpoint.summary import ADDED, REPLACED, UNCHANGED

TABLES = ("articles", "mentions", "events", "event_mentions", "links", "meta", "pending",
          "stale_events", "event_aliases", "article_terms", "term_index", "term_df")


@dataclass(frozen=True)
class ArticleInfo:
    """What exports cite about an article (its text stays in the store)."""

    id: str
    title: Optional[str]
    source: Optional[str]
    url: Optional[str]
    published: Optional[dt.date]


def content_hash(article: Article) -> str:
    """What decides 'same article': text and metadata, not the marks cleaning adds."""
    published = article.published.isoformat() if article.published else None
    return content_id(article.text, article.title, published, article.source, article.url,
                      article.language, length=32)


def open_store(url: Optional[str] = None, grouper: Optional[Grouper] = None) -> "Store":
    """Open (creating and migrating as needed) the store at ``url``; None = the default file."""
    backend = connect(locate(url))
    try:
        migrate(backend)
    except BaseException:
        backend.close()
        raise
    return Store(backend, grouper)


class Store:
    def __init__(self, backend: Backend, grouper: Optional[Grouper] = None):
        self._db = backend
        self.grouper = grouper if grouper is not None else LinkModule()

    # ---- about the store

    @property
    def location(self):
        return self._db.location

    @property
    def kind(self) -> str:
        return self._db.kind

    def describe(self) -> str:
        n = self.counts()
        default = " (the default store)" if self.location.is_default else ""
        return (f"{self.location.describe()}{default}: {n['articles']} articles, "
                f"{n['mentions']} mentions, {n['events']} events")

    def counts(self) -> dict[str, int]:
        return {t: first(self._db.rows(f"SELECT COUNT(*) FROM {t}"), 0)
                for t in ("articles", "mentions", "events", "links")}

    def migrations(self) -> list[str]:
        return applied(self._db)

    @property
    def backend(self) -> Backend:
        """The connection, for the store's own read modules (``store/browse.py``)."""
        return self._db

    # ---- writing

    def is_unchanged(self, article: Article) -> bool:
        """True when this exact article is stored already (so the pipeline can skip it)."""
        rows = self._db.rows("SELECT content_hash FROM articles WHERE id = ?", (article.id,))
        return first(rows) == content_hash(article)

    def ingest_result(self, article: Article, events: list[Event]) -> str:
        """Store one article and its mentions in one transaction: added, replaced or unchanged."""
        strays = [e.id for e in events if e.article_id != article.id]
        if strays:
            raise StoreError(f"events {strays[:3]} name another article than {article.id!r}; "
                             "store each article with its own events")
        digest = content_hash(article)
        with self._db.transaction(key=article.id):
            old = first(self._db.rows("SELECT content_hash FROM articles WHERE id = ?",
                                      (article.id,)))
            if old == digest:
                return UNCHANGED
            if old is not None:
                self._forget_mentions(article.id)
            self._write_article(article, digest)
            self._write_mentions(article, events)
            index_article(self._db, article.id, article.text,
                          article.published.isoformat() if article.published else None, events)
        return ADDED if old is None else REPLACED

    def _forget_mentions(self, article_id: str) -> None:
        """Drop an article's mentions; the events they were in are regrouped next time."""
        self._db.execute("INSERT INTO stale_events (event_id) SELECT DISTINCT event_id FROM "
                         "event_mentions WHERE mention_id IN (SELECT id FROM mentions WHERE "
                         "article_id = ?) ON CONFLICT DO NOTHING", (article_id,))
        self._db.execute("DELETE FROM event_mentions WHERE mention_id IN "
                         "(SELECT id FROM mentions WHERE article_id = ?)", (article_id,))
        self._db.execute("DELETE FROM pending WHERE mention_id IN "
                         "(SELECT id FROM mentions WHERE article_id = ?)", (article_id,))
        self._db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        forget_article(self._db, article_id)

    def _write_article(self, a: Article, digest: str) -> None:
        self._db.execute(
            "INSERT INTO articles (id, content_hash, title, source, url, published, language, "
            "text) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "content_hash = excluded.content_hash, title = excluded.title, "
            "source = excluded.source, url = excluded.url, published = excluded.published, "
            "language = excluded.language, text = excluded.text",
            (a.id, digest, a.title, a.source, a.url,
             a.published.isoformat() if a.published else None, a.language, a.text))

    def _write_mentions(self, article: Article, events: list[Event]) -> None:
        ids = [e.id for e in events]
        if len(set(ids)) != len(ids):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            raise StoreError(f"mention ids {dupes[:3]} occur twice in one article's events; "
                             "event ids must be unique (this is a bug in the pipeline)")
        self._db.executemany(
            "INSERT INTO mentions (id, article_id, record, event_type, date_start, date_end, "
            "country, lat, lon, context_start, context_end, context) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.id, e.article_id, e.model_dump_json(), e.event_type, *indexed(e),
              *mention_context(e, article.text)) for e in events])
        self._db.executemany("INSERT INTO pending (mention_id) VALUES (?)",
                             [(e.id,) for e in events])

    def needs_regroup(self) -> bool:
        """True when mentions changed since events were last built (e.g. a run was killed)."""
        return bool(self._db.rows("SELECT 1 FROM pending LIMIT 1")
                    or self._db.rows("SELECT 1 FROM stale_events LIMIT 1"))

    def regroup(self) -> int:
        """Regroup the blocks the pending mentions touch; return the number of stored events."""
        return self.regroup_touched().total

    def regroup_touched(self):
        """``regroup``, returning the ids of the events written too (``regroup.Regrouped``)."""
        with self._db.transaction(EXCLUSIVE):
            return regroup_pending(self._db, self.grouper)

    # ---- reading

    def events(self, flt: Optional[EventFilter] = None) -> Iterator[StoredEvent]:
        """Stored events matching ``flt``, in date order (undated last), then by id."""
        where, params = where_clause(flt)
        sql = f"SELECT record FROM events {where} ORDER BY date_start IS NULL, date_start, id"
        if flt is not None and flt.limit is not None:
            sql += " LIMIT ?"
            params.append(int(flt.limit))
        for (record,) in self._db.stream(sql, params):
            yield StoredEvent.model_validate_json(record)

    def resolve(self, event_id: str) -> str:
        """The id an event has now: itself, or the event it was merged into."""
        return resolve_alias(self._db, event_id) or event_id

    def event(self, event_id: str) -> Optional[StoredEvent]:
        """A stored event by id; an id merged into another event gives that event."""
        record = first(self._db.rows("SELECT record FROM events WHERE id = ?",
                                     (self.resolve(event_id),)))
        return StoredEvent.model_validate_json(record) if record else None

    def events_by_id(self, ids: list[str]) -> list[StoredEvent]:
        """The stored events with these ids (ids not stored are left out), by id."""
        out = []
        for k in range(0, len(ids), 500):
            chunk = sorted(ids)[k:k + 500]
            marks = ",".join("?" * len(chunk))
            out += [StoredEvent.model_validate_json(r[0]) for r in self._db.rows(
                f"SELECT record FROM events WHERE id IN ({marks}) ORDER BY id", chunk)]
        return out

    def stories(self, article_ids: list[str]):
        """Which of these articles tell one story (``link.group.Stories``), for ``explain``."""
        from flashpoint.link.group import Stories
        from flashpoint.store.regroup import STORY_THRESHOLD
        from flashpoint.store.terms import story_pairs

        pairs = story_pairs(self._db, article_ids, STORY_THRESHOLD)
        return Stories(pairs, frozenset(article_ids))

    def type_counts(self) -> dict[str, int]:
        """Stored events by PLOVER type, commonest first."""
        rows = self._db.rows("SELECT event_type, COUNT(*) FROM events GROUP BY event_type "
                             "ORDER BY COUNT(*) DESC, event_type")
        return {t: int(n) for t, n in rows}

    def mentions_of(self, event_id: str) -> list[Event]:
        """The mention records an event was built from, by id (an alias follows its event)."""
        rows = self._db.rows("SELECT m.record FROM mentions m JOIN event_mentions em "
                             "ON em.mention_id = m.id WHERE em.event_id = ? ORDER BY m.id",
                             (self.resolve(event_id),))
        return [Event.model_validate_json(r[0]) for r in rows]

    def articles(self, ids: Optional[list[str]] = None) -> dict[str, ArticleInfo]:
        """Title, outlet, URL and date of the given articles (all when ids is None)."""
        sql = "SELECT id, title, source, url, published FROM articles"
        if ids is None:
            rows = self._db.rows(sql + " ORDER BY id")
        else:
            wanted = sorted(set(ids))
            rows = []
            for k in range(0, len(wanted), 500):
                chunk = wanted[k:k + 500]
                rows += self._db.rows(sql + f" WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        return {r[0]: ArticleInfo(r[0], r[1], r[2], r[3], _date(r[4])) for r in sorted(rows)}

    def dump(self) -> dict[str, list[tuple]]:
        """Every row of every data table, sorted: two stores with equal dumps hold equal data."""
        out = {t: sorted(tuple(r) for r in self._db.rows(f"SELECT * FROM {t}")) for t in TABLES}
        out["migrations"] = [(name,) for name in self.migrations()]
        return out

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _date(value: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(value) if value else None
