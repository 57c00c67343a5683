"""Incremental regrouping: a batch reads and rewrites only its blocks; ids are stable; merged
ids resolve to the event that absorbed them. Runs on SQLite and PostgreSQL (see conftest)."""
from flashpoint.record import Event
from flashpoint.store import open_store
from flashpoint.store.grouping import assign_ids, event_id

from .conftest import FakeGrouper, article, mention
from .test_store_ingest import run_ingest


class Recording(FakeGrouper):
    """Remembers every mention id it was asked to group."""

    def __init__(self):
        super().__init__()
        self.seen: set[str] = set()

    def group_mentions(self, mentions: list[Event], stories=None) -> list[list[int]]:
        self.seen |= {m.id for m in mentions}
        return super().group_mentions(mentions, stories)


class ByDay(FakeGrouper):
    """One event per type and day, wherever it was: merges what FakeGrouper keeps apart."""

    def group_mentions(self, mentions, stories=None):
        clusters: dict[tuple, list[int]] = {}
        for i, m in enumerate(mentions):
            clusters.setdefault((m.event_type, m.date.start), []).append(i)
        return list(clusters.values())

    def may_join(self, batch, others, stories=None):
        days = {(m.event_type, m.date.start) for m in batch}
        return [k for k, m in enumerate(others) if (m.event_type, m.date.start) in days]


def _far_corpus():
    """A rocket attack at Taji in March and a protest in Suva in July: two unrelated blocks."""
    taji = article("taji", "Rockets struck Camp Taji on Wednesday, killing two.")
    suva = article("suva", "Dockers marched through Suva over unpaid wages.")
    return [taji, suva], {
        "taji": [mention(taji, 1, killed=2)],
        "suva": [mention(suva, 1, event_type="PROTEST", day=None, place="Suva",
                         actor="dockers", recipient=None)],
    }


def test_a_batch_regroups_only_the_blocks_it_touches(store_url):
    articles, events = _far_corpus()
    run_ingest(store_url, articles, events)
    late = article("late", "A second report: rockets hit Taji base, two soldiers dead.")
    recording = Recording()
    summary = run_ingest(store_url, [late], {"late": [mention(late, 1, killed=2)]},
                         grouper=recording)
    assert recording.seen == {"taji-m1", "late-m1"}          # Suva's block was never read
    assert summary.touched == [event_id(["taji-m1"])]
    with open_store(store_url, grouper=FakeGrouper()) as store:
        assert store.event(event_id(["taji-m1"])).sources == ["late", "taji"]
        assert store.counts()["events"] == 2


def test_an_event_keeps_its_id_when_a_report_joins_it(store_url):
    first = article("b-first", "Rockets struck Camp Taji on Wednesday.")
    run_ingest(store_url, [first], {"b-first": [mention(first, 1)]})
    earlier_id = event_id(["b-first-m1"])
    joining = article("a-joins", "Rockets hit Taji base on Wednesday.")   # a smaller mention id
    run_ingest(store_url, [joining], {"a-joins": [mention(joining, 1)]})
    with open_store(store_url, grouper=FakeGrouper()) as store:
        (only,) = list(store.events())
        assert only.id == earlier_id and only.mentions == ["a-joins-m1", "b-first-m1"]


def test_merged_events_leave_an_alias_that_lookups_and_links_follow(store_url):
    taji = article("taji", "Rockets struck Camp Taji on Wednesday.")
    karbala = article("karbala", "Rockets struck Karbala on Wednesday.")
    reply = article("reply", "US jets struck back at Kataib Hezbollah in Karbala.")
    events = {"taji": [mention(taji, 1)],
              "karbala": [mention(karbala, k, place="Karbala") for k in (1, 2)],
              "reply": [mention(reply, 1, day=13, place="Karbala", actor="US forces",
                                recipient="Kataib Hezbollah",
                                links=(("retaliation_for", "taji-m1"),))]}
    run_ingest(store_url, [taji, karbala, reply], events)
    taji_id, karbala_id = event_id(["taji-m1"]), event_id(["karbala-m1", "karbala-m2"])
    # A new report joins the two Wednesday attacks into one event (one grouper's judgement).
    bridge = article("bridge", "Rockets struck Taji and Karbala on Wednesday.")
    run_ingest(store_url, [bridge], {"bridge": [mention(bridge, 1)]}, grouper=ByDay())
    with open_store(store_url, grouper=FakeGrouper()) as store:
        wednesday = [e for e in store.events() if e.event_type == "ASSAULT" and
                     e.date.start.day == 11]
        assert [e.id for e in wednesday] == [karbala_id]   # the event with most reports survives
        assert store.resolve(taji_id) == karbala_id
        assert store.event(taji_id).id == karbala_id
        assert [m.id for m in store.mentions_of(taji_id)] == [
            "bridge-m1", "karbala-m1", "karbala-m2", "taji-m1"]
        (answer,) = [e for e in store.events() if e.date.start.day == 13]
        assert [(k.type, k.event_id) for k in answer.links] == [("retaliation_for", karbala_id)]


def test_ids_are_assigned_the_same_way_every_time():
    current = {"m1": "E1", "m2": "E1", "m3": "E2"}
    # E1 is split: the cluster with most of it keeps its id, the other gets a fresh one.
    ids = assign_ids([["m1", "m4"], ["m2"], ["m3", "m5"]], current)
    assert ids[0] == "E1" and ids[2] == "E2" and ids[1] == event_id(["m2"])
    assert assign_ids([["m1", "m4"], ["m2"], ["m3", "m5"]], current) == ids
    # A fresh id never takes an old event's id.
    clash = {"x": event_id(["a"])}
    assert assign_ids([["a"], ["x"]], clash)[0] != event_id(["a"])


def test_a_store_from_before_incremental_grouping_is_backfilled_and_keeps_its_ids(tmp_path):
    from flashpoint.record import StoredEvent
    from flashpoint.store.backend import connect
    from flashpoint.store.location import locate
    from flashpoint.store.migrations import MIGRATIONS, migrate

    url = str(tmp_path / "old.db")
    old = connect(locate(url))
    migrate(old, MIGRATIONS[:1])                      # the schema as the first release made it
    a = article("a1", "Rockets struck Camp Taji on Wednesday. Nobody was hurt.")
    m = mention(a, 1)
    stored = StoredEvent(**{**m.model_dump(), "id": event_id([m.id]), "mentions": [m.id],
                            "sources": [a.id]})
    with old.transaction():
        old.execute("INSERT INTO articles (id, content_hash, published, text) VALUES "
                    "(?, 'h', '2020-03-12', ?)", (a.id, a.text))
        old.execute("INSERT INTO mentions (id, article_id, record, event_type) VALUES "
                    "(?, ?, ?, 'ASSAULT')", (m.id, a.id, m.model_dump_json()))
        old.execute("INSERT INTO events (id, record, event_type, actor_text, search_text) "
                    "VALUES (?, ?, 'ASSAULT', '', '')", (stored.id, stored.model_dump_json()))
        old.execute("INSERT INTO event_mentions (event_id, mention_id) VALUES (?, ?)",
                    (stored.id, m.id))
    old.close()
    with open_store(url, grouper=FakeGrouper()) as store:
        assert store.needs_regroup()                  # every old mention is queued once
        store.regroup()
        assert [e.id for e in store.events()] == [stored.id]
        assert not store.needs_regroup()
        (row,) = store.dump()["mentions"]
        assert row[-1] == a.text                      # the sentence kept with the mention
