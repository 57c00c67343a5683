"""The read routes under /api: thin over the store's query layer (``store/query.py``) and
its page-at-a-time reads (``store/browse.py``).

The quick handlers are ``async``: they run on the server's event-loop thread with its one
store connection, and each reads only indexed rows. The ones that may read every matching
record (GeoJSON, actors, places, chains) are plain functions, which FastAPI runs on worker
threads, so a slow one never holds up the others; each thread has its own connection.
"""
from __future__ import annotations

import dataclasses
import io
import json
from collections import Counter
from typing import Optional

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from flashpoint.api.errors import ApiError
from flashpoint.api.models import (ActorCount, Chains, Counts, EventDetail, EventPage, GeoJson,
                                   PlaceCount, StoreInfo)
from flashpoint.api.params import event_filter
from flashpoint.export.geojson import write_geojson
from flashpoint.link.explain import explain_event
from flashpoint.record import PLOVER_TYPES
from flashpoint.store import EventFilter, browse
from flashpoint.store.timeline import chains as chain_ids

router = APIRouter(prefix="/api")
ID = Path(..., min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.:-]+$",
          description="an event id, the short prefix the timeline prints, or a merged id")
MAX_PAGE = 500
MAX_FEATURES = 20000


def store_of(request: Request):
    return request.app.state.stores.get()


def _json(text: str) -> Response:
    return Response(text, media_type="application/json")


@router.get("/store", response_model=StoreInfo, summary="what the store holds")
async def store_info(request: Request):
    store = store_of(request)
    return StoreInfo(store=store.describe(), counts=store.counts(), types=list(PLOVER_TYPES),
                     ingest=request.app.state.token is not None)


@router.get("/events", response_model=EventPage, summary="events matching the filter, a page "
            "at a time, in the order `flashpoint events` writes them")
async def events(request: Request, flt: EventFilter = Depends(event_filter),
                 limit: int = Query(100, ge=1, le=MAX_PAGE),
                 cursor: Optional[str] = Query(None, max_length=browse.CURSOR_MAX,
                                               description="`next` of the previous page")):
    page = browse.events_page(store_of(request), flt, cursor or None, limit)
    # The stored records are contract JSON already: pass them through unparsed.
    return _json('{"events":[' + ",".join(page.records) + '],"next":'
                 + json.dumps(page.next_cursor) + ',"total":' + str(page.total) + "}")


@router.get("/events.geojson", response_model=GeoJson, summary="the filtered events as GeoJSON "
            "(RFC 7946), as `flashpoint events --format geojson` writes them")
def geojson(request: Request, flt: EventFilter = Depends(event_filter),
                  limit: int = Query(5000, ge=1, le=MAX_FEATURES)):
    out = io.StringIO()
    store = store_of(request)
    write_geojson(store.events(dataclasses.replace(flt, limit=limit)), out)
    return Response(out.getvalue(), media_type="application/geo+json")


@router.get("/events/{event_id}", response_model=EventDetail,
            summary="one event with its reports, their articles, its links and why it was grouped")
async def event(request: Request, event_id: str = ID):
    store = store_of(request)
    found = browse.find_event(store, event_id)
    if found is None:
        raise ApiError(404, "event_not_found", f"no event {event_id!r} in the store; list the "
                       "ids with /api/events")
    mentions = store.mentions_of(found.id)
    articles = browse.article_texts(store, sorted({m.article_id for m in mentions}))
    outlets = {i: a["source"] for i, a in articles.items() if a["source"]}
    return EventDetail(event=found, requested_id=event_id, mentions=mentions, articles=articles,
                       answers=[_linked(store, k.type, k.event_id, k.evidence) for k in found.links],
                       answered_by=[_linked(store, t, i, None)
                                    for i, t in browse.linked_from(store, found.id)],
                       explain=explain_event(found, mentions, outlets))


def _linked(store, link_type: str, other_id: str, evidence) -> dict:
    return {"type": link_type, "event_id": other_id, "event": store.event(other_id),
            "quote": evidence.quote if evidence else None}


@router.get("/counts", response_model=Counts, summary="events by first day and type, for charts")
async def counts(request: Request, flt: EventFilter = Depends(event_filter)):
    rows = browse.counts_by_day(store_of(request), flt)
    types: Counter = Counter()
    for _, kind, n in rows:
        types[kind] += n
    # Thousands of rows on a large store: written straight to JSON, not through the model.
    return _json(json.dumps({"days": [{"date": d, "type": t, "count": n} for d, t, n in rows if d],
                             "types": dict(types),
                             "undated": sum(n for d, _, n in rows if d is None)},
                            separators=(",", ":")))


@router.get("/actors", response_model=list[ActorCount],
            summary="actors and recipients of the filtered events, most events first")
def actors(request: Request, flt: EventFilter = Depends(event_filter),
                 limit: int = Query(100, ge=1, le=1000)):
    return browse.actor_counts(store_of(request), flt, limit)


@router.get("/places", response_model=list[PlaceCount],
            summary="places of the filtered events, most events first")
def places(request: Request, flt: EventFilter = Depends(event_filter),
                 limit: int = Query(100, ge=1, le=1000)):
    return browse.place_counts(store_of(request), flt, limit)


@router.get("/chains", response_model=Chains,
            summary="the escalation chains of `flashpoint timeline`, earliest first")
def chains(request: Request, flt: EventFilter = Depends(event_filter)):
    found = list(store_of(request).events(flt))
    by_id = {e.id: e for e in found}
    groups = chain_ids(found)
    return Chains(chains=[{"events": [by_id[i] for i in g]} for g in groups],
                  unlinked=len(found) - sum(len(g) for g in groups))
