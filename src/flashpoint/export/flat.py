"""One flat row per event: the contract's fields spread over named columns.

Shared by the CSV export and the GeoJSON properties, so a spreadsheet and a QGIS layer
show the same columns. ``write_rows`` writes every CSV flashpoint makes (csv and acled), and
makes inert any text cell a spreadsheet would run as a formula: one that begins with =, +, -,
@, a tab or a carriage return gets a leading single quote (OWASP's rule for CSV injection).
Numbers are written as numbers, so a negative latitude stays -33.9. Lists become '; '-joined text, positions kept (an actor without a
country leaves an empty slot), so column i of `actors` and `actor_countries` line up.
"""
from __future__ import annotations

import csv
from typing import Any, Iterable, Mapping, Optional, TextIO

from flashpoint.export.registry import export_format
from flashpoint.record import Actor, Count, StoredEvent

SEP = "; "

COLUMNS = [
    "id", "event_type", "mode", "acled_event_type", "acled_sub_event_type", "cameo",
    "actors", "actor_ids", "actor_countries", "actor_sectors",
    "recipients", "recipient_ids", "recipient_countries", "recipient_sectors",
    "location_text", "location_name", "geonames_id", "latitude", "longitude", "country",
    "admin1", "geo_precision",
    "date_text", "date_start", "date_end", "date_precision", "date_reason",
    "fatalities_low", "fatalities_best", "fatalities_high",
    "injuries_low", "injuries_best", "injuries_high",
    "quote", "quote_start", "quote_end", "sentence", "article_id",
    "links", "confidence", "background", "mentions", "sources", "n_mentions", "n_sources",
]


def flat_row(e: StoredEvent) -> dict[str, Any]:
    """The event as one flat dict over COLUMNS; None where the event has no value."""
    row: dict[str, Any] = {
        "id": e.id, "event_type": e.event_type, "mode": e.mode,
        "acled_event_type": e.acled_event_type, "acled_sub_event_type": e.acled_sub_event_type,
        "cameo": e.cameo,
    }
    row.update(_actors("actor", "actors", e.actors))
    row.update(_actors("recipient", "recipients", e.recipients))
    row.update(_place(e))
    row.update({"date_text": e.date.text, "date_start": _iso(e.date.start),
                "date_end": _iso(e.date.end), "date_precision": e.date.precision,
                "date_reason": e.date.reason})
    row.update(_count("fatalities", e.fatalities))
    row.update(_count("injuries", e.injuries))
    row.update({"quote": e.evidence.quote, "quote_start": e.evidence.start,
                "quote_end": e.evidence.end, "sentence": e.evidence.sentence,
                "article_id": e.article_id,
                "links": SEP.join(f"{k.type}:{k.event_id}" for k in e.links) or None,
                "confidence": e.confidence, "background": e.background,
                "mentions": SEP.join(e.mentions) or None, "sources": SEP.join(e.sources) or None,
                "n_mentions": len(e.mentions), "n_sources": len(e.sources)})
    return row


@export_format("csv", order=20)
def write_csv(events: Iterable[StoredEvent], out: TextIO,
              articles: Optional[Mapping[str, object]] = None) -> int:
    """The flat rows as CSV with a header; returns the number of events written."""
    return write_rows((flat_row(e) for e in events), COLUMNS, out)


def write_rows(rows: Iterable[dict[str, Any]], columns: list[str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
        n += 1
    return n


def _actors(singular: str, plural: str, actors: list[Actor]) -> dict[str, Optional[str]]:
    if not actors:
        return {plural: None, f"{singular}_ids": None, f"{singular}_countries": None,
                f"{singular}_sectors": None}
    return {plural: SEP.join(a.name or a.text for a in actors),
            f"{singular}_ids": SEP.join(a.id or "" for a in actors),
            f"{singular}_countries": SEP.join(a.country or "" for a in actors),
            f"{singular}_sectors": SEP.join(a.sector or "" for a in actors)}


def _place(e: StoredEvent) -> dict[str, Any]:
    p = e.location
    if p is None:
        return {k: None for k in ("location_text", "location_name", "geonames_id", "latitude",
                                  "longitude", "country", "admin1", "geo_precision")}
    return {"location_text": p.text, "location_name": p.name, "geonames_id": p.geonames_id,
            "latitude": p.lat, "longitude": p.lon, "country": p.country, "admin1": p.admin1,
            "geo_precision": p.precision}


def _count(name: str, c: Optional[Count]) -> dict[str, Optional[int]]:
    return {f"{name}_low": c.low if c else None, f"{name}_best": c.best if c else None,
            f"{name}_high": c.high if c else None}


def _iso(d) -> Optional[str]:
    return d.isoformat() if d else None


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """CSV has no null: unknown is an empty cell (a reported 0 stays 0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return inert(value)
    return value


def inert(text: str) -> str:
    """``text`` as a spreadsheet shows it without running it: a formula start gets a quote."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
