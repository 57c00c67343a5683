"""Each PLOVER type and each ASSAULT mode from a sentence written for this project."""
import pytest

TYPE_SENTENCES = [
    ("AGREE", "The two governments agreed on a prisoner exchange on Monday."),
    ("CONSULT", "The Iraqi prime minister met the Iranian foreign minister in Baghdad on Sunday."),
    ("SUPPORT", "The European Union praised Kenya for its handling of the election."),
    ("CONCEDE", "The military council conceded to the protesters after weeks of pressure."),
    ("COOPERATE", "Turkey extradited two suspected militants to France on Tuesday."),
    ("AID", "Japan donated medical supplies to the Red Crescent in Basra."),
    ("RETREAT", "The rebels released twelve hostages in Mosul on Friday."),
    ("REQUEST", "The opposition demanded the resignation of the interior minister."),
    ("ACCUSE", "Human rights groups accused the police of torturing detainees."),
    ("REJECT", "The government rejected the rebels' proposal for a ceasefire."),
    ("THREATEN", "The militia threatened to attack foreign oil companies in the Niger Delta."),
    ("PROTEST", "Thousands of students demonstrated in Khartoum on Thursday against fuel prices."),
    ("MOBILIZE", "The army deployed additional troops along the border with Syria."),
    ("SANCTION", "Canada expelled four Russian diplomats on Wednesday."),
    ("COERCE", "Police arrested 40 opposition activists in Kampala on Saturday."),
    ("ASSAULT", "Gunmen attacked a police station in Kano on Monday."),
]

MODE_SENTENCES = [
    ("aerial", "Government warplanes bombed a rebel camp near Idlib on Tuesday."),
    ("drone", "A drone strike killed three militants in North Waziristan on Friday."),
    ("heavy-weapons", "The army shelled rebel positions outside Donetsk overnight."),
    ("firearms", "Soldiers opened fire on a crowd in Bamako, witnesses said."),
    ("explosives", "A roadside bomb killed two soldiers near Kandahar on Sunday."),
    ("suicide-attack", "A suicide bomber killed nine people at a market in Maiduguri."),
    ("targeted", "Unknown assailants assassinated a local judge in Bamako."),
    ("primitive", "Attackers armed with machetes stabbed four villagers in Ituri."),
    ("beat", "Security forces beat up dozens of detained protesters, a rights group said."),
    ("abduct", "Gunmen kidnapped six aid workers in Darfur on Monday."),
    ("destroy", "Militants torched a school in Borno state overnight."),
    ("crowd-control", "Police used tear gas to disperse demonstrators in Nairobi."),
    ("sexual", "Soldiers raped several women during the raid, the UN said."),
    ("torture", "Prison guards tortured political prisoners, former inmates said."),
    ("unconventional", "Government forces used chemical weapons against the town, inspectors said."),
]


@pytest.mark.parametrize("expected,sentence", TYPE_SENTENCES)
def test_plover_type(run, expected, sentence):
    result = run(sentence)
    best = max(result.drafts, key=lambda d: d.confidence)
    assert best.event_type == expected, [(d.event_type, d.confidence) for d in result.drafts]


@pytest.mark.parametrize("mode,sentence", MODE_SENTENCES)
def test_assault_mode(run, mode, sentence):
    assaults = run(sentence).of_type("ASSAULT")
    assert [d.mode for d in assaults] == [mode]


def test_air_strike_carries_acled_and_cameo_codes(run):
    (draft,) = run("Israeli jets struck a weapons depot near Damascus on Sunday.").of_type("ASSAULT")
    assert (draft.mode, draft.acled_event_type, draft.acled_sub_event_type, draft.cameo) == (
        "aerial", "Explosions/Remote violence", "Air/drone strike", "195")


def test_arrest_maps_to_acled_arrests(run):
    (draft,) = run("Police arrested 40 opposition activists in Kampala on Saturday.").of_type("COERCE")
    assert (draft.mode, draft.acled_event_type, draft.acled_sub_event_type, draft.cameo) == (
        "arrest", "Strategic developments", "Arrests", "173")


def test_riot_maps_to_acled_riots(run):
    (draft,) = run("Angry youths rioted in the centre of Conakry on Monday.").of_type("PROTEST")
    assert (draft.mode, draft.acled_event_type, draft.acled_sub_event_type) == (
        "riot", "Riots", "Violent demonstration")


def test_territory_recapture(run):
    (draft,) = run("Government troops recaptured the town of Palmyra from the jihadists.").of_type("ASSAULT")
    assert draft.acled_sub_event_type == "Government regains territory"
