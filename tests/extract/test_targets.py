"""Armed clash or Attack: ACLED splits a shooting by who was hit (extract/targets.py)."""
from types import SimpleNamespace

from flashpoint.extract.targets import ARMED, CIVILIAN, settle, side_of_sectors


def test_gunmen_shooting_a_judge_is_an_attack_on_a_civilian(run):
    result = run("Unknown gunmen shot dead a district judge in Karsi on Tuesday.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.target == CIVILIAN
    assert (draft.acled_event_type, draft.acled_sub_event_type) == ("Violence against civilians", "Attack")


def test_passive_victims_decide_the_target(run):
    result = run("On 9 March, two herders were shot and killed by militiamen near Obala.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Attack"


def test_killing_policemen_is_an_armed_clash(run):
    result = run("On 9 March, insurgents ambushed and killed three policemen at a checkpoint near Obala.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.target == ARMED
    assert draft.acled_sub_event_type == "Armed clash"


def test_two_named_attackers_of_villagers_still_attack_civilians(run):
    result = run("Suspected Kuru or Dela militants killed four villagers in Tamba on Friday.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Attack"


def test_a_clash_stays_two_sided_whoever_died(run):
    result = run("Soldiers clashed with rebels in Tamba on Friday, and two civilians were killed.")
    draft = next(d for d in result.of_type("ASSAULT") if d.two_sided)
    assert draft.acled_sub_event_type == "Armed clash"


def _draft(**kw):
    base = dict(event_type="ASSAULT", mode="firearms", two_sided=False, target=None,
                acled_event_type="Battles", acled_sub_event_type="Armed clash")
    return SimpleNamespace(**{**base, **kw})


def test_settle_uses_the_recipients_sectors_when_the_words_say_nothing():
    assert settle(_draft(), ["JRN"]) == ("Violence against civilians", "Attack")
    assert settle(_draft(), ["MIL"]) == ("Battles", "Armed clash")
    assert settle(_draft(), [None]) == ("Battles", "Armed clash")


def test_settle_leaves_remote_violence_and_two_sided_fights_alone():
    shelling = _draft(mode="heavy-weapons", acled_event_type="Explosions/Remote violence",
                      acled_sub_event_type="Shelling/artillery/missile attack", target=CIVILIAN)
    assert settle(shelling, ["CVL"])[1] == "Shelling/artillery/missile attack"
    assert settle(_draft(two_sided=True, target=CIVILIAN), ["CVL"]) == ("Battles", "Armed clash")


def test_words_outrank_sectors():
    assert settle(_draft(target=ARMED), ["CVL"]) == ("Battles", "Armed clash")
    assert side_of_sectors(["CVL", "COP"]) == ARMED


def test_a_subject_the_parser_hung_on_the_place_is_still_the_victim(run):
    result = run("On 4 May, in Celaya, Guanajuato, a man and a woman were shot dead in Colonia Norte.")
    (draft,) = result.of_type("ASSAULT")
    assert result.recipients(draft) == ["man", "woman"]
    assert draft.acled_sub_event_type == "Attack"


def test_an_agent_noun_victim_is_a_person_until_the_sectors_say_otherwise(run):
    from flashpoint.extract.targets import PERSON

    result = run("On 4 May, soldiers beat several kiosk owners in Kumba.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.target == PERSON
    assert settle(draft, [None]) == ("Violence against civilians", "Attack")
    assert settle(draft, ["MIL"]) == ("Battles", "Armed clash")


def test_state_forces_taking_ground_regain_territory():
    taking = _draft(mode=None, acled_sub_event_type="Non-state actor overtakes territory")
    assert settle(taking, [], ["MIL"]) == ("Battles", "Government regains territory")
    assert settle(taking, [], ["REB"]) == ("Battles", "Non-state actor overtakes territory")


def test_killed_in_an_exchange_of_fire_is_the_clash(run):
    result = run("On 3 May, in Recife, two gang members were killed after exchanging fire with police officers.")
    draft = result.of_type("ASSAULT")[0]
    assert draft.acled_sub_event_type == "Armed clash"


def test_opening_fire_on_homes_and_community_members_is_an_attack(run):
    (draft,) = run("On 3 May, gunmen opened fire on a residential building in Ponce.").of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Attack"
    (draft,) = run("On 3 May, militants killed five members of the Dogon community in Bankass.").of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Attack"


def test_a_retired_or_former_officer_shot_dead_is_an_attack_on_a_civilian(run):
    for text in ("On 9 June, gunmen shot dead a retired police officer outside his home in Mutare.",
                 "On 9 June, gunmen shot dead a former soldier outside his home in Mutare."):
        (draft,) = run(text).of_type("ASSAULT")
        assert draft.acled_sub_event_type == "Attack", text


def test_a_serving_officer_shot_dead_at_a_checkpoint_stays_a_clash(run):
    (draft,) = run("On 9 June, gunmen shot dead a police officer at a checkpoint in Mutare.").of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Armed clash"


def test_a_body_found_is_an_attack_on_a_civilian(run):
    result = run("On 14 May, two severed heads were found in a plastic bag in Uruapan.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Attack"


def test_a_civilian_guard_shot_dead_is_an_attack(run):
    result = run("On 14 May, gunmen shot dead a civilian night guard at a clinic in Djibo.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Attack"
