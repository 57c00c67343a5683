"""Schema changes as numbered migrations, applied once each and recorded in ``migrations``.

A migration is a name and a list of portable SQL statements (or a function of the backend,
for a change that needs code). Each runs in its own transaction together with the row that
records it, so a store is never left half-migrated. Never edit a migration that has shipped:
add the next one.

Tables (all ids are flashpoint's stable content hashes):
  articles        one row per article id; ``content_hash`` decides skip / replace
  mentions        one row per extracted Event record, with indexed columns for grouping
  events          one row per group of mentions, the reconciled StoredEvent as JSON plus
                  the columns the query filters use
  event_mentions  which mentions make up which event
  links           relations between events (retaliation_for, same_as, ...)
  meta            small key/value facts, e.g. whether events must be regrouped
Added by 0003 (incremental grouping, see flashpoint.store.regroup):
  mentions.context_*  the sentence around each mention, so links never re-read the article
  pending         mentions stored but not yet grouped (the next regroup's batch)
  stale_events    events that lost a mention when its article was replaced
  event_aliases   ids of events merged into another, and the id they resolve to
  article_terms   each article's weighted terms (its rare words and names), for similarity
  term_index      term -> articles, for the few rarest terms of each article
  term_df         how many articles hold each term (the store's document frequencies)
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Union

from flashpoint.store.backend import EXCLUSIVE, Backend

Step = Union[str, Callable[[Backend], None]]

INITIAL_SCHEMA: list[Step] = [
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        title TEXT, source TEXT, url TEXT, published TEXT, language TEXT,
        text TEXT NOT NULL)""",
    """CREATE TABLE mentions (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        record TEXT NOT NULL,
        event_type TEXT NOT NULL,
        date_start TEXT, date_end TEXT, country TEXT,
        lat DOUBLE PRECISION, lon DOUBLE PRECISION)""",
    "CREATE INDEX mentions_article ON mentions (article_id)",
    "CREATE INDEX mentions_type_date ON mentions (event_type, date_start)",
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        event_type TEXT NOT NULL,
        date_start TEXT, date_end TEXT, country TEXT,
        lat DOUBLE PRECISION, lon DOUBLE PRECISION,
        actor_text TEXT NOT NULL,
        search_text TEXT NOT NULL)""",
    "CREATE INDEX events_date ON events (date_start, date_end)",
    "CREATE INDEX events_type ON events (event_type)",
    "CREATE INDEX events_country ON events (country)",
    "CREATE INDEX events_lonlat ON events (lon, lat)",
    """CREATE TABLE event_mentions (
        event_id TEXT NOT NULL REFERENCES events(id),
        mention_id TEXT NOT NULL REFERENCES mentions(id),
        PRIMARY KEY (event_id, mention_id))""",
    "CREATE INDEX event_mentions_mention ON event_mentions (mention_id)",
    """CREATE TABLE links (
        event_id TEXT NOT NULL REFERENCES events(id),
        type TEXT NOT NULL,
        target_id TEXT NOT NULL REFERENCES events(id),
        record TEXT NOT NULL,
        PRIMARY KEY (event_id, type, target_id))""",
    "CREATE INDEX links_target ON links (target_id)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]

# Pages of events for the API (store/browse.py): the record column is large and the filter
# columns follow it in a row, so these indexes let a page's ids be found, filtered and put
# in order without reading a record; only the page's own records are read afterwards.
EVENT_PAGE_INDEXES: list[Step] = [
    "CREATE INDEX events_page_order ON events ((date_start IS NULL), date_start, id)",
    "CREATE INDEX events_type_country_date ON events (event_type, country, date_start, date_end, id)",
    "CREATE INDEX events_country_date ON events (country, date_start, date_end, id, event_type)",
    "CREATE INDEX events_day_type ON events (date_start, event_type)",
    # 'contains' filters cannot seek, but scanning these is far cheaper than the rows.
    "CREATE INDEX events_actor_scan ON events (actor_text, date_start, id)",
    "CREATE INDEX events_text_scan ON events (search_text, date_start, id)",
]

INCREMENTAL_GROUPING: list[Step] = [
    "ALTER TABLE mentions ADD COLUMN context_start INTEGER",
    "ALTER TABLE mentions ADD COLUMN context_end INTEGER",
    "ALTER TABLE mentions ADD COLUMN context TEXT",
    "CREATE INDEX mentions_type_lat ON mentions (event_type, lat)",
    "CREATE INDEX events_type_date ON events (event_type, date_start)",
    "CREATE TABLE pending (mention_id TEXT PRIMARY KEY)",
    "CREATE TABLE stale_events (event_id TEXT PRIMARY KEY)",
    """CREATE TABLE event_aliases (
        alias_id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL)""",
    "CREATE INDEX event_aliases_target ON event_aliases (event_id)",
    """CREATE TABLE article_terms (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        published TEXT,
        terms TEXT NOT NULL)""",
    """CREATE TABLE term_index (
        term TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (term, article_id))""",
    "CREATE INDEX term_index_article ON term_index (article_id)",
    "CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL)",
    lambda backend: _backfill(backend),
]


def _backfill(backend: Backend) -> None:
    """A store made before 0003: every article gets its terms, every mention its sentence,
    and every mention is queued, so the next ingest regroups the store once, incrementally."""
    from flashpoint.store.terms import index_article, mention_context

    for article_id, text, published in backend.rows("SELECT id, text, published FROM articles"):
        index_article(backend, article_id, text, published)
        for mention_id, record in backend.rows(
                "SELECT id, record FROM mentions WHERE article_id = ?", (article_id,)):
            start, end, context = mention_context(record, text)
            backend.execute("UPDATE mentions SET context_start = ?, context_end = ?, "
                            "context = ? WHERE id = ?", (start, end, context, mention_id))
    backend.execute("INSERT INTO pending (mention_id) SELECT id FROM mentions")


# In order; the name is what the migrations table records.
MIGRATIONS: list[tuple[str, list[Step]]] = [
    ("0001_initial_schema", INITIAL_SCHEMA),
    ("0002_event_page_indexes", EVENT_PAGE_INDEXES),
    ("0003_incremental_grouping", INCREMENTAL_GROUPING),
]

_LEDGER = "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"


def migrate(backend: Backend, migrations: list[tuple[str, list[Step]]] = MIGRATIONS) -> list[str]:
    """Apply the migrations this store lacks; return the names applied now."""
    applied_now = []
    for name, steps in migrations:
        # One transaction per migration: the exclusive lock makes concurrent openers wait,
        # and the ledger check inside it makes the second one skip what the first did.
        with backend.transaction(EXCLUSIVE):
            backend.execute(_LEDGER)
            if backend.rows("SELECT 1 FROM migrations WHERE name = ?", (name,)):
                continue
            for step in steps:
                step(backend) if callable(step) else backend.execute(step)
            backend.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                            (name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
        applied_now.append(name)
    return applied_now


def applied(backend: Backend) -> list[str]:
    return [r[0] for r in backend.rows("SELECT name FROM migrations ORDER BY name")]
