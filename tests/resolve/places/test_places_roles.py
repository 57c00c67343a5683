"""Choosing an event's place from its sentence, and names found because they stand in a list
of places; sentences written for these tests, on a small test gazetteer."""
from __future__ import annotations

import pytest

from flashpoint.record import Article
from flashpoint.resolve.places.gazetteer import Gazetteer
from flashpoint.resolve.places.gazetteer_index import build_index
from flashpoint.resolve.places.places import PlaceResolver


def _row(name, kind, lat, lon, country, admin1, gid, population, aliases=()):
    return dict(name=name, kind=kind, lat=lat, lon=lon, country=country, admin1=admin1,
                admin2=None, gid=gid, population=population, source=f"geonames:{gid}",
                aliases=list(aliases))


# Coordinates as in GeoNames.
ROWS = [
    _row("Washington", "capital", 38.89511, -77.03637, "US", "District of Columbia", 4140963,
         689545, ["Washington, D.C."]),
    _row("Tehran", "capital", 35.69439, 51.42151, "IR", "Tehran", 112931, 7153309),
    _row("Basrah", "locality", 30.50852, 47.7804, "IQ", "Al Başrah", 99532, 2600000, ["Basra"]),
    _row("Najaf", "locality", 32.02594, 44.34625, "IQ", "An Najaf", 98463, 482576),
    _row("Nāḩiyat al Iskandarīyah", "locality", 32.8873, 44.34619, "IQ", "Bābil", 99226, 100600,
         ["Iskandariya", "Alexandria"]),
    _row("Al Qā'im", "locality", 34.36879, 41.09467, "IQ", "Al Anbar", 99434, 74100,
         ["Al-Qaim", "Qaim"]),
]


@pytest.fixture(scope="module")
def resolver(tmp_path_factory):
    path = build_index(tmp_path_factory.mktemp("gaz") / "roles.sqlite", installed=False,
                       extra=ROWS)
    return PlaceResolver(Gazetteer([path]))


def locate(resolver, nlp, text, trigger, avoid=()):
    article = Article(id="roles", text=text)
    mentions, roles = resolver.survey(article, nlp(article.masked_text()))
    start = text.index(trigger)
    spans = [(text.index(a), text.index(a) + len(a)) for a in avoid]
    place = resolver.location_for(mentions, [], (0, len(text)), (start, start + len(trigger)),
                                  avoid=spans, roles=roles)
    return place.name if place else None


def test_a_place_inside_the_actor_phrase_is_never_the_location(resolver, nlp):
    text = "Washington retaliated with air strikes on Thursday night."
    assert locate(resolver, nlp, text, "strikes", avoid=["Washington"]) is None


def test_the_actor_country_gives_way_to_the_attacked_place(resolver, nlp):
    text = "Iran answered a week later with missile strikes on Iraqi bases."
    assert locate(resolver, nlp, text, "strikes", avoid=["Iran"]) == "Iraq"


def test_a_demonym_of_the_people_attacked_is_not_the_location(resolver, nlp):
    text = "Gunmen fired rockets at Camp Taji, which houses US and UK trainers."
    assert locate(resolver, nlp, text, "fired", avoid=["US and UK trainers"]) == "Camp Taji"


def test_a_capital_that_speaks_is_not_the_location(resolver, nlp):
    text = "Washington blamed the militia for a rocket attack in Iraq last Friday."
    assert locate(resolver, nlp, text, "attack") == "Iraq"
    text = "Tehran said the drone attack in Basra was a provocation."
    assert locate(resolver, nlp, text, "attack") == "Basrah"


def test_a_place_after_a_locative_preposition_wins(resolver, nlp):
    text = ("Jets from Syria struck depots near the Iraqi border town of Al-Qaim, "
            "officials said.")
    assert locate(resolver, nlp, text, "struck") == "Al Qā'im"


def test_attached_mentions_still_win_over_avoid(resolver, nlp):
    text = "Iran fired missiles at American bases."
    article = Article(id="roles2", text=text)
    mentions, roles = resolver.survey(article, nlp(text))
    [iran] = [i for i, m in enumerate(mentions) if m.text == "Iran"]
    place = resolver.location_for(mentions, [iran], (0, len(text)), (5, 10), avoid=[(0, 4)],
                                  roles=roles)
    assert place.name == "Iran"


def test_a_known_name_listed_with_places_is_a_place(resolver, nlp):
    text = "The raids hit depots in Najaf, Basra, Alexandria and Jurf al-Sakhr overnight."
    article = Article(id="roles3", text=text)
    mentions = resolver.find(article, nlp(text))
    found = {m.text: m.place.country for m in mentions if m.place}
    assert found.get("Alexandria") == "IRQ"


def test_a_person_named_like_a_place_outside_a_list_stays_a_person(resolver, nlp):
    text = "Alexandria told reporters in Najaf that the convoy had left."
    article = Article(id="roles4", text=text)
    mentions = resolver.find(article, nlp(text))
    assert "Alexandria" not in {m.text for m in mentions}
