"""`flashpoint timeline` draws escalation chains: linked events together, in date order."""
from flashpoint.store import open_store, timeline_text
from flashpoint.store.grouping import event_id

from .conftest import FakeGrouper
from .test_store_ingest import corpus, run_ingest


def test_timeline_draws_the_chain_then_the_events_without_links(store_url):
    articles, events = corpus()
    run_ingest(store_url, articles, events)
    attack = event_id(["a1-m1", "a2-m1"])[:8]
    reply = event_id(["a3-m1"])[:8]
    protest = event_id(["a4-m1"])[:8]
    with open_store(store_url, grouper=FakeGrouper()) as store:
        text = timeline_text(store)
    assert text.splitlines() == [
        "1 escalation chains (2 events); 1 events without links.",
        "",
        "Chain 1: 2 events, 2020-03-11 to 2020-03-12",
        f"  2020-03-11    ASSAULT/heavy-weapons  Kataib Hezbollah -> US forces  @ Camp Taji, IRQ"
        f"  killed 3 (2-3)  [{attack}]",
        '              "Rockets struck Camp Taji, killing two." (2 sources)',
        f"  2020-03-12    ASSAULT/heavy-weapons  US forces -> Kataib Hezbollah  @ Karbala, IRQ"
        f"  [{reply}]",
        '              "US jets struck Kataib Hezbollah sites in Karbala."',
        f"              `-- retaliation_for --> [{attack}] 2020-03-11 ASSAULT",
        "",
        "Events without links:",
        f"  2020-03-13    PROTEST  protesters  @ Suva, FJI  [{protest}]",
        '              "Hundreds protested in Suva."',
    ]


def test_an_empty_store_says_how_to_fill_it(store_url):
    with open_store(store_url, grouper=FakeGrouper()) as store:
        assert timeline_text(store) == ("The store holds no events yet; run `flashpoint ingest` "
                                        "first.")
