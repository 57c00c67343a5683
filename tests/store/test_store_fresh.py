"""An empty store's regroup as pure functions (what the Spark engine runs): the same events."""
import functools
from pathlib import Path

from flashpoint.ingest.readers import read_inputs
from flashpoint.pipeline import Pipeline
from flashpoint.store import ingest_results, open_store
from flashpoint.store.grouping import LinkModule
from flashpoint.store.regroup import _stories, group_new, stories_among
from flashpoint.store.terms import TermTable, article_terms, mention_context, neighbourhood

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@functools.cache
def _results():
    return tuple(Pipeline().run(read_inputs([str(SAMPLES / "articles.jsonl")])))


def _table():
    kept = [r for r in _results() if r.error is None and r.skipped is None]
    published = {r.article.id: r.article.published.isoformat() if r.article.published else None
                 for r in kept}
    return TermTable({r.article.id: article_terms(r.article.text, r.events) for r in kept},
                     published)


def _stored(tmp_path):
    store = open_store(str(tmp_path / "fresh.db"))
    ingest_results(store, _results())
    return store


def test_term_table_finds_the_neighbourhood_and_stories_the_store_finds(tmp_path):
    batch = sorted({e.article_id for r in _results() for e in r.events})
    with _stored(tmp_path) as store:
        assert neighbourhood(_table(), batch) == neighbourhood(store.backend, batch)
        in_store = _stories(store.backend, batch)
    in_memory = stories_among(*neighbourhood(_table(), batch), batch)
    assert in_memory == in_store and in_memory[0].pairs


def test_group_new_gives_the_events_an_empty_store_writes(tmp_path):
    kept = [r for r in _results() if r.error is None and r.skipped is None]
    mentions = [e for r in kept for e in r.events]
    published = {r.article.id: r.article.published for r in kept}
    sentences = {e.id: mention_context(e, r.article.text) for r in kept for e in r.events}
    batch = sorted({m.article_id for m in mentions})
    stories, _ = stories_among(*neighbourhood(_table(), batch), batch)
    found = group_new(mentions, published, sentences, stories, LinkModule())
    with _stored(tmp_path) as store:
        expected = sorted(store.events(), key=lambda e: e.id)
    assert [e.model_dump() for e in found] == [e.model_dump() for e in expected]
    assert any(len(e.mentions) > 1 for e in found) and any(e.links for e in found)


def test_group_new_without_mentions_gives_no_events():
    from flashpoint.link.group import NO_STORIES

    assert group_new([], {}, {}, NO_STORIES, LinkModule()) == []
