"""Which sense of a shared name an article means: a state or its big city, a US state or a
country, a populous division or a small namesake town; and names the gazetteer files without
their 'Province' suffix or directional prefix. Sentences written for these tests; the
gazetteer is a small index of GeoNames-like rows (the real one takes a minute to build)."""
from __future__ import annotations

import pytest

from flashpoint.nlp import load_pipeline
from flashpoint.record import Article
from flashpoint.resolve.places.gazetteer import Gazetteer
from flashpoint.resolve.places.gazetteer_index import build_index
from flashpoint.resolve.places.places import PlaceResolver


def _row(name, kind, lat, lon, country, admin1, gid, population, aliases=()):
    return dict(name=name, kind=kind, lat=lat, lon=lon, country=country, admin1=admin1,
                admin2=None, gid=gid, population=population, source=f"geonames:{gid}",
                aliases=list(aliases))


ROWS = [
    _row("New York City", "locality", 40.71, -74.01, "US", "New York", 5128581, 8_175_133,
         ["New York", "NYC"]),
    _row("New York", "province", 43.0, -75.5, "US", "New York", 5128638, 19_000_000),
    _row("Georgia", "province", 32.75, -83.5, "US", "Georgia", 4197000, 9_000_000),
    _row("Alabama", "province", 32.75, -86.75, "US", "Alabama", 4829764, 4_800_000),
    _row("Atlanta", "locality", 33.75, -84.39, "US", "Georgia", 4180439, 463_878),
    _row("California", "province", 37.25, -119.75, "US", "California", 5332921, 37_000_000),
    _row("California", "locality", 40.07, -79.89, "US", "Pennsylvania", 5180225, 6_500),
    _row("Pennsylvania", "province", 40.75, -77.75, "US", "Pennsylvania", 6254927, 12_000_000),
    _row("Dallas", "locality", 32.78, -96.81, "US", "Texas", 4684888, 1_300_000),
    _row("Nyanza", "province", -0.5, 34.6, "KE", "Nyanza", 200000, 5_000_000),
    _row("Hamletville", "locality", 47.0, 2.0, "FR", None, 300000, 0),
    _row("Kano", "locality", 12.0, 8.52, "NG", "Kano", 2335204, 3_600_000),
    _row("Kaduna", "locality", 10.52, 7.44, "NG", "Kaduna", 2335727, 1_500_000),
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def resolver(tmp_path_factory):
    path = build_index(tmp_path_factory.mktemp("gaz") / "senses.sqlite", installed=False,
                       extra=ROWS)
    return PlaceResolver(Gazetteer([path]))


def place(resolver, nlp, text, name):
    article = Article(id="s", text=text)
    mentions = resolver.find(article, nlp(article.masked_text()))
    return next(m.place for m in mentions if m.text == name)


def test_new_york_alone_is_the_city(resolver, nlp):
    p = place(resolver, nlp, "Thousands marched in New York on Saturday.", "New York")
    assert p.precision == 1 and round(p.lat) == 41


def test_new_york_beside_other_states_is_still_the_city(resolver, nlp):
    text = "Flights from New York to California and Georgia were cancelled on Monday."
    assert place(resolver, nlp, text, "New York").precision == 1


def test_upstate_new_york_is_the_state(resolver, nlp):
    p = place(resolver, nlp, "Floods closed roads across upstate New York.", "New York")
    assert p.precision == 4 and p.lat == 43.0


def test_new_york_state_is_the_state(resolver, nlp):
    p = place(resolver, nlp, "The governor said New York state would close its schools.",
              "New York")
    assert p.precision == 4


def test_georgia_beside_us_states_is_the_us_state(resolver, nlp):
    text = "Tornadoes tore through Alabama and Georgia overnight, officials said."
    p = place(resolver, nlp, text, "Georgia")
    assert p.country == "USA" and p.precision == 4


def test_georgia_with_one_of_its_cities_is_the_us_state(resolver, nlp):
    text = "The governor of Georgia said the storm reached Atlanta on Monday."
    assert place(resolver, nlp, text, "Georgia").country == "USA"


def test_georgia_beside_tbilisi_is_the_country(resolver, nlp):
    text = "Russian troops moved into Georgia as residents fled Tbilisi."
    assert place(resolver, nlp, text, "Georgia").country == "GEO"


def test_california_is_the_state_not_the_small_town(resolver, nlp):
    text = "Wildfires spread across California after a dry summer."
    p = place(resolver, nlp, text, "California")
    assert p.precision == 4 and p.lat == 37.25


def test_province_suffix_the_gazetteer_lacks_is_read_as_that_province(resolver, nlp):
    text = "Cholera cases rose in Nyanza Province, health officials in Kenya said."
    p = place(resolver, nlp, text, "Nyanza Province")
    assert p.country == "KEN" and p.precision == 4


def test_directional_prefix_is_a_part_of_the_place(resolver, nlp):
    p = place(resolver, nlp, "A storm knocked out power in North Dallas.", "North Dallas")
    assert p.name == "Dallas"


def test_hamlet_abroad_named_once_is_left_unresolved(resolver, nlp):
    text = ("Gunmen attacked Hamletville on the road between Kano and Kaduna, police in "
            "Nigeria said; Nigerian troops were sent from Kano.")
    article = Article(id="h", text=text)
    start = text.index("Hamletville")
    [found] = resolver.resolve_spans(article, nlp(text), [(start, start + len("Hamletville"))])
    assert found is None
