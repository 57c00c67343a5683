"""Reading the store a page at a time: what the HTTP API and the web page ask of it.

Every function takes an open Store and an EventFilter and builds its SQL from
``query.where_clause``, so the API filters exactly as `flashpoint events` does. Nothing
here puts text from a request into SQL: values travel as parameters.

- ``events_page``: one page of events in the order `flashpoint events` writes them (dated
  first, by date, then id), continued by an opaque cursor that names the last row seen, so
  a page never repeats or skips an event while the store is unchanged.
- ``find_event``: the one lookup of an event by id (exact, or the short prefix the
  timeline prints); ids a merge retired resolve here once the store records them.
- ``counts_by_day``, ``actor_counts``, ``place_counts``: aggregates for charts and lists.
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterator, Optional

from flashpoint.errors import ConfigError
from flashpoint.record import StoredEvent
from flashpoint.store.query import EventFilter, where_clause

ORDER = "ORDER BY date_start IS NULL, date_start, id"
MIN_PREFIX = 4
CURSOR_MAX = 300


@dataclass(frozen=True)
class Page:
    """Raw contract records (JSON text, as stored), the cursor of the next page, the total."""

    records: list[str]
    next_cursor: Optional[str]
    total: int


def encode_cursor(date_start: Optional[str], event_id: str) -> str:
    raw = json.dumps([date_start, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[Optional[str], str]:
    """The (date_start, id) a cursor names, or a ConfigError saying the cursor is not one."""
    bad = ConfigError(f"cursor {cursor[:40]!r} is not one this server gave; pass the `next` "
                      "value of the previous page unchanged, or leave it out for the first page")
    if len(cursor) > CURSOR_MAX:
        raise bad
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise bad from None
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], str)
            and (value[0] is None or _is_iso_date(value[0]))):
        raise bad
    return value[0], value[1]


def _is_iso_date(value: Any) -> bool:
    try:
        return isinstance(value, str) and dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _after(cursor: Optional[str]) -> tuple[str, list[Any]]:
    """The condition 'after the row the cursor names' in ORDER's order."""
    if cursor is None:
        return "", []
    date_start, event_id = decode_cursor(cursor)
    if date_start is None:
        return "date_start IS NULL AND id > ?", [event_id]
    return ("(date_start IS NULL OR date_start > ? OR (date_start = ? AND id > ?))",
            [date_start, date_start, event_id])


def _where(flt: Optional[EventFilter], extra: str = "", extra_params: list | None = None
           ) -> tuple[str, list[Any]]:
    where, params = where_clause(flt)
    if extra:
        where = f"{where} AND ({extra})" if where else f"WHERE {extra}"
        params = params + list(extra_params or [])
    return where, params


def events_page(store, flt: Optional[EventFilter], cursor: Optional[str], limit: int) -> Page:
    """``limit`` events after ``cursor`` (None: from the start) that match ``flt``.

    Two steps: the ids of the page first, which the indexes of migration 0002 answer without
    reading a record, then the records of those ids alone.
    """
    db = store.backend
    where, params = _where(flt, *_after(cursor))
    keys = db.rows(f"SELECT id, date_start FROM events {where} {ORDER} LIMIT ?",
                   params + [limit + 1])
    more = len(keys) > limit
    keys = keys[:limit]
    records = dict(db.rows(f"SELECT id, record FROM events WHERE id IN "
                           f"({', '.join('?' for _ in keys)})", [k[0] for k in keys])) if keys else {}
    full, fparams = where_clause(flt)
    total = db.rows(f"SELECT COUNT(*) FROM events {full}", fparams)[0][0]
    nxt = encode_cursor(keys[-1][1], keys[-1][0]) if more else None
    return Page([records[k[0]] for k in keys], nxt, int(total))


def find_event(store, event_id: str) -> Optional[StoredEvent]:
    """The event with this id, or the one event whose id starts with it (4+ characters).

    This is the one place an id from a URL, a bookmark or the timeline becomes an event;
    an id that a merge retired resolves to the surviving event (``Store.event`` follows the
    store's event_aliases).
    """
    event = store.event(event_id)
    if event is not None or len(event_id) < MIN_PREFIX:
        return event
    escaped = event_id.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    ids = store.backend.rows("SELECT id FROM events WHERE id LIKE ? ESCAPE '!' LIMIT 2",
                             (escaped + "%",))
    return store.event(ids[0][0]) if len(ids) == 1 else None


def linked_from(store, event_id: str) -> list[tuple[str, str]]:
    """(source event id, link type) of every link that points at this event."""
    rows = store.backend.rows("SELECT event_id, type FROM links WHERE target_id = ? "
                              "ORDER BY event_id, type", (event_id,))
    return [(r[0], r[1]) for r in rows]


def article_texts(store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Metadata and full text of the given articles, by id."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = store.backend.rows("SELECT id, title, source, url, published, text FROM articles "
                              f"WHERE id IN ({marks}) ORDER BY id", list(ids))
    keys = ("id", "title", "source", "url", "published", "text")
    return {r[0]: dict(zip(keys, r)) for r in rows}


def events_of_articles(store, article_ids: list[str]) -> list[StoredEvent]:
    """The stored events that hold a mention from any of these articles."""
    if not article_ids:
        return []
    marks = ", ".join("?" for _ in article_ids)
    rows = store.backend.rows(
        "SELECT DISTINCT em.event_id FROM event_mentions em JOIN mentions m "
        f"ON m.id = em.mention_id WHERE m.article_id IN ({marks}) ORDER BY em.event_id",
        list(article_ids))
    found = (store.event(r[0]) for r in rows)
    return [e for e in found if e is not None]


def counts_by_day(store, flt: Optional[EventFilter]) -> list[tuple[Optional[str], str, int]]:
    """(first day, PLOVER type, events) for every day and type; undated events have day None."""
    where, params = where_clause(flt)
    rows = store.backend.rows(f"SELECT date_start, event_type, COUNT(*) FROM events {where} "
                              "GROUP BY date_start, event_type "
                              "ORDER BY date_start IS NULL, date_start, event_type", params)
    return [(r[0], r[1], int(r[2])) for r in rows]


def _records(store, flt: Optional[EventFilter]) -> Iterator[dict]:
    where, params = where_clause(flt)
    for (record,) in store.backend.stream(f"SELECT record FROM events {where}", params):
        yield json.loads(record)


def actor_counts(store, flt: Optional[EventFilter], limit: int) -> list[dict[str, Any]]:
    """Actors and recipients of the matching events, most events first."""
    as_actor: Counter = Counter()
    as_recipient: Counter = Counter()
    for rec in _records(store, flt):
        for role, tally in (("actors", as_actor), ("recipients", as_recipient)):
            for key in {(a["name"], a.get("country"), a.get("sector")) for a in rec[role]}:
                tally[key] += 1
    keys = sorted(set(as_actor) | set(as_recipient),
                  key=lambda k: (-(as_actor[k] + as_recipient[k]), k[0], k[1] or "", k[2] or ""))
    return [{"name": k[0], "country": k[1], "sector": k[2], "as_actor": as_actor[k],
             "as_recipient": as_recipient[k]} for k in keys[:limit]]


def place_counts(store, flt: Optional[EventFilter], limit: int) -> list[dict[str, Any]]:
    """Places of the matching events with their coordinates, most events first."""
    tally: Counter = Counter()
    for rec in _records(store, flt):
        loc = rec.get("location")
        if loc:
            tally[(loc["name"], loc.get("country"), loc["lat"], loc["lon"])] += 1
    keys = sorted(tally, key=lambda k: (-tally[k], k[0], k[1] or ""))
    return [{"name": k[0], "country": k[1], "lat": k[2], "lon": k[3], "events": tally[k]}
            for k in keys[:limit]]
