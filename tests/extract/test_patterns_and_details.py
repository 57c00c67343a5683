"""Patterns are not events; details and violence of one event fold into it; a protest
dispersed by force is coded as a protest with intervention."""
import datetime as dt

PUB = dt.date(2022, 4, 12)


def test_a_crime_described_as_a_business_is_not_an_event(run):
    r = run("Kidnapping for ransom has become a lucrative business in the north, where gangs "
            "known locally as bandits raid villages and travellers.", PUB)
    assert r.of_type("ASSAULT") == [] and r.of_type("COERCE") == []


def test_frequent_rocket_fire_is_a_pattern_but_the_dated_strike_inside_is_kept(run):
    r = run("Rocket fire at the bases has been frequent since January 2020, when a drone strike "
            "near the airport killed a general.", PUB)
    triggers = [r.text(d.trigger) for d in r.of_type("ASSAULT")]
    assert triggers and not any("fire" in t for t in triggers)


def test_stepping_up_sporadic_rocket_fire_is_a_trend_not_an_event(run):
    r = run("Militias stepped up their sporadic rocket fire on bases hosting foreign troops.", PUB)
    assert r.of_type("ASSAULT") == []


def test_a_single_raid_in_the_past_tense_is_still_an_event(run):
    r = run("Bandits raided a village near Zaria on Monday and killed three farmers.", PUB)
    assert len(r.of_type("ASSAULT")) == 1


def test_the_driver_shot_during_an_abduction_is_part_of_the_abduction(run):
    r = run("Armed men abducted 12 passengers from a bus near Katari on Monday and shot dead the "
            "driver, police said.\n\nThe attackers blocked the road and opened fire on vehicles, "
            "a police spokesman said.", PUB)
    (event,) = r.of_type("ASSAULT")
    assert event.mode == "abduct"
    assert event.fatalities is not None and event.fatalities.best == 1


def test_they_shot_the_driver_refers_back_to_the_kidnapping(run):
    r = run("Bandits kidnapped at least 15 travellers on Monday near Katari. A vigilante leader "
            "said the gunmen came on motorcycles. \"They shot the driver and took everybody into "
            "the bush,\" he said.", PUB)
    assert [d.mode for d in r.of_type("ASSAULT")] == ["abduct"]


def test_a_detail_sentence_about_the_same_rockets_folds_into_the_attack(run):
    r = run("Rockets struck the Ain al-Asad air base late on Tuesday, killing two contractors. "
            "A coalition spokesman said an inquiry had begun. The base hosts foreign troops. "
            "Officials gave no further detail. Police said the rockets were fired from a "
            "launcher mounted on a pickup truck outside the town of Al Baghdadi.", PUB)
    assert len(r.of_type("ASSAULT")) == 1


def test_a_protest_dispersed_with_tear_gas_is_a_protest_with_intervention(run):
    r = run("Police fire tear gas at Basra power-cut protest\n\nRiot police fired tear gas on "
            "Saturday to disperse hundreds of protesters in Basra. The demonstrators blocked the "
            "road in front of the building.", PUB)
    (protest,) = r.of_type("PROTEST")
    assert protest.acled_sub_event_type == "Protest with intervention"
    assert protest.dates                      # the dispersal's Saturday: one gathering
    assert [d.mode for d in r.of_type("ASSAULT")] == ["crowd-control"]


def test_a_protest_recalled_from_another_year_keeps_its_own_coding(run):
    r = run("Police fired tear gas on Saturday to disperse protesters in Basra. Power cuts set off "
            "months of unrest in Basra in 2018, when protesters stormed government buildings.", PUB)
    assert all(p.acled_sub_event_type != "Protest with intervention" for p in r.of_type("PROTEST"))
