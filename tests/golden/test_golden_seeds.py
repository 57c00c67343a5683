"""The two seed reports (../shared/seeds): the attacks they report, and nothing from the noise."""
import datetime as dt

import pytest

from flashpoint.ingest.readers import read_inputs
from flashpoint.pipeline import Pipeline
from shared_data import shared_path

PUBLISHED = {"000_cd5e1ed8b1a8a8d0": dt.date(2020, 3, 15), "003_c5122276bae205d9": dt.date(2019, 12, 30)}


@pytest.fixture(scope="module")
def seeds():
    out = {}
    for stem, published in PUBLISHED.items():
        path = shared_path("seeds", stem + ".txt")
        [result] = list(Pipeline().run(read_inputs([str(path)], published=published)))
        assert result.error is None
        out[stem] = result
    return out


def assaults(result):
    return [e for e in result.events if e.event_type == "ASSAULT"]


def on(events, day):
    return [e for e in events if e.date.start == dt.date.fromisoformat(day)]


def test_nothing_comes_from_captions_related_headlines_or_read_also(seeds):
    for result in seeds.values():
        for event in result.events:
            assert not result.article.is_marked(event.evidence.start, event.evidence.end), (
                f"event from boilerplate: {event.evidence.quote[:80]!r}")


def test_the_march_11_rocket_attack_on_taji(seeds):
    [attack] = on(assaults(seeds["000_cd5e1ed8b1a8a8d0"]), "2020-03-11")
    assert attack.mode == "heavy-weapons"
    assert (attack.fatalities.best, attack.injuries.best) == (3, 12)


def test_the_us_strikes_two_days_later_hit_several_places(seeds):
    strikes = [e for e in on(assaults(seeds["000_cd5e1ed8b1a8a8d0"]), "2020-03-13") if e.mode == "aerial"]
    places = {e.location.name for e in strikes if e.location}
    assert len(places) >= 2 and any("Sakhr" in p for p in places)
    assert all(any(a.country == "USA" for a in e.actors) for e in strikes)


def test_the_next_day_barrage_and_the_iran_missiles(seeds):
    result = seeds["000_cd5e1ed8b1a8a8d0"]
    [barrage] = on(assaults(result), "2020-03-14")
    assert barrage.injuries.low >= 3
    missiles = [e for e in assaults(result) if e.date.precision == "week"]
    assert missiles and missiles[0].fatalities.best == 0


def test_a_vow_to_respond_is_a_threat_not_an_attack(seeds):
    vows = [e for e in seeds["000_cd5e1ed8b1a8a8d0"].events if "vowed" in e.evidence.quote]
    assert vows and all(e.event_type == "THREATEN" for e in vows)


def test_the_friday_rocket_attack_and_the_drone_strikes_of_003(seeds):
    events = assaults(seeds["003_c5122276bae205d9"])
    [friday] = on(events, "2019-12-27")
    assert friday.fatalities.best == 1
    drones = [e for e in events if e.mode == "drone"]
    assert drones and (drones[0].fatalities.best, drones[0].injuries.best) == (4, 30)
