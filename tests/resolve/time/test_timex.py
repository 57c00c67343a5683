"""Reading date expressions into what they say (no model, no calendar)."""
import pytest

from flashpoint.resolve.time.timex import normalise, read


@pytest.mark.parametrize("text, month, day, year, weekday", [
    ("March 11", 3, 11, None, None),
    ("Dec. 27, 2019", 12, 27, 2019, None),
    ("29 December", 12, 29, None, None),
    ("29th of December 2014", 12, 29, 2014, None),
    ("on January 14, 2020", 1, 14, 2020, None),
    ("Friday, March 13, 2020", 3, 13, 2020, 4),
    ("Sept. 9", 9, 9, None, None),
    ("2019-12-27", 12, 27, 2019, None),
])
def test_calendar_days_are_read_with_or_without_a_year(text, month, day, year, weekday):
    r = read(text)
    assert (r.kind, r.unit, r.month, r.day, r.year, r.weekday) == ("date", "day", month, day, year, weekday)


@pytest.mark.parametrize("text, unit, year", [
    ("in 2018", "year", 2018), ("since the 2003", "year", 2003), ("late 2019", "year", 2019),
    ("December 2014", "month", 2014), ("in March", "month", None), ("mid-March", "month", None),
    ("the summer of 2014", "season", 2014), ("the 1990s", "decade", 1990),
])
def test_years_months_seasons_and_decades(text, unit, year):
    r = read(text)
    assert (r.kind, r.unit, r.year) == ("date", unit, year)


def test_post_year_keeps_its_direction():
    assert read("post-2003").part == "post"


@pytest.mark.parametrize("text, kind, unit, n", [
    ("yesterday", "relative", "day", -1),
    ("today", "relative", "day", 0),
    ("tomorrow", "relative", "day", 1),
    ("last night", "relative", "day", -1),
    ("this morning", "relative", "day", 0),
    ("last week", "relative", "week", -1),
    ("earlier this month", "relative", "month", 0),
    ("last month", "relative", "month", -1),
    ("next year", "relative", "year", 1),
    ("two days ago", "ago", "day", -2),
    ("the past two weeks", "span", "week", 2),
])
def test_expressions_counted_from_publication(text, kind, unit, n):
    r = read(text)
    assert (r.kind, r.unit, r.n) == (kind, unit, n)


@pytest.mark.parametrize("text, weekday, n", [
    ("on Friday", 4, None), ("Sunday night", 6, None), ("Wednesday's", 2, None),
    ("last Friday", 4, -1), ("next Monday", 0, 1),
])
def test_weekdays(text, weekday, n):
    r = read(text)
    assert (r.kind, r.weekday, r.n) == ("weekday", weekday, n)


@pytest.mark.parametrize("text, unit, n, calendar", [
    ("two days later", "day", 2, False),
    ("a week later", "week", 1, False),
    ("the next day", "day", 1, True),
    ("At about noon the next day", "day", 1, True),
    ("the next morning", "day", 1, True),
    ("the following week", "week", 1, True),
    ("hours later", "day", 0, False),
    ("48 hours later", "day", 2, False),
    ("three days earlier", "day", -3, False),
    ("the day before", "day", -1, True),
    ("later that night", "day", 0, True),
])
def test_chains_are_read_as_counts_from_the_narrative(text, unit, n, calendar):
    r = read(text)
    assert (r.kind, r.unit, r.n, r.calendar) == ("chain", unit, n, calendar)


def test_days_later_without_a_count_is_a_few_days():
    r = read("days earlier")
    assert (r.kind, r.unit, r.few, r.n) == ("chain", "day", True, -1)


@pytest.mark.parametrize("text, why", [
    ("recent months", "too vague"),
    ("weeks later", "no count"),
    ("three years", "a duration"),
    ("months", "a duration"),
    ("about noon", "a time of day"),
])
def test_vague_durations_and_bare_times_are_refused_with_a_reason(text, why):
    r = read(text)
    assert r.kind in ("none", "time") and why in r.why


def test_bare_numbers_are_not_read():
    assert read("45") is None


def test_normalise_drops_times_of_day_but_keeps_the_day():
    assert normalise("late on Sunday night").core == "sunday"
    assert normalise("yesterday morning").core == "yesterday"


def test_earlier_in_the_day_is_the_same_day_as_the_event_told():
    r = read("Earlier in the day")
    assert (r.kind, r.unit, r.n) == ("chain", "day", 0)


@pytest.mark.parametrize("text", ["every day", "thousands every day", "each week", "every other month"])
def test_frequencies_are_refused_as_frequencies(text):
    r = read(text)
    assert r.kind == "none" and r.why.startswith("a frequency")


def test_overnight_is_a_time_of_day_with_no_day():
    assert read("overnight").kind == "time"
    r = read("overnight on Monday")
    assert (r.kind, r.weekday) == ("weekday", 0)
