"""Actors in their events: country from the event, protesters and rioters by their part, the
armed or civilian side. Phrases and sentences written for flashpoint. Unit tests load no model;
the last ones run the pipeline, the path users run."""
from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.record import Actor, Place, PlaceMention
from flashpoint.resolve.actors.actor_roles import agent_role, countries_for, side
from flashpoint.resolve.actors.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def code(actor: Actor) -> tuple:
    return actor.id, actor.country, actor.sector


def place(name, iso3, start):
    where = Place(text=name, name=name, lat=0.0, lon=0.0, country=iso3, precision=3)
    return PlaceMention(article_id="a", text=name, start=start, end=start + len(name), place=where)


# ---------------------------------------------------------------- heads that name people

@pytest.mark.parametrize("text, category", [
    ("a man", "civilians"), ("two women", "civilians"), ("local traders", "civilians"),
    ("taxi drivers", "civilians"), ("the victim", "civilians"),
    ("gang members", "gang"), ("suspected drug traffickers", "gang"), ("armed robbers", "gang"),
    ("bandits", "unidentified-armed-group"), ("unknown armed men", "unidentified-armed-group"),
    ("the junta", "military"), ("prison guards", "police"),
])
def test_generic_people_have_a_category_and_a_sector(resolver, text, category):
    actor = resolver.resolve(text)
    assert actor.id == category and actor.sector is not None


def test_gangs_are_named_as_acled_names_them(resolver):
    actor = resolver.in_event(resolver.resolve("a criminal gang"), ["HND"])
    assert (actor.name, code(actor)) == ("Unidentified Gang (Honduras)", ("hnd-gang", "HND", "CRM"))


# ---------------------------------------------------------------- country from the event

def test_state_forces_take_the_events_country_when_the_phrase_gives_none(resolver):
    actor = resolver.in_event(resolver.resolve("riot police"), ["KEN", "UGA"])
    assert code(actor) == ("ken-police", "KEN", "COP") and actor.text == "riot police"
    assert actor.name == "Police Forces of Kenya"


def test_the_phrases_own_country_wins(resolver):
    actor = resolver.in_event(resolver.resolve("Ugandan soldiers"), ["KEN"])
    assert actor.country == "UGA"


def test_named_actors_keep_the_registrys_country(resolver):
    actor = resolver.in_event(resolver.resolve("al-Shabaab fighters"), ["KEN"])
    assert code(actor) == ("al-shabaab", "SOM", "IMG")


def test_no_known_country_leaves_the_generic_actor(resolver):
    actor = resolver.in_event(resolver.resolve("gunmen"), [])
    assert code(actor) == ("unidentified-armed-group", None, "UAF")


def test_countries_come_from_location_then_sentence_then_the_article():
    places = [place("Mombasa", "KEN", 5), place("Kampala", "UGA", 60), place("Gulu", "UGA", 90),
              place("Arua", "UGA", 120)]
    location = Place(text="Garissa", name="Garissa", lat=0.0, lon=0.0, country="SOM", precision=3)
    assert countries_for(location, places, (0, 50)) == ["SOM", "KEN", "UGA"]
    assert countries_for(None, places, (50, 100)) == ["UGA"]


def test_a_country_named_as_someones_comes_after_the_towns():
    # "protesters in Kisumu torched the Tanzanian consulate": the location came out as Tanzania
    tanzania = Place(text="Tanzanian", name="Tanzania", lat=0.0, lon=0.0, country="TZA", precision=6)
    places = [place("Kisumu", "KEN", 13), PlaceMention(article_id="a", text="Tanzanian", start=40,
                                                       end=49, place=tanzania)]
    assert countries_for(tanzania, places, (0, 80)) == ["KEN", "TZA"]


def test_foreign_people_do_not_take_the_events_country(resolver):
    actor = resolver.in_event(resolver.resolve("foreign contractors"), ["IRQ"])
    assert code(actor) == ("civilians", None, "CVL")


# ---------------------------------------------------------------- agents by their part

def test_demonstrators_are_protesters_whatever_their_trade(resolver):
    role = agent_role("PROTEST", "Protests")
    for text in ("market traders", "nurses of the district hospital", "the teachers' union",
                 "Brightwater Mills employees"):
        actor = resolver.in_event(resolver.resolve(text), ["GHA"], role)
        assert (actor.name, actor.sector, actor.country) == ("Protesters (Ghana)", "CVL", "GHA"), text


def test_a_violent_crowd_is_rioters(resolver):
    actor = resolver.in_event(resolver.resolve("angry residents"), ["ZAF"], agent_role("PROTEST", "Riots"))
    assert actor.name == "Rioters (South Africa)"


def test_state_forces_at_a_protest_stay_state_forces(resolver):
    actor = resolver.in_event(resolver.resolve("police"), ["GHA"], agent_role("PROTEST", "Protests"))
    assert code(actor) == ("gha-police", "GHA", "COP")


def test_unnamed_men_who_shoot_someone_are_an_armed_group(resolver):
    role = agent_role("ASSAULT", "Violence against civilians")
    actor = resolver.in_event(resolver.resolve("two men on a motorbike"), ["COL"], role)
    assert code(actor) == ("col-unidentified-armed-group", "COL", "UAF")
    victim = resolver.in_event(resolver.resolve("a shopkeeper"), ["COL"])
    assert code(victim) == ("col-civilians", "COL", "CVL")


def test_people_who_burn_property_are_not_made_an_armed_group(resolver):
    role = agent_role("ASSAULT", "Strategic developments")
    actor = resolver.in_event(resolver.resolve("residents"), ["PER"], role)
    assert actor.sector == "CVL"


# ---------------------------------------------------------------- armed or civilian

@pytest.mark.parametrize("text, expected", [
    ("soldiers", "armed"), ("police", "armed"), ("gunmen", "armed"), ("a drug gang", "armed"),
    ("Boko Haram", "armed"), ("villagers", "civilian"), ("a man", "civilian"),
    ("journalists", "civilian"), ("drones", None),
])
def test_side_tells_armed_from_civilian(resolver, text, expected):
    assert side(resolver.resolve(text, on=dt.date(2021, 3, 1))) == expected


# ---------------------------------------------------------------- through the pipeline

def test_the_pipeline_gives_state_forces_the_country_of_the_events_place():
    from flashpoint.pipeline import Pipeline
    from flashpoint.record import Article

    pipeline = Pipeline()
    text = "On 3 March 2021, police fired tear gas at students in Nairobi."
    article = Article(id="t", text=text, published=dt.date(2021, 3, 5))
    events = pipeline.analyse(article, pipeline.nlp(text)).events
    police = [a for e in events for a in e.actors if a.text == "police"]
    assert police and all(a.country == "KEN" for a in police)


# ---------------------------------------------------------------- named groups over generic words

@pytest.mark.parametrize("text, expected", [
    ("fighters of the National Liberation Army", ("eln", "COL", "REB")),
    ("ELN guerrillas", ("eln", "COL", "REB")),
    ("a unit of FARC dissidents", ("farc-dissidents", "COL", "REB")),
    ("suspected ADF rebels", ("allied-democratic-forces", "COD", "IMG")),
    ("Congolese soldiers", ("fardc", "COD", "MIL")),
    ("NAF forces", ("united-armed-forces-of-novorossiya", "UKR", "REB")),
    ("Imbonerakure members", ("imbonerakure", "BDI", "PRM")),
    ("NPA guerrillas", ("new-peoples-army", "PHL", "REB")),
    ("the Myanmar junta", ("tatmadaw", "MMR", "MIL")),
    ("Sinaloa Cartel gunmen", ("sinaloa-cartel", "MEX", "CRM")),
])
def test_a_named_armed_group_wins_over_generic_words(resolver, text, expected):
    assert code(resolver.resolve(text)) == expected


def test_an_article_naming_only_a_country_gives_that_country():
    chad = Place(text="Chad", name="Chad", lat=0.0, lon=0.0, country="TCD", precision=6)
    places = [PlaceMention(article_id="a", text="Chad", start=200, end=204, place=chad)]
    assert countries_for(None, places, (0, 100)) == ["TCD"]


def test_a_town_parsed_as_the_subject_is_not_an_actor(resolver):
    from flashpoint.resolve.actors.actor_roles import names_a_place

    places = [place("Villa Nueva", "GTM", 10)]
    town = resolver.resolve("Villa Nueva")
    assert names_a_place(town, (10, 21), places)
    assert not names_a_place(resolver.resolve("gunmen"), (10, 16), [place("gunmen", "GTM", 10)])
    assert not names_a_place(resolver.resolve("Tehran"), (10, 16), [place("Tehran", "IRN", 10)])
