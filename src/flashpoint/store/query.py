"""The query layer: one filter object that every front end (CLI, exports, API) passes to the store.

Filters become SQL over the indexed columns of ``events``, so a query reads only the rows it
returns. Text matching is case-insensitive in both engines (both sides are lower-cased, as
SQLite's LIKE and PostgreSQL's LIKE disagree on case).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from flashpoint.errors import ConfigError
from flashpoint.record import PLOVER_TYPES

BBox = tuple[float, float, float, float]
BBOX_FORM = "MINLON,MINLAT,MAXLON,MAXLAT in decimal degrees, e.g. 38.8,29.0,48.6,37.4 for Iraq"


@dataclass(frozen=True)
class EventFilter:
    """Every field optional; the filters that are set must all hold.

    since/until: the event's dates overlap [since, until] (events without a resolved date
    are left out when either is set). types: PLOVER types. actor: substring of any actor or
    recipient (as written or canonical). country: ISO 3166-1 alpha-3 of the location.
    bbox: (min_lon, min_lat, max_lon, max_lat); min_lon > max_lon crosses the antimeridian.
    text: substring of any mention's evidence quote.
    """

    since: Optional[dt.date] = None
    until: Optional[dt.date] = None
    types: Optional[Sequence[str]] = None
    actor: Optional[str] = None
    country: Optional[str] = None
    bbox: Optional[BBox] = None
    text: Optional[str] = None
    limit: Optional[int] = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.until < self.since:
            raise ConfigError(f"the date range ends ({self.until}) before it starts "
                              f"({self.since}); swap --since and --until")
        for t in self.types or ():
            if t.upper() not in PLOVER_TYPES:
                raise ConfigError(f"{t!r} is not a PLOVER event type; use one of "
                                  f"{', '.join(PLOVER_TYPES)}")
        if self.country is not None and not (len(self.country) == 3 and self.country.isalpha()):
            raise ConfigError(f"{self.country!r} is not an ISO 3166-1 alpha-3 country code; "
                              "write three letters, e.g. IRQ")


def parse_bbox(text: str) -> BBox:
    """'minlon,minlat,maxlon,maxlat' -> a tuple of four floats, or a ConfigError saying why not."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 4:
        raise ConfigError(f"bounding box {text!r} has {len(parts)} numbers, not 4; "
                          f"write {BBOX_FORM}")
    try:
        min_lon, min_lat, max_lon, max_lat = (float(p) for p in parts)
    except ValueError:
        raise ConfigError(f"bounding box {text!r} holds something that is not a number; "
                          f"write {BBOX_FORM}") from None
    for name, value, limit in (("longitude", min_lon, 180), ("longitude", max_lon, 180),
                               ("latitude", min_lat, 90), ("latitude", max_lat, 90)):
        if not -limit <= value <= limit:
            raise ConfigError(f"bounding box {text!r}: {name} {value} is outside "
                              f"-{limit}..{limit}; write {BBOX_FORM}")
    if min_lat > max_lat:
        raise ConfigError(f"bounding box {text!r}: the minimum latitude {min_lat} is north of "
                          f"the maximum {max_lat}; write {BBOX_FORM}")
    return (min_lon, min_lat, max_lon, max_lat)


def where_clause(flt: Optional[EventFilter]) -> tuple[str, list[Any]]:
    """SQL conditions (joined by AND, with a leading WHERE) and their parameters."""
    if flt is None:
        return "", []
    conds: list[str] = []
    params: list[Any] = []
    _dates(flt, conds, params)
    if flt.types:
        conds.append(f"event_type IN ({', '.join('?' for _ in flt.types)})")
        params.extend(t.upper() for t in flt.types)
    if flt.actor:
        conds.append("actor_text LIKE ? ESCAPE '!'")
        params.append(_contains(flt.actor))
    if flt.country:
        conds.append("country = ?")
        params.append(flt.country.upper())
    if flt.bbox:
        _bbox(flt.bbox, conds, params)
    if flt.text:
        conds.append("search_text LIKE ? ESCAPE '!'")
        params.append(_contains(flt.text))
    return ("WHERE " + " AND ".join(conds)) if conds else "", params


def _dates(flt: EventFilter, conds: list[str], params: list[Any]) -> None:
    # An event spans [date_start, date_end or date_start]; it matches when that overlaps.
    if flt.since:
        conds.append("COALESCE(date_end, date_start) >= ?")
        params.append(flt.since.isoformat())
    if flt.until:
        conds.append("date_start <= ?")
        params.append(flt.until.isoformat())


def _bbox(bbox: BBox, conds: list[str], params: list[Any]) -> None:
    min_lon, min_lat, max_lon, max_lat = bbox
    conds.append("lat BETWEEN ? AND ?")
    params.extend([min_lat, max_lat])
    if min_lon <= max_lon:
        conds.append("lon BETWEEN ? AND ?")
        params.extend([min_lon, max_lon])
    else:  # the box crosses the antimeridian (e.g. 170,-20,-170,0 around Fiji)
        conds.append("(lon >= ? OR lon <= ?)")
        params.extend([min_lon, max_lon])


def _contains(text: str) -> str:
    """A LIKE pattern for 'contains text', with LIKE's wildcards in the text taken literally."""
    escaped = text.lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"
