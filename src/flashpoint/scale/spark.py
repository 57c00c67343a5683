"""`flashpoint ingest --engine spark`: the pipeline over partitions of articles on Spark.

    articles (JSONL or Parquet, any path or URL Spark reads)
      -> repartition -> mapPartitions: the flashpoint Pipeline, loaded once per executor
         process and kept for its later tasks
      -> OUT/mentions/   Parquet, partitioned by event_type (one row per mention, contract JSON)
      -> grouping (scale.grouping: stories on the driver, the store's group_block one task
         per type, ids and links by the store's group_new on the driver)
      -> OUT/events/     Parquet, partitioned by event_type (one row per event, with links)
      -> OUT/problems/   Parquet: articles that failed or were skipped, with the reason
      -> with --db: every article and its mentions into the store, then the store groups them

Input JSONL lines are parsed by ``ingest.readers.parse_jsonl_line`` and Parquet rows go through
the same function, so ids, dates and errors are the ones the local engine gives. Each record
is the same contract JSON the local engine writes, so the local and Spark results compare
field by field. PySpark is optional: ``pip install 'flashpoint[spark]'`` (needs Java 17+).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

from flashpoint.errors import ConfigError, FlashpointError
from flashpoint.summary import outcome

_PIPELINES: dict = {}  # per executor process: (model, batch size) -> Pipeline, kept across tasks
MENTION_COLUMNS = ("id", "article_id", "event_type", "date_start", "country", "published", "record")
EVENT_COLUMNS = ("id", "event_type", "date_start", "date_end", "country", "mentions", "sources",
                 "record")


def require_spark():
    """The pyspark module, or an error that says how to get it and Java."""
    try:
        import pyspark
    except ImportError as exc:
        raise ConfigError("--engine spark needs PySpark, an optional extra: "
                          "pip install 'flashpoint[spark]' (and Java 17 or later)") from exc
    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        raise ConfigError("--engine spark needs Java 17 or later, and no `java` is on PATH and "
                          "JAVA_HOME is not set; install a JDK (Debian: apt-get install "
                          "openjdk-17-jre-headless) or set JAVA_HOME")
    return pyspark


def spark_session(master: Optional[str] = None, app: str = "flashpoint"):
    """A SparkSession; executors started locally run this interpreter (where flashpoint is)."""
    require_spark()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    if (master or "").startswith("local"):
        if "PYSPARK_PYTHON" not in os.environ:  # PySpark reads it when the context starts
            os.environ["PYSPARK_PYTHON"] = sys.executable
        # One machine: no web UI, and a JVM that compiles less (it only moves rows here).
        builder = builder.config("spark.ui.enabled", "false").config(
            "spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
    return builder.config("spark.ui.showConsoleProgress", "false").getOrCreate()


# ---- reading articles

@dataclass(frozen=True)
class SparkInput:
    """One input format of the Spark engine: its label, suffixes, and how to read its lines."""

    label: str
    suffixes: tuple[str, ...]
    lines: Callable   # (spark, path) -> an RDD of JSON lines


_INPUTS: dict[str, SparkInput] = {}   # --input-format name -> the format


def spark_input(name: str, label: str, *suffixes: str) -> Callable:
    """Register the decorated reader ((spark, path) -> RDD of JSON lines) as ``name``."""
    def register(lines: Callable) -> Callable:
        _INPUTS[name] = SparkInput(label, suffixes, lines)
        return lines
    return register


def input_formats() -> tuple[str, ...]:
    """The --input-format choices, in registration order."""
    return tuple(_INPUTS)


@spark_input("jsonl", "JSON lines", ".jsonl", ".json", ".ndjson")
def _jsonl_lines(spark, path: str):
    return spark.read.text(path).rdd.map(lambda r: r.value)


@spark_input("parquet", "Parquet", ".parquet")
def _parquet_lines(spark, path: str):
    return spark.read.parquet(path).rdd.map(lambda r: json.dumps(r.asDict(), default=_iso))


def input_format(path: str, given: Optional[str]) -> str:
    if given:
        return given
    name = path.rstrip("/").lower()
    for suffix in (".gz", ".bz2", ".zst"):
        name = name.removesuffix(suffix)
    for fmt, spec in _INPUTS.items():
        if name.endswith(spec.suffixes):
            return fmt
    labels = " or ".join(spec.label for spec in _INPUTS.values())
    options = " or ".join(f"--input-format {fmt}" for fmt in _INPUTS)
    raise ConfigError(f"cannot tell whether {path!r} is {labels} from its name; add {options}")


def read_lines(spark, inputs: list[str], fmt: Optional[str] = None):
    """An RDD of (name, line number, JSON line) over every input, numbered per input."""
    parts = []
    for path in inputs:
        rows = _INPUTS[input_format(path, fmt)].lines(spark, path)
        parts.append(rows.zipWithIndex().map(lambda p, name=path: (name, p[1] + 1, p[0])))
    return parts[0] if len(parts) == 1 else spark.sparkContext.union(parts)


def _iso(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"a Parquet value of type {type(value).__name__} has no JSON form")


def _items(lines: Iterable[tuple]) -> Iterator:
    from flashpoint.ingest.readers import parse_jsonl_line

    for name, number, line in lines:
        if not line.strip():
            continue
        try:
            yield parse_jsonl_line(line.lstrip("\ufeff"), name, number)
        except FlashpointError as exc:
            yield exc


# ---- extraction (runs on the executors)

def extract_partition(lines: Iterable[tuple], model: Optional[str], batch_size: int) -> Iterator:
    """One partition of (name, number, line) -> one row per article (see ``result_row``)."""
    key = (model, batch_size)
    if key not in _PIPELINES:
        from flashpoint.pipeline import Pipeline

        _PIPELINES[key] = Pipeline(model=model, workers=1, batch_size=batch_size)
    for result in _PIPELINES[key].run(_items(lines)):
        yield result_row(result)


def result_row(result) -> tuple:
    """(article JSON or None, problem text or None, 'error'/'skipped'/None, mention rows)."""
    article = result.article
    problem = result.error or result.skipped
    kind = outcome(result)
    published = article.published.isoformat() if article and article.published else None
    mentions = [] if problem else [_mention_row(e, published) for e in result.events]
    return (article.model_dump_json() if article else None,
            str(problem) if problem else None, kind, mentions)


def _mention_row(event, published: Optional[str]) -> tuple:
    return (event.id, event.article_id, event.event_type,
            event.date.start.isoformat() if event.date.start else None,
            event.location.country if event.location else None, published,
            event.model_dump_json())
