"""Resolving readings against the publication date or a narrative anchor (no model)."""
import datetime as dt

from flashpoint.record import When
from flashpoint.resolve.time.timecalc import Anchor, Setting, resolve
from flashpoint.resolve.time.timex import read

PUB = dt.date(2020, 3, 15)        # a Sunday
PUB_MONDAY = dt.date(2019, 12, 30)
D = dt.date


def when(text, published=PUB, future=False, anchors=()):
    return resolve(read(text), text, Setting(published, future, tuple(anchors)))


def day_anchor(day, text="March 11"):
    return Anchor(When(text=text, start=day, end=day, precision="day", reason="test"), text)


def span(w):
    return w.start, w.end, w.precision


def test_explicit_date_needs_no_publication_date():
    assert span(when("Dec. 27, 2019", published=None)) == (D(2019, 12, 27), D(2019, 12, 27), "day")


def test_month_day_without_year_is_the_most_recent_one_in_the_past():
    assert span(when("March 11")) == (D(2020, 3, 11), D(2020, 3, 11), "day")
    assert span(when("December 29"))[0] == D(2019, 12, 29)
    assert "no year" in when("March 11").reason


def test_month_day_in_the_future_tense_is_the_next_one():
    assert when("March 20", future=True).start == D(2020, 3, 20)
    assert when("January 3", future=True).start == D(2021, 1, 3)
    assert "future tense" in when("March 20", future=True).reason


def test_month_day_without_year_or_publication_stays_unresolved():
    w = when("March 11", published=None)
    assert w.start is None and "no publication date" in w.reason


def test_weekday_in_the_past_is_the_last_one_on_or_before_publication():
    assert when("on Friday", published=PUB_MONDAY).start == D(2019, 12, 27)
    assert when("Sunday night", published=PUB_MONDAY).start == D(2019, 12, 29)
    assert when("Monday", published=PUB_MONDAY).start == D(2019, 12, 30)
    assert "last Friday on or before publication 2019-12-30" in when("on Friday", published=PUB_MONDAY).reason


def test_weekday_in_the_future_is_the_next_one_after_publication():
    assert when("Friday", published=PUB_MONDAY, future=True).start == D(2020, 1, 3)
    assert when("next Monday", published=PUB_MONDAY).start == D(2020, 1, 6)
    assert when("last Monday", published=PUB_MONDAY).start == D(2019, 12, 23)


def test_weekday_without_publication_date_is_unresolved_with_reason():
    w = when("on Friday", published=None)
    assert (w.start, w.precision) == (None, None)
    assert "no publication date is known" in w.reason


def test_deictic_days_weeks_and_months():
    assert span(when("yesterday")) == (D(2020, 3, 14), D(2020, 3, 14), "day")
    assert span(when("today")) == (PUB, PUB, "day")
    assert span(when("last week")) == (D(2020, 3, 2), D(2020, 3, 8), "week")
    assert span(when("this week")) == (D(2020, 3, 9), D(2020, 3, 15), "week")
    assert span(when("earlier this month")) == (D(2020, 3, 1), PUB, "month")
    assert span(when("last month")) == (D(2020, 2, 1), D(2020, 2, 29), "month")
    assert span(when("last year")) == (D(2019, 1, 1), D(2019, 12, 31), "year")


def test_counts_back_from_publication():
    assert span(when("three days ago")) == (D(2020, 3, 12), D(2020, 3, 12), "day")
    assert span(when("the past two weeks")) == (D(2020, 3, 1), PUB, "week")
    assert span(when("two years ago")) == (D(2018, 1, 1), D(2018, 12, 31), "year")


def test_years_seasons_and_decades():
    assert span(when("in 2018")) == (D(2018, 1, 1), D(2018, 12, 31), "year")
    assert span(when("in the summer of 2014")) == (D(2014, 6, 1), D(2014, 8, 31), "month")
    assert span(when("the winter of 2014-15")) == (D(2014, 12, 1), D(2015, 2, 28), "month")
    assert span(when("last summer")) == (D(2019, 6, 1), D(2019, 8, 31), "month")
    assert span(when("the 1990s")) == (D(1990, 1, 1), D(1999, 12, 31), "year")
    w = when("post-2003")
    assert (w.start, w.end, w.precision) == (D(2003, 1, 1), None, "year") and "no end" in w.reason


def test_month_without_year_follows_tense():
    assert span(when("in June")) == (D(2019, 6, 1), D(2019, 6, 30), "month")
    assert when("in June", future=True).start == D(2020, 6, 1)
    assert when("in March").start == D(2020, 3, 1)


def test_chain_counts_from_the_anchor_not_from_publication():
    w = when("two days later", anchors=[day_anchor(D(2020, 1, 3), "January 3")])
    assert span(w) == (D(2020, 1, 5), D(2020, 1, 5), "day")
    assert "2020-01-03 ('January 3'" in w.reason


def test_chain_uses_the_most_recent_day_anchor_and_skips_coarser_ones():
    year = Anchor(When(text="2014", start=D(2014, 1, 1), end=D(2014, 12, 31), precision="year", reason="t"), "2014")
    w = when("the next day", anchors=[day_anchor(D(2020, 3, 13)), year])
    assert span(w) == (D(2020, 3, 14), D(2020, 3, 14), "day")


def test_a_week_later_is_a_week_window_centred_seven_days_on():
    w = when("a week later", anchors=[day_anchor(D(2020, 1, 3))])
    assert span(w) == (D(2020, 1, 7), D(2020, 1, 13), "week")


def test_the_following_week_is_the_next_calendar_week():
    assert span(when("the following week", anchors=[day_anchor(D(2020, 3, 11))])) == (
        D(2020, 3, 16), D(2020, 3, 22), "week")


def test_hours_later_and_days_earlier():
    anchors = [day_anchor(D(2020, 3, 11))]
    assert span(when("hours later", anchors=anchors)) == (D(2020, 3, 11), D(2020, 3, 11), "day")
    assert span(when("days earlier", anchors=anchors)) == (D(2020, 3, 5), D(2020, 3, 9), "week")
    assert span(when("the day before", anchors=anchors))[0] == D(2020, 3, 10)


def test_chain_counting_from_a_week_keeps_week_precision():
    week = Anchor(When(text="last week", start=D(2020, 3, 2), end=D(2020, 3, 8), precision="week", reason="t"), "last week")
    assert span(when("two days later", anchors=[week])) == (D(2020, 3, 4), D(2020, 3, 10), "week")


def test_chain_without_an_anchor_is_unresolved_never_the_publication_date():
    w = when("two days later")
    assert (w.start, w.end, w.precision) == (None, None, None)
    assert "no dated event precedes it" in w.reason


def test_vague_expressions_stay_unresolved_with_their_reason():
    assert when("recent months").start is None
    assert "too vague" in when("recent months").reason
    assert when("weeks later", anchors=[day_anchor(D(2020, 3, 11))]).start is None


def test_impossible_dates_are_refused():
    assert "not a calendar date" in when("February 30, 2019").reason


def test_fixed_holidays_take_the_most_recent_one():
    assert span(when("on New Year's Eve", published=D(2018, 1, 4))) == (D(2017, 12, 31), D(2017, 12, 31), "day")
    assert when("Christmas Day", published=D(2018, 1, 4)).start == D(2017, 12, 25)


def test_year_ranges():
    assert span(when("between 2014 and 2017")) == (D(2014, 1, 1), D(2017, 12, 31), "year")
    assert span(when("2014-17")) == (D(2014, 1, 1), D(2017, 12, 31), "year")


def test_day_of_month_alone_is_in_publications_month_or_the_one_before():
    assert when("on the 14th").start == D(2020, 3, 14)
    assert when("on the 20th").start == D(2020, 2, 20)
    assert when("on the 20th", future=True).start == D(2020, 3, 20)
    assert when("on the 31st", published=D(2020, 3, 15)).start == D(2020, 1, 31)


def test_ordinal_week_of_a_month():
    assert span(when("the second week of March")) == (D(2020, 3, 8), D(2020, 3, 14), "week")
    assert span(when("the last week of December 2014")) == (D(2014, 12, 25), D(2014, 12, 31), "week")


def test_season_without_year_follows_tense():
    assert span(when("in the autumn")) == (D(2019, 9, 1), D(2019, 11, 30), "month")
    assert span(when("in the summer", future=True)) == (D(2020, 6, 1), D(2020, 8, 31), "month")


def test_approximate_counts_back_from_publication():
    assert span(when("nearly two years ago")) == (D(2018, 1, 1), D(2018, 12, 31), "year")
    assert span(when("two weeks ago")) == (D(2020, 2, 27), D(2020, 3, 4), "week")


def test_numeric_dates_resolve_only_when_day_and_month_can_be_told_apart():
    assert when("11/27/2005", published=None).start == D(2005, 11, 27)
    assert when("27/11/2005", published=None).start == D(2005, 11, 27)
    w = when("05/02/2013", published=None)
    assert w.start is None and "day/month or month/day" in w.reason
