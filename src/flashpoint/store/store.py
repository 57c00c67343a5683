"""The store: articles, their mentions (one per extracted record) and the events they group into.

Guarantees a user relies on:
- ingesting the same article again changes nothing (its content hash is already stored);
- an edited article (same id, other content) replaces all of its old mentions;
- every article is written in one transaction, and regrouping rewrites all events and links
  in one transaction from the mentions alone, deterministically; so a run killed at any
  moment and started again ends with exactly the data of one clean run.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator, Optional

from flashpoint.errors import StoreError
from flashpoint.record import Article, Event, StoredEvent, content_id
from flashpoint.store.backend import EXCLUSIVE, Backend, connect, first
from flashpoint.store.grouping import Grouper, LinkModule, build_events
from flashpoint.store.location import locate
from flashpoint.store.migrations import applied, migrate
from flashpoint.store.query import EventFilter, where_clause

ADDED, REPLACED, UNCHANGED = "added", "replaced", "unchanged"
TABLES = ("articles", "mentions", "events", "event_mentions", "links", "meta")
_DIRTY = "regroup_needed"


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
            self._write_mentions(events)
            self._set_meta(_DIRTY, "1")
        return ADDED if old is None else REPLACED

    def _forget_mentions(self, article_id: str) -> None:
        self._db.execute("DELETE FROM event_mentions WHERE mention_id IN "
                         "(SELECT id FROM mentions WHERE article_id = ?)", (article_id,))
        self._db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))

    def _write_article(self, a: Article, digest: str) -> None:
        self._db.execute(
            "INSERT INTO articles (id, content_hash, title, source, url, published, language, "
            "text) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "content_hash = excluded.content_hash, title = excluded.title, "
            "source = excluded.source, url = excluded.url, published = excluded.published, "
            "language = excluded.language, text = excluded.text",
            (a.id, digest, a.title, a.source, a.url,
             a.published.isoformat() if a.published else None, a.language, a.text))

    def _write_mentions(self, events: list[Event]) -> None:
        ids = [e.id for e in events]
        if len(set(ids)) != len(ids):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            raise StoreError(f"mention ids {dupes[:3]} occur twice in one article's events; "
                             "event ids must be unique (this is a bug in the pipeline)")
        self._db.executemany(
            "INSERT INTO mentions (id, article_id, record, event_type, date_start, date_end, "
            "country, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.id, e.article_id, e.model_dump_json(), e.event_type, *_indexed(e))
             for e in events])

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                         "DO UPDATE SET value = excluded.value", (key, value))

    def needs_regroup(self) -> bool:
        """True when mentions changed since events were last built (e.g. a run was killed)."""
        return first(self._db.rows("SELECT value FROM meta WHERE key = ?", (_DIRTY,))) == "1"

    def regroup(self) -> int:
        """Rebuild every event and link from the stored mentions; return the number of events."""
        with self._db.transaction(EXCLUSIVE):
            mentions = [Event.model_validate_json(r[0])
                        for r in self._db.rows("SELECT record FROM mentions ORDER BY id")]
            published = {i: _date(p) for i, p in
                         self._db.rows("SELECT id, published FROM articles")}
            texts = dict(self._db.rows("SELECT id, text FROM articles WHERE id IN "
                                       "(SELECT DISTINCT article_id FROM mentions)"))
            events = build_events(mentions, published, texts, self.grouper)
            by_id = {m.id: m for m in mentions}
            self._replace_events(events, by_id)
            self._set_meta(_DIRTY, "0")
        return len(events)

    def _replace_events(self, events: list[StoredEvent], mentions: dict[str, Event]) -> None:
        for table in ("links", "event_mentions", "events"):
            self._db.execute(f"DELETE FROM {table}")
        self._db.executemany(
            "INSERT INTO events (id, record, event_type, date_start, date_end, country, lat, "
            "lon, actor_text, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(e.id, e.model_dump_json(), e.event_type, *_indexed(e),
              *_searchable(e, [mentions[m] for m in e.mentions])) for e in events])
        self._db.executemany(
            "INSERT INTO event_mentions (event_id, mention_id) VALUES (?, ?)",
            [(e.id, m) for e in events for m in e.mentions])
        self._db.executemany(
            "INSERT INTO links (event_id, type, target_id, record) VALUES (?, ?, ?, ?)",
            [(e.id, link.type, link.event_id, link.model_dump_json())
             for e in events for link in e.links])

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

    def event(self, event_id: str) -> Optional[StoredEvent]:
        record = first(self._db.rows("SELECT record FROM events WHERE id = ?", (event_id,)))
        return StoredEvent.model_validate_json(record) if record else None

    def mentions_of(self, event_id: str) -> list[Event]:
        """The mention records an event was built from, by id."""
        rows = self._db.rows("SELECT m.record FROM mentions m JOIN event_mentions em "
                             "ON em.mention_id = m.id WHERE em.event_id = ? ORDER BY m.id",
                             (event_id,))
        return [Event.model_validate_json(r[0]) for r in rows]

    def articles(self, ids: Optional[list[str]] = None) -> dict[str, ArticleInfo]:
        """Title, outlet, URL and date of the given articles (all when ids is None)."""
        rows = self._db.rows("SELECT id, title, source, url, published FROM articles ORDER BY id")
        wanted = set(ids) if ids is not None else None
        return {r[0]: ArticleInfo(r[0], r[1], r[2], r[3], _date(r[4]))
                for r in rows if wanted is None or r[0] in wanted}

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


def _indexed(e: Event) -> tuple:
    """The filter columns: date_start, date_end, country, lat, lon."""
    start = e.date.start.isoformat() if e.date.start else None
    end = e.date.end.isoformat() if e.date.end else start
    loc = e.location
    return (start, end, loc.country if loc else None, loc.lat if loc else None,
            loc.lon if loc else None)


def _searchable(event: StoredEvent, members: list[Event]) -> tuple[str, str]:
    """Lower-cased actor names and quotes of the event and every mention, for LIKE filters."""
    records = [event, *members]
    actors = {s.lower() for r in records for a in [*r.actors, *r.recipients]
              for s in (a.text, a.name)}
    quotes = {r.evidence.quote.lower() for r in records}
    return "\n".join(sorted(actors)), "\n".join(sorted(quotes))


def _date(value: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(value) if value else None
