"""GeoJSON (RFC 7946): one FeatureCollection, one Point Feature per event.

Coordinates are [longitude, latitude] (RFC 7946 section 3.1.1), rounded to 6 decimals
(about 10 cm, the precision the RFC suggests). Properties are the flat CSV columns, all
scalars, so QGIS and other GIS tools show them as attribute columns. An event without a
location keeps its place in the file with ``"geometry": null`` (an unlocated Feature, RFC
7946 section 3.2) rather than vanishing from the export. Features stream out one at a
time, so a large store never sits in memory.
"""
from __future__ import annotations

import json
from typing import Iterable, Mapping, Optional, TextIO

from flashpoint.export.flat import flat_row
from flashpoint.export.registry import export_format
from flashpoint.record import StoredEvent

DECIMALS = 6


def feature(e: StoredEvent) -> dict:
    geometry = None
    if e.location is not None:
        geometry = {"type": "Point",
                    "coordinates": [round(e.location.lon, DECIMALS),
                                    round(e.location.lat, DECIMALS)]}
    return {"type": "Feature", "id": e.id, "geometry": geometry, "properties": flat_row(e)}


@export_format("geojson", order=50)
def write_geojson(events: Iterable[StoredEvent], out: TextIO,
                  articles: Optional[Mapping[str, object]] = None) -> int:
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for e in events:
        out.write(("," if n else "") + "\n" + json.dumps(feature(e), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
