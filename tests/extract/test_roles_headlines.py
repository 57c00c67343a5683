"""Roles and headlines: what a thing given, a news outlet or a long post-modifier is not,
and how a title line folds into the body's telling of the same event."""


def test_munition_slamming_into_a_base_is_an_attack_not_an_accusation(run):
    result = run("A contractor was killed when rockets slammed into the Balad air base on Tuesday.")
    assert result.of_type("ACCUSE") == []
    (draft,) = result.of_type("ASSAULT")
    assert draft.mode == "heavy-weapons"
    # The criticism sense stays: a minister slamming a decision accuses.
    assert run("The minister slammed the court's decision on Monday.").of_type("ACCUSE")


def test_the_thing_given_is_not_the_recipient(run):
    result = run("The army supplied food to villagers in Darfur on Monday.")
    (draft,) = result.of_type("AID")
    assert result.recipients(draft) == ["villagers"]
    result = run("The United Nations sent aid to Yemen.")
    (draft,) = result.of_type("AID")
    assert result.recipients(draft) == ["Yemen"]


def test_a_news_outlet_spoken_to_is_no_participant(run):
    text = ("A commander close to the militia told The National talks were being held through "
            "local mediators.")
    result = run(text)
    assert all("National" not in r for d in result.drafts for r in result.recipients(d) + result.actors(d))


def test_requested_action_names_who_is_asked(run):
    result = run("Washington is demanding Iraqi action against the militia blamed for the strikes.")
    (draft,) = result.of_type("REQUEST")
    assert result.recipients(draft) == ["Iraqi"]


def test_recipient_span_stops_before_its_place(run):
    result = run("Gunmen attacked a checkpoint in Kirkuk on Sunday.")
    (draft,) = result.of_type("ASSAULT")
    assert result.recipients(draft) == ["checkpoint"]


def test_indirect_question_about_losses_is_no_event(run):
    assert run("It is not clear what losses were suffered by the brigade.").of_type("ASSAULT") == []


def test_origin_of_a_state_in_a_since_clause_is_no_event(run):
    text = "The strike hit a depot in Jurf al-Sakhr, a town held by the militia since it was liberated in 2014."
    result = run(text, published=__import__("datetime").date(2020, 3, 15))
    assert all(d.background is False for d in result.of_type("ASSAULT"))


def test_background_fighting_keeps_both_sides(run):
    text = ("Kataib Hezbollah is one of the groups under the umbrella, however it had fought "
            "American troops during the 2003 occupation.")
    result = run(text)
    (draft,) = result.of_type("ASSAULT")
    assert result.actors(draft) == ["Kataib Hezbollah"]
    assert result.recipients(draft) == ["American troops"]


def test_headline_folds_into_the_detailed_body_event(run):
    text = ("Two contractors killed as rockets hit Balad base\n\n"
            "A US contractor was killed and four soldiers were wounded when rockets slammed into "
            "the Balad air base on Tuesday night, an official said.")
    (draft,) = run(text).of_type("ASSAULT")
    assert draft.mode == "heavy-weapons"
    assert (draft.fatalities.best, draft.injuries.best) == (1, 4)
