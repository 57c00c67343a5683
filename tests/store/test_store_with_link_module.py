"""The store with its real grouper (flashpoint.link): grouping, links and re-runs are stable."""
import pytest

from flashpoint.store import ingest, open_store

from .conftest import FakePipeline, fake_reader
from .test_store_ingest import _portable, corpus

pytest.importorskip("flashpoint.link.group", reason="flashpoint.link is not written yet")


def test_reports_of_one_attack_become_one_event_with_the_reply_linked(store_url):
    articles, events = corpus()
    ingest([a.id for a in articles], db=store_url, pipeline=FakePipeline(events),
           reader=fake_reader(articles))
    with open_store(store_url) as store:
        stored = {tuple(e.sources): e for e in store.events()}
        assert set(stored) == {("a1", "a2"), ("a3",), ("a4",)}
        reply = stored[("a3",)]
        assert [(k.type, k.event_id) for k in reply.links] == [
            ("retaliation_for", stored[("a1", "a2")].id)]
        before = store.dump()
        store.regroup()
        assert store.dump() == before


def test_a_killed_run_then_rerun_equals_a_clean_run(store_url, tmp_path):
    articles, events = corpus()
    ids = [a.id for a in articles]
    clean_url = str(tmp_path / "clean.db")
    ingest(ids, db=clean_url, pipeline=FakePipeline(events), reader=fake_reader(articles))
    with pytest.raises(KeyboardInterrupt):
        ingest(ids, db=store_url, pipeline=FakePipeline(events, fail_after=3),
               reader=fake_reader(articles))
    ingest(ids, db=store_url, pipeline=FakePipeline(events), reader=fake_reader(articles))
    with open_store(store_url) as rerun, open_store(clean_url) as clean:
        assert _portable(rerun.dump()) == _portable(clean.dump())
