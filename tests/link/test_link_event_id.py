"""One event-id rule (record.event_id) for the store and for reconcile, pinned to the ids that
stores already hold: a change here would rename every stored event."""
from link_factory import mention

from flashpoint.link.group import reconcile
from flashpoint.record import content_id, event_id
from flashpoint.store.grouping import assign_ids


def test_an_event_id_is_the_hash_of_its_smallest_mention_id():
    assert event_id(["a2-m1", "a1-m1"]) == content_id("event", "a1-m1") == "eec41f51aa879da0"


def test_a_salted_id_is_pinned_too():
    assert event_id(["a1-m1"], salt=1) == content_id("event", "a1-m1", "1") == "2a086a6ea35f10c2"


def test_the_store_gives_a_new_cluster_the_rule_s_id():
    assert assign_ids([["a2-m1", "a1-m1"]], {}) == [event_id(["a1-m1"])]


def test_reconcile_without_an_id_uses_the_same_rule():
    reports = [mention("r1", "reuters"), mention("f1", "afp")]
    assert reconcile(reports, {}).id == event_id(["f1", "r1"]) == content_id("event", "f1")
