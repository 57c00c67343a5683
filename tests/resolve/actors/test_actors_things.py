"""Things, speakers and sentence-given countries: phrases written for flashpoint. No model."""
from __future__ import annotations

from collections import Counter

import pytest

from flashpoint.resolve.actors.actors import ActorResolver


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def code(actor) -> tuple:
    return actor.country, actor.sector


# -- weapons and strikes are not actors ------------------------------------------------------
@pytest.mark.parametrize("text", ["drones", "a drone", "the warplanes", "rockets", "air strikes",
                                  "a roadside bomb", "artillery"])
def test_a_weapon_alone_is_kept_as_written_with_no_sector(resolver, text):
    unmatched = Counter()
    actor = resolver.resolve(text, f"Overnight, {text} hit the outskirts of the town.",
                             unmatched=unmatched)
    assert (actor.id, actor.country, actor.sector) == (None, None, None)
    assert actor.name == text.removeprefix("a ").removeprefix("the ")
    assert unmatched == {}  # not a registry gap


@pytest.mark.parametrize("text, country", [("Russian warplanes", "RUS"), ("US drones", "USA"),
                                            ("Turkish artillery", "TUR")])
def test_a_weapon_with_an_owner_is_that_country_military(resolver, text, country):
    assert code(resolver.resolve(text)) == (country, "MIL")


# -- bases are places, owned ones stand for their military ----------------------------------
def test_a_named_base_is_a_place_not_a_military(resolver):
    actor = resolver.resolve("the Harir air base", "Two rockets fell inside the Harir air base.")
    assert (actor.name, actor.sector, actor.id) == ("Harir air base", None, None)
    assert resolver.resolve("the Qayyarah military base").sector is None


def test_an_owned_base_is_the_owner_military(resolver):
    assert code(resolver.resolve("a US base")) == ("USA", "MIL")
    assert code(resolver.resolve("Syrian army barracks")) == ("SYR", "MIL")


def test_a_camp_keeps_its_country_but_no_sector(resolver):
    actor = resolver.resolve("a Sudanese refugee camp")
    assert code(actor) == ("SDN", None)
    assert actor.name == "Sudanese refugee camp"


# -- speakers: a spokesman speaks for whoever qualifies him ---------------------------------
def test_a_group_spokesman_is_unknown_not_government(resolver):
    actor = resolver.resolve("the group's spokesman", "The group's spokesman denied it on Sunday.")
    assert code(actor) == (None, "UNK")
    assert code(resolver.resolve("a spokeswoman for the movement")) == (None, "UNK")


@pytest.mark.parametrize("text, want", [
    ("a militia leader", (None, "PRM")), ("the rebel commander", (None, "REB")),
    ("an army spokesman", (None, "MIL")), ("Kenyan police spokesman", ("KEN", "COP")),
    ("a Somali militia commander", ("SOM", "PRM")),
])
def test_a_speaker_takes_the_body_before_it(resolver, text, want):
    assert code(resolver.resolve(text)) == want


def test_a_national_spokesman_is_that_government(resolver):
    assert code(resolver.resolve("a Turkish government spokesman")) == ("TUR", "GOV")


# -- a bare country adjective -------------------------------------------------------------
def test_a_bare_adjective_before_an_ordinary_noun_is_the_government(resolver):
    sentence = "Ankara is pressing for Syrian cooperation against the smugglers."
    assert code(resolver.resolve("Syrian", sentence)) == ("SYR", "GOV")


def test_a_bare_adjective_in_a_list_takes_the_shared_head(resolver):
    sentence = "Nigerien and Malian soldiers patrolled the border."
    assert code(resolver.resolve("Nigerien", sentence)) == ("NER", "MIL")


# -- the sentence gives a generic head its country ------------------------------------------
def test_factions_beside_a_national_militia_share_its_country(resolver):
    sentence = ("Attacks by the Libyan militias resumed in May, when one of the factions "
                "shelled the port.")
    for text in ("factions", "one of the factions"):
        assert code(resolver.resolve(text, sentence)) == ("LBY", "PRM"), text


def test_a_militia_named_in_the_sentence_gives_its_country(resolver):
    sentence = "Asaib Ahl al-Haq, a militia close to Tehran, denied any part in the attack."
    assert code(resolver.resolve("a militia close to Tehran", sentence))[1] == "PRM"
    assert code(resolver.resolve("a militia", sentence)) == ("IRQ", "PRM")


def test_a_sponsor_in_the_sentence_gives_no_country(resolver):
    sentence = "Iran-backed militias fired at the convoy; the militias later withdrew."
    assert code(resolver.resolve("the militias", sentence)) == (None, "PRM")


def test_a_title_takes_the_country_word_cut_off_before_it(resolver):
    sentence = "Ghanaian President John Mahama flew to Abuja on Monday."
    assert code(resolver.resolve("President John Mahama", sentence)) == ("GHA", "GOV")


def test_another_country_official_in_the_sentence_does_not_lend_a_title_its_country(resolver):
    sentence = "The Jordanian king received President Ramos in Amman."
    assert resolver.resolve("President Ramos", sentence).country is None


# -- insurgencies whose names hold a head noun --------------------------------------------
def test_a_union_in_a_rebel_name_is_not_a_labour_union(resolver):
    actor = resolver.resolve("the National Union for the Total Independence of Angola")
    assert (actor.id, actor.country, actor.sector) == ("unita", "AGO", "REB")


def test_a_rebel_movement_turned_party_changes_sector_on_the_ceasefire(resolver):
    import datetime as dt
    assert resolver.resolve("UNITA", on=dt.date(1995, 6, 1)).sector == "REB"
    assert resolver.resolve("UNITA", on=dt.date(2008, 9, 5)).sector == "PTY"


@pytest.mark.parametrize("text, country", [("Tamil Tiger rebels", "LKA"), ("RUF fighters", "SLE"),
                                            ("the MILF", "PHL"), ("NPFL", "LBR")])
def test_insurgent_movements_resolve_to_their_country(resolver, text, country):
    assert code(resolver.resolve(text)) == (country, "REB")


def test_a_bare_adjective_whose_occurrences_disagree_is_the_government(resolver):
    sentence = ("Paris wants Malian action against the convoy raiders; two Malian soldiers "
                "were hurt last week.")
    assert code(resolver.resolve("Malian", sentence)) == ("MLI", "GOV")
