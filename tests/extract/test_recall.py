"""Sentences that report a physical event yield it even when the parse is odd (issue 9)."""


def _one(result, event_type):
    found = result.of_type(event_type)
    assert found, f"no {event_type} in {result.types()}"
    return found[0]


def test_hyphenated_shoot_out_is_a_clash(run):
    draft = _one(run("On 12 June, shoot-outs took place in the Palmares neighbourhood of Recife."), "ASSAULT")
    assert draft.mode == "firearms"
    assert draft.acled_sub_event_type == "Armed clash"


def test_exchange_of_fire_is_a_clash(run):
    draft = _one(run("A short exchange of fire took place between two police units near Baidoa."), "ASSAULT")
    assert draft.two_sided


def test_firing_on_positions_without_an_object(run):
    result = run("On 9 July, troops of Borduria fired with unspecified weapons on the positions of "
                 "Syldavian troops near Klow.")
    draft = _one(result, "ASSAULT")
    assert result.actors(draft)[0].startswith("troops of Borduria")


def test_found_dead_is_an_attack_with_its_toll(run):
    draft = _one(run("On 14 August, in Tlaquepaque, a man was found dead with gunshot wounds."), "ASSAULT")
    assert draft.acled_sub_event_type == "Attack"
    assert draft.fatalities is not None and draft.fatalities.best == 1


def test_bodies_found_are_an_event(run):
    _one(run("The bodies of three farmers were found in a ditch outside Mopti on Saturday."), "ASSAULT")


def test_gathering_to_demand_is_a_protest(run):
    result = run("On 3 March, taxi drivers gathered outside the town hall in Iringa to demand lower fuel prices.")
    draft = _one(result, "PROTEST")
    assert draft.acled_sub_event_type == "Peaceful protest"
    assert result.actors(draft) == ["taxi drivers"]


def test_protest_sit_in_is_a_protest(run):
    _one(run("On 21 May, nurses held a protest sit-in in Kumasi."), "PROTEST")


def test_participle_on_a_root_noun_is_the_predicate(run):
    result = run("On 5 October, a group of market vendors protested in front of the district office "
                 "in Lira to demand new stalls.")
    draft = _one(result, "PROTEST")
    assert result.actors(draft) == ["market vendors"]


def test_a_subject_makes_a_vbn_protest_active(run):
    result = run("On 11 November, on the main road in Tamale, a group of farmers protested to demand seeds.")
    draft = _one(result, "PROTEST")
    assert result.actors(draft) == ["farmers"]


def test_grenade_launchers_and_small_arms_are_a_firefight(run):
    result = run("On 3 May, separatist forces fired grenade launchers and small arms at army positions near Lodz.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.mode == "heavy-weapons"          # launchers fire from afar; the small arms make it a clash
    assert draft.acled_sub_event_type == "Armed clash"
    assert result.recipients(draft) == ["army positions"]


def test_a_thrown_grenade_is_a_grenade_attack(run):
    result = run("On 3 May, a man threw a grenade at a bar in Kasese.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Grenade"


def test_a_town_and_its_region_are_one_place_not_a_list(run):
    result = run("On 4 May, gunmen shot a trader in Tepic, Nayarit.")
    assert len(result.of_type("ASSAULT")) == 1


def test_a_list_of_places_with_and_splits(run):
    result = run("On 4 May, warplanes struck rebel positions in Aleppo, Homs and Damascus.")
    assert len(result.of_type("ASSAULT")) == 3


def test_shells_that_fell_are_an_attack_by_who_fired_them(run):
    result = run("On 2 June, a dozen shells fired by rebel forces fell in the Souq district of Sirte.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Shelling/artillery/missile attack"
    assert result.actors(draft) == ["rebel forces"]


def test_an_act_done_to_protest_is_the_protest(run):
    result = run("On 8 June, shopkeepers banged pots to protest against water cuts in Mzuzu.")
    (draft,) = result.of_type("PROTEST")
    assert result.actors(draft) == ["shopkeepers"]
    assert run("The union plans to protest on Monday.").of_type("PROTEST") == []


def test_a_shoot_out_reported_in_a_that_clause(run):
    result = run("On 5 June, residents reported on social media that a shoot-out took place in Vila Nova.")
    assert result.of_type("ASSAULT")


def test_people_set_alight_is_a_killing_not_property_damage(run):
    result = run("On 9 June, a crowd in Kisii set alight three suspected thieves.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.mode != "destroy"
    assert draft.acled_sub_event_type == "Mob violence"


def test_infinitive_the_tagger_calls_a_noun(run):
    result = run("On 3 June, the army used artillery to bombard hideouts east of Arish.")
    assert result.of_type("ASSAULT")


def test_two_word_fire_fight_and_stoning(run):
    assert run("On 1 June, soldiers engaged in a fire fight with separatists near Kumbo.").of_type("ASSAULT")
    (draft,) = run("On 1 June, a crowd stoned two traffic wardens in Kumbo.").of_type("ASSAULT")
    assert draft.mode == "primitive"


def test_taking_control_of_a_village(run):
    (draft,) = run("On 2 June, militants took control of the village of Tinzaouten.").of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Non-state actor overtakes territory"


def test_gathering_with_a_purpose_the_parser_hangs_elsewhere(run):
    result = run("On 4 June, bus drivers gathered by the bridge to protest against a new toll in Kasane.")
    assert result.of_type("PROTEST")
    result = run("On 4 June, lawyers gathered in Gaborone to mark the day and denounce the arrests of colleagues.")
    assert result.of_type("PROTEST")


def test_took_to_the_streets(run):
    assert run("On 8 June, opposition supporters took to the streets in Blantyre.").of_type("PROTEST")


def test_a_dead_body_dumped_is_an_event(run):
    assert run("On 9 June, the dead body of a man was dumped from a van in Colonia Centro.").of_type("ASSAULT")


def test_lower_case_participle_subject_and_shot_dead(run):
    result = run("gunmen on motorbikes shot dead four farmers in katsina state on monday.")
    (draft,) = result.of_type("ASSAULT")
    assert result.actors(draft) == ["gunmen on motorbikes"]
    assert result.recipients(draft)[0].startswith("farmers")
    assert draft.fatalities.best == 4
    assert draft.acled_sub_event_type == "Attack"


def test_counted_subject_of_a_strike(run):
    (draft,) = run("A dozen air strikes hit militant hideouts near Marib on Sunday.").of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Air/drone strike"


def test_noun_verb_compound(run):
    (draft,) = run("Rebels mortar-shelled the village of Dalori overnight.").of_type("ASSAULT")
    assert draft.mode == "heavy-weapons"



def test_rockets_landing_with_no_place_are_a_detail_not_an_event(run):
    assert run("At least three rockets landed inside the compound shortly after midnight.").drafts == []
