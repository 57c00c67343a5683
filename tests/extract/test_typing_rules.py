"""Typing rules added for speech around events, stances, intents and recaps. Each sentence is
written for this project; each test names the linguistic pattern it pins down."""


def best_type(result) -> str:
    return max(result.drafts, key=lambda d: d.confidence).event_type if result.drafts else "NONE"


# ---- what someone said must happen is a demand ---------------------------------------------------
def test_reiterated_obligation_is_a_request(run):
    result = run("The foreign minister reiterated that the rebels must free the hostages.")
    assert best_type(result) == "REQUEST"
    (draft,) = result.of_type("REQUEST")
    assert result.actors(draft) == ["foreign minister"]


def test_a_document_demanding_is_a_request_by_its_author(run):
    result = run("The farmers' union issued a statement demanding that the ministry reopen the market.")
    (draft,) = result.of_type("REQUEST")
    assert "union" in " ".join(result.actors(draft))
    assert result.of_type("AID") == result.of_type("RETREAT") == []


def test_a_renewed_demand_does_not_assert_what_it_demands(run):
    result = run("The council renewed its demand that the army lift the curfew.")
    assert best_type(result) == "REQUEST"
    assert result.of_type("CONCEDE") == []


def test_seeking_refuge_is_a_request(run):
    assert best_type(run("About 2,000 villagers sought refuge in the neighbouring country.")) == "REQUEST"


# ---- stances, failures, conditional offers -------------------------------------------------------
def test_being_opposed_to_talks_is_a_rejection(run):
    result = run("The opposition is opposed to foreign mediation in the dispute.")
    assert best_type(result) == "REJECT"
    (draft,) = result.of_type("REJECT")
    assert result.actors(draft) == ["opposition"]


def test_failing_to_reach_agreement_is_a_rejection(run):
    assert best_type(run("The two parties failed to reach agreement on the border.")) == "REJECT"


def test_a_conditional_meeting_is_an_offer_not_a_threat(run):
    result = run("The rebels said they would meet the envoy if he dropped his conditions.")
    assert result.types() == ["AGREE"]


def test_allowing_someone_to_act_is_a_concession(run):
    result = run("The governor allowed the opposition to hold its congress in the capital.")
    assert best_type(result) == "CONCEDE"


def test_shortening_a_curfew_eases_it(run):
    assert best_type(run("The army shortened the curfew by two hours.")) == "CONCEDE"


# ---- nouns ---------------------------------------------------------------------------------------
def test_a_mediation_effort_is_a_consultation(run):
    assert best_type(run("The emir launched a mediation effort between the two rival states.")) == "CONSULT"


def test_a_press_release_releases_no_one(run):
    assert run("The ministry announced the figures in a press release.").of_type("RETREAT") == []


def test_a_recap_of_a_told_strike_is_no_new_event(run):
    assert run("The raid was the fourth on the depot this year.").drafts == []


# ---- protests and the messages they carry --------------------------------------------------------
def test_a_protest_calling_for_something_is_a_protest(run):
    result = run("Hundreds of teachers marched in the capital on Monday calling for higher pay.")
    assert result.types() == ["PROTEST"]


# ---- sending, arriving ---------------------------------------------------------------------------
def test_sending_a_team_to_investigate_opens_an_inquiry(run):
    result = run("The agency sent a team of experts to the mine to investigate the collapse.")
    assert best_type(result) == "ACCUSE"


def test_troops_arriving_are_a_deployment_and_peacekeepers_are_aid(run):
    assert best_type(run("Two thousand troops arrived in the port city on Friday.")) == "MOBILIZE"
    assert best_type(run("A battalion of peacekeeping troops arrived in the capital.")) == "AID"
    assert best_type(run("The foreign minister arrived in Cairo on Sunday.")) == "CONSULT"


# ---- speech noise --------------------------------------------------------------------------------
def test_asking_not_to_be_named_is_no_request(run):
    result = run("The officer, who asked not to be identified, said the convoy was ambushed.")
    assert result.of_type("REQUEST") == []
    assert result.of_type("ASSAULT")


def test_an_abstract_subject_threatens_no_one(run):
    result = run("Analysts say the movement's rising power threatens the fragile coalition.")
    assert result.of_type("THREATEN") == []


# ---- confidence ----------------------------------------------------------------------------------
def test_a_backdrop_clause_is_weaker_than_the_main_event(run):
    result = run("The government suspended flights to the region, a day after rebels shot down a cargo plane.")
    (assault,) = result.of_type("ASSAULT")
    (main,) = [d for d in result.drafts if d is not assault]
    assert main.confidence > assault.confidence


def test_a_rival_reading_lowers_confidence(run):
    clear = run("Police arrested the mayor on Tuesday.").drafts[0].confidence
    mixed = run("Police arrested the mayor on Tuesday and praised the prosecutor.")
    (arrest,) = mixed.of_type("COERCE")
    assert arrest.confidence < clear


# ---- tolls told later ----------------------------------------------------------------------------
def test_a_toll_told_of_the_strikes_joins_them(run):
    result = run("US jets struck depots in Hit, Rawa and Qaim on Friday. Officials gave few details. "
                 "Two soldiers were killed and five people wounded in the strikes.")
    assaults = result.of_type("ASSAULT")
    assert all(d.actors for d in assaults)
    assert [d.fatalities.best for d in assaults if d.fatalities is not None] == [2]
