"""The Spark engine in local mode: the same events as the local engine, ids and all."""
import json
from pathlib import Path

import pytest

from flashpoint.store import ingest, open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
JSONL = str(SAMPLES / "articles.jsonl")


@pytest.fixture(scope="module")
def local_events(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("local") / "local.db")
    ingest([JSONL], db=db)
    with open_store(db) as store:
        return [e.model_dump() for e in store.events()]


@pytest.fixture(scope="module")
def jsonl_run(spark, tmp_path_factory):
    from flashpoint.scale.job import JobOptions, run_job

    where = tmp_path_factory.mktemp("spark")
    options = JobOptions([JSONL], out=str(where / "out"), db=str(where / "spark.db"),
                         partitions=3)
    summary, _ = run_job(spark, options)
    return summary, options


def _by_id(events):
    return sorted(events, key=lambda e: e["id"])


def test_spark_events_equal_the_local_events(spark, local_events, jsonl_run):
    from flashpoint.scale.job import read_events

    summary, options = jsonl_run
    written = [e.model_dump() for e in read_events(spark, options.out)]
    assert _by_id(written) == _by_id(local_events)
    assert (summary.articles, summary.failed, summary.events) == (10, 0, len(local_events))
    assert any(len(e["mentions"]) > 1 for e in written) and any(e["links"] for e in written)


def test_the_store_written_by_spark_holds_the_local_events(jsonl_run, local_events):
    _, options = jsonl_run
    with open_store(options.db) as store:
        assert _by_id([e.model_dump() for e in store.events()]) == _by_id(local_events)


def test_mentions_are_partitioned_parquet_with_the_contract_record(spark, jsonl_run):
    summary, options = jsonl_run
    mentions = spark.read.parquet(f"{options.out}/mentions")
    assert mentions.count() == summary.mentions > 0
    assert (Path(options.out) / "mentions" / "event_type=ASSAULT").is_dir()
    row = mentions.first()
    assert json.loads(row.record)["id"] == row.id


def test_parquet_input_and_a_bad_line_give_the_same_events_and_a_named_problem(
        spark, tmp_path, local_events):
    from flashpoint.scale.job import JobOptions, read_events, run_job

    lines = Path(JSONL).read_text().splitlines()
    spark.createDataFrame([json.loads(line) for line in lines]).write.parquet(
        str(tmp_path / "articles.parquet"))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok-but-empty", "text": ""}\n')
    options = JobOptions([str(tmp_path / "articles.parquet"), str(bad)], out=str(tmp_path / "out"))
    summary, _ = run_job(spark, options)
    assert _by_id([e.model_dump() for e in read_events(spark, options.out)]) == _by_id(local_events)
    assert summary.failed == 1 and f"{bad}, line 1" in summary.problems[0]
    problems = spark.read.parquet(f"{options.out}/problems").collect()
    assert [(p.kind, "text" in p.problem) for p in problems] == [("error", True)]
