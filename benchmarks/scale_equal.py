"""Do the Spark engine's events equal the local engine's, on a generated corpus?

    .venv/bin/python benchmarks/scale_equal.py [--articles 300] [--workers 2]

Writes a corpus (benchmarks/scale_corpus.py), runs the two commands a user runs:

    flashpoint ingest CORPUS --db NEW.db                              (the local engine)
    flashpoint ingest --engine spark CORPUS --out NEW/ --workers N    (Spark, local[N])

and compares the events the store holds with the events Spark wrote, field by field (ids,
members, sources, links included). Prints the counts and the first differing event, if any.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_corpus import write as write_corpus  # noqa: E402

FLASHPOINT = str(Path(sys.executable).with_name("flashpoint"))


def _run(args: list[str]) -> None:
    subprocess.run([FLASHPOINT, *args, "--quiet"], check=True)


def _local(corpus: Path, db: Path) -> list[dict]:
    from flashpoint.store import open_store

    _run(["ingest", str(corpus), "--db", str(db)])
    with open_store(str(db)) as store:
        return sorted((e.model_dump() for e in store.events()), key=lambda e: e["id"])


def _spark(corpus: Path, out: Path, workers: int) -> list[dict]:
    from flashpoint.scale.job import read_events
    from flashpoint.scale.spark import spark_session

    _run(["ingest", "--engine", "spark", str(corpus), "--out", str(out),
          "--workers", str(workers)])
    spark = spark_session("local[1]", app="flashpoint-scale-equal")
    try:
        return [e.model_dump() for e in read_events(spark, str(out))]
    finally:
        spark.stop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(args.articles, Path(tmp) / "corpus.jsonl")
        local = _local(corpus, Path(tmp) / "local.db")
        spark = _spark(corpus, Path(tmp) / "out", args.workers)
    grouped = sum(len(e["mentions"]) > 1 for e in local)
    linked = sum(bool(e["links"]) for e in local)
    print(f"{args.articles} articles: local {len(local)} events ({grouped} of several mentions, "
          f"{linked} with links), Spark {len(spark)} events")
    differ = [(a, b) for a, b in zip(local, spark) if a != b]
    if len(local) == len(spark) and not differ:
        print("equal: every event, id, member, field and link")
        return 0
    if differ:
        print(f"{len(differ)} events differ; the first:\n  local {differ[0][0]}\n"
              f"  spark {differ[0][1]}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
