"""The `spark-submit` entry point: the Spark ingest job on a cluster.

    spark-submit --master yarn "$(python -m flashpoint.scale.submit --path)" \
        s3a://bucket/articles/*.jsonl --out s3a://bucket/flashpoint/ [--db postgresql://...]

takes the options of ``flashpoint ingest --engine spark`` (the cluster comes from spark-submit;
``--spark-master`` is ignored there). spark-submit starts Python as ``$PYSPARK_PYTHON`` (else
``python3``): point it at the interpreter where flashpoint is installed. Every executor needs flashpoint installed with the same
version as the driver (pip install on the nodes, or a packed virtual environment passed with
``--archives``). ``python -m flashpoint.scale.submit --path`` prints this file's path.
"""
from __future__ import annotations

import os
import sys
from typing import Optional

from flashpoint.errors import FlashpointError


def under_spark_submit() -> bool:
    """spark-submit starts the Python driver with a gateway to its JVM already running."""
    return "PYSPARK_GATEWAY_PORT" in os.environ


def cmd_ingest_spark(args) -> int:
    """`flashpoint ingest --engine spark`: run the job, print its report on standard error."""
    from flashpoint.errors import ConfigError
    from flashpoint.scale.job import JobOptions, run_job
    from flashpoint.scale.spark import spark_session

    if not args.out:
        raise ConfigError("--engine spark writes Parquet and needs --out DIR (a path or a URL "
                          "Spark writes, such as s3a://bucket/flashpoint)")
    master = None if under_spark_submit() else args.spark_master or f"local[{args.workers}]"
    spark = spark_session(master)
    options = JobOptions(inputs=args.inputs, out=args.out, input_format=args.input_format,
                         model=args.model, batch_size=args.batch_size, db=args.db)
    try:
        summary, _ = run_job(spark, options)
    finally:
        spark.stop()
    if not args.quiet:
        for problem in summary.problems:
            print(f"flashpoint: {problem}", file=sys.stderr)
    print(f"flashpoint: {summary}; wrote {args.out.rstrip('/')}/mentions, events, problems",
          file=sys.stderr)
    return 1 if summary.failed and not summary.articles else 0


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--path"]:
        print(os.path.abspath(__file__))
        return 0
    from flashpoint.cli import main as cli_main

    return cli_main(["ingest", "--engine", "spark", *argv])


if __name__ == "__main__":
    try:
        sys.exit(main())
    except FlashpointError as exc:  # cli.main prints its own; this is for --path misuse
        print(f"flashpoint: {exc}", file=sys.stderr)
        sys.exit(1)
