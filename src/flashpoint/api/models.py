"""Response shapes, for the OpenAPI schema at /openapi.json and for the tests.

Events are the contract records (``StoredEvent``) unchanged, as `flashpoint events`
writes them; the rest wraps them with what a page needs around them.
"""
from __future__ import annotations

from typing import Any, Optional

from pydantic import BaseModel, Field

from flashpoint.record import Event, StoredEvent


class EventPage(BaseModel):
    events: list[StoredEvent]
    next: Optional[str] = Field(None, description="cursor of the next page; null on the last")
    total: int = Field(description="events that match the filter, on all pages")


class ArticleText(BaseModel):
    id: str
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    text: str


class LinkedEvent(BaseModel):
    type: str = Field(description="retaliation_for, response_to, same_as, ...")
    event_id: str
    event: Optional[StoredEvent] = Field(None, description="null when it is not in the store")
    quote: Optional[str] = None


class EventDetail(BaseModel):
    event: StoredEvent
    requested_id: str = Field(description="the id asked for (a prefix or a merged id)")
    mentions: list[Event]
    articles: dict[str, ArticleText]
    answers: list[LinkedEvent] = Field(description="events this one answers (its links)")
    answered_by: list[LinkedEvent] = Field(description="events whose links point at this one")
    explain: str = Field(description="what `flashpoint explain` prints: reports, why grouped")


class DayCount(BaseModel):
    date: Optional[str]
    type: str
    count: int


class Counts(BaseModel):
    days: list[DayCount]
    types: dict[str, int]
    undated: int


class ActorCount(BaseModel):
    name: str
    country: Optional[str] = None
    sector: Optional[str] = None
    as_actor: int
    as_recipient: int


class PlaceCount(BaseModel):
    name: str
    country: Optional[str] = None
    lat: float
    lon: float
    events: int


class Chain(BaseModel):
    events: list[StoredEvent]


class Chains(BaseModel):
    chains: list[Chain]
    unlinked: int


class StoreInfo(BaseModel):
    store: str
    counts: dict[str, int]
    types: list[str]
    ingest: bool = Field(description="whether POST /api/ingest is on (a token is configured)")


class GeoJson(BaseModel):
    type: str
    features: list[dict[str, Any]]


class IngestSummaryOut(BaseModel):
    added: int
    replaced: int
    unchanged: int
    skipped: int
    failed: int
    mentions: int
    problems: list[str]


class IngestResult(BaseModel):
    summary: IngestSummaryOut
    events: list[StoredEvent]
