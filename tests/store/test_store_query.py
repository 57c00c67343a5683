"""Each filter of `flashpoint events` selects what its help says, on both backends."""
import datetime as dt

import pytest

from flashpoint.errors import ConfigError
from flashpoint.store import EventFilter, open_store, parse_bbox

from .conftest import FakeGrouper, article, mention


@pytest.fixture
def store(store_url):
    """Three events: an attack on Taji (11 March), a strike on Karbala (12th), a protest in
    Suva (13th), and one undated threat."""
    a1 = article("a1", "Rockets struck Camp Taji; 100% of the base was hit.")
    a2 = article("a2", "US jets struck Kataib Hezbollah sites in Karbala.")
    a3 = article("a3", "Hundreds protested in Suva.")
    a4 = article("a4", "The group vowed to strike again.")
    with open_store(store_url, grouper=FakeGrouper()) as s:
        s.ingest_result(a1, [mention(a1, 1)])
        s.ingest_result(a2, [mention(a2, 1, day=12, place="Karbala", actor="US forces",
                                     recipient="Kataib Hezbollah")])
        s.ingest_result(a3, [mention(a3, 1, event_type="PROTEST", day=13, place="Suva",
                                     actor="protesters", recipient=None)])
        s.ingest_result(a4, [mention(a4, 1, event_type="THREATEN", day=None, place=None)])
        s.regroup()
        yield s


def sources(store, **kw):
    return [e.sources[0] for e in store.events(EventFilter(**kw))]


def test_no_filter_lists_every_event_in_date_order_undated_last(store):
    assert sources(store) == ["a1", "a2", "a3", "a4"]


def test_date_range_keeps_events_that_overlap_it(store):
    assert sources(store, since=dt.date(2020, 3, 12)) == ["a2", "a3"]
    assert sources(store, until=dt.date(2020, 3, 11)) == ["a1"]
    assert sources(store, since=dt.date(2020, 3, 12), until=dt.date(2020, 3, 12)) == ["a2"]


def test_type_filter_takes_several_types_in_any_case(store):
    assert sources(store, types=["protest", "THREATEN"]) == ["a3", "a4"]


def test_actor_filter_matches_actors_and_recipients_ignoring_case(store):
    assert sources(store, actor="kataib") == ["a1", "a2", "a4"]
    assert sources(store, actor="PROTESTERS") == ["a3"]


def test_country_filter_uses_the_location_country(store):
    assert sources(store, country="fji") == ["a3"]
    assert sources(store, country="IRQ") == ["a1", "a2"]


def test_bbox_keeps_events_inside_it(store):
    assert sources(store, bbox=parse_bbox("44.1,33,44.5,34")) == ["a1"]
    assert sources(store, bbox=parse_bbox("38.8,29.0,48.6,37.4")) == ["a1", "a2"]


def test_bbox_across_the_antimeridian(store):
    assert sources(store, bbox=parse_bbox("170,-20,-170,0")) == ["a3"]


def test_text_filter_searches_quotes_with_wildcards_taken_literally(store):
    assert sources(store, text="STRUCK") == ["a1", "a2"]
    assert sources(store, text="100%") == ["a1"]
    assert sources(store, text="1_0") == []


def test_filters_combine(store):
    assert sources(store, types=["ASSAULT"], actor="us forces", country="IRQ",
                   since=dt.date(2020, 3, 12)) == ["a2"]


def test_limit_caps_the_number_of_events(store):
    assert sources(store, limit=2) == ["a1", "a2"]


@pytest.mark.parametrize("text, message", [
    ("1,2,3", "bounding box '1,2,3' has 3 numbers, not 4; write MINLON,MINLAT,MAXLON,MAXLAT"),
    ("a,2,3,4", "bounding box 'a,2,3,4' holds something that is not a number"),
    ("1,95,3,96", "latitude 95.0 is outside -90..90"),
    ("1,10,3,5", "the minimum latitude 10.0 is north of the maximum 5.0"),
])
def test_bad_bounding_boxes_say_what_is_wrong(text, message):
    with pytest.raises(ConfigError) as err:
        parse_bbox(text)
    assert message in str(err.value)


def test_bad_filter_values_say_what_to_write():
    with pytest.raises(ConfigError, match="'BOMB' is not a PLOVER event type; use one of AGREE"):
        EventFilter(types=["BOMB"])
    with pytest.raises(ConfigError, match="'Iraq' is not an ISO 3166-1 alpha-3 country code"):
        EventFilter(country="Iraq")
    with pytest.raises(ConfigError, match="swap --since and --until"):
        EventFilter(since=dt.date(2020, 3, 2), until=dt.date(2020, 3, 1))


def test_a_filtered_export_reads_through_the_same_query(store):
    import io
    import json

    from flashpoint.export import export_events

    out = io.StringIO()
    assert export_events(store, EventFilter(country="IRQ"), "geojson", out) == 2
    features = json.loads(out.getvalue())["features"]
    assert [f["geometry"]["coordinates"] for f in features] == [[44.25, 33.53], [44.02, 32.61]]
