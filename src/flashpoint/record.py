"""The one record: articles in, events out, as fixed by contract events-v1.

Field names and meanings follow ../shared/contract/events-v1.md exactly. The project may
hold more than the contract (``background`` on Event, the boilerplate marks on Article) but
never less, and never under other names.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from flashpoint.ontology import PLOVER_TYPES

PloverType = Literal[PLOVER_TYPES]    # the types of the one table (flashpoint.ontology)
Precision = Literal["day", "week", "month", "year"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Actor(_Model):
    text: str
    name: str
    id: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None


class Place(_Model):
    text: str
    name: str
    geonames_id: Optional[int] = None
    lat: float
    lon: float
    country: Optional[str] = None
    admin1: Optional[str] = None
    precision: int = Field(ge=1, le=7)


class When(_Model):
    text: Optional[str] = None
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    precision: Optional[Precision] = None
    reason: str

    @model_validator(mode="after")
    def _resolved_together(self) -> "When":
        if (self.start is None) != (self.precision is None):
            raise ValueError("When.start and When.precision are set together or not at all")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"When.end {self.end} is before When.start {self.start}")
        return self


class Count(_Model):
    low: int = Field(ge=0)
    best: int = Field(ge=0)
    high: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Count":
        if not self.low <= self.best <= self.high:
            raise ValueError(f"Count needs low <= best <= high, got {self.low}, {self.best}, {self.high}")
        return self

    @classmethod
    def exactly(cls, n: int) -> "Count":
        return cls(low=n, best=n, high=n)


class Evidence(_Model):
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: int = Field(ge=0)


class Link(_Model):
    type: str
    event_id: str
    evidence: Optional[Evidence] = None


class Event(_Model):
    id: str
    article_id: str
    event_type: PloverType
    mode: Optional[str] = None
    acled_event_type: Optional[str] = None
    acled_sub_event_type: Optional[str] = None
    cameo: Optional[str] = None
    actors: list[Actor] = Field(default_factory=list)
    recipients: list[Actor] = Field(default_factory=list)
    location: Optional[Place] = None
    date: When
    fatalities: Optional[Count] = None
    injuries: Optional[Count] = None
    evidence: Evidence
    links: list[Link] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    # Beyond the contract: the article recalls this event as background (months or years back).
    background: bool = False


class StoredEvent(Event):
    """An event as the store exports it: reconciled across its mentions."""

    mentions: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


# One character each, so replacing them keeps the length: no-break, thin and zero-width spaces,
# and the invisible bidirectional controls (marks, embeddings, isolates) of right-to-left text,
# which otherwise glue a full stop to the next sentence.
_PLAIN_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u2009\u202f\u200b\ufeff"
                               "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                               "\u2066\u2067\u2068\u2069"})


class Mark(_Model):
    """A stretch of article text that cleaning marked as boilerplate (skipped, never cut)."""

    start: int
    end: int
    kind: str  # caption, related-headline, repeated, read-also, via, translation, byline, share


class Article(_Model):
    id: str
    text: str
    title: Optional[str] = None
    published: Optional[dt.date] = None
    source: Optional[str] = None
    url: Optional[str] = None
    language: Optional[str] = None
    marks: list[Mark] = Field(default_factory=list)

    def masked_text(self) -> str:
        """The text spaCy parses: boilerplate blanked and odd spaces made plain, same length.

        Keeping the length keeps every offset valid in the original text. Non-breaking and
        zero-width spaces are turned into plain ones because the parser reads them as words.
        """
        chars = list(self.text.translate(_PLAIN_SPACES))
        for m in self.marks:
            for i in range(m.start, m.end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    def is_marked(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.marks)


class PlaceMention(_Model):
    """One line of `flashpoint places`."""

    article_id: str
    text: str
    start: int
    end: int
    place: Optional[Place] = None


class DateMention(_Model):
    """One line of `flashpoint dates`."""

    article_id: str
    text: str
    start: int
    end: int
    when: When


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id: the same inputs give the same id on every run and machine."""
    blob = json.dumps([str(p) for p in parts], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:length]


def event_id(mention_ids: list[str], salt: int = 0) -> str:
    """THE id rule for a grouped event: a hash of its smallest mention id (salted when that id
    is taken). The store gives a new event this id and keeps it while reports join, so stored
    ids never change when an event grows; ``link.reconcile`` uses it when given no id."""
    first = min(mention_ids)
    if salt:
        return content_id("event", first, str(salt))
    return content_id("event", first)


def event_json_schema() -> dict:
    return Event.model_json_schema()
