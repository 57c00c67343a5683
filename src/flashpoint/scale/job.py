"""The Spark ingest job end to end: read, extract, write mentions, group, write events, store.

``run_job`` is what both ``flashpoint ingest --engine spark`` and the ``spark-submit`` entry
point (``scale.submit``) call; see ``scale.spark`` for the stages and the Parquet layout.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from flashpoint.record import Article, Event, StoredEvent
from flashpoint.scale import grouping
from flashpoint.scale.spark import (
    EVENT_COLUMNS, MENTION_COLUMNS, extract_partition, read_lines,
)
from flashpoint.summary import ERROR, SKIPPED, SparkSummary


@dataclass
class JobOptions:
    inputs: list[str]
    out: str
    input_format: Optional[str] = None
    model: Optional[str] = None
    batch_size: int = 32
    partitions: Optional[int] = None   # extraction partitions (default: 4 per core)
    db: Optional[str] = None


def run_job(spark, options: JobOptions) -> tuple[SparkSummary, list[StoredEvent]]:
    """Run the whole job; return its summary and the events it wrote."""
    from pyspark import StorageLevel

    sc = spark.sparkContext
    partitions = options.partitions or 4 * sc.defaultParallelism
    model, batch = options.model, options.batch_size
    lines = read_lines(spark, options.inputs, options.input_format).repartition(partitions)
    results = lines.mapPartitions(lambda rows: extract_partition(rows, model, batch))
    results.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        summary = _summarise(results)
        _write(spark, results.flatMap(lambda r: r[3]), MENTION_COLUMNS, options.out, "mentions")
        events = _group(results, sc.defaultParallelism)
        _write(spark, sc.parallelize([_event_row(e) for e in events], max(1, sc.defaultParallelism)),
               EVENT_COLUMNS, options.out, "events")
        problems = results.filter(lambda r: r[2]).map(lambda r: (_article_id(r[0]), r[2], r[1]))
        _write(spark, problems, ("article_id", "kind", "problem"), options.out, "problems")
        summary.events = len(events)
        if options.db is not None:
            summary.stored = _store(results, options.db)
    finally:
        results.unpersist()
    return summary, events


def _summarise(results) -> SparkSummary:
    counts = results.map(lambda r: (r[2] or "ok", len(r[3]))).aggregateByKey(
        (0, 0), lambda acc, n: (acc[0] + 1, acc[1] + n),
        lambda a, b: (a[0] + b[0], a[1] + b[1])).collectAsMap()
    summary = SparkSummary(articles=counts.get("ok", (0, 0))[0],
                           mentions=counts.get("ok", (0, 0))[1],
                           skipped=counts.get("skipped", (0, 0))[0],
                           failed=counts.get("error", (0, 0))[0])
    summary.problems = results.filter(lambda r: r[2]).map(lambda r: r[1]).take(50)
    return summary


def _group(results, partitions: int) -> list[StoredEvent]:
    """Stories on the driver, groups per type on the executors, ids and links on the driver
    (``scale.grouping``)."""
    stored = results.filter(lambda r: r[0] is not None and r[2] is None).map(_grouping_rows)
    stored.persist()
    try:
        articles = stored.map(lambda pair: pair[0]).collect()
        grouping.check_unique(a[0] for a in articles)
        mentions = stored.flatMap(lambda pair: pair[1])
        rows = mentions.map(lambda pair: pair[1]).collect()
        batch = {Event.model_validate_json(row[0]).article_id for row in rows}
        stories = grouping.stories_of(articles, batch)
        grouped = grouping.group_mentions_job(mentions, stories, partitions)
    finally:
        stored.unpersist()
    return grouping.link_events(grouped, rows, stories)


def _grouping_rows(row: tuple) -> tuple:
    """What grouping reads of one article the store would keep: (article id, published,
    its terms) and, per mention, (event type, (record, published, sentence around it))."""
    from flashpoint.store.terms import article_terms, mention_context

    article = Article.model_validate_json(row[0])
    events = [Event.model_validate_json(m[6]) for m in row[3]]
    published = article.published.isoformat() if article.published else None
    mentions = [(e.event_type, (m[6], published, mention_context(e, article.text)))
                for e, m in zip(events, row[3])]
    return (article.id, published, article_terms(article.text, events)), mentions


def _article_id(article_json: Optional[str]) -> Optional[str]:
    return Article.model_validate_json(article_json).id if article_json else None


def _event_row(e: StoredEvent) -> tuple:
    start = e.date.start.isoformat() if e.date.start else None
    end = e.date.end.isoformat() if e.date.end else start
    return (e.id, e.event_type, start, end, e.location.country if e.location else None,
            list(e.mentions), list(e.sources), e.model_dump_json())


def _write(spark, rows, columns: tuple, out: str, name: str) -> None:
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType

    schema = StructType([StructField(c, ArrayType(StringType()) if c in ("mentions", "sources")
                                     else StringType()) for c in columns])
    frame = spark.createDataFrame(rows, schema)
    writer = frame.write.mode("overwrite")
    if "event_type" in columns:
        writer = writer.partitionBy("event_type")
    writer.parquet(f"{out.rstrip('/')}/{name}")


def _store(results, db: str) -> str:
    """Every article and its mentions into the store, one transaction each; then it groups."""
    from flashpoint.store import IngestSummary, ingest_results, open_store

    store = open_store(db)
    try:
        report = IngestSummary()
        ingest_results(store, (_result(r) for r in results.toLocalIterator()), report)
        return str(report)
    finally:
        store.close()


class _Reported(Exception):
    """A problem the executor recorded, carried to the store's report as its text."""


def _result(row: tuple):
    from flashpoint.pipeline import Result

    article_json, problem, kind, mentions = row
    article = Article.model_validate_json(article_json) if article_json else None
    events = [Event.model_validate_json(m[6]) for m in mentions]
    return Result(article=article, events=events,
                  error=_Reported(problem) if kind == ERROR else None,
                  skipped=_Reported(problem) if kind == SKIPPED else None)


def read_events(spark, out: str) -> list[StoredEvent]:
    """The events a job wrote under ``out``, sorted by id (for checks and tests)."""
    rows = spark.read.parquet(f"{out.rstrip('/')}/events").select("record").collect()
    return sorted((StoredEvent.model_validate_json(r.record) for r in rows), key=lambda e: e.id)
