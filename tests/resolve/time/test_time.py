"""find_dates on parsed articles, date_for and is_background.

The find_dates tests use the session's spaCy pipeline (``nlp`` in tests/conftest.py); the
date_for and is_background tests build mentions by hand and load no model.
"""
import datetime as dt
from pathlib import Path

import pytest

from flashpoint.record import Article, DateMention, Mark, When
from flashpoint.resolve.time.background import BACKGROUND_DAYS, is_background
from flashpoint.resolve.time.time import (
    DURATION_REASON, INHERITED_PREFIX, NO_DATE_REASON, date_for, find_dates,
)

D = dt.date
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"


def article(text, published=D(2020, 3, 15), marks=()):
    return Article(id="a1", text=text, published=published, marks=list(marks))


def dates(nlp, text, published=D(2020, 3, 15), marks=()):
    a = article(text, published, marks)
    return find_dates(a, nlp(a.masked_text()))


def by_text(found, text):
    hits = [m for m in found if text in m.text]
    assert hits, f"no mention containing {text!r} in {[m.text for m in found]}"
    return hits[0].when


def span(w):
    return w.start, w.end, w.precision


# ---------------------------------------------------------------- find_dates (model)

def test_offsets_point_into_the_article_text(nlp):
    text = "Rebels shelled the town on March 11. Two days later, troops retook it."
    for m in dates(nlp, text):
        assert text[m.start:m.end] == m.text == m.when.text


def test_narrative_chain_counts_from_the_previous_event(nlp):
    text = ("The militia fired rockets at the base on March 11. The US retaliated two days later "
            "with air strikes. At about noon the next day, the base was hit again.")
    found = dates(nlp, text)
    assert span(by_text(found, "March 11")) == (D(2020, 3, 11), D(2020, 3, 11), "day")
    assert span(by_text(found, "two days later")) == (D(2020, 3, 13), D(2020, 3, 13), "day")
    assert span(by_text(found, "the next day")) == (D(2020, 3, 14), D(2020, 3, 14), "day")
    assert "about noon" in [m.text for m in found if "next day" in m.text][0]


def test_chain_skips_years_and_seasons_when_counting_days(nlp):
    text = ("Gunmen attacked a checkpoint on January 3. The town has been held by the militia "
            "since the summer of 2014. Two days later the army arrived.")
    assert by_text(dates(nlp, text), "Two days later").start == D(2020, 1, 5)


def test_chain_with_nothing_before_it_is_unresolved(nlp):
    w = by_text(dates(nlp, "Two days later, the rebels withdrew from the city."), "Two days later")
    assert w.start is None and w.precision is None
    assert "no dated event precedes it" in w.reason


def test_weekdays_resolve_before_publication_in_the_past(nlp):
    text = "Rebels attacked the base on Friday. The minister spoke on Sunday night."
    found = dates(nlp, text, published=D(2019, 12, 30))
    assert by_text(found, "Friday").start == D(2019, 12, 27)
    assert by_text(found, "Sunday").start == D(2019, 12, 29)
    assert "last Friday on or before publication 2019-12-30" in by_text(found, "Friday").reason


def test_future_tense_looks_forward(nlp):
    found = dates(nlp, "The two sides will meet on March 20. The council plans to vote on Friday.")
    assert by_text(found, "March 20").start == D(2020, 3, 20)
    assert by_text(found, "Friday").start == D(2020, 3, 20)
    past = dates(nlp, "The two sides met on March 20.")
    assert by_text(past, "March 20").start == D(2019, 3, 20)


def test_a_day_after_counts_from_the_date_named_next_in_the_sentence(nlp):
    found = dates(nlp, "Rockets hit the base on March 11. The bombing came a day after the "
                       "ceasefire was announced on March 2.")
    w = by_text(found, "a day after")
    assert span(w) == (D(2020, 3, 3), D(2020, 3, 3), "day")
    assert "'March 2'" in w.reason


def test_an_offset_after_a_named_event_counts_from_that_events_date(nlp):
    text = ("The rocket attack on Tuesday killed two contractors. The US strikes came two days "
            "after the rocket attack.")
    w = by_text(dates(nlp, text, published=D(2022, 4, 8)), "two days after")
    assert span(w) == (D(2022, 4, 7), D(2022, 4, 7), "day")
    assert "the date given for 'the rocket attack'" in w.reason


def test_an_offset_after_an_event_dated_by_its_verb(nlp):
    text = "Gunmen attacked a bus on Sunday. A day after the attack, police arrested three men."
    assert by_text(dates(nlp, text, published=D(2022, 4, 12)), "A day after").start == D(2022, 4, 11)


def test_an_offset_after_an_undated_event_never_borrows_the_previous_date(nlp):
    # Thursday dates the strikes, not the rocket attack the offset counts from
    text = ("US warplanes bombed militia positions on Thursday. The strikes came two days after "
            "the rocket attack on the air base.")
    w = by_text(dates(nlp, text, published=D(2022, 4, 8)), "two days after")
    assert w.start is None and w.precision is None
    assert w.reason == "'two days after' is counted from 'the rocket attack', whose date the text does not give"


def test_a_different_kind_of_attack_is_not_the_anchor(nlp):
    text = "A drone attack hit Erbil on Sunday. The strikes came two days after the rocket attack."
    assert by_text(dates(nlp, text, published=D(2022, 4, 12)), "two days after").start is None


def test_an_offset_ignores_dates_outside_what_after_governs(nlp):
    text = "The strikes came two days after the rocket attack, officials said on Friday."
    assert by_text(dates(nlp, text, published=D(2022, 4, 12)), "two days after").start is None


def test_an_offset_before_a_clause_without_a_date_is_unresolved(nlp):
    text = "Police found the car on Monday. The bodies were found five days after the men disappeared."
    w = by_text(dates(nlp, text, published=D(2022, 4, 12)), "five days after")
    assert w.start is None and "'the men disappeared'" in w.reason


def test_after_that_and_a_bare_day_before_count_from_the_narrative(nlp):
    found = dates(nlp, "Rebels shelled the town on Friday. A day after that, troops moved in.",
                  published=D(2022, 4, 12))
    assert by_text(found, "A day after").start == D(2022, 4, 9)
    found = dates(nlp, "The bomb exploded on 12 April. The day before, police were warned.",
                  published=D(2022, 6, 9))
    assert by_text(found, "The day before").start == D(2022, 4, 11)


def test_evening_night_and_overnight_keep_the_day_named(nlp):
    text = ("Gunmen abducted 12 passengers on Monday evening. Bandits struck again overnight on "
            "Monday, and a third gang attacked in the early hours of Tuesday.")
    found = dates(nlp, text, published=D(2022, 4, 12))
    assert by_text(found, "Monday evening").start == D(2022, 4, 11)
    assert by_text(found, "overnight on Monday").start == D(2022, 4, 11)
    assert by_text(found, "Tuesday").start == D(2022, 4, 12)


def test_a_frequency_is_not_an_events_date(nlp):
    text = "Bandits kidnapped 15 travellers on Monday on a road used by thousands every day."
    found = dates(nlp, text, published=D(2022, 4, 12))
    assert by_text(found, "every day").reason.startswith("a frequency")
    chosen = date_for(found, [], (0, len(text)), (text.index("kidnapped"), text.index("kidnapped") + 9),
                      D(2022, 4, 12))
    assert chosen.start == D(2022, 4, 11)


def test_earlier_in_the_day_counts_from_the_day_just_told(nlp):
    found = dates(nlp, "Clashes broke out on 2 June. Earlier in the day, police had fired tear gas.",
                  published=D(2021, 6, 9))
    assert by_text(found, "Earlier in the day").start == D(2021, 6, 2)


def test_without_a_publication_date_relative_expressions_stay_unresolved(nlp):
    found = dates(nlp, "Rebels attacked the base on Friday. On January 14, 2020, they struck again.",
                  published=None)
    assert by_text(found, "Friday").start is None
    assert "no publication date is known" in by_text(found, "Friday").reason
    assert by_text(found, "January 14, 2020").start == D(2020, 1, 14)


def test_vague_expressions_are_reported_unresolved(nlp):
    found = dates(nlp, "Iraq has become a flashpoint in recent months amid regional strikes.")
    w = by_text(found, "recent months")
    assert w.start is None and "too vague" in w.reason


def test_bare_numbers_spacy_calls_dates_are_dropped(nlp):
    found = dates(nlp, "One of the strikes hit a base run by Brigade 45 on the border.")
    assert all(m.text != "45" for m in found)


def test_caption_dates_are_reported_but_never_anchor_a_chain(nlp):
    story = "Rockets hit the base on March 11. "
    caption = "In this file photo taken on December 29, 2014, soldiers walk at the base. "
    text = story + caption + "Two days later the US struck back."
    mark = Mark(start=len(story), end=len(story) + len(caption) - 1, kind="caption")
    found = dates(nlp, text, marks=[mark])
    photo = by_text(found, "December 29, 2014")
    assert span(photo) == (D(2014, 12, 29), D(2014, 12, 29), "day")
    assert photo.reason.startswith("in boilerplate (photo caption)")
    assert by_text(found, "Two days later").start == D(2020, 3, 13)


def test_relative_words_in_captions_are_not_resolved(nlp):
    story = "Rockets hit the base on March 11. "
    caption = "The militia is blamed for Wednesday's attack on the base."
    mark = Mark(start=len(story), end=len(story) + len(caption), kind="caption")
    w = by_text(dates(nlp, story + caption, marks=[mark]), "Wednesday")
    assert w.start is None and w.reason.startswith("in boilerplate (photo caption)")


def test_mentions_come_in_text_order(nlp):
    found = dates(nlp, "Yesterday rebels struck. Last week police fired. On March 2 talks failed.")
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert len(found) == 3


def _seed(name):
    path = SHARED / "seeds" / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the seed articles live in the team's shared folder")
    return path.read_text(encoding="utf-8")


def _caption_mark(text, first, last):
    start = text.index(first)
    return Mark(start=start, end=text.index(last, start) + len(last), kind="caption")


def test_seed_000_dates(nlp):
    text = _seed("000_cd5e1ed8b1a8a8d0.txt")
    marks = [_caption_mark(text, "(FILES)", "ALI AL-SAADI"),
             _caption_mark(text, "This annotated image", "via AP)")]
    found = dates(nlp, text, D(2020, 3, 15), marks)
    assert by_text(found, "January 3").start == D(2020, 1, 3)
    assert span(by_text(found, "a week later")) == (D(2020, 1, 7), D(2020, 1, 13), "week")
    assert by_text(found, "March 11").start == D(2020, 3, 11)
    assert by_text(found, "two days later").start == D(2020, 3, 13)
    assert span(by_text(found, "the next day")) == (D(2020, 3, 14), D(2020, 3, 14), "day")
    assert span(by_text(found, "summer of 2014")) == (D(2014, 6, 1), D(2014, 8, 31), "month")
    for caption_date in ("December 29, 2014", "January 14, 2020", "Friday, March 13, 2020"):
        assert by_text(found, caption_date).reason.startswith("in boilerplate (photo caption)")


def test_seed_003_dates(nlp):
    found = dates(nlp, _seed("003_c5122276bae205d9.txt"), D(2019, 12, 30))
    assert by_text(found, "Friday").start == D(2019, 12, 27)
    assert by_text(found, "Sunday night").start == D(2019, 12, 29)
    assert span(by_text(found, "2018")) == (D(2018, 1, 1), D(2018, 12, 31), "year")
    assert by_text(found, "post-2003").start == D(2003, 1, 1)


# ---------------------------------------------------------------- date_for (no model)

def mention(text, start, when_start=None, precision=None, reason="test", end_day=None):
    when = When(text=text, start=when_start, end=end_day or when_start, precision=precision, reason=reason)
    return DateMention(article_id="a1", text=text, start=start, end=start + len(text), when=when)


FRIDAY = mention("Friday", 30, D(2019, 12, 27), "day")
SUNDAY = mention("Sunday", 80, D(2019, 12, 29), "day")
CAPTION = mention("December 29, 2014", 50, D(2014, 12, 29), "day",
                  reason="in boilerplate (photo caption): explicit date 2014-12-29")


def test_attached_mentions_come_first():
    w = date_for([FRIDAY, SUNDAY], attached=[1], sentence=(0, 100), trigger=(35, 40), published=None)
    assert w.start == D(2019, 12, 29)


def test_otherwise_the_sentence_mention_nearest_the_trigger():
    w = date_for([FRIDAY, SUNDAY], attached=[], sentence=(0, 100), trigger=(70, 75), published=None)
    assert w.start == D(2019, 12, 29)
    w = date_for([FRIDAY, SUNDAY], attached=[], sentence=(0, 60), trigger=(70, 75), published=None)
    assert w.start == D(2019, 12, 27)


def test_no_date_in_the_sentence_is_unresolved_not_the_publication_date():
    w = date_for([FRIDAY], attached=[], sentence=(40, 100), trigger=(50, 55), published=D(2019, 12, 30))
    assert (w.start, w.precision, w.reason) == (None, None, NO_DATE_REASON)


def test_an_unresolved_chosen_mention_passes_on_its_reason():
    vague = mention("recent months", 10, reason="'recent months' is too vague to date")
    w = date_for([vague], attached=[0], sentence=(0, 50), trigger=(30, 35), published=D(2020, 3, 15))
    assert w.start is None and "too vague" in w.reason


def test_caption_dates_are_never_picked():
    w = date_for([CAPTION], attached=[0], sentence=(0, 100), trigger=(45, 49), published=None)
    assert w.reason == NO_DATE_REASON
    w = date_for([CAPTION, SUNDAY], attached=[], sentence=(0, 100), trigger=(45, 49), published=None)
    assert w.start == D(2019, 12, 29)


def test_a_bare_time_of_day_gives_way_to_a_day_in_the_same_sentence():
    noon = mention("at 3 pm", 45, reason="a time of day with no day named")
    w = date_for([FRIDAY, noon], attached=[], sentence=(0, 100), trigger=(55, 60), published=None)
    assert w.start == D(2019, 12, 27)


def test_a_reported_event_without_a_date_gets_the_week_up_to_the_report():
    night = mention("Sunday night", 20, D(2019, 12, 29), "day")
    w = date_for([night], attached=[], sentence=(0, 100), trigger=(60, 70), published=D(2019, 12, 30),
                 reported=[0])
    assert (w.start, w.end, w.precision) == (D(2019, 12, 23), D(2019, 12, 29), "week")
    assert "reported on 2019-12-29" in w.reason and "Sunday night" in w.reason


def test_a_reported_event_with_its_own_date_keeps_it():
    w = date_for([FRIDAY, SUNDAY], attached=[0], sentence=(0, 100), trigger=(35, 40), published=None,
                 reported=[1])
    assert (w.start, w.precision) == (D(2019, 12, 27), "day")


def test_the_report_date_is_never_the_events_day():
    # A report dated only by month gives no window, and its mention is not the sentence fallback.
    month = mention("in December", 20, D(2019, 12, 1), "month", end_day=D(2019, 12, 31))
    w = date_for([month], attached=[], sentence=(0, 100), trigger=(60, 70), published=None, reported=[0])
    assert w.start is None and w.reason == NO_DATE_REASON


# ---------------------------------------------------------------- is_background (no model)

def test_background_is_more_than_background_days_before_publication():
    pub = D(2020, 3, 15)
    old = When(text="in the summer of 2014", start=D(2014, 6, 1), end=D(2014, 8, 31), precision="month", reason="t")
    recent = When(text="March 11", start=D(2020, 3, 11), end=D(2020, 3, 11), precision="day", reason="t")
    edge = pub - dt.timedelta(days=BACKGROUND_DAYS)
    at_edge = When(text="x", start=edge, end=edge, precision="day", reason="t")
    assert is_background(old, pub) and not is_background(recent, pub) and not is_background(at_edge, pub)


def test_unknown_dates_are_not_background():
    assert not is_background(When(reason=NO_DATE_REASON), D(2020, 3, 15))
    recent = When(text="March 11", start=D(2020, 3, 11), end=D(2020, 3, 11), precision="day", reason="t")
    assert not is_background(recent, None)


def test_a_duration_attached_to_the_event_gives_way_to_the_sentences_date():
    # "On Friday, during a two-day battle, ..." : the battle's length never dates it
    two_day = mention("two-day", 45, reason=DURATION_REASON)
    w = date_for([FRIDAY, two_day], attached=[1], sentence=(0, 100), trigger=(60, 65), published=None)
    assert w.start == D(2019, 12, 27)


def test_a_period_start_never_dates_the_event():
    since = mention("2016", 40, D(2016, 1, 1), "year", end_day=D(2016, 12, 31),
                    reason="the start of a period or a founding ('since'), not an incident's date: year 2016")
    w = date_for([since], attached=[0], sentence=(0, 100), trigger=(60, 65), published=None)
    assert w.reason == NO_DATE_REASON


def test_an_event_its_sentence_does_not_date_takes_the_incident_date_in_force():
    w = date_for([FRIDAY], attached=[], sentence=(40, 100), trigger=(50, 55), published=None,
                 inherited=FRIDAY)
    assert (w.start, w.precision) == (D(2019, 12, 27), "day") and w.reason.startswith(INHERITED_PREFIX)
    w = date_for([FRIDAY, SUNDAY], attached=[], sentence=(60, 100), trigger=(70, 75), published=None,
                 inherited=FRIDAY)
    assert w.start == D(2019, 12, 29)      # the sentence's own date wins over the inherited one
