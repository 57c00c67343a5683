"""Grouping per PLOVER type then ids and links on the driver equals the store's regroup."""
import functools
from collections import defaultdict
from pathlib import Path

import pytest

from flashpoint.errors import ConfigError
from flashpoint.ingest.readers import read_inputs
from flashpoint.pipeline import Pipeline
from flashpoint.record import StoredEvent
from flashpoint.scale.grouping import check_unique, group_one_type, link_events, stories_of
from flashpoint.store import ingest_results, open_store
from flashpoint.store.terms import article_terms, mention_context

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@functools.cache
def _results():
    return tuple(Pipeline().run(read_inputs([str(SAMPLES / "articles.jsonl")])))


def _iso(date):
    return date.isoformat() if date else None


def _rows():
    """Article rows and mention rows by type, as scale.job collects them."""
    articles, by_type = [], defaultdict(list)
    for r in _results():
        if r.error is not None or r.skipped is not None:   # not stored: no terms either
            continue
        a = r.article
        articles.append((a.id, _iso(a.published), article_terms(a.text, r.events)))
        for m in r.events:
            by_type[m.event_type].append((m.model_dump_json(), _iso(a.published),
                                          mention_context(m, a.text)))
    return articles, by_type


def test_per_type_grouping_and_driver_links_equal_the_store_regroup(tmp_path):
    with open_store(str(tmp_path / "local.db")) as store:
        ingest_results(store, _results())
        expected = sorted(store.events(), key=lambda e: e.id)
    articles, by_type = _rows()
    batch = {m.article_id for r in _results() for m in r.events}
    stories = stories_of(reversed(articles), batch)
    grouped = [StoredEvent.model_validate_json(j)
               for t in reversed(sorted(by_type)) for j in group_one_type(by_type[t], stories)]
    rows = [row for t in by_type for row in by_type[t]]
    found = link_events(grouped, list(reversed(rows)), stories)
    assert [e.model_dump() for e in found] == [e.model_dump() for e in expected]
    assert len(by_type) > 1 and any(len(e.mentions) > 1 for e in found)
    assert any(e.links for e in found) and stories.pairs


def test_an_article_given_twice_is_refused_before_grouping():
    ids = [r.article.id for r in _results()]
    check_unique(ids)
    with pytest.raises(ConfigError, match=ids[0]):
        check_unique(ids + ids[:1])
