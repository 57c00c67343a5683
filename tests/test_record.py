"""The record is the contract: its fields, its schema file, its invariants."""
import json
import re

import pytest
from pydantic import ValidationError

from shared_data import ROOT, shared_path
from flashpoint.record import Count, Event, Evidence, When, content_id

CONTRACT_FIELDS = ["id", "article_id", "event_type", "mode", "acled_event_type",
                   "acled_sub_event_type", "cameo", "actors", "recipients", "location", "date",
                   "fatalities", "injuries", "evidence", "links", "confidence"]


def minimal_event(**changes) -> Event:
    fields = dict(id="e1", article_id="a1", event_type="ASSAULT",
                  date=When(reason="the text gives no date for this event"),
                  evidence=Evidence(quote="Rockets hit the base.", start=0, end=21, sentence=0),
                  confidence=0.5)
    fields.update(changes)
    return Event(**fields)


def test_every_contract_field_is_written_even_when_null():
    written = json.loads(minimal_event().model_dump_json())
    assert [f for f in CONTRACT_FIELDS if f not in written] == []
    assert written["location"] is None and written["fatalities"] is None


def test_contract_table_names_exactly_our_fields():
    contract = shared_path("contract", "events-v1.md").read_text()
    table = contract.split("## Events out")[1].split("- Actor:")[0]
    names = re.findall(r"^\| `(\w+)` \|", table, flags=re.M)
    assert names == CONTRACT_FIELDS


def test_checked_in_schema_matches_the_models():
    from tools.write_schema import schemas

    for name, schema in schemas().items():
        on_disk = json.loads((ROOT / "schema" / name).read_text())
        assert on_disk == schema, f"schema/{name} is stale: run python tools/write_schema.py"


def test_count_must_be_ordered():
    assert Count.exactly(3).best == 3
    with pytest.raises(ValidationError, match="low <= best <= high"):
        Count(low=5, best=3, high=9)


def test_unknown_event_type_is_refused():
    with pytest.raises(ValidationError):
        minimal_event(event_type="FIGHT")


def test_when_needs_precision_with_a_start():
    with pytest.raises(ValidationError, match="set together"):
        When(start="2020-03-11", reason="x")


def test_content_id_is_stable_and_distinguishes_inputs():
    assert content_id("a", 1) == content_id("a", 1)
    assert content_id("a", 1) != content_id("a", 2)
    assert len(content_id("a")) == 16


def test_masked_text_blanks_marks_and_odd_spaces_keeping_every_offset():
    from flashpoint.record import Article, Mark

    text = "Photo: AFP\nFour were killed\u00a0and two hurt."
    article = Article(id="a", text=text, marks=[Mark(start=0, end=10, kind="caption")])
    masked = article.masked_text()
    assert len(masked) == len(text)
    assert masked == " " * 10 + "\nFour were killed and two hurt."
