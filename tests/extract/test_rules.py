"""Argument, modality, background, place, merge and confidence rules, one sentence each."""
import datetime as dt

from flashpoint.record import Mark


# ---- arguments -----------------------------------------------------------------------------------
def test_active_actor_and_recipient(run):
    result = run("Rebel fighters attacked an army convoy near Goma on Monday.")
    (draft,) = result.of_type("ASSAULT")
    assert result.actors(draft) == ["Rebel fighters"]
    assert result.recipients(draft) == ["army convoy"]


def test_passive_agent_is_actor_and_subject_is_recipient(run):
    result = run("Three villagers were killed by gunmen in Zamfara on Sunday.")
    (draft,) = result.of_type("ASSAULT")
    assert [a.split()[0] for a in result.actors(draft)] == ["gunmen"]
    assert result.recipients(draft) == ["villagers"]


def test_coordinated_modifiers_give_two_actors(run):
    result = run("Militants fired rockets at a base housing US and UK advisers on Wednesday.")
    (draft,) = result.of_type("ASSAULT")
    assert result.actors(draft) == ["Militants"]
    result = run("French and Malian soldiers attacked the jihadist camp on Friday.")
    (draft,) = result.of_type("ASSAULT")
    assert result.actors(draft) == ["French", "Malian soldiers"]


def test_coordinated_subjects_are_both_actors(run):
    result = run("Kenya and Uganda signed a border treaty in Nairobi.")
    (draft,) = result.of_type("SUPPORT")
    assert result.actors(draft) == ["Kenya", "Uganda"]


def test_clash_puts_both_sides_in_actors(run):
    result = run("Army troops clashed with Houthi fighters near Marib on Saturday.")
    (draft,) = result.of_type("ASSAULT")
    assert result.actors(draft) == ["Army troops", "Houthi fighters"]
    assert draft.recipients == []
    assert draft.acled_sub_event_type == "Armed clash"


def test_implied_actor_of_retaliation(run):
    result = run("The army retaliated two days later with air strikes on rebel positions.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.mode == "aerial"
    assert result.actors(draft) == ["army"]
    assert result.recipients(draft) == ["rebel positions"]
    assert result.date_texts(draft) == ["two days later"]


def test_partitive_actor_is_the_group(run):
    result = run("One of the militias fired mortars at the airport on Tuesday.")
    (draft,) = result.of_type("ASSAULT")
    assert result.actors(draft) == ["militias"]
    assert draft.mode == "heavy-weapons"


# ---- modality ------------------------------------------------------------------------------------
def test_vow_is_a_threat_not_an_attack(run):
    result = run("The government has vowed to respond with more strikes against the rebels.")
    assert result.types() == ["THREATEN"]
    (draft,) = result.drafts
    assert result.recipients(draft) == ["rebels"]


def test_future_action_is_no_attack(run):
    result = run("Officials said they will likely take further action against the militia.")
    assert "ASSAULT" not in result.types()


def test_future_attack_becomes_threat(run):
    result = run("The rebels said they would attack the capital next week.")
    assert result.types() == ["THREATEN"]


def test_negated_report_is_no_event(run):
    result = run("The statement did not say how many rockets had hit the base.")
    assert result.drafts == []


def test_negated_attack_is_no_event(run):
    assert run("The rebels did not attack the town on Monday.").drafts == []


def test_negated_cooperation_is_rejection(run):
    assert run("Syria will not accept any more refugees, the minister said.").types() == ["REJECT"]


def test_without_clause_is_no_event(run):
    result = run("Iran fired missiles at the base without causing casualties.")
    assert result.types() == ["ASSAULT"]
    assert result.drafts[0].mode == "heavy-weapons"


def test_intended_purpose_is_no_event(run):
    result = run("The strikes, which officials said were intended to hit weapon depots, began at dawn.")
    assert "THREATEN" not in result.types()
    assert all(result.text(d.trigger) != "hit" for d in result.drafts)


def test_demand_is_request(run):
    result = run("The opposition demanded that the government release political prisoners.")
    assert result.types() == ["REQUEST"]
    (draft,) = result.drafts
    assert result.recipients(draft) == ["government"]


def test_obligation_in_reported_speech_is_request(run):
    result = run("The minister said the militias must leave the city.")
    (draft,) = result.of_type("REQUEST")
    assert result.actors(draft) == ["minister"]
    assert result.recipients(draft) == ["militias"]


def test_question_is_no_event(run):
    assert run("Did the militia attack the convoy?").drafts == []


def test_conditional_is_no_event(run):
    result = run("If the rebels attack the town, the army will respond.")
    assert "ASSAULT" not in result.types()


def test_plan_is_threat(run):
    assert run("Greece plans to impose restrictions on imports from Turkey.").types() == ["THREATEN"]


def test_reference_to_earlier_attack_is_not_new(run):
    result = run("Talks resumed in Geneva after the attacks on the embassy.")
    assert "ASSAULT" not in result.types()


# ---- background ----------------------------------------------------------------------------------
def test_long_ago_event_is_background(run):
    result = run("The town has been held by the militia since it was liberated from ISIS in the summer of 2014.",
                 published=dt.date(2020, 3, 15))
    (draft,) = result.of_type("ASSAULT")
    assert draft.background


def test_recent_event_is_not_background(run):
    result = run("Gunmen attacked a checkpoint in Kirkuk on March 3.", published=dt.date(2020, 3, 15))
    (draft,) = result.of_type("ASSAULT")
    assert not draft.background


def test_background_without_publication_date_is_not_guessed(run):
    result = run("The group fought government troops during the 2003 invasion.")
    assert not any(d.background for d in result.drafts)


# ---- places and dates ----------------------------------------------------------------------------
def test_one_draft_per_listed_place(run):
    result = run("Coalition aircraft hit militia headquarters in Baghdad, Basra and Mosul on Friday.")
    drafts = result.of_type("ASSAULT")
    assert sorted(result.place_names(d)[0] for d in drafts) == ["Baghdad", "Basra", "Mosul"]
    assert all(len(d.places) == 1 and result.date_texts(d) == ["Friday"] for d in drafts)


def test_date_of_reporting_verb_is_not_the_events(run):
    # The report's Sunday is never the shelling's own date; the shelling, already done when
    # reported, is marked as reported that day (date_for gives the week up to it).
    result = run("The ministry said on Sunday that soldiers had shelled villages in Syria.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.dates == []
    assert [result.dates[k].text for k in draft.reported_by] == ["Sunday"]
    assert result.place_names(draft) == ["Syria"]


def test_event_with_its_own_date_keeps_it_under_a_dated_report(run):
    result = run("The ministry said on Sunday that soldiers had shelled villages in Syria on Friday.")
    (draft,) = result.of_type("ASSAULT")
    assert result.date_texts(draft) == ["Friday"]
    assert draft.reported_by == []


def test_planned_or_threatened_events_are_not_dated_by_their_report(run):
    result = run("The commander said on Sunday that his troops will attack the rebel bases.")
    assert all(d.reported_by == [] for d in result.drafts)
    result = run("The rebels said on Monday that they could shell the airport.")
    assert all(d.reported_by == [] for d in result.drafts)


def test_actor_country_is_not_the_location(run):
    result = run("Iran fired missiles at Iraqi bases on January 8.")
    (draft,) = result.of_type("ASSAULT")
    assert draft.places == []


# ---- merging -------------------------------------------------------------------------------------
def test_summary_and_detail_collapse_into_one(run):
    text = ("The army retaliated on Friday with air strikes on rebel bases. "
            "The strikes hit a depot in Kabul, killing six fighters.")
    result = run(text)
    (draft,) = result.of_type("ASSAULT")
    assert result.actors(draft) == ["army"]
    assert result.place_names(draft) == ["Kabul"]
    assert result.date_texts(draft) == ["Friday"]
    assert draft.fatalities is not None and draft.fatalities.best == 6


def test_summary_fills_every_place_of_a_split(run):
    text = ("The army carried out air strikes on Friday. "
            "The strikes hit targets in Baghdad, Basra and Mosul.")
    drafts = run(text).of_type("ASSAULT")
    assert len(drafts) == 3
    assert all(d.actors and d.dates for d in drafts)


def test_different_attacks_stay_apart(run):
    text = ("Rebels shelled Goma on Monday. "
            "On Wednesday, the army bombed rebel camps near Bunia.")
    assert len(run(text).of_type("ASSAULT")) == 2


# ---- confidence, marks, offsets ------------------------------------------------------------------
def test_explicit_verb_with_arguments_beats_bare_noun(run):
    strong = run("Rebels attacked the army base on Monday.").of_type("ASSAULT")[0]
    weak = run("There was an attack yesterday.").of_type("ASSAULT")[0]
    assert strong.confidence > weak.confidence
    assert 0.0 <= weak.confidence <= 1.0 and 0.0 <= strong.confidence <= 1.0


def test_reported_and_hedged_events_are_weaker(run):
    plain = run("Rebels attacked the army base.").drafts[0]
    hedged = run("Rebels reportedly attacked the army base, a local official said.").drafts[0]
    assert hedged.confidence < plain.confidence


def test_marked_boilerplate_is_skipped(run):
    text = "Rebels attacked the army base. Gunmen attacked a bus in Kano."
    start = text.index("Gunmen")
    result = run(text, marks=[Mark(start=start, end=len(text), kind="caption")])
    assert len(result.of_type("ASSAULT")) == 1


def test_offsets_point_into_the_text(run):
    text = "Intro line.\n\nGunmen attacked a bus in Kano on Monday."
    result = run(text)
    (draft,) = result.drafts
    assert result.text(draft.trigger) == "attacked"
    assert result.text(draft.evidence) == "Gunmen attacked a bus in Kano on Monday."
    assert draft.sentence == 1
