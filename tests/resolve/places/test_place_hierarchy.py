"""Where an event happened when its sentence is odd: the units named after a place ('X (Y, Z)',
'X, Y province'), a sentence that names no place, a kind word after a name the parser took for
an organisation, a dateline. Sentences written for these tests, on a small test gazetteer of
invented villages (coordinates made up, kept apart so that a wrong choice is far off)."""
from __future__ import annotations

import pytest

from flashpoint.record import Article
from flashpoint.resolve.places.gazetteer import Entry, Gazetteer
from flashpoint.resolve.places.gazetteer_index import build_index
from flashpoint.resolve.places.place_hierarchy import DATELINE, in_unit, unit_key
from flashpoint.resolve.places.places import PlaceResolver


def _row(name, kind, lat, lon, country, admin1, admin2, gid, population, aliases=()):
    return dict(name=name, kind=kind, lat=lat, lon=lon, country=country, admin1=admin1,
                admin2=admin2, gid=gid, population=population, source=f"test:{gid}",
                aliases=list(aliases))


ROWS = [
    # Two villages called Marovila, far apart: the units after the name say which.
    _row("Marovila", "locality", -12.0, 40.0, "MZ", "Cabo Delgado", "Macomia", 9100001, 0),
    _row("Marovila", "locality", -25.0, 32.5, "MZ", "Maputo", "Boane", 9100002, 0),
    _row("Cabo Delgado", "province", -12.3, 39.5, "MZ", "Cabo Delgado", None, 9100003, 2_000_000),
    _row("Macomia", "district", -11.9, 40.2, "MZ", "Cabo Delgado", "Macomia", 9100004, 100_000),
    _row("Maputo", "province", -25.5, 32.6, "MZ", "Maputo", None, 9100005, 1_500_000),
    # A village the parser is unlikely to know, in a named governorate.
    _row("Tell Qarmuz", "locality", 35.9, 36.6, "SY", "Idlib", "Ariha", 9100006, 0),
    _row("Tell Qarmuz", "locality", 33.1, 44.9, "IQ", "Diyala", None, 9100007, 0),
    _row("Idlib", "province", 35.8, 36.6, "SY", "Idlib", None, 9100008, 1_500_000),
    _row("Idlib", "locality", 35.93, 36.63, "SY", "Idlib", "Idlib", 9100009, 165_000),
    _row("Kunduzabad", "locality", 36.7, 68.9, "AF", "Kunduz", None, 9100010, 260_000),
    _row("Harbin Falls", "locality", 10.5, 7.4, "NG", "Kaduna", None, 9100011, 40_000),
    _row("Tyre", "locality", 33.27, 35.2, "LB", "South Governorate", None, 9100012, 135_000),
    _row("Beirut", "capital", 33.89, 35.5, "LB", "Beyrouth", None, 9100013, 1_900_000),
    # A town, its same-named district and province, far apart for the test.
    _row("Wolomba", "locality", 8.0, 20.0, "CF", "Bamara", "Wolomba", 9100014, 20_000),
    _row("Wolomba", "district", 8.6, 20.6, "CF", "Bamara", "Wolomba", 9100015, 900_000),
    _row("Bamara", "province", 9.0, 21.0, "CF", "Bamara", None, 9100016, 400_000),
    _row("Central African Republic", "country", 7.0, 21.0, "CF", None, None, 9100017, 5_000_000),
    _row("Ostrava Nova", "locality", 49.8, 18.3, "CZ", "Moravia", None, 9100018, 2_000),
    _row("Czechia", "country", 49.8, 15.5, "CZ", None, None, 9100019, 10_000_000),
    _row("Porto dos Santos Antonio", "locality", -12.0, -38.0, "BR", "Bahia", None, 9100020, 8_000),
    _row("Porto", "locality", 41.15, -8.61, "PT", "Porto", None, 9100021, 250_000),
    _row("Zaria Hills", "locality", 10.52, 7.44, "NG", "Zaria Hills", None, 9100025, 1_500_000),
    _row("Zaria Hills", "province", 10.3, 7.7, "NG", "Zaria Hills", None, 9100026, 6_000_000),
    _row("Ruritania", "country", 45.0, 20.0, "RU", None, None, 9100027, 9_000_000),
    _row("Vila Serena", "locality", 35.0, 139.0, "JP", "Chiba", None, 9100028, 60_000),
    _row("Colonia Serena", "locality", 36.0, 138.0, "JP", "Nagano", None, 9100031, 60_000),
    _row("Itacaré Grande", "locality", -5.4, -49.1, "BR", "Pará", None, 9100029, 280_000),
    _row("Pará", "province", -4.0, -52.0, "BR", "Pará", None, 9100030, 8_000_000),
    _row("Kessa", "locality", 45.0, 5.0, "FR", "Isère", None, 9100023, 3_000),
    _row("Gorma", "province", 12.0, 1.0, "BF", "Gorma", None, 9100024, 400_000),
    _row("Bahia", "province", -12.5, -41.7, "BR", "Bahia", None, 9100022, 14_000_000),
]


@pytest.fixture(scope="module")
def resolver(tmp_path_factory):
    path = build_index(tmp_path_factory.mktemp("gaz") / "hier.sqlite", installed=False,
                       extra=ROWS)
    return PlaceResolver(Gazetteer([path]))


def locate(resolver, nlp, text, trigger, avoid=()):
    """The event place for the trigger word, as the pipeline asks for it."""
    article = Article(id="h", text=text)
    doc = nlp(article.masked_text())
    mentions, roles = resolver.survey(article, doc)
    start = text.index(trigger)
    sentence = next((s.start_char, s.end_char) for s in doc.sents
                    if s.start_char <= start < s.end_char)
    spans = [(text.index(a), text.index(a) + len(a)) for a in avoid]
    return resolver.location_for(mentions, [], sentence, (start, start + len(trigger)),
                                 avoid=spans, roles=roles)


def test_units_in_brackets_choose_the_village_inside_them(resolver, nlp):
    text = "On 3 June 2021, insurgents burned houses in Marovila (Macomia, Cabo Delgado)."
    place = locate(resolver, nlp, text, "burned")
    assert (place.name, round(place.lat)) == ("Marovila", -12)


def test_the_same_name_in_other_brackets_is_the_other_village(resolver, nlp):
    text = "On 3 June 2021, traders protested in Marovila (Boane, Maputo) over market fees."
    place = locate(resolver, nlp, text, "protested")
    assert (place.name, round(place.lat)) == ("Marovila", -25)


def test_a_unit_after_a_comma_places_a_name_the_parser_missed(resolver, nlp):
    text = "Shells fell on Tell Qarmuz, Idlib province, overnight, wounding a shepherd."
    place = locate(resolver, nlp, text, "fell")
    assert (place.name, place.country, place.precision) == ("Tell Qarmuz", "SYR", 1)


def test_the_village_wins_over_the_governorate_named_for_it(resolver, nlp):
    text = "Gunmen shot a teacher in Tell Qarmuz, Idlib on Monday."
    assert locate(resolver, nlp, text, "shot").name == "Tell Qarmuz"


def test_a_sentence_without_a_place_takes_the_place_of_the_one_before(resolver, nlp):
    text = ("Militants raided a checkpoint in Kunduzabad on Tuesday night. "
            "Police later arrested four of them.")
    assert locate(resolver, nlp, text, "arrested").name == "Kunduzabad"


def test_a_place_too_far_back_is_not_carried(resolver, nlp):
    filler = "The council met to discuss the budget and the roads. " * 14
    text = "Militants raided a checkpoint in Kunduzabad on Tuesday night. " + filler + "Police arrested four men."
    assert locate(resolver, nlp, text, "arrested") is None


def test_a_kind_word_makes_a_name_the_parser_took_for_a_group_a_place(resolver, nlp):
    text = "Bandits kidnapped two pupils in Harbin Falls town on Friday."
    assert locate(resolver, nlp, text, "kidnapped").name == "Harbin Falls"


def test_a_place_after_in_inside_the_target_phrase_is_still_the_location(resolver, nlp):
    text = "Army gunners shelled rebel positions in Tell Qarmuz, Idlib on Sunday."
    place = locate(resolver, nlp, text, "shelled", avoid=["rebel positions in Tell Qarmuz, Idlib"])
    assert place.name == "Tell Qarmuz"


def test_a_dateline_city_is_not_the_event_place(resolver, nlp):
    text = "BEIRUT (Reuters) - An Israeli drone struck a car near Tyre on Sunday, killing two."
    assert locate(resolver, nlp, text, "struck").name == "Tyre"
    text = "BEIRUT, May 3 (Reuters) - Two men were shot dead on Sunday."
    assert locate(resolver, nlp, text, "shot") is None


def test_dateline_shapes():
    assert DATELINE.match("KABUL, Afghanistan, May 3 -- Gunmen attacked")
    assert DATELINE.match("Mosul, Iraq (AFP) - Gunmen attacked")
    assert not DATELINE.match("Syria: ten killed in Idlib")
    assert not DATELINE.match("Gunmen attacked a bus - and fled")


def test_unit_names_match_without_their_kind_word():
    village = Entry(1, "Tell Qarmuz", "locality", 35.9, 36.6, "SY", "Idlib Governorate", "Ariha",
                    None, 0, "test")
    assert unit_key("Idlib Province") == "idlib"
    assert in_unit(village, ["idlib"]) and in_unit(village, ["ariha district"])
    assert not in_unit(village, ["diyala"])


def test_a_town_named_with_its_same_named_district_is_the_town(resolver, nlp):
    text = "On 2 June 2021, armed men looted shops in Wolomba (Wolomba)."
    place = locate(resolver, nlp, text, "looted")
    assert (place.name, place.precision) == ("Wolomba", 1)


def test_a_town_confirmed_by_its_country_in_brackets(resolver, nlp):
    text = "Hundreds of miners marched in Ostrava Nova (Czechia) over unpaid wages."
    assert locate(resolver, nlp, text, "marched").name == "Ostrava Nova"


def test_a_town_in_the_clause_wins_over_the_country_of_the_actor(resolver, nlp):
    text = ("In Wolomba, Bamara, soldiers of the Central African Republic fired on a crowd.")
    article = Article(id="h", text=text)
    doc = nlp(article.masked_text())
    mentions, roles = resolver.survey(article, doc)
    [car] = [i for i, m in enumerate(mentions) if m.text == "Central African Republic"]
    start = text.index("fired")
    place = resolver.location_for(mentions, [car], (0, len(text)), (start, start + 5), roles=roles)
    assert (place.name, place.precision) == ("Wolomba", 1)


def test_a_long_name_holding_a_shorter_entity_replaces_it(resolver, nlp):
    text = "On 5 June 2021, in Porto dos Santos Antonio, Bahia, two men were shot."
    assert locate(resolver, nlp, text, "shot").name == "Porto dos Santos Antonio"


def test_a_namesake_far_outside_the_units_named_is_left_for_the_units(resolver, nlp):
    text = "On 4 June 2021, gunmen killed a herder in Kessa (Gorma)."
    article = Article(id="h", text=text)
    mentions = resolver.find(article, nlp(text))
    assert [m.place.name if m.place else None for m in mentions] == [None, "Gorma"]
    assert locate(resolver, nlp, text, "killed").name == "Gorma"


def test_the_state_of_a_name_is_the_state_not_its_city(resolver, nlp):
    text = "Bandits raided three villages in the state of Zaria Hills on Sunday."
    place = locate(resolver, nlp, text, "raided")
    assert (place.name, place.precision) == ("Zaria Hills", 4)
    text = "Bandits raided a market in Zaria Hills on Sunday."
    assert locate(resolver, nlp, text, "raided").precision == 1


def test_a_country_the_target_phrase_calls_on_is_not_the_location(resolver, nlp):
    text = "The council urged restraint and called on Ruritania to withdraw its forces."
    assert locate(resolver, nlp, text, "called", avoid=["Ruritania to withdraw its forces"]) is None


def test_a_neighbourhood_read_far_from_the_town_reported_on_is_left_unresolved(resolver, nlp):
    text = ("On 3 June 2021, in Itacaré Grande, Pará, a man was shot dead in the Vila Serena "
            "neighbourhood by two gunmen.")
    assert locate(resolver, nlp, text, "shot").name == "Itacaré Grande"



def test_a_colonia_read_far_from_the_town_reported_on_is_left_unresolved(resolver, nlp):
    text = "On 3 June 2021, in Itacaré Grande, Pará, gunmen wounded a man in Colonia Serena."
    assert locate(resolver, nlp, text, "wounded").name == "Itacaré Grande"
