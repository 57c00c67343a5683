"""What makes reports of one event from several articles line up: a reference's own date,
the date a follow-up sentence gives, the target's place and a headline's summary."""


def test_a_referenced_attack_does_not_take_the_date_of_the_arrest(run):
    text = ("Police arrested four men on Friday over a bomb attack on the Mosul market that "
            "killed three people late on Wednesday, an officer said.")
    result = run(text)
    (attack,) = result.of_type("ASSAULT")
    assert "Friday" not in result.date_texts(attack)


def test_a_follow_up_sentence_dates_the_event_it_re_describes(run):
    text = ("The army said it shelled two villages near Kobani. "
            "The shelling came three days later, before dawn.")
    result = run(text)
    (shelling,) = result.of_type("ASSAULT")
    assert result.date_texts(shelling) == ["three days later"]


def test_an_offset_after_an_event_dates_the_later_event_not_the_earlier(run):
    text = ("The raids came two days after the bombing of the Kirkuk police station, in which "
            "four officers were killed.")
    result = run(text)
    for draft in result.of_type("ASSAULT"):
        if "Kirkuk" in result.place_names(draft):
            assert result.date_texts(draft) == []


def test_the_place_of_the_target_is_where_the_strike_hit(run):
    text = "Jets struck an arms depot used by the militia near Baghdad early on Monday."
    result = run(text)
    (strike,) = result.of_type("ASSAULT")
    assert result.place_names(strike) == ["Baghdad"]


def test_a_headline_folds_into_the_first_body_event_of_its_kind(run):
    text = ("Gunmen kidnap nine farm workers in the north\n\n"
            "Armed men abducted nine workers from a farm outside Zaria on Sunday, police said.")
    result = run(text)
    kidnaps = [d for d in result.of_type("ASSAULT") if d.mode == "abduct"]
    assert len(kidnaps) == 1
    assert result.date_texts(kidnaps[0]) == ["Sunday"]
