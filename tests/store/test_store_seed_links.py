"""The escalation the two seed reports describe (../shared/seeds), through the real pipeline and
the store's incremental grouping, on SQLite and PostgreSQL: each answer is `retaliation_for` the
attack it answers, and no statement is either end of a retaliation."""
import datetime as dt

import pytest

from flashpoint.ingest.readers import read_inputs
from flashpoint.link.relations import PHYSICAL
from flashpoint.pipeline import Pipeline
from flashpoint.store import ingest_results, open_store, timeline_text
from shared_data import shared_path

PUBLISHED = {"000_cd5e1ed8b1a8a8d0": dt.date(2020, 3, 15),
             "003_c5122276bae205d9": dt.date(2019, 12, 30)}


@pytest.fixture(scope="module")
def results():
    """The pipeline's results for each seed, run once (the model is the slow part)."""
    out = []
    for stem, published in PUBLISHED.items():
        path = shared_path("seeds", stem + ".txt")
        out += list(Pipeline().run(read_inputs([str(path)], published=published)))
    return out


@pytest.fixture
def store(results, store_url):
    with open_store(store_url) as s:
        for result in results:          # one ingest per seed, as a user runs them
            ingest_results(s, [result])
        yield s


def _one(events, day, *, place=None, actor=None):
    found = [e for e in events if e.event_type == "ASSAULT" and e.date.start
             and e.date.start <= dt.date.fromisoformat(day) <= (e.date.end or e.date.start)
             and (place is None or (e.location and place in e.location.name))
             and (actor is None or any(actor in a.name for a in e.actors))]
    assert len(found) == 1, [(e.date.start, e.location and e.location.name) for e in found]
    return found[0]


def _targets(event, kind="retaliation_for"):
    return [link.event_id for link in event.links if link.type == kind]


def test_the_13_march_strikes_answer_the_11_march_taji_attack(store):
    events = list(store.events())
    taji = _one(events, "2020-03-11", place="Taji")
    for place in ("Jurf al-Sakhr", "Iskandariya", "Najaf", "Al-Musayab"):
        strike = _one(events, "2020-03-13", place=place)
        assert _targets(strike) == [taji.id], place


def test_the_strikes_on_kataib_hizbollah_answer_fridays_rocket_attack(store):
    events = list(store.events())
    (friday,) = [e for e in events if e.event_type == "ASSAULT"
                 and e.date.start == e.date.end == dt.date(2019, 12, 27)]
    assert friday.fatalities.best == 1                      # the contractor
    strikes = _one(events, "2019-12-29", actor="United States")
    assert _targets(strikes) == [friday.id]


def test_irans_missile_strikes_answer_the_killing_of_soleimani(store):
    events = list(store.events())
    soleimani = _one(events, "2020-01-03")
    missiles = _one(events, "2020-01-08", actor="Iran")
    assert _targets(missiles) == [soleimani.id]


def test_no_statement_is_either_end_of_a_retaliation(store):
    by_id = {e.id: e for e in store.events()}
    pairs = [(e, by_id[link.event_id]) for e in by_id.values() for link in e.links
             if link.type == "retaliation_for"]
    assert len(pairs) >= 6
    assert all(a.event_type in PHYSICAL and b.event_type in PHYSICAL for a, b in pairs)
    assert all(by_id[link.event_id].event_type in PHYSICAL
               for e in by_id.values() for link in e.links)


def test_the_timeline_shows_the_chains(store):
    text = timeline_text(store)
    assert text.startswith("3 escalation chains")
    assert text.count("`-- retaliation_for -->") == 6
