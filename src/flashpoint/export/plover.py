"""PLOVER JSON lines: one record per event under PLOVER's standard field names.

Field names follow the "JSON Data Fields" chapter of the PLOVER manual (Open Event Data
Alliance, 2021 draft): ``id``, ``date``, ``enddate``, ``source`` and ``recipient`` (lists of
actor objects: ``code``, ``sector``, ``actor_text``, ``identifier_id``, ``identifier_text``),
``event`` (a list of categories), ``mode``, ``context``, ``event_loc`` (a GeoNames-style
location: ``geonameid``, ``name``, ``latitude``, ``longitude``, ``cc3``), ``event_text``,
``text_info`` (``sequence``, ``start``, ``end``), ``quad_code``, ``cite_info``, ``coder``;
and the size fields ``dead`` and ``injured``. The manual invites named extra fields: we add
``precision`` to event_loc, and ``mentions``, ``sources``, ``links`` at the top level.
The manual recommends newline-delimited JSON, which is what this writes.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Mapping, Optional, TextIO

from flashpoint.export.registry import export_format
from flashpoint.ontology import quad
from flashpoint.record import Actor, StoredEvent

CODER = "flashpoint"


def plover_record(e: StoredEvent, articles: Optional[Mapping[str, Any]] = None) -> dict:
    return {
        "id": e.id,
        "date": e.date.start.isoformat() if e.date.start else None,
        "enddate": e.date.end.isoformat() if e.date.end and e.date.end != e.date.start else None,
        "source": [_actor(a) for a in e.actors],
        "recipient": [_actor(a) for a in e.recipients],
        "event": [e.event_type],
        "mode": e.mode,
        # PLOVER's "historical" context: the report recalls the event as background.
        "context": ["historical"] if e.background else None,
        "event_loc": _location(e),
        "event_text": [e.evidence.quote],
        "text_info": {"sequence": e.evidence.sentence, "start": e.evidence.start,
                      "end": e.evidence.end},
        "quad_code": quad(e.event_type),     # the table's PLOVER quad class
        "dead": e.fatalities.best if e.fatalities else None,
        "injured": e.injuries.best if e.injuries else None,
        "cite_info": _cite(e.article_id, articles),
        "coder": CODER,
        "mentions": list(e.mentions),
        "sources": list(e.sources),
        "links": [{"type": k.type, "id": k.event_id} for k in e.links],
    }


@export_format("plover", order=40)
def write_plover(events: Iterable[StoredEvent], out: TextIO,
                 articles: Optional[Mapping[str, Any]] = None) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(plover_record(e, articles), ensure_ascii=False) + "\n")
        n += 1
    return n


def _actor(a: Actor) -> dict:
    return {"code": a.country, "sector": a.sector, "actor_text": a.text,
            "identifier_id": a.id, "identifier_text": a.name}


def _location(e: StoredEvent) -> Optional[dict]:
    p = e.location
    if p is None:
        return None
    return {"geonameid": p.geonames_id, "name": p.name, "latitude": p.lat, "longitude": p.lon,
            "cc3": p.country, "precision": p.precision}


def _cite(article_id: str, articles: Optional[Mapping[str, Any]]) -> dict:
    info = (articles or {}).get(article_id)
    cite = {"citation": article_id}
    if info is not None:
        cite.update({"url": info.url, "title": info.title, "publication": info.source})
    return cite
