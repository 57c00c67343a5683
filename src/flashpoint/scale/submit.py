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
