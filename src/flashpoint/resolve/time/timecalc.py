"""Calendar arithmetic: a Reading of a date expression, plus what it counts from, gives a When.

Conventions (the reason line of every value repeats the one it used):
- weeks are calendar weeks, Monday to Sunday; "last week" is the whole week before publication's;
- "a week later" / "two weeks ago" count whole weeks and so are approximate: the value is a
  week-precision window of 7 days centred on the day counted (anchor + 7 days, +/- 3 days);
- "days later" / "a few days ago" (no count) is a week-precision window 2 to 6 days on;
- "hours later" is the same day as the event it follows (it may cross midnight);
- seasons are meteorological and northern-hemisphere: spring March-May, summer June-August,
  autumn September-November, winter December-February; "the winter of 2014" is the winter
  that ends in 2014 (December 2013 - February 2014), "the winter of 2014-15" the one that
  begins in 2014. A season has precision "month" and spans its three months;
- decades span their ten years with precision "year"; "post-2003" starts in 2003 and has no end;
- early/mid/late qualifiers keep the whole unit ("early March" is March) and are noted in the
  reason; "earlier this month" runs from the month's first day to publication.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Optional

from flashpoint.record import When
from flashpoint.resolve.time.timex import Reading

PRECISIONS = ("day", "week", "month", "year")
SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A chain in these units may count from an anchor of at most this precision: "two days later"
# needs a day or week to count from, "a year later" can count from a month or a year.
ANCHOR_LIMIT = {"day": "week", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True)
class Anchor:
    """A resolved narrative date that later chains ("two days later") may count from."""

    when: When
    text: str
    role: str = "the previous dated event in the text"


@dataclass(frozen=True)
class Setting:
    published: Optional[dt.date]
    future: bool = False
    anchors: tuple[Anchor, ...] = ()   # earlier narrative dates, most recent last


# ---------------------------------------------------------------- calendar helpers

def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def week_range(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def add_months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def season_range(season: str, year: int) -> tuple[dt.date, dt.date]:
    """The season of ``year``; winter is the one that ends in ``year``."""
    first = SEASON_MONTHS[season]
    start_year = year - 1 if season == "winter" else year
    start = dt.date(start_year, first, 1)
    end_month = add_months(start, 2)
    return start, month_range(end_month.year, end_month.month)[1]


def coarser(a: str, b: str) -> str:
    return a if PRECISIONS.index(a) >= PRECISIONS.index(b) else b


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def span_text(start: dt.date, end: Optional[dt.date]) -> str:
    if end is None:
        return f"from {start}"
    return str(start) if start == end else f"{start} to {end}"


# ---------------------------------------------------------------- values

def resolved(text: str, start: dt.date, end: Optional[dt.date], precision: str, reason: str) -> When:
    return When(text=text, start=start, end=end, precision=precision, reason=reason)


def unresolved(text: str, reason: str) -> When:
    return When(text=text, reason=reason)


def resolve(reading: Reading, text: str, setting: Setting) -> When:
    """The When that ``text`` (read as ``reading``) names, in ``setting``."""
    if reading.kind in ("none", "time"):
        return unresolved(text, reading.why or "not a date")
    if reading.kind == "date":
        return _date(reading, text, setting)
    if reading.kind == "chain":
        return _chain(reading, text, setting)
    if setting.published is None:
        return unresolved(text, f"'{text}' counts from publication, and no publication date is known")
    handler = {"relative": _relative, "ago": _ago, "span": _span, "weekday": _weekday}[reading.kind]
    return handler(reading, text, setting.published, setting.future)


# ---------------------------------------------------------------- named dates

def _date(r: Reading, text: str, s: Setting) -> When:
    if r.unit == "day":
        return _day(r, text, s)
    if r.unit == "month":
        return _month(r, text, s)
    if r.unit == "monthday":
        return _month_day(r, text, s)
    if r.unit == "monthweek":
        return _month_week(r, text, s)
    if r.unit == "season":
        return _season(r, text, s)
    if r.unit == "decade":
        start, end = dt.date(r.year, 1, 1), dt.date(r.year_end, 12, 31)
        return resolved(text, start, end, "year", f"the decade {r.year}s")
    if r.unit == "years":
        start, end = dt.date(r.year, 1, 1), dt.date(r.year_end, 12, 31)
        return resolved(text, start, end, "year", f"the years {r.year} to {r.year_end}")
    return _year(r, text)


def _qualified(reason: str, r: Reading) -> str:
    return f"{reason} ('{r.part}' kept as the whole unit)" if r.part else reason


def _year(r: Reading, text: str) -> When:
    if r.part == "post":
        return resolved(text, dt.date(r.year, 1, 1), None, "year",
                        f"'post-{r.year}': from {r.year} on; the text gives no end")
    if r.part == "pre":
        return unresolved(text, f"'pre-{r.year}': before {r.year}; the text gives no start")
    start, end = year_range(r.year)
    return resolved(text, start, end, "year", _qualified(f"the year {r.year}", r))


def _day(r: Reading, text: str, s: Setting) -> When:
    if r.year is None:
        return _day_without_year(r, text, s)
    try:
        day = dt.date(r.year, r.month, r.day)
    except ValueError:
        return unresolved(text, f"'{text}' is not a calendar date")
    return resolved(text, day, day, "day", f"explicit date {day}{_weekday_check(r, day)}")


def _weekday_check(r: Reading, day: dt.date) -> str:
    if r.weekday is None or r.weekday == day.weekday():
        return ""
    return f"; the text calls it a {WEEKDAY_NAMES[r.weekday]}, but it is a {WEEKDAY_NAMES[day.weekday()]}"


def _day_without_year(r: Reading, text: str, s: Setting) -> When:
    if s.published is None:
        return unresolved(text, f"'{text}' has no year, and no publication date is known")
    pub = s.published
    candidates = []
    for year in range(pub.year - 8, pub.year + 9):   # Feb 29 recurs only every 4 to 8 years
        try:
            candidates.append(dt.date(year, r.month, r.day))
        except ValueError:
            continue
    if s.future:
        later = [c for c in candidates if c >= pub]
        day, how = (later[0] if later else None), "future tense: the next such date on or after"
    else:
        earlier = [c for c in candidates if c <= pub]
        day, how = (earlier[-1] if earlier else None), "the most recent such date not after"
    if day is None:
        return unresolved(text, f"'{text}' is not a calendar date")
    reason = f"'{text}' has no year: {how} publication {pub}{_weekday_check(r, day)}"
    return resolved(text, day, day, "day", reason)


def _month_week(r: Reading, text: str, s: Setting) -> When:
    """"the second week of March": days 8-14 of the month; "the last week": its last 7 days."""
    month = _month(Reading("date", unit="month", month=r.month, year=r.year), text, s)
    if month.start is None:
        return month
    if r.n > 0:
        start = month.start + days(7 * (r.n - 1))
        end = start + days(6)
    else:
        end = month.end
        start = end - days(6)
    reason = f"{month.reason.split(':')[0]}: days {start.day} to {end.day} of {start:%Y-%m}"
    return resolved(text, start, end, "week", reason)


def _month_day(r: Reading, text: str, s: Setting) -> When:
    """"on the 14th": the 14th of publication's month, or of the month before (after, in the
    future tense) when that would lie on the wrong side of publication."""
    if s.published is None:
        return unresolved(text, f"'{text}' names no month, and no publication date is known")
    pub = s.published
    step = 1 if s.future else -1
    month = dt.date(pub.year, pub.month, 1)
    for _ in range(3):   # a 31st may skip a short month
        last = month_range(month.year, month.month)[1]
        if r.day <= last.day:
            day = month.replace(day=r.day)
            if (day >= pub) if s.future else (day <= pub):
                how = "future tense: the next such day on or after" if s.future else "the most recent such day by"
                return resolved(text, day, day, "day", f"'{text}' names no month: {how} publication {pub}")
        month = add_months(month, step)
    return unresolved(text, f"'{text}' is not a day of the month")


def _month(r: Reading, text: str, s: Setting) -> When:
    if r.year is not None:
        start, end = month_range(r.year, r.month)
        return resolved(text, start, end, "month", _qualified(f"the month {start:%Y-%m}", r))
    if s.published is None:
        return unresolved(text, f"'{text}' has no year, and no publication date is known")
    pub = s.published
    year = pub.year
    if s.future and r.month < pub.month:
        year += 1
    elif not s.future and r.month > pub.month:
        year -= 1
    start, end = month_range(year, r.month)
    how = "future tense: the next such month from" if s.future else "the most recent such month by"
    return resolved(text, start, end, "month", _qualified(f"'{text}' has no year: {how} publication {pub}", r))


def _season(r: Reading, text: str, s: Setting) -> When:
    if r.year is not None:
        year = r.year_end if (r.season == "winter" and r.year_end) else r.year
        start, end = season_range(r.season, year)
        return resolved(text, start, end, "month", f"the {r.season} of {r.year}: {start} to {end}")
    if s.published is None:
        return unresolved(text, f"'{text}' has no year, and no publication date is known")
    which = 1 if s.future else -1
    return _season_occurrence(r, text, s.published, which, s.future)


def _season_occurrence(r: Reading, text: str, pub: dt.date, which: int, future: bool) -> When:
    """which: -1 the last one over before publication, 0 the current one, 1 the next one."""
    seasons = [season_range(r.season, y) for y in range(pub.year - 2, pub.year + 3)]
    current = [x for x in seasons if x[0] <= pub <= x[1]]
    if which == 0 and current:
        chosen, how = current[0], "the one under way at"
    elif which > 0 or (which == 0 and future):
        chosen, how = next(x for x in seasons if x[0] > pub), "the next one after"
    elif r.kind == "date" and current:   # "in the summer", past tense, said in summer
        chosen, how = current[0], "the one under way at"
    else:
        chosen, how = [x for x in seasons if x[1] < pub][-1], "the last one before"
    return resolved(text, chosen[0], chosen[1], "month", f"{r.season}: {how} publication {pub}")


# ---------------------------------------------------------------- counted from publication

def _relative(r: Reading, text: str, pub: dt.date, future: bool) -> When:
    if r.unit == "day":
        day = pub + days(r.n)
        reason = r.note or f"'{text}' counted from publication"
        return resolved(text, day, day, "day", f"{reason}: {pub} {r.n:+d} day(s)")
    if r.unit == "season":
        return _season_occurrence(r, text, pub, r.n, future)
    if r.unit == "weekend":
        return _weekend(r, text, pub, future)
    start, end = _unit_range(r.unit, pub, r.n)
    if r.n == 0 and r.part == "earlier":
        end = pub
    elif r.n == 0 and r.part == "later":
        start = pub
    reason = f"'{text}' counted from publication {pub}: {span_text(start, end)}"
    return resolved(text, start, end, r.unit, reason)


def _unit_range(unit: str, day: dt.date, n: int) -> tuple[dt.date, dt.date]:
    if unit == "week":
        return week_range(day + days(7 * n))
    if unit == "month":
        moved = add_months(day, n)
        return month_range(moved.year, moved.month)
    return year_range(day.year + n)


def _weekend(r: Reading, text: str, pub: dt.date, future: bool) -> When:
    n = r.n
    if n is None:   # "the weekend": the one just past, or coming in future tense
        n = (1 if pub.weekday() == 6 else 0) if future else (0 if pub.weekday() >= 5 else -1)
    saturday = week_range(pub)[0] + days(5 + 7 * n)
    reason = f"'{text}' counted from publication {pub}: the weekend of {saturday}"
    return resolved(text, saturday, saturday + days(1), "week", reason)


def _ago(r: Reading, text: str, pub: dt.date, future: bool) -> When:
    start, end, precision = shift(pub, pub, "day", r)
    reason = f"'{text}' counted back from publication {pub}: {span_text(start, end)}{_window_note(r)}"
    return resolved(text, start, end, precision, reason)


def _span(r: Reading, text: str, pub: dt.date, future: bool) -> When:
    if r.unit == "day":
        start = pub - days(r.n)
    elif r.unit == "week":
        start = pub - days(7 * r.n)
    else:
        start = add_months(pub, -r.n * (12 if r.unit == "year" else 1))
    reason = f"'{text}': the {r.n} {r.unit}(s) up to publication, {start} to {pub}"
    return resolved(text, start, pub, r.unit, reason)


def _weekday(r: Reading, text: str, pub: dt.date, future: bool) -> When:
    wd, name = r.weekday, WEEKDAY_NAMES[r.weekday]
    if r.n == 0:
        day, how = week_range(pub)[0] + days(wd), "the one in the week of"
    elif r.n == 1 or (r.n is None and future):
        day, how = pub + days((wd - pub.weekday() - 1) % 7 + 1), "the next one after"
    elif r.n == -1:
        day, how = pub - days((pub.weekday() - wd - 1) % 7 + 1), "the last one before"
    else:
        day, how = pub - days((pub.weekday() - wd) % 7), "the last one on or before"
    tense = "future tense: " if future and r.n is None else ""
    how = how.replace("one", name)
    return resolved(text, day, day, "day", f"weekday '{name}' taken as {tense}{how} publication {pub}")


# ---------------------------------------------------------------- counted from the narrative

def _chain(r: Reading, text: str, s: Setting) -> When:
    anchor = pick_anchor(s.anchors, r.unit)
    if anchor is None:
        return unresolved(text, f"'{text}' counts from an earlier event, and no dated event "
                                "precedes it in the text")
    a = anchor.when
    start, end, precision = shift(a.start, a.end or a.start, a.precision, r)
    how = "taken as the same day as" if r.note == "hours" else "counted from"
    reason = (f"'{text}' {how} {span_text(a.start, a.end)} ('{anchor.text}', {anchor.role}): "
              f"{span_text(start, end)}{_window_note(r)}")
    return resolved(text, start, end, precision, reason)


def _window_note(r: Reading) -> str:
    if r.unit == "week" and not r.calendar:
        return f", a week-wide window around {abs(r.n)} week(s) {'on' if r.n > 0 else 'back'}"
    if r.few:
        return ", a window of 2 to 6 days"
    return ""


def pick_anchor(anchors: tuple[Anchor, ...], unit: str) -> Optional[Anchor]:
    """The most recent anchor fine enough to count ``unit``s from."""
    limit = PRECISIONS.index(ANCHOR_LIMIT.get(unit, "week"))
    for anchor in reversed(anchors):
        if PRECISIONS.index(anchor.when.precision) <= limit:
            return anchor
    return None


def shift(start: dt.date, end: dt.date, precision: str, r: Reading):
    """Move the range [start, end] by the reading's count of units: (start, end, precision)."""
    n = r.n
    if r.unit == "day" and r.few:   # "days later": 2 to 6 days on
        lo, hi = (2, 6) if n > 0 else (-6, -2)
        return start + days(lo), end + days(hi), coarser(precision, "week")
    if r.unit == "day":
        return start + days(n), end + days(n), precision
    if r.unit == "week" and r.calendar:
        return week_range(start + days(7 * n))[0], week_range(end + days(7 * n))[1], coarser(precision, "week")
    if r.unit == "week":
        return start + days(7 * n - 3), end + days(7 * n + 3), coarser(precision, "week")
    if r.unit == "month":
        first, last = add_months(start, n), add_months(end, n)
        return month_range(first.year, first.month)[0], month_range(last.year, last.month)[1], coarser(precision, "month")
    return year_range(start.year + n)[0], year_range(end.year + n)[1], "year"
