"""Page-at-a-time reads for the API (store/browse.py), on both backends."""
import pytest

from flashpoint.errors import ConfigError
from flashpoint.store import EventFilter, browse, open_store

from .conftest import FakeGrouper, article, mention


@pytest.fixture
def store(store_url):
    """Seven events: attacks on Taji on 1-5 March (the 3rd linked to the 1st), a protest in
    Suva on the 6th, and one undated threat."""
    with open_store(store_url, grouper=FakeGrouper()) as s:
        for day in range(1, 6):
            a = article(f"t{day}", f"Rockets struck Camp Taji on day {day}.")
            links = (("retaliation_for", "t1-m1"),) if day == 3 else ()
            s.ingest_result(a, [mention(a, 1, day=day, killed=day, links=links)])
        suva = article("s6", "Hundreds protested in Suva.")
        s.ingest_result(suva, [mention(suva, 1, event_type="PROTEST", day=6, place="Suva",
                                       actor="protesters", recipient=None)])
        threat = article("u", "The group vowed to strike again.")
        s.ingest_result(threat, [mention(threat, 1, event_type="THREATEN", day=None, place=None)])
        s.regroup()
        yield s


def walk(store, flt, size):
    seen, cursor = [], None
    while True:
        page = browse.events_page(store, flt, cursor, size)
        seen += [r for r in page.records]
        cursor = page.next_cursor
        if cursor is None:
            return seen, page.total


def test_pages_follow_the_events_order_and_cover_everything_once(store):
    whole = [e.model_dump_json() for e in store.events()]
    for size in (1, 2, 3, 7, 50):
        assert walk(store, None, size) == (whole, 7)


def test_pages_keep_the_filter(store):
    records, total = walk(store, EventFilter(types=["ASSAULT"]), 2)
    assert total == 5 and len(records) == 5 and all('"ASSAULT"' in r for r in records)


def test_a_tampered_cursor_is_refused(store):
    with pytest.raises(ConfigError, match="cursor"):
        browse.events_page(store, None, "e30", 2)


def test_find_event_by_id_or_short_prefix(store):
    first = next(store.events())
    assert browse.find_event(store, first.id).id == first.id
    assert browse.find_event(store, first.id[:6]).id == first.id
    assert browse.find_event(store, first.id[:3]) is None
    assert browse.find_event(store, "%") is None


def test_links_into_an_event_and_events_of_articles(store):
    t1 = browse.events_of_articles(store, ["t1"])[0]
    t3 = browse.events_of_articles(store, ["t3"])[0]
    assert browse.linked_from(store, t1.id) == [(t3.id, "retaliation_for")]
    assert browse.article_texts(store, ["t1"])["t1"]["text"] == "Rockets struck Camp Taji on day 1."


def test_counts_actors_and_places(store):
    counts = browse.counts_by_day(store, None)
    assert counts[0] == ("2020-03-01", "ASSAULT", 1) and counts[-1] == (None, "THREATEN", 1)
    actors = browse.actor_counts(store, None, 10)
    assert actors[0]["name"] == "Kataib Hezbollah" and actors[0]["as_actor"] == 6
    places = browse.place_counts(store, EventFilter(types=["ASSAULT"]), 10)
    assert [(p["name"], p["events"]) for p in places] == [("Camp Taji", 5)]
