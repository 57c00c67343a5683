"""Precision on news prose: sentences that look like events but are not, instruments and
abstractions in role slots, reference mentions and tolls told after the event."""


# ---- 1. false events -----------------------------------------------------------------------------
def test_a_fire_that_burns_is_not_gunfire(run):
    assert run("A fire burnt for two hours near the fuel depot.").drafts == []
    (draft,) = run("Mortar fire hit the police station on Sunday.").of_type("ASSAULT")
    assert draft.mode == "heavy-weapons"


def test_commentators_warning_of_violence_state_no_event(run):
    assert run("Observers warned of a fresh wave of sectarian violence.").drafts == []


def test_belief_about_the_future_is_no_agreement(run):
    result = run('"Both camps think the other will give in first," said an analyst in Cairo.')
    assert result.types() == []


def test_a_utility_supplying_power_is_no_aid(run):
    assert run("Residents say the company supplies them with water twice a week.").of_type("AID") == []


def test_the_wounded_as_people_are_no_event(run):
    assert run("An aide said the wounded had been driven to a clinic in Mosul.").of_type("ASSAULT") == []


def test_bare_background_noun_in_a_subordinate_clause_is_dropped(run):
    result = run("Libya, where rival governments have competed since the 2011 uprising and war, "
                 "remains divided.")
    assert result.of_type("ASSAULT") == []


# ---- 2. instruments and abstractions are not participants ----------------------------------------
def test_weapons_are_instruments_not_actors(run):
    result = run("Three guards were killed when a salvo of rockets struck the compound on Monday.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.actors == []
    assert draft.mode == "heavy-weapons"


def test_tear_gas_and_water_cannon_set_the_mode_and_the_crowd_is_the_target(run):
    result = run("Police fired tear gas and water cannon on Sunday to disperse hundreds of students.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.mode == "crowd-control"
    assert result.recipients(draft) == ["students"]


def test_headline_tear_gas_at_a_protest(run):
    result = run("Police fire tear gas at Lagos fuel protest")
    (attack,) = result.of_type("ASSAULT")
    assert attack.mode == "crowd-control"
    assert result.recipients(attack) == ["Lagos fuel protest"]
    for protest in result.of_type("PROTEST"):
        assert "Lagos" not in result.actors(protest)


def test_shot_dead_has_no_recipient_dead(run):
    result = run("Gunmen shot dead a teacher in Maiduguri on Friday.")
    (draft,) = result.of_type("ASSAULT")
    assert "dead" not in result.recipients(draft)


def test_abstract_noun_is_no_recipient(run):
    result = run("The militia, which Kabul blames for the bombing, denies any involvement.")
    for draft in result.of_type("REJECT"):
        assert "involvement" not in result.recipients(draft)


def test_an_air_base_gives_no_aerial_mode(run):
    result = run("Four rockets struck the Balad air base on Monday.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.mode == "heavy-weapons"


# ---- 4. reference mentions -----------------------------------------------------------------------
def test_referenced_strike_is_one_event_without_the_base_as_actor(run):
    result = run("Police arrested two men on Thursday over a mortar attack on the Bagram base "
                 "that killed three guards.")
    (arrest,) = result.of_type("COERCE")
    (attack,) = result.of_type("ASSAULT")
    assert attack.actors == []
    assert result.recipients(attack)[0].endswith("base")
    assert attack.mode == "heavy-weapons" and attack.fatalities.best == 3
    assert result.date_texts(attack) == []
    assert arrest.places == []


def test_attack_told_in_a_during_which_clause_takes_its_own_date(run):
    result = run("Kabul blames the group for a rocket attack on Tuesday during which a guard was killed.")
    (attack,) = result.of_type("ASSAULT")
    assert attack.mode == "heavy-weapons"
    assert result.date_texts(attack) == ["Tuesday"]


# ---- 5. tolls told later -------------------------------------------------------------------------
def test_toll_after_a_split_goes_to_the_first_place(run):
    result = run("The raids hit depots in Kirkuk, Tikrit and Samarra on Friday. "
                 "Three soldiers were killed and nine people wounded in the raids.")
    drafts = result.of_type("ASSAULT")
    assert len(drafts) >= 2
    first, *rest = sorted(drafts, key=lambda d: d.places)
    assert first.fatalities.best == 3 and first.injuries.best == 9
    assert all(d.fatalities is None for d in rest)


def test_second_casualty_verb_is_passive_not_an_actor(run):
    result = run("Two guards were killed and four other people wounded when mortars hit the camp.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.actors == []


# ---- 6. armed road blocks ------------------------------------------------------------------------
def test_armed_men_blocking_a_road_are_attacking_not_protesting(run):
    result = run("The gunmen blocked the highway near Zaria and opened fire on cars.")
    assert result.of_type("PROTEST") == []
    assert len(result.of_type("ASSAULT")) == 1
    result = run("Militants blocked the main road into Goma on Monday.")
    assert result.of_type("PROTEST") == []


def test_armed_men_marching_captives_is_no_protest(run):
    assert run("The kidnappers marched the hostages into the forest.").of_type("PROTEST") == []


# ---- 7. commentary that names no act -------------------------------------------------------------
def test_a_withdrawal_under_a_proposal_or_schedule_has_not_happened(run):
    result = run("What is now on the table is the scheduling of the withdrawal of Turkish troops from Libya.")
    assert result.of_type("RETREAT") == []
    result = run("Rebels announced the withdrawal of their fighters from Sake on Tuesday.")
    assert len(result.of_type("RETREAT")) == 1


def test_an_abstract_subject_does_not_act(run):
    result = run("This strategy will provide the rebels with the months they need to regroup.")
    assert result.of_type("AGREE") == [] and result.of_type("AID") == []


def test_a_disposition_towards_anyone_is_no_rejection(run):
    result = run("They do not talk to anyone, and they refuse to negotiate with others, the envoy said.")
    assert result.of_type("REJECT") == []
    result = run("The junta refused to negotiate with the opposition on Friday.")
    assert len(result.of_type("REJECT")) == 1


def test_volunteering_to_fight_is_no_agreement(run):
    result = run("The brigade was founded after hundreds of villagers volunteered to take up arms.")
    assert result.of_type("AGREE") == []


def test_allegations_against_a_group_name_it_as_accused_not_accuser(run):
    result = run("Allegations of looting and extortion by militia groups have worried residents.")
    assert all("militia" not in " ".join(result.actors(d)) for d in result.of_type("ACCUSE"))
    result = run("The opposition accused militia groups of looting on Monday.")
    (draft,) = result.of_type("ACCUSE")
    assert result.actors(draft) == ["opposition"]


def test_a_toll_note_qualifies_the_event_it_follows(run):
    result = run("On 2 April, gunmen shot a shopkeeper in Ilorin. 1 fatality.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.fatalities is not None and draft.fatalities.best == 1


def test_no_fatalities_reported_keeps_the_event(run):
    result = run("On 2 April, gunmen attacked a minibus near Ilorin. No fatalities reported.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.fatalities is not None and draft.fatalities.best == 0


def test_a_running_total_is_no_incident(run):
    assert run("More than 4,000 people have been killed since the insurgency began in 2011.").drafts == []
    assert run("At least 250 civilians have been killed so far this year, the mission said.").drafts == []


def test_a_recent_incident_in_the_perfect_stays(run):
    result = run("Three soldiers have been killed in an ambush near Kidal, the army said.")
    assert result.of_type("ASSAULT")


def test_a_statement_needs_a_speaker(run):
    assert run("Calls for a ceasefire in the north grew louder on Sunday.").of_type("REQUEST") == []
    result = run("The governor demanded the release of the hostages on Sunday.")
    assert result.of_type("REQUEST")
