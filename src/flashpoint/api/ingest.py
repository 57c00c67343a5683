"""POST /api/ingest: new articles as JSON, stored and grouped like `flashpoint ingest`.

Off unless the server was given a token (``FLASHPOINT_API_TOKEN``); a request must then
send ``Authorization: Bearer <token>``. Each article is checked as a line of a JSON-lines
input is (the same reader, so the same id rule and the same messages), run through the
same pipeline, stored, and the store regrouped; the answer lists the stored events that
hold a mention from these articles. One ingest runs at a time, on a worker thread with its
own store connection, so reads go on meanwhile.
"""
from __future__ import annotations

import datetime as dt
import hmac
import json
import threading
from typing import Callable, Optional

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from flashpoint.api.errors import ApiError
from flashpoint.api.models import IngestResult
from flashpoint.errors import BadArticleLine
from flashpoint.ingest.readers import parse_jsonl_line
from flashpoint.store import IngestSummary, browse, ingest_results, open_store, skip_stored

TOKEN_ENV = "FLASHPOINT_API_TOKEN"
MAX_ARTICLES = 50
MAX_TEXT = 200_000

router = APIRouter(prefix="/api")


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Optional[str] = Field(None, min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[dt.date] = None
    source: Optional[str] = Field(None, max_length=200)
    url: Optional[str] = Field(None, max_length=2000)
    language: Optional[str] = Field(None, max_length=20)


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


class Ingester:
    """Runs ingests one at a time; the pipeline (spaCy) loads on the first one."""

    def __init__(self, db: Optional[str], make_pipeline: Optional[Callable] = None):
        self.db, self._make, self._pipeline = db, make_pipeline, None
        self._lock = threading.Lock()

    def __call__(self, articles: list) -> tuple[IngestSummary, list]:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._make() if self._make else _default_pipeline()
            store = open_store(self.db)
            try:
                summary = IngestSummary()
                results = self._pipeline.run(skip_stored(store, articles, summary))
                ingest_results(store, results, summary)
                return summary, browse.events_of_articles(store, [a.id for a in articles])
            finally:
                store.close()


def _default_pipeline():
    from flashpoint.pipeline import Pipeline

    return Pipeline()


def check_token(request: Request) -> None:
    token = request.app.state.token
    if token is None:
        raise ApiError(403, "ingest_disabled", f"POST /api/ingest is off; start the server with "
                       f"{TOKEN_ENV} set and send 'Authorization: Bearer <token>'")
    sent = request.headers.get("authorization", "")
    scheme, _, value = sent.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(),
                                                             token.encode()):
        raise ApiError(401, "unauthorized", "send 'Authorization: Bearer <token>' with the "
                       f"token the server was started with ({TOKEN_ENV})",
                       headers={"WWW-Authenticate": "Bearer"})


def to_articles(body: IngestRequest) -> list:
    """Each article through the JSON-lines reader's checks; a bad one refuses the request."""
    articles = []
    for number, item in enumerate(body.articles, start=1):
        line = json.dumps(item.model_dump(mode="json", exclude_none=True))
        try:
            articles.append(parse_jsonl_line(line, "request", number))
        except BadArticleLine as exc:
            raise ApiError(422, "invalid_article", exc.message) from exc
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise ApiError(422, "invalid_article", "two articles in the request have the same id "
                       f"({sorted({i for i in ids if ids.count(i) > 1})[0]!r}); give each its own")
    return articles


@router.post("/ingest", response_model=IngestResult, summary="extract, store and group new "
             "articles; needs the server's token", dependencies=[Depends(check_token)])
async def ingest(request: Request, body: IngestRequest):
    articles = to_articles(body)
    summary, events = await run_in_threadpool(request.app.state.ingester, articles)
    return IngestResult(summary={**summary.__dict__}, events=events)
