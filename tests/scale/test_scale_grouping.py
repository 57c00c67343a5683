"""Grouping per PLOVER type then linking on the driver equals the store's one-pass grouping."""
import datetime as dt
import functools
from collections import defaultdict
from pathlib import Path

import pytest

from flashpoint.errors import ConfigError
from flashpoint.ingest.readers import read_inputs
from flashpoint.pipeline import Pipeline
from flashpoint.record import Event, StoredEvent
from flashpoint.scale.grouping import check_unique, group_one_type, link_events
from flashpoint.store.grouping import LinkModule, build_events

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@functools.cache
def _mentions():
    results = list(Pipeline().run(read_inputs([str(SAMPLES / "articles.jsonl")])))
    published = {r.article.id: r.article.published for r in results}
    texts = {r.article.id: r.article.text for r in results if r.events}
    return [e for r in results for e in r.events], published, texts


def _rows(mentions: list[Event], published: dict[str, dt.date]):
    by_type = defaultdict(list)
    for m in mentions:
        date = published[m.article_id]
        by_type[m.event_type].append((m.model_dump_json(), date.isoformat() if date else None))
    return by_type


def test_per_type_grouping_and_driver_links_equal_the_store_grouping():
    mentions, published, texts = _mentions()
    expected = build_events(mentions, published, texts, LinkModule())
    by_type = _rows(mentions, published)
    grouped = [StoredEvent.model_validate_json(j)
               for t in reversed(sorted(by_type)) for j in group_one_type(by_type[t])]
    rows = [row for t in by_type for row in by_type[t]]
    found = link_events(grouped, list(reversed(rows)), texts)
    assert [e.model_dump() for e in found] == [e.model_dump() for e in expected]
    assert len(by_type) > 1 and any(len(e.mentions) > 1 for e in found)
    assert any(e.links for e in found)


def test_an_article_given_twice_is_refused_before_grouping():
    mentions, published, _ = _mentions()
    rows = [row for t, rs in _rows(mentions, published).items() for row in rs]
    check_unique(rows)
    with pytest.raises(ConfigError, match=mentions[0].article_id):
        check_unique(rows + rows[:1])
