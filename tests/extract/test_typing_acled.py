"""ACLED sub-event rules from the codebook (2023) that need more than the trigger word."""


def test_seized_drugs_are_property_not_weapons(run):
    (draft,) = run("On 2 May, police seized four tons of cannabis near Kisoro.").of_type("COERCE")
    assert draft.acled_sub_event_type == "Looting/property destruction"


def test_seized_weapons_are_disrupted_weapons_use(run):
    (draft,) = run("On 2 May, soldiers seized a cache of rifles and ammunition near Kisoro.").of_type("COERCE")
    assert draft.acled_sub_event_type == "Disrupted weapons use"


def test_heavy_weapons_with_small_arms_are_an_armed_clash(run):
    result = run("On 6 May, rebels fired 120mm mortars, heavy machine guns and small arms at army positions near Uvira.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Armed clash"


def test_mortars_alone_are_shelling(run):
    (draft,) = run("On 6 May, rebels fired mortars at the airport in Uvira.").of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_arrests_at_a_protest_share_its_code(run):
    result = run("On 6 May, about 20 teachers held a protest in Gulu. Three were arrested by the police.")
    codes = {(d.event_type, d.acled_sub_event_type) for d in result.drafts}
    assert codes == {("PROTEST", "Protest with intervention"), ("COERCE", "Protest with intervention")}


def test_weapons_recovered_in_a_search_operation_are_disrupted_weapons_use(run):
    result = run("On 3 August, soldiers recovered two rifles and a box of ammunition during a search operation near Bunia.")
    assert [d.acled_sub_event_type for d in result.drafts if d.acled_event_type] == ["Disrupted weapons use"]


def test_a_defused_bomb_is_disrupted_weapons_use(run):
    result = run("On 3 August, an army bomb squad defused a roadside bomb near Garissa.")
    assert "Disrupted weapons use" in {d.acled_sub_event_type for d in result.drafts}
