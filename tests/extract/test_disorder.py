"""Riots and protests coded as the ACLED codebook says (extract/disorder.py)."""


def _codes(draft):
    return draft.acled_event_type, draft.acled_sub_event_type


def test_a_crowd_that_beats_someone_is_mob_violence(run):
    result = run("On 12 April, villagers in Mbale beat a suspected cattle thief with sticks.")
    (draft,) = result.of_type("ASSAULT")
    assert _codes(draft) == ("Riots", "Mob violence")


def test_armed_youth_are_no_mob(run):
    result = run("On 12 April, armed youth killed two herders in Mbale.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.acled_event_type != "Riots"


def test_protesters_who_clash_with_police_riot(run):
    result = run("On 2 March, students demonstrated and clashed with police in Zomba over fees.")
    assert {_codes(d) for d in result.drafts if d.acled_event_type} == {("Riots", "Violent demonstration")}


def test_burning_tyres_on_a_road_is_a_violent_demonstration(run):
    result = run("On 6 June, dozens of traders barricaded the highway with burning tyres in Kitwe to demand stalls.")
    (draft,) = result.of_type("PROTEST")
    assert _codes(draft) == ("Riots", "Violent demonstration")


def test_a_march_that_turned_violent(run):
    result = run("On 6 June, a march over water cuts turned violent in Ndola.")
    (draft,) = result.of_type("PROTEST")
    assert draft.mode == "riot"


def test_arrests_at_a_protest_are_an_intervention(run):
    result = run("On 8 July, about fifty nurses demonstrated outside the ministry in Lusaka. Police arrested six of them.")
    (draft,) = result.of_type("PROTEST")
    assert _codes(draft) == ("Protests", "Protest with intervention")


def test_a_protest_alone_stays_peaceful(run):
    result = run("On 8 July, about fifty nurses demonstrated outside the ministry in Lusaka.")
    (draft,) = result.of_type("PROTEST")
    assert _codes(draft) == ("Protests", "Peaceful protest")


def test_protesters_throwing_stones_is_a_violent_demonstration(run):
    result = run("On 4 May, protesters threw stones at police in Mongu.")
    (draft,) = result.of_type("ASSAULT")
    assert _codes(draft) == ("Riots", "Violent demonstration")


def test_unnamed_stone_throwers_at_a_protest_and_its_dispersal_are_the_riot(run):
    result = run("On 3 May, hundreds of graduates blocked the main road in Kirkuk to denounce power cuts. "
                 "Some threw stones at the police lines. Riot police fired tear gas to disperse them.")
    coded = {d.acled_sub_event_type for d in result.drafts if d.event_type in ("PROTEST", "ASSAULT")}
    assert coded == {"Violent demonstration"}


def test_a_headline_participle_stays_passive(run):
    result = run("Two guards killed as rockets hit Erbil base\n\nTwo guards were killed when rockets hit the base.")
    for draft in result.of_type("ASSAULT"):
        assert "guards" not in " ".join(result.actors(draft))


def test_petrol_bombs_thrown_by_protesters_are_no_ied(run):
    (draft,) = run("On 5 May, protesters threw petrol bombs at the council gate in Nasiriyah.").of_type("ASSAULT")
    assert draft.mode == "primitive"
    assert draft.acled_sub_event_type == "Violent demonstration"


def test_a_motorcade_held_to_demand_is_a_protest(run):
    result = run("On 3 June, in Ndola, taxi drivers held a motorcade to demand lower fuel prices.")
    assert [d.acled_sub_event_type for d in result.of_type("PROTEST")] == ["Peaceful protest"]


def test_an_escort_convoy_is_no_protest(run):
    assert run("On 3 June, in Ndola, the police held a convoy to escort the minister.").of_type("PROTEST") == []


def test_booing_an_official_is_a_protest(run):
    result = run("On 3 June, a group of teachers booed the education minister during a ceremony in Ndola.")
    assert len(result.of_type("PROTEST")) == 1


def test_gathering_in_solidarity_is_a_protest(run):
    result = run("On 3 June, members of a youth group gathered in front of parliament in Lusaka in "
                 "solidarity with striking miners.")
    assert len(result.of_type("PROTEST")) == 1


def test_a_family_gathering_is_no_protest(run):
    assert run("On 3 June, families gathered in Ndola for a wedding.").of_type("PROTEST") == []


def test_burning_barricades_after_a_demonstration_make_it_violent(run):
    result = run("On 5 June, in Kitwe, a group of traders demonstrated against new taxes. "
                 "The group set barricades on fire.")
    assert {d.acled_sub_event_type for d in result.of_type("PROTEST")} == {"Violent demonstration"}


def test_a_road_blocked_with_burning_branches_is_a_violent_demonstration(run):
    result = run("On 5 June, in Kitwe, residents blocked the main road with burning branches to demand water.")
    assert {d.acled_sub_event_type for d in result.of_type("PROTEST")} == {"Violent demonstration"}


def test_a_road_blocked_with_carts_stays_peaceful(run):
    result = run("On 5 June, in Kitwe, traders blocked the main road with their carts to demand water.")
    assert {d.acled_sub_event_type for d in result.of_type("PROTEST")} == {"Peaceful protest"}


def test_burning_an_effigy_is_a_peaceful_protest(run):
    # ACLED: burning effigies or flags destroys no one's property; the protest stays peaceful.
    result = run("On 14 March, opposition youth burnt an effigy of the governor outside the secretariat in Jos.")
    assert not result.of_type("ASSAULT")
    (draft,) = result.of_type("PROTEST")
    assert _codes(draft) == ("Protests", "Peaceful protest")


def test_setting_fire_to_a_flag_at_a_rally_is_no_riot(run):
    result = run("On 2 October, about 200 students rallied in Dodoma and set fire to a party flag.")
    assert {_codes(d) for d in result.drafts if d.acled_event_type} == {("Protests", "Peaceful protest")}


def test_an_arrest_the_protest_is_about_is_no_intervention(run):
    result = run("On 4 May, lawyers held a protest in Nakuru against the detention of a colleague.")
    (draft,) = result.of_type("PROTEST")
    assert _codes(draft) == ("Protests", "Peaceful protest")


def test_a_protest_after_an_arrest_stays_peaceful(run):
    result = run("On 9 June, hawkers marched through Eldoret after police arrested two of their leaders.")
    (draft,) = result.of_type("PROTEST")
    assert _codes(draft) == ("Protests", "Peaceful protest")


def test_a_dispersal_told_without_a_date_is_the_protests_intervention(run):
    result = run("On 11 August, hundreds of market women demonstrated in Kumasi over stall fees. "
                 "Police dispersed them with tear gas.")
    (draft,) = result.of_type("PROTEST")
    assert _codes(draft) == ("Protests", "Protest with intervention")


def test_a_lathi_charge_on_protesters_is_an_intervention(run):
    result = run("On 21 May, jute mill workers protested in Howrah over unpaid wages. "
                 "Police lathi-charged the workers.")
    (draft,) = result.of_type("PROTEST")
    assert _codes(draft) == ("Protests", "Protest with intervention")
    assert any(d.mode == "crowd-control" for d in result.of_type("ASSAULT"))


def test_a_dharna_is_a_protest(run):
    result = run("On 21 May, teachers staged a dharna outside the education office in Patna over salaries.")
    (draft,) = result.of_type("PROTEST")
    assert _codes(draft) == ("Protests", "Peaceful protest")


def test_a_group_of_people_who_beat_a_man_is_mob_violence(run):
    result = run("On 17 June, a group of people beat a suspected cattle thief to death in Kasese.")
    (draft,) = result.of_type("ASSAULT")
    assert _codes(draft) == ("Riots", "Mob violence")


def test_three_people_who_stab_a_man_are_no_mob(run):
    result = run("On 17 June, a trader was stabbed to death in Kasese by three people.")
    assert all(d.acled_sub_event_type != "Mob violence" for d in result.drafts)


def test_people_who_shoot_a_man_are_no_mob(run):
    result = run("On 17 June, a group of people shot dead a trader in Kasese.")
    assert all(d.acled_sub_event_type != "Mob violence" for d in result.drafts)


def test_protesters_who_pelt_stones_riot(run):
    result = run("On 12 July, protesters pelted stones at the police outside the district office in Gulu.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.mode == "primitive"
    assert _codes(draft) == ("Riots", "Violent demonstration")


def test_stone_pelting_by_a_crowd_is_mob_violence(run):
    result = run("On 12 July, a crowd of traders pelted a tax collection team with stones in Lira.")
    (draft,) = result.of_type("ASSAULT")
    assert _codes(draft) == ("Riots", "Mob violence")
