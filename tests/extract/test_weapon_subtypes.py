"""ACLED sub-event types that turn on the weapon and on which way the fire went (ACLED
Codebook 2023: Shelling/artillery/missile attack is fire from afar; Remote
explosive/landmine/IED needs a device; Armed clash needs two sides exchanging fire). Each
sentence is written for this project."""


def _assault(result):
    (draft,) = result.of_type("ASSAULT")
    return draft


def test_counted_explosions_with_no_device_named_are_shelling(run):
    draft = _assault(run("On 12 June, observers counted 14 explosions near Ostrivka."))
    assert draft.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_explosions_of_a_named_bomb_stay_a_remote_explosive(run):
    draft = _assault(run("On 12 June, a bomb hidden in a cart caused two explosions at a market in Barda."))
    assert draft.acled_sub_event_type == "Remote explosive/landmine/IED"


def test_a_single_blast_stays_a_remote_explosive(run):
    draft = _assault(run("On 12 June, a blast tore through a bus station in Barda, killing four people."))
    assert draft.acled_sub_event_type == "Remote explosive/landmine/IED"


def test_grenade_launchers_fired_at_positions_are_shelling(run):
    draft = _assault(run("On 12 June, rebel units fired grenade launchers at army trenches near Velyka Dolyna."))
    assert draft.mode == "heavy-weapons"
    assert draft.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_mortar_fire_exchanged_by_two_sides_is_an_armed_clash(run):
    draft = _assault(run("On 12 June, army and rebel units exchanged mortar fire near Velyka Dolyna."))
    assert draft.acled_sub_event_type == "Armed clash"


def test_explosions_in_both_directions_are_an_armed_clash(run):
    draft = _assault(run("On 12 June, observers recorded 30 explosions in both directions of the "
                         "front line near Ostrivka."))
    assert draft.acled_sub_event_type == "Armed clash"


def test_both_sides_of_a_river_is_a_place_not_an_exchange(run):
    draft = _assault(run("On 12 June, rebel units fired mortars at army trenches on both sides of "
                         "the river near Velyka Dolyna."))
    assert draft.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_counted_shots_are_an_armed_clash(run):
    draft = _assault(run("Monitors heard 40 shots near Brody on 3 May."))
    assert draft.acled_sub_event_type == "Armed clash"


def test_counted_bursts_of_fire_are_an_event(run):
    draft = _assault(run("On 3 May, monitors heard 3 bursts of fire near Brody."))
    assert draft.mode == "firearms"


def test_counted_projectiles_are_shelling(run):
    draft = _assault(run("On 3 May, monitors recorded a total of 12 projectiles/shots near Brody."))
    assert draft.acled_sub_event_type == "Shelling/artillery/missile attack"


def test_photographs_are_not_shots_fired(run):
    assert run("The photographer took 40 shots of the parade in Brody on 3 May.").of_type("ASSAULT") == []


def test_thrown_projectiles_are_no_shelling(run):
    draft = run("On 3 May, protesters threw projectiles at police in Brody.").drafts
    assert all(d.acled_sub_event_type != "Shelling/artillery/missile attack" for d in draft)
    assert any(d.mode == "primitive" for d in draft)


def test_gunshots_exchanged_by_two_clans_are_an_armed_clash(run):
    result = run("On 4 June, two clans exchanged gun shots near Hobyo, and one herder was killed.")
    assert {d.acled_sub_event_type for d in result.of_type("ASSAULT")} == {"Armed clash"}


def test_a_one_sided_shooting_stays_an_attack(run):
    draft = _assault(run("On 4 June, gunmen shot dead a trader at a market in Hobyo."))
    assert draft.acled_sub_event_type == "Attack"


def test_explosions_of_a_named_kind_of_ied_stay_a_remote_explosive(run):
    draft = _assault(run("On 9 March, twin VBIED explosions struck a police convoy on the road out of Baidoa."))
    assert draft.acled_sub_event_type == "Remote explosive/landmine/IED"
