"""`flashpoint ingest` as a function: read, skip what is stored, extract, store, regroup.

Each article is stored in its own transaction as its result arrives, its mentions queued, and
the blocks the queue touches are regrouped once at the end (``store.regroup``). A run that dies
midway leaves the queue in the store, and the next run (even one that finds nothing new to
add) regroups it after storing, so it ends with the data of one clean run.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable, Iterator, Optional, Protocol

from flashpoint.record import Article
from flashpoint.store.grouping import Grouper
from flashpoint.store.store import Store, open_store
from flashpoint.summary import ERROR, SKIPPED, IngestSummary, outcome


class Pipeline(Protocol):
    def run(self, items: Iterable) -> Iterator:
        """Yield results with .article, .events, .error (and optionally .skipped)."""


def skip_stored(store: Store, items: Iterable, summary: Optional[IngestSummary] = None
                ) -> Iterator:
    """Pass on the items the store lacks (or holds in another version); count the rest.

    Put this between the reader and the pipeline so unchanged articles are never parsed.
    Input errors pass through, so the pipeline reports them as usual.
    """
    for item in items:
        if isinstance(item, Article) and store.is_unchanged(item):
            if summary is not None:
                summary.unchanged += 1
            continue
        yield item


def ingest_results(store: Store, results: Iterable, summary: Optional[IngestSummary] = None
                   ) -> IngestSummary:
    """Store every good result, one transaction each, then regroup when anything changed."""
    summary = summary if summary is not None else IngestSummary()
    for result in results:
        kind = outcome(result)
        if kind == ERROR or result.article is None:
            summary.failed += 1
            summary.problems.append(str(result.error) if kind == ERROR
                                    else "the pipeline returned a result without an article")
            continue
        if kind == SKIPPED:
            summary.skipped += 1
            continue
        stored = store.ingest_result(result.article, list(result.events))
        summary.count(stored, len(result.events))
    if store.needs_regroup():
        done = store.regroup_touched()
        summary.events, summary.touched = done.total, done.touched
    return summary


def ingest(inputs: list[str], db: Optional[str] = None, published: Optional[dt.date] = None,
           pipeline: Optional[Pipeline] = None, *, reader: Optional[Callable] = None,
           grouper: Optional[Grouper] = None) -> IngestSummary:
    """Run the pipeline over ``inputs`` into the store at ``db`` (None: the default file)."""
    if reader is None:
        from flashpoint.ingest.readers import read_inputs as reader
    if pipeline is None:
        from flashpoint.pipeline import Pipeline as Default

        pipeline = Default()
    store = open_store(db, grouper=grouper)
    try:
        summary = IngestSummary()
        items = skip_stored(store, reader(inputs, published=published), summary)
        return ingest_results(store, pipeline.run(items), summary)
    finally:
        store.close()

