"""Actor resolution rules, one group per rule, with phrases written for flashpoint. No model."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from flashpoint.record import Actor
from flashpoint.resolve.actors.actors import ActorResolver, registry_rows, unmatched_report


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def code(actor: Actor) -> tuple:
    return actor.id, actor.country, actor.sector


# -- transliteration and punctuation ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Kataib Hezbollah", "Kata'ib Hizbollah", "Kata'ib Hizballah", "Kata’ib Hizbollah",
    "KATAIB HIZBULLAH", "Kata'ib Hizballah fighters", "KH", "the Iran-backed Kataib Hezbollah",
    "Kataib",
])
def test_kataib_hezbollah_spellings(resolver, text):
    assert code(resolver.resolve(text)) == ("kataib-hezbollah", "IRQ", "PRM")


@pytest.mark.parametrize("text", [
    "Popular Mobilization Forces", "Popular Mobilisation Units", "Hashd al-Shaabi",
    "the Hashed Al Shaabi", "al-Hashd ash-Shaabi", "PMF",
])
def test_pmf_spellings(resolver, text):
    assert code(resolver.resolve(text)) == ("popular-mobilization-forces", "IRQ", "PRM")


def test_resolved_actor_keeps_the_text_as_written(resolver):
    actor = resolver.resolve("Kata'ib Hizballah fighters")
    assert actor.text == "Kata'ib Hizballah fighters"
    assert actor.name == "Kataib Hezbollah"


def test_houthis_are_yemeni(resolver):
    for text in ("the Houthis", "Ansar Allah", "Ansarullah", "Houthi rebels", "Yemen's Huthis"):
        assert code(resolver.resolve(text)) == ("houthis", "YEM", "REB"), text


def test_islamic_state_names(resolver):
    for text in ("ISIS", "ISIL", "Isis", "Daesh", "IS", "the Islamic State group"):
        assert code(resolver.resolve(text)) == ("islamic-state", None, "IMG"), text


def test_short_capitals_match_only_in_capitals(resolver):
    assert resolver.resolve("US").country == "USA"
    assert resolver.resolve("us").id is None
    assert resolver.resolve("is").id is None


def test_dotted_initials(resolver):
    assert resolver.resolve("U.S. forces").id == "us-armed-forces"
    assert resolver.resolve("the U.N. Security Council").id == "un-security-council"


# -- PMF brigade numbers ---------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Hashd Brigade 45", "the 46th Brigade of the PMF",
                                  "PMF Brigade 47", "the Popular Mobilization Forces' 45th brigade"])
def test_pmf_brigade_numbers_name_the_faction(resolver, text):
    assert resolver.resolve(text).id == "kataib-hezbollah"


def test_brigade_number_needs_pmf_context(resolver):
    # Without the PMF in sight a numbered brigade is just some army's unit.
    assert code(resolver.resolve("Brigade 45")) == ("military", None, "MIL")
    sentence = "Militias joined the Hashd umbrella: Brigade 45 is Kata'ib Hizbollah."
    assert resolver.resolve("Brigade 45", context=sentence).id == "kataib-hezbollah"


def test_unknown_pmf_brigade_is_the_pmf(resolver):
    assert resolver.resolve("the 30th Brigade of the PMF").id == "popular-mobilization-forces"


# -- demonyms and nationality phrases --------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("American troops", ("us-armed-forces", "USA", "MIL")),
    ("US soldiers", ("us-armed-forces", "USA", "MIL")),
    ("an Iraqi policeman", ("iraqi-police", "IRQ", "COP")),
    ("two Iraqi soldiers", ("iraqi-army", "IRQ", "MIL")),
    ("British troops", ("british-armed-forces", "GBR", "MIL")),
    ("Iranian officials", ("irn-government", "IRN", "GOV")),
    ("an American civilian contractor", ("usa-civilians", "USA", "CVL")),
    ("Syrian journalists", ("syr-journalists", "SYR", "JRN")),
    ("Libyan rebels", ("lby-rebels", "LBY", "REB")),
    ("Iraqi protesters", ("irq-protesters", "IRQ", "CVL")),
    ("Israeli lawmakers", ("knesset", "ISR", "LEG")),
    ("Iraqis", ("irq-civilians", "IRQ", "CVL")),
])
def test_demonym_with_head_noun(resolver, text, expected):
    assert code(resolver.resolve(text)) == expected


def test_derived_names_follow_acled_style(resolver):
    assert resolver.resolve("Malian police").name == "Police Forces of Mali"
    assert resolver.resolve("Syrian civilians").name == "Civilians (Syria)"
    assert resolver.resolve("Emirati officials").name == "Government of the United Arab Emirates"


def test_head_noun_before_preposition_decides(resolver):
    assert code(resolver.resolve("soldiers of the Iraqi army")) == ("iraqi-army", "IRQ", "MIL")
    assert code(resolver.resolve("Iraqi soldiers and police")) == ("iraqi-army", "IRQ", "MIL")
    assert resolver.resolve("rebels in the Ivory Coast").country == "CIV"


def test_sponsor_is_not_the_actor(resolver):
    assert code(resolver.resolve("Iran-backed Iraqi militias")) == ("irq-militia", "IRQ", "PRM")
    assert code(resolver.resolve("Tehran-backed militias")) == ("militia", None, "PRM")
    assert resolver.resolve("pro-Iranian Hizbollah").id == "hezbollah"


def test_country_word_before_a_foreign_body_wins(resolver):
    assert code(resolver.resolve("Iraqi border police")) == ("iraqi-police", "IRQ", "COP")
    assert resolver.resolve("Israeli Border Police").id == "israel-border-police"


def test_bare_adjective_takes_head_from_context(resolver):
    context = "Romanian and Hungarian troops crossed the border on Monday."
    assert resolver.resolve("Romanian", context=context).sector == "MIL"
    assert resolver.resolve("Romanian").sector == "GOV"


def test_possessive_head_is_the_last_name(resolver):
    assert resolver.resolve("the Islamic Revolutionary Guard Corps’ Quds Force").id == "quds-force"
    assert resolver.resolve("Iraq's Joint Operations Command").id == "joint-operations-command-iraq"


# -- capitals and country names as governments -----------------------------------------------
@pytest.mark.parametrize("text, country", [
    ("Washington", "USA"), ("Tehran", "IRN"), ("London", "GBR"), ("Baghdad", "IRQ"),
    ("the US", "USA"), ("Iran", "IRN"), ("Britain", "GBR"), ("the White House", "USA"),
    ("Kyiv", "UKR"), ("Kiev", "UKR"), ("the Kremlin", "RUS"),
])
def test_capitals_and_countries_are_governments(resolver, text, country):
    actor = resolver.resolve(text)
    assert (actor.country, actor.sector) == (country, "GOV")
    assert actor.id == f"{country.lower()}-government"


def test_longer_country_name_wins(resolver):
    assert resolver.resolve("South Sudanese troops").country == "SSD"
    assert resolver.resolve("Sudanese troops").country == "SDN"


# -- generic agents --------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["gunmen", "unidentified gunmen", "unidentified assailants",
                                  "militants", "a suicide bomber", "armed men", "unknown attackers"])
def test_generic_armed_agents_are_uaf(resolver, text):
    actor = resolver.resolve(text)
    assert code(actor) == ("unidentified-armed-group", None, "UAF")
    assert actor.name == "Unidentified Armed Group"


@pytest.mark.parametrize("text, sector", [
    ("protesters", "CVL"), ("demonstrators", "CVL"), ("civilians", "CVL"), ("a policeman", "COP"),
    ("rebels", "REB"), ("journalists", "JRN"), ("refugees", "REF"), ("militiamen", "PRM"),
])
def test_generic_agents_keep_their_sector(resolver, text, sector):
    actor = resolver.resolve(text)
    assert (actor.country, actor.sector) == (None, sector)


# -- dated roles -----------------------------------------------------------------------------
def test_taliban_sector_depends_on_the_date(resolver):
    assert resolver.resolve("the Taliban", on=dt.date(2010, 5, 1)).sector == "REB"
    assert resolver.resolve("the Taliban", on=dt.date(2022, 5, 1)).sector == "GOV"
    assert resolver.resolve("the Taliban", on=dt.date(1998, 5, 1)).sector == "GOV"


def test_rsf_became_a_rebel_force_in_april_2023(resolver):
    assert resolver.resolve("RSF", on=dt.date(2019, 6, 3)).sector == "PRM"
    assert resolver.resolve("RSF", on=dt.date(2023, 4, 15)).sector == "REB"


def test_kataib_hezbollah_before_the_pmf(resolver):
    assert resolver.resolve("Kataib Hezbollah", on=dt.date(2008, 1, 1)).sector == "REB"
    assert resolver.resolve("Kataib Hezbollah", on=dt.date(2019, 12, 29)).sector == "PRM"


# -- unmatched names -------------------------------------------------------------------------
def test_unmatched_names_are_counted_in_the_callers_counter():
    resolver, unmatched = ActorResolver(), Counter()
    first = resolver.resolve("the Zorgon Liberation Front", unmatched=unmatched)
    resolver.resolve("Zorgon Liberation Front", unmatched=unmatched)
    resolver.resolve("Mr Hoffman", unmatched=unmatched)
    assert (first.id, first.country, first.sector) == (None, None, None)
    assert first.name == "Zorgon Liberation Front"
    assert first.text == "the Zorgon Liberation Front"
    assert unmatched_report(unmatched) == [("Zorgon Liberation Front", 2), ("Mr Hoffman", 1)]


def test_matched_names_are_not_counted():
    resolver, unmatched = ActorResolver(), Counter()
    resolver.resolve("American troops", unmatched=unmatched)
    assert unmatched_report(unmatched) == []


def test_the_resolver_keeps_no_count_between_calls():
    resolver = ActorResolver()
    resolver.resolve("the Zorgon Liberation Front")
    assert not hasattr(resolver, "unmatched")


def test_registry_rows_list_actors_countries_and_categories(resolver):
    rows = registry_rows()
    kinds = {row["kind"] for row in rows}
    assert kinds == {"actor", "country", "category"}
    kh = next(row for row in rows if row["id"] == "kataib-hezbollah")
    assert kh["parent"] == "popular-mobilization-forces"
    assert any(role["brigades"] == [45, 46, 47] for role in kh["roles"])
    assert resolver.registry_rows() == rows


# -- the phrase as written in its sentence ---------------------------------------------------
def test_a_name_cut_short_is_read_in_its_sentence(resolver):
    sentence = "Washington said [Kata'ib Hizballah] proxy forces fired the rockets."
    assert resolver.resolve("Hizballah", context=sentence).id == "kataib-hezbollah"
    assert resolver.resolve("Hizballah").id == "hezbollah"


def test_a_bare_occurrence_keeps_its_own_meaning(resolver):
    sentence = "Kataib Hezbollah denied it, and Hezbollah in Beirut said nothing."
    assert resolver.resolve("Hezbollah", context=sentence).id == "hezbollah"


def test_a_brigade_cut_from_its_number(resolver):
    sentence = "One strike hit a base run by Hashd Brigade 46 near al-Qaim, officials said."
    assert resolver.resolve("Hashd Brigade", context=sentence).id == "kataib-hezbollah"


def test_case_kept_alias(resolver):
    assert resolver.resolve("the Lebanese Forces party").id == "lebanese-forces-party"
    assert resolver.resolve("Lebanese Forces").id == "lebanese-forces-party"
    assert resolver.resolve("Lebanese forces").id == "lebanese-armed-forces"
    assert resolver.resolve("Kataeb").id == "kataeb-party"


def test_common_heads_need_a_country(resolver):
    assert resolver.resolve("The National").id is None
    assert code(resolver.resolve("a US national")) == ("usa-civilians", "USA", "CVL")
    # A lone "man" or "men" is a civilian (issue 9: victims and perpetrators need a sector so
    # that an Attack on civilians can be told from an Armed clash); "national" still needs a country.
    assert code(resolver.resolve("two men")) == ("civilians", None, "CVL")
