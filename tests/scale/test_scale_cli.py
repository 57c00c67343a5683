"""The command line of the engines: options checked before anything heavy starts."""
import pytest

from flashpoint.cli import main
from flashpoint.errors import ConfigError
from flashpoint.scale.spark import input_format


def test_spark_engine_without_out_names_the_option(capsys):
    # a usage error: nothing was done (exit code 2)
    assert main(["ingest", "--engine", "spark", "articles.jsonl"]) == 2
    assert "--out DIR" in capsys.readouterr().err


def test_input_format_comes_from_the_suffix_or_the_option():
    assert input_format("s3a://bucket/day=1/articles.jsonl.gz", None) == "jsonl"
    assert input_format("hdfs:///news/2024.parquet/", None) == "parquet"
    assert input_format("/data/news", "parquet") == "parquet"
    with pytest.raises(ConfigError, match="--input-format"):
        input_format("/data/news", None)


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_workers_must_be_a_positive_whole_number(value, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "samples/", "--workers", value])
    assert exit_.value.code == 2 and "1 or more" in capsys.readouterr().err


def test_workers_default_to_every_core():
    import os

    from flashpoint.cli import build_parser

    args = build_parser().parse_args(["ingest", "samples/"])
    assert args.workers == (os.cpu_count() or 1) and args.engine == "local"


def test_an_unknown_input_names_every_registered_spark_input():
    from flashpoint.scale.spark import input_formats

    assert input_formats() == ("jsonl", "parquet")
    with pytest.raises(ConfigError) as err:
        input_format("/data/news", None)
    assert str(err.value).endswith(
        "cannot tell whether '/data/news' is JSON lines or Parquet from its name; add "
        "--input-format jsonl or --input-format parquet")
