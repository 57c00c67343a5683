"""The one background rule (resolve/time/background.py): dates built by hand, no model."""
import datetime as dt

from flashpoint.record import DateMention, When
from flashpoint.resolve.time.background import BACKGROUND_DAYS, is_background, recalled

D = dt.date
PUB = D(2020, 3, 15)


def _day(day: dt.date) -> When:
    return When(text=day.isoformat(), start=day, end=day, precision="day", reason="t")


def _mention(text: str, when: When) -> DateMention:
    return DateMention(article_id="a", text=text, start=0, end=len(text), when=when)


def test_one_threshold_for_the_event_date_and_the_attached_dates():
    just_past = PUB - dt.timedelta(days=BACKGROUND_DAYS + 1)
    at_edge = PUB - dt.timedelta(days=BACKGROUND_DAYS)
    assert is_background(_day(just_past), PUB) and not is_background(_day(at_edge), PUB)
    assert recalled([_mention("then", _day(just_past))], PUB)
    assert not recalled([_mention("then", _day(at_edge))], PUB)


def test_an_unresolved_mention_is_background_when_its_years_are_before_last_year():
    unresolved = When(reason="no rule reads it")
    assert recalled([_mention("the 2014 offensive", unresolved)], PUB)
    assert not recalled([_mention("since 2019", unresolved)], PUB)
    assert not recalled([_mention("the 2014 and 2019 sieges", unresolved)], PUB)


def test_without_a_publication_date_nothing_is_background():
    old = _day(D(2014, 6, 1))
    assert not is_background(old, None) and not recalled([_mention("2014", old)], None)
