"""A new export format is one registered writer: the exports, the errors and the CLI list it."""
import io

import pytest

import flashpoint.export as export
from flashpoint.cli import build_parser
from flashpoint.errors import ConfigError
from flashpoint.export import registry
from flashpoint.export.registry import export_format, format_names


@pytest.fixture
def scratch(monkeypatch):
    """The registry as it is, restored after the test."""
    monkeypatch.setattr(registry, "_FORMATS", dict(registry._FORMATS))


def test_the_built_in_formats_are_registered_first_in_their_order():
    assert format_names()[:5] == ("jsonl", "csv", "acled", "plover", "geojson")
    assert format_names() == export.FORMATS


def test_a_registered_format_is_written_offered_and_named_in_errors(scratch):
    @export_format("ids", order=10_000)
    def write_ids(events, out, articles=None) -> int:
        ids = [e.id for e in events]
        out.write(" ".join(ids))
        return len(ids)

    class Event:
        id = "ev1"

    out = io.StringIO()
    assert export.write_events([Event()], "IDS ", out) == 1 and out.getvalue() == "ev1"
    args = build_parser().parse_args(["events", "--format", "ids"])
    assert args.format == "ids"
    with pytest.raises(ConfigError, match=f"use one of {', '.join(export.FORMATS)}, ids$"):
        export.write_events([], "no-such-format", io.StringIO())


def test_two_writers_of_one_name_are_refused(scratch):
    with pytest.raises(ConfigError, match="two export formats are named 'csv'"):
        export_format("csv")(lambda events, out, articles=None: 0)
