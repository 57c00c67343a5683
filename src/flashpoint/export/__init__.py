"""Exports: stored events written as JSON lines, CSV, ACLED-style CSV, PLOVER JSON or GeoJSON.

    write_events(store.events(flt), "geojson", sys.stdout)
    write_events(store.events(flt), "acled", out, articles=store.articles())

``articles`` (article id -> ArticleInfo, optional) lets the ACLED ``source`` column name the
outlets and PLOVER's ``cite_info`` carry URL and title; without it they show article ids.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Optional, TextIO

from flashpoint.errors import ConfigError
from flashpoint.export.acled import write_acled
from flashpoint.export.flat import write_csv
from flashpoint.export.geojson import write_geojson
from flashpoint.export.plover import write_plover
from flashpoint.record import StoredEvent

FORMATS = ("jsonl", "csv", "acled", "plover", "geojson")


def write_jsonl(events: Iterable[StoredEvent], out: TextIO) -> int:
    """Contract events-v1 records plus `mentions` and `sources`, one per line."""
    n = 0
    for e in events:
        out.write(e.model_dump_json() + "\n")
        n += 1
    return n


def write_events(events: Iterable[StoredEvent], fmt: str, out: TextIO,
                 articles: Optional[Mapping[str, object]] = None) -> int:
    """Write ``events`` to ``out`` in ``fmt``; return how many were written."""
    name = fmt.lower().strip()
    if name == "jsonl":
        return write_jsonl(events, out)
    if name == "csv":
        return write_csv(events, out)
    if name == "acled":
        names = {k: getattr(v, "source", None) for k, v in (articles or {}).items()}
        return write_acled(events, out, names)
    if name == "plover":
        return write_plover(events, out, articles)
    if name == "geojson":
        return write_geojson(events, out)
    raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def export_events(store, flt, fmt: str, out: TextIO) -> int:
    """Query ``store`` with the filter ``flt`` and write the result, citing article metadata."""
    if fmt.lower().strip() not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return write_events(store.events(flt), fmt, out, articles=store.articles())


__all__ = ["FORMATS", "export_events", "write_events", "write_jsonl"]
