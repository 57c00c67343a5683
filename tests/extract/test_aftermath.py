"""The arrests and seizures that end a fight, and the killings told in it, take the fight's
ACLED code (ACLED Codebook 2023: one event, coded by its most serious act). Each sentence is
written for this project."""


def test_seizures_and_arrests_after_a_shoot_out_are_the_clash(run):
    result = run("On 6 June, a shoot-out broke out between police and gang members in Kisumu. "
                 "Police seized two rifles and arrested three men.")
    assert {d.acled_sub_event_type for d in result.drafts} == {"Armed clash"}
    assert {d.event_type for d in result.drafts} == {"ASSAULT", "COERCE"}      # PLOVER types as told


def test_seizures_and_arrests_with_no_fight_keep_their_codes(run):
    result = run("On 6 June, police seized two rifles and arrested three men in Kisumu.")
    assert {d.acled_sub_event_type for d in result.drafts} == {"Disrupted weapons use", "Arrests"}


def test_a_killing_told_after_a_shoot_out_is_the_clash(run):
    (draft,) = run("On 6 June, a shoot-out broke out in Kisumu. Police shot dead a suspect.").of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Armed clash"


def test_huts_burned_by_troops_in_a_clash_are_the_clash(run):
    result = run("On 7 June, near Kalemie, army troops clashed with rebels. The troops burned "
                 "three huts used by the rebels.")
    assert {d.acled_sub_event_type for d in result.drafts} == {"Armed clash"}


def test_houses_burned_with_no_fight_are_property_destruction(run):
    (draft,) = run("On 7 June, in Kalemie, unknown men burned three houses.").drafts
    assert draft.acled_sub_event_type == "Looting/property destruction"
