"""Helpers for extraction tests: one shared spaCy pipeline (the session ``nlp`` fixture in
tests/conftest.py) and place/date mentions built from its entities, so these tests do not
depend on the place and time resolvers."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from flashpoint.record import Article, Mark


@dataclass
class Result:
    article: Article
    drafts: list
    places: list
    dates: list

    def text(self, span) -> str:
        return self.article.text[span[0]:span[1]]

    def types(self) -> list[str]:
        return [d.event_type for d in self.drafts]

    def of_type(self, event_type: str) -> list:
        return [d for d in self.drafts if d.event_type == event_type]

    def actors(self, draft) -> list[str]:
        return [self.text(a) for a in draft.actors]

    def recipients(self, draft) -> list[str]:
        return [self.text(r) for r in draft.recipients]

    def place_names(self, draft) -> list[str]:
        return [self.places[k].text for k in draft.places]

    def date_texts(self, draft) -> list[str]:
        return [self.dates[k].text for k in draft.dates]


@pytest.fixture(scope="session")
def run(nlp):
    from flashpoint.extract import entity_mentions, extract

    def _run(text: str, published: dt.date | None = None, marks: list[Mark] | None = None) -> Result:
        article = Article(id="t", text=text, published=published, marks=marks or [])
        doc = nlp(article.masked_text())
        places, dates = entity_mentions(article, doc, reason="test")
        return Result(article, extract(article, doc, places, dates), places, dates)

    return _run
