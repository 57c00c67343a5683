"""Ingest is idempotent and incremental, keeps every mention, and survives being killed.

Every test here runs against SQLite and against a real PostgreSQL server (see conftest).
"""
import pytest

from flashpoint.errors import StoreError
from flashpoint.store import ingest, ingest_results, open_store
from flashpoint.store.grouping import event_id
from flashpoint.store.migrations import MIGRATIONS

from .conftest import FakeGrouper, FakePipeline, Result, article, fake_reader, mention


def corpus():
    """Two reports of one rocket attack, a reply strike the next day, and a protest."""
    a1 = article("a1", "Rockets struck Camp Taji, killing two.")
    a2 = article("a2", "Three died when rockets hit Taji base.", source="Rudaw")
    a3 = article("a3", "US jets struck Kataib Hezbollah sites in Karbala.")
    a4 = article("a4", "Hundreds protested in Suva.")
    events = {
        "a1": [mention(a1, 1, killed=2)],
        "a2": [mention(a2, 1, killed=3)],
        "a3": [mention(a3, 1, day=12, place="Karbala", actor="US forces",
                       recipient="Kataib Hezbollah", links=(("retaliation_for", "a1-m1"),))],
        "a4": [mention(a4, 1, event_type="PROTEST", day=13, place="Suva", actor="protesters",
                       recipient=None)],
    }
    return [a1, a2, a3, a4], events


def run_ingest(url, articles, events, grouper=None, **pipeline_kw):
    return ingest([a.id for a in articles], db=url, pipeline=FakePipeline(events, **pipeline_kw),
                  reader=fake_reader(articles), grouper=grouper or FakeGrouper())


def test_ingest_groups_reports_of_one_attack_into_one_event(store_url):
    articles, events = corpus()
    summary = run_ingest(store_url, articles, events)
    assert (summary.added, summary.mentions, summary.events) == (4, 4, 3)
    with open_store(store_url, grouper=FakeGrouper()) as store:
        taji = store.event(event_id(["a1-m1", "a2-m1"]))
        assert taji.mentions == ["a1-m1", "a2-m1"] and taji.sources == ["a1", "a2"]
        assert (taji.fatalities.low, taji.fatalities.high) == (2, 3)
        quotes = [m.evidence.quote for m in store.mentions_of(taji.id)]
        assert quotes == ["Rockets struck Camp Taji, killing two.",
                          "Three died when rockets hit Taji base."]


def test_the_same_articles_twice_add_nothing(store_url):
    articles, events = corpus()
    run_ingest(store_url, articles, events)
    with open_store(store_url, grouper=FakeGrouper()) as store:
        before = store.dump()
    pipeline_seen = FakePipeline(events)
    again = ingest([a.id for a in articles], db=store_url, pipeline=pipeline_seen,
                   reader=fake_reader(articles), grouper=FakeGrouper())
    assert (again.added, again.unchanged, again.mentions) == (0, 4, 0)
    assert pipeline_seen.seen == []          # unchanged articles are never parsed again
    with open_store(store_url, grouper=FakeGrouper()) as store:
        assert store.dump() == before


def test_an_edited_article_replaces_its_old_mentions(store_url):
    articles, events = corpus()
    run_ingest(store_url, articles, events)
    edited = article("a2", "Correction: rockets hit Karbala, not Taji.")
    new = {"a2": [mention(edited, 7, day=12, place="Karbala", actor="US forces",
                          recipient="Kataib Hezbollah")]}
    summary = run_ingest(store_url, [edited], new)
    assert (summary.replaced, summary.mentions) == (1, 1)
    with open_store(store_url, grouper=FakeGrouper()) as store:
        ids = {m for e in store.events() for m in e.mentions}
        assert "a2-m1" not in ids and "a2-m7" in ids
        taji = store.event(event_id(["a1-m1"]))
        assert taji.sources == ["a1"] and taji.fatalities.best == 2
        # The Karbala strike keeps the id it had before the corrected report joined it.
        karbala = store.event(event_id(["a3-m1"]))
        assert karbala.sources == ["a2", "a3"]


def test_a_run_killed_midway_then_rerun_equals_one_clean_run(store_url, tmp_path):
    articles, events = corpus()
    clean_url = str(tmp_path / "clean.db")
    run_ingest(clean_url, articles, events)
    with open_store(clean_url, grouper=FakeGrouper()) as store:
        clean = store.dump()

    with pytest.raises(KeyboardInterrupt):
        run_ingest(store_url, articles, events, fail_after=2)
    with open_store(store_url, grouper=FakeGrouper()) as store:
        assert store.counts()["articles"] == 2 and store.needs_regroup()
    run_ingest(store_url, articles, events)
    with open_store(store_url, grouper=FakeGrouper()) as store:
        assert _portable(store.dump()) == _portable(clean)


def test_a_failure_inside_an_article_write_leaves_no_trace_of_it(store_url):
    articles, events = corpus()
    bad = events["a3"] + [events["a3"][0]]        # the same mention id twice: refused
    with open_store(store_url, grouper=FakeGrouper()) as store:
        store.ingest_result(articles[0], events["a1"])
        with pytest.raises(StoreError, match="occur twice"):
            store.ingest_result(articles[2], bad)
        assert store.dump()["articles"][0][0] == "a1" and store.counts()["articles"] == 1
        assert store.counts()["mentions"] == 1


def test_a_regroup_killed_midway_keeps_the_old_events_and_reruns_cleanly(store_url, tmp_path):
    articles, events = corpus()
    run_ingest(store_url, articles[:2], events)

    class Crashing(FakeGrouper):
        def find_links(self, *args):
            raise KeyboardInterrupt("killed while linking")

    with pytest.raises(KeyboardInterrupt):
        run_ingest(store_url, articles, events, grouper=Crashing())
    with open_store(store_url, grouper=FakeGrouper()) as store:
        assert store.counts()["events"] == 1 and store.needs_regroup()
    summary = run_ingest(store_url, articles, events)       # nothing new to add, yet it regroups
    assert summary.added == 0 and summary.events == 3

    clean_url = str(tmp_path / "clean.db")
    run_ingest(clean_url, articles, events)
    with open_store(store_url, grouper=FakeGrouper()) as a, \
            open_store(clean_url, grouper=FakeGrouper()) as b:
        assert _portable(a.dump()) == _portable(b.dump())


def test_links_between_events_survive_regrouping(store_url):
    articles, events = corpus()
    run_ingest(store_url, articles, events)
    with open_store(store_url, grouper=FakeGrouper()) as store:
        reply = store.event(event_id(["a3-m1"]))
        assert [(k.type, k.event_id) for k in reply.links] == [
            ("retaliation_for", event_id(["a1-m1", "a2-m1"]))]
        first = store.dump()
        store.regroup()
        assert store.dump() == first


def test_failed_and_skipped_results_are_counted_not_stored(store_url):
    from flashpoint.errors import InputError, NotEnglish

    a = article("fr", "Des roquettes ont frappé.")
    results = [Result(error=InputError("line 3 is not JSON")),
               Result(article=a, skipped=NotEnglish("not English"))]
    with open_store(store_url, grouper=FakeGrouper()) as store:
        summary = ingest_results(store, results)
        assert (summary.failed, summary.skipped, store.counts()["articles"]) == (1, 1, 0)
        assert "line 3 is not JSON" in summary.problems[0]
        assert str(summary).startswith("0 articles added, 0 replaced, 0 unchanged, 1 skipped")


def test_migrations_are_recorded_once(store_url):
    for _ in range(3):
        with open_store(store_url, grouper=FakeGrouper()) as store:
            assert store.migrations() == ["0001_initial_schema", "0002_event_page_indexes",
                                          "0003_incremental_grouping"]


def test_a_grouper_that_loses_a_mention_is_refused(store_url):
    articles, events = corpus()

    class Lossy(FakeGrouper):
        def group_mentions(self, mentions, alike=None):
            return super().group_mentions(mentions)[1:]

    with open_store(store_url, grouper=Lossy()) as store:
        for a in articles:
            store.ingest_result(a, events[a.id])
        with pytest.raises(StoreError, match="left mentions .* out of every cluster"):
            store.regroup()
        assert store.needs_regroup()


def test_events_of_another_article_are_refused(store_url):
    articles, events = corpus()
    with open_store(store_url, grouper=FakeGrouper()) as store:
        with pytest.raises(StoreError, match="name another article than 'a2'"):
            store.ingest_result(articles[1], events["a1"])


def _portable(dump):
    """SQLite and PostgreSQL may return floats and ints alike; compare as text."""
    return {t: [tuple(str(v) for v in row) for row in rows] for t, rows in dump.items()}
