"""`flashpoint ingest --engine spark`: the CLI's side of the Spark job (its options checked, the
session started, the report printed). Apart from ``scale.submit``, the spark-submit entry point
that runs the CLI, so that the CLI and that entry point do not import each other.
"""
from __future__ import annotations

import os
import sys


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
