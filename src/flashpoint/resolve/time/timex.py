"""Reading a date or time expression: what it says, before any calendar arithmetic.

``read(text)`` turns the words of one mention ("two days later", "Friday, March 13, 2020",
"earlier this month") into a ``Reading``: its kind and the numbers it names. Resolving that
against a publication date or an earlier narrative date is ``timecalc``'s job; finding the
mentions in an article is ``time``'s. Keeping the three apart lets the rules be tested on
plain strings, with no spaCy model.

Kinds of reading:
- ``date``      a calendar date, month, season, year or decade named outright (the year may be
                missing: "March 11", "in March", "the summer");
- ``relative``  counted from publication: "yesterday", "last week", "earlier this month";
- ``ago``       "two days ago": shifted back from publication;
- ``span``      "the past two weeks": from that far back up to publication;
- ``weekday``   "Friday", "last Friday", "Sunday night";
- ``chain``     counted from the previous dated event of the narrative: "two days later",
                "the next day", "the following week", "hours later";
- ``time``      a time of day with no day ("about noon", "3 pm");
- ``none``      an expression we recognise but refuse to date ("recent months", "for three
                years"), with ``why`` saying so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
SEASONS = ("spring", "summer", "autumn", "fall", "winter")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a hundred": 100, "a couple of": 2, "couple of": 2,
}
VAGUE_COUNTS = ("a few", "few", "several", "some", "many")

_MON = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WD = "(" + "|".join(WEEKDAYS) + ")"
_DAY = r"([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(1[89]\d\d|20\d\d)"
_NUM = "(" + "|".join([r"\d+"] + sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_SEASON = "(" + "|".join(SEASONS) + ")"
_UNIT = r"(hour|day|night|week|month|year)s?"
_UNITS = r"(hour|day|night|week|month|year)s"


@dataclass(frozen=True)
class Reading:
    kind: str
    unit: Optional[str] = None      # day, week, month, year, weekend, hour
    n: Optional[int] = None         # count or signed offset; None = an unstated few
    year: Optional[int] = None
    year_end: Optional[int] = None  # "the winter of 2014-15", decades
    month: Optional[int] = None
    day: Optional[int] = None
    weekday: Optional[int] = None
    season: Optional[str] = None
    calendar: bool = False          # "the following week": the next calendar unit
    few: bool = False               # "days later": an unstated few, n holds only the sign
    part: Optional[str] = None      # a qualifier the range keeps or notes: early, later, post
    why: Optional[str] = None       # for kind "none" and "time": why no date is given
    note: Optional[str] = None      # how the words were read, for the reason line


# ---------------------------------------------------------------- normalising the words

_DAYPART = r"(morning|afternoon|evening|night)"
_CLOCK = (
    r"(?:noon|midday|midnight|overnight|dawn|dusk|daybreak|nightfall|sunrise|sunset"
    r"|\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|o'clock)|\d{1,2}:\d\d(?:\s*(?:gmt|utc))?"
    r"|the\s+early\s+hours(?:\s+of)?|(?:the\s+)?(?:early\s+|late\s+)?" + _DAYPART + ")"
)
_CLOCK_RE = re.compile(
    r"(?:\b(?:at|around|about|approximately|shortly\s+(?:before|after)|just\s+(?:before|after)|by|in)\s+)*"
    r"\b" + _CLOCK + r"(?:\s+(?:local\s+time|gmt|utc))?\b\.?"
)
_LEAD = re.compile(
    r"^(?:(?:on|in|at|since|by|during|from|until|till|through|throughout|around|about|"
    r"approximately|circa|nearly|almost|roughly|some|just|more\s+than|less\s+than|"
    r"before|after|as\s+of|of|over|for|within|,)\s+|,\s*)+"
)
_TRAIL = re.compile(r"(?:\s*(?:,|on|of|at|in|and)\s*)+$")
_QUAL = re.compile(
    r"^(?:the\s+(?=early|mid|late))?(early|mid|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of|the\s+turn\s+of)(?:[-\s]+(?:on\s+|in\s+)?)"
)
_SPECIAL_DAYS = {
    "tonight": ("today", "'tonight' is the evening of publication day"),
    "this morning": ("today", None), "this afternoon": ("today", None),
    "this evening": ("today", None),
    "last night": ("yesterday", "'last night' is taken as the night before publication"),
    "last evening": ("yesterday", None),
}


@dataclass(frozen=True)
class Words:
    core: str           # the words left to read, lower case
    part: Optional[str]  # qualifier stripped from the front
    clock: bool          # a time of day was named
    note: Optional[str]


def normalise(text: str) -> Words:
    """Lower-case, drop prepositions, possessives and times of day; keep what dates it."""
    s = re.sub(r"\s+", " ", text.lower().replace("\u2019", "'")).strip(" .")
    s = re.sub(r" (?=[,.'])|(?<=[-/]) | (?=[-/])", "", s)   # tokenised text: "April 22 , 1923"
    s = re.sub(r"'s$", "", s)
    s = _LEAD.sub("", s)
    for words, (to, note) in _SPECIAL_DAYS.items():
        if re.fullmatch(words, s):
            return Words(to, None, True, note)
    # "earlier in the day" is "earlier that day": the day of the event just told
    s = re.sub(r"^(earlier|later) in the\b", r"\1 that", s)
    # "the next morning" dates like "the next day"; "later that night" like "later that day"
    s = re.sub(r"\b(next|following|previous|preceding|same|that)\s+" + _DAYPART, r"\1 day", s)
    s = re.sub(r"\bthe\s+" + _DAYPART + r"\s+(before|after)\b", r"the day \2", s)
    stripped = _CLOCK_RE.sub(" ", s)
    clock = stripped != s
    s = _TRAIL.sub("", _LEAD.sub("", re.sub(r"\s+", " ", stripped).strip(" ,")))
    part = None
    m = _QUAL.match(s)
    if m:
        part, s = re.sub(r"\s+", " ", m.group(1)), _LEAD.sub("", s[m.end():])
    return Words(s.strip(), part, clock, None)


# ---------------------------------------------------------------- the rules

def _num(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _year(y: str) -> int:
    return int(y)


def _mdy(m: re.Match) -> Reading:
    wd, mon, day, year = m.groups()
    return Reading("date", unit="day", year=_year(year) if year else None, month=MONTHS[mon],
                   day=int(day), weekday=WEEKDAYS[wd] if wd else None)


def _dmy(m: re.Match) -> Reading:
    wd, day, mon, year = m.groups()
    return Reading("date", unit="day", year=_year(year) if year else None, month=MONTHS[mon],
                   day=int(day), weekday=WEEKDAYS[wd] if wd else None)


def _iso(m: re.Match) -> Optional[Reading]:
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return Reading("date", unit="day", year=y, month=mo, day=d)


_ORDINAL_WEEKS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def _month_week(m: re.Match) -> Reading:
    which, mon, year = m.groups()
    return Reading("date", unit="monthweek", n=_ORDINAL_WEEKS[which], month=MONTHS[mon],
                   year=_year(year) if year else None)


def _month_day(m: re.Match) -> Reading:
    return Reading("date", unit="monthday", day=int(m.group(1)))


def _numeric(m: re.Match) -> Reading:
    """"11/27/2005": month and day told apart only when one of them is over 12."""
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if a > 12 >= b:
        month, day = b, a
    elif b > 12 >= a or a == b:
        month, day = a, b
    else:
        return Reading("none", why=f"'{m.group(0)}' could be day/month or month/day")
    return Reading("date", unit="day", year=year, month=month, day=day)


def _month(m: re.Match) -> Reading:
    mon, year = m.groups()
    return Reading("date", unit="month", month=MONTHS[mon], year=_year(year) if year else None)


def _year_only(m: re.Match) -> Reading:
    return Reading("date", unit="year", year=_year(m.group(1)))


def _post_pre(m: re.Match) -> Reading:
    return Reading("date", unit="year", year=_year(m.group(2)), part=m.group(1))


def _decade(m: re.Match) -> Reading:
    start = int(m.group(1))
    return Reading("date", unit="decade", year=start, year_end=start + 9)


def _season_year(m: re.Match) -> Reading:
    season, year, second = m.groups()
    season = "autumn" if season == "fall" else season
    first = _year(year)
    if second:   # "the winter of 2014-15": the season that begins in the first year
        return Reading("date", unit="season", season=season, year=first, year_end=first + 1)
    return Reading("date", unit="season", season=season, year=first)


def _season_rel(m: re.Match) -> Reading:
    which, season = m.groups()
    season = "autumn" if season == "fall" else season
    n = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(which or "", None)
    if n is None:   # "the summer", "in summer": which one depends on tense
        return Reading("date", unit="season", season=season)
    return Reading("relative", unit="season", season=season, n=n)


# Holidays on a fixed calendar day (Gregorian); movable feasts (Easter, Eid, Ramadan) are not
# read, since their dates need a calendar we do not ship.
HOLIDAYS = {
    "new year's eve": (12, 31), "new year's day": (1, 1), "new year": (1, 1),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26),
}


def _holiday(m: re.Match) -> Reading:
    month, day = HOLIDAYS[m.group(1)]
    return Reading("date", unit="day", month=month, day=day, note="holiday")


def _year_range(m: re.Match) -> Optional[Reading]:
    first, last = int(m.group(1)), m.group(2)
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if end <= first:
        return None
    return Reading("date", unit="years", year=first, year_end=end)


def _deictic_day(m: re.Match) -> Reading:
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "the day before yesterday": -2,
               "the day after tomorrow": 2}
    return Reading("relative", unit="day", n=offsets[m.group(0)])


def _relative_unit(m: re.Match) -> Reading:
    which, unit = m.groups()
    n = {"this": 0, "last": -1, "next": 1, "coming": 1}[which]
    return Reading("relative", unit=unit, n=n)


def _weekend(m: re.Match) -> Reading:
    return Reading("relative", unit="weekend", n={"last": -1, "this": 0, "next": 1}.get(m.group(1)))


def _span(m: re.Match) -> Reading:
    count, unit = m.groups()
    n = _num(count) if count else 1
    return Reading("span", unit=unit, n=n)


def _ago(m: re.Match) -> Reading:
    count, unit = m.groups()
    n = None if count in VAGUE_COUNTS else _num(count)
    if unit in ("week", "month", "year") and n is None:
        return Reading("none", why=f"'{count} {unit}s ago' gives no count to date it by")
    return _counted("ago", unit, n, -1)


def _weekday(m: re.Match) -> Reading:
    which, wd = m.groups()
    n = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(which or "", None)
    return Reading("weekday", weekday=WEEKDAYS[wd], n=n)


def _counted(kind: str, unit: str, n: Optional[int], sign: int) -> Reading:
    if unit == "night":
        unit = "day"
    if unit == "hour":   # "48 hours later" is two days on; "hours later" the same day
        return Reading(kind, unit="day", n=sign * round((n or 0) / 24), note="hours")
    if n is None:
        return Reading(kind, unit=unit, n=sign, few=True)
    return Reading(kind, unit=unit, n=sign * n)


_SIGN = {"later": 1, "after": 1, "on": 1, "afterwards": 1, "earlier": -1, "before": -1,
         "previously": -1, "prior": -1}


def _chain_count(m: re.Match) -> Reading:
    count, unit, direction = m.groups()
    return _counted("chain", unit, _num(count), _SIGN[direction])


def _chain_few(m: re.Match) -> Reading:
    count, unit, direction = m.groups()
    if unit in ("hour", "day", "night"):
        return _counted("chain", unit, None, _SIGN[direction])
    words = f"{count + ' ' if count else ''}{unit}s {direction}"
    return Reading("none", why=f"'{words}' gives no count to date it by")


def _chain_next(m: re.Match) -> Reading:
    which, unit = m.groups()
    n = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0}[which]
    return Reading("chain", unit=unit, n=n, calendar=True)


def _day_after(m: re.Match) -> Reading:
    return Reading("chain", unit="day", n=1 if m.group(1) == "after" else -1, calendar=True)


def _vague(m: re.Match) -> Reading:
    return Reading("none", why=f"'{m.group(0)}' is too vague to date")


def _duration(m: re.Match) -> Reading:
    return Reading("none", why="a duration, not a point in time")


FREQUENCY_WHY = "a frequency (every day, each week), not a point in time"


def _frequency(m: re.Match) -> Reading:
    return Reading("none", why=FREQUENCY_WHY)


_RULES = [
    (rf"(?:{_WD},? )?(?:the )?{_MON} {_DAY}(?:,? {_YEAR})?", _mdy),
    (rf"(?:{_WD},? )?(?:the )?{_DAY} (?:of )?{_MON}(?:,? {_YEAR})?", _dmy),
    (r"(\d{4})-(\d\d)-(\d\d)", _iso),
    (rf"the {_DAY}", _month_day),
    (rf"(\d{{1,2}})/(\d{{1,2}})/{_YEAR}", _numeric),
    (rf"the (first|second|third|fourth|last|final) week (?:of|in) {_MON}(?:,? {_YEAR})?", _month_week),
    (rf"{_MON},? (?:of )?{_YEAR}", _month),
    (rf"{_MON}()", _month),
    (rf"(?:the )?(?:year )?{_YEAR}", _year_only),
    (rf"(post|pre)-? ?{_YEAR}", _post_pre),
    (rf"between {_YEAR} and (\d{{4}})", _year_range),
    (rf"(?:from )?{_YEAR} ?(?:-|\u2013|to|until) ?(\d{{4}}|\d\d)", _year_range),
    (r"(?:the )?(" + "|".join(HOLIDAYS) + ")", _holiday),
    (r"(?:the )?((?:1[89]|20)\d0)'?s", _decade),
    (rf"(?:the )?{_SEASON},? (?:of )?{_YEAR}(?:[-/](\d{{2}}|\d{{4}}))?", _season_year),
    (rf"(?:(last|past|this|next|coming|the) )?{_SEASON}", _season_rel),
    (r"yesterday|today|tomorrow|the day before yesterday|the day after tomorrow", _deictic_day),
    (r"(this|last|next|coming) (week|month|year)", _relative_unit),
    (r"(?:(?:the|(this|last|next)) )?weekend", _weekend),
    (r"(?:the )?(?:past|last|previous) " + _NUM + r" (day|week|month|year)s", _span),
    (r"the (?:past|last) (day|week|month|year)", lambda m: Reading("span", unit=m.group(1), n=1)),
    (_NUM + r" (hour|day|night|week|month|year)s? ago", _ago),
    (r"(a few|few|several|some|many) (hour|day|week|month|year)s ago", _ago),
    (rf"(?:(last|past|this|next|coming) )?{_WD}", _weekday),
    (_NUM + r" " + _UNIT + r" (later|after|afterwards|earlier|before|previously|prior|on)",
     _chain_count),
    (r"(?:(a few|few|several|some|many) )?" + _UNITS + r" (later|after|afterwards|earlier|before)",
     _chain_few),
    (r"(?:the )?(next|following|previous|preceding|same|that) (day|week|month|year)", _chain_next),
    (r"the day (after|before)", _day_after),
    (r"(?:recent|coming|past|previous|next|few|several|many|some|the) (?:few )?"
     r"(?:hours|days|weeks|months|years|decades)(?: ago)?|(?:decades|years|centuries) ago"
     r"|recently|the past|once|then|now|these days|nowadays|currently|(?:at )?the time|earlier|later"
     r"|(?:these|those|several|the) (?:days|years)", _vague),
    (r"(?:the )?(?:last |past |first |next |previous |whole |entire )?(?:\d+|a|an|one|two|three|four|"
     r"five|six|seven|eight|nine|ten|eleven|twelve|a few|few|several|some|many|couple of)?"
     r"[ -]?(?:hours?|days?|weeks?|months?|years?|decades?|centuries|century)(?:[ -]long| old)?",
     _duration),
]


# "used by thousands every day": spaCy's DATE may carry words before the frequency
_RULES.append((r"(?:.* )?(?:every|each) (?:other |single )?(?:day|night|morning|evening|week|month|"
               r"year|hour)s?(?: and night)?", _frequency))

_COMPILED = [(re.compile(p), f) for p, f in _RULES]


def read(text: str) -> Optional[Reading]:
    """What one date expression says, or None when no rule reads it."""
    words = normalise(text)
    if not words.core:
        if words.clock:
            return Reading("time", why="a time of day with no day named")
        return None
    for pattern, rule in _COMPILED:
        m = pattern.fullmatch(words.core)
        if m:
            reading = rule(m)
            if reading is None:
                return None
            return _with_words(reading, words)
    return None


def _with_words(reading: Reading, words: Words) -> Reading:
    changes = {}
    if words.part and not reading.part:
        changes["part"] = words.part
    if words.note and not reading.note:
        changes["note"] = words.note
    return replace(reading, **changes) if changes else reading
