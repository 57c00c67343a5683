"""Query parameters shared by the routes that filter events, checked before any query runs.

The same filters as `flashpoint events`, with the same names (``type`` repeats), turned
into the store's EventFilter, which checks them as it does for the command line.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from fastapi import Query

from flashpoint.api.errors import ApiError
from flashpoint.store import EventFilter, parse_bbox

MAX_TEXT = 200
MAX_TYPES = 20


def _clean(name: str, value: Optional[str]) -> Optional[str]:
    """Blank means unset; control characters are refused (PostgreSQL cannot store NUL)."""
    if value is None or not value.strip():
        return None
    if any(ord(c) < 32 for c in value):
        raise ApiError(422, "invalid_parameter", f"{name}: holds a control character; "
                       "send printable text only")
    return value.strip()


def event_filter(
    since: Optional[dt.date] = Query(None, description="events that end on or after this day"),
    until: Optional[dt.date] = Query(None, description="events that start on or before this day"),
    type: Optional[list[str]] = Query(None, max_length=MAX_TYPES,
                                      description="PLOVER type, e.g. ASSAULT (repeat for several)"),
    actor: Optional[str] = Query(None, max_length=MAX_TEXT,
                                 description="an actor or recipient name contains this"),
    country: Optional[str] = Query(None, max_length=3, description="ISO 3166-1 alpha-3, e.g. IRQ"),
    bbox: Optional[str] = Query(None, max_length=100,
                                description="MINLON,MINLAT,MAXLON,MAXLAT in degrees"),
    text: Optional[str] = Query(None, max_length=MAX_TEXT,
                                description="an evidence quote contains this"),
) -> EventFilter:
    types = [t for t in (_clean("type", t) for t in type or []) if t] or None
    box = _clean("bbox", bbox)
    return EventFilter(since=since, until=until, types=types, actor=_clean("actor", actor),
                       country=_clean("country", country), bbox=parse_bbox(box) if box else None,
                       text=_clean("text", text))
