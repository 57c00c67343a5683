"""When things happened: every date expression in an article, resolved, and each event's date.

``find_dates`` finds date and time expressions (spaCy's DATE and TIME entities plus our own
patterns for what spaCy misses: "two days later", "the next day", "Sunday night"), reads each
(``timex``) and resolves it (``timecalc``) against the article's publication date or, for
chains, against the previous dated event of the narrative, never silently the publication date.

An offset that names its own anchor ("two days after the rocket attack", "a day before the
vote") never counts from the previous narrative date: it counts from a date inside the words
"after"/"before" governs, else from the latest earlier date attached to another mention of the
same event (same head lemma, a noun or verb, with no clashing noun modifier: "rocket attack" is
not "drone attack"), else it stays unresolved with the reason "counted from 'the rocket attack',
whose date the text does not give". Only "a day after that" and a bare "the day before," count
from the narrative. Frequencies ("every day") are reported, never an event's date.

Boilerplate (photo captions, archive notes, related headlines: ``article.marks``) is blanked in
the parsed doc, so it is scanned separately with our patterns. Its dates are reported, with a
reason that starts ``in boilerplate (``, but they never anchor a chain and ``date_for`` never
picks them: a file photo's caption can be years older than the story.

``date_for`` chooses an event's date from the mentions; whether a date lies so far before
publication that the article recalls it as background is the one rule of ``background``.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Sequence

from flashpoint.record import Article, DateMention, When
from flashpoint.resolve.time.timecalc import Anchor, Setting, resolve, unresolved
from flashpoint.resolve.time.timeline import (
    INCIDENT_TYPES, as_period_start, clause_verb, dateline, future_tense, incident_dates, is_dateline,
    is_period_start, keeps_the_time, period_lead,
)
from flashpoint.resolve.time.timex import FREQUENCY_WHY, NUMBER_WORDS, Reading, read

BOILERPLATE_PREFIX = "in boilerplate ("
DURATION_REASON = "a duration, not a point in time"
NO_RULE_PREFIX = "no rule reads"
TIME_ONLY_REASON = "a time of day with no day named"
NO_DATE_REASON = "the text gives no date for this event"
INHERITED_PREFIX = "no date in its sentence; it goes on with the incident dated "

_MARK_NAMES = {"caption": "photo caption"}

# ---------------------------------------------------------------- our own patterns

# Month and weekday names match in any case: lower-case and capitalised text ("ON 4 MAY 2021")
# date like any other; only "may" in lower case is left to spaCy, since it is mostly the verb.
_M = (r"(?:(?i:January|February|March|April|June|July|August|September|October|November|"
      r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)|May|MAY)")
_FULL_M = (r"(?:(?i:January|February|March|April|June|July|August|September|October|November|"
           r"December)|May|MAY)")
_WD = r"(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|20\d\d)"
_N = "(?:" + "|".join(sorted([r"\d+", r"a\s+couple\s+of", r"a\s+few", "few", "several"]
                              + [w for w in NUMBER_WORDS if " " not in w], key=len, reverse=True)) + ")"
_PART = r"(?:\s+(?i:morning|afternoon|evening|night))?"
_AFTER = r"(?:(?<=\bin\s)|(?<=\bIn\s)|(?<=\bsince\s)|(?<=\bSince\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bduring\s))"

_FINDERS = [
    rf"(?:{_WD},?\s+)?(?:{_M}\s+{_D}(?:,?\s+{_Y})?|{_D}\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?)(?!\w)",
    rf"\b{_M},?\s+{_Y}\b",
    rf"\b(?i:the\s+(?:first|second|third|fourth|last|final)\s+week\s+(?:of|in)\s+){_M}(?:,?\s+{_Y})?\b",
    r"\b\d{4}-\d\d-\d\d\b",
    rf"\b\d{{1,2}}\s?/\s?\d{{1,2}}\s?/\s?{_Y}\b",
    rf"\b(?:(?i:last|this|next|coming)\s+)?{_WD}{_PART}\b",
    rf"\b(?i:(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|today|tonight|tomorrow)){_PART}\b",
    r"\b(?i:this\s+(?:morning|afternoon|evening)|last\s+(?:night|evening))\b",
    r"\b(?i:(?:(?:earlier|later|late|early)\s+)?(?:this|last|next)\s+"
    r"(?:week|month|year|weekend|spring|summer|autumn|fall|winter))\b",
    rf"\b(?i:(?:the\s+)?(?:(?:early|late|mid)[-\s]?)?(?:spring|summer|autumn|fall|winter),?\s+(?:of\s+)?){_Y}(?:[-/]\d{{2,4}})?\b",
    rf"\b(?i:(?:the\s+)?(?:past|last|previous)\s+{_N}\s+(?:days|weeks|months|years))\b",
    rf"\b(?i:{_N}\s+(?:hours?|days?|nights?|weeks?|months?|years?)\s+"
    r"(?:later|earlier|after|before|ago|afterwards|previously))\b",
    r"\b(?i:(?:hours|days|weeks|months|years)\s+(?:later|earlier|afterwards|ago|after|before))\b",
    r"\b(?i:(?:earlier|later)\s+in\s+the\s+(?:day|morning|afternoon|evening|week|month|year))\b",
    r"(?<=\bon\s)the\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s*[A-Za-z0-9])",
    r"(?<=\bin\s)(?:the\s+)?(?i:(?:early|late)\s+)?(?i:spring|summer|autumn|fall|winter)\b(?!\s+of\b)",
    r"\b(?i:(?:(?:later|earlier)\s+)?(?:the\s+)?(?:next|following|previous|preceding|same|that)\s+"
    r"(?:day|morning|afternoon|evening|night|week|month|year))\b",
    r"\b(?i:the\s+(?:day|night)\s+(?:before|after))\b",
    r"\b(?i:recent\s+(?:days|weeks|months|years)|the\s+coming\s+(?:days|weeks|months))\b",
    rf"(?<![\w-])(?i:post|pre|mid)-{_Y}\b",
    rf"{_AFTER}(?:(?i:early|late|mid)[-\s])?{_Y}\b",
    r"\b(?:the\s+)?(?:19|20)\d0s\b",
    rf"{_AFTER}(?:(?i:early|late|mid)[-\s])?{_FULL_M}\b",
    r"\b(?i:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    r"(?i:noon|midnight|overnight|dawn|dusk|daybreak|nightfall)\b",
    r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b)",
    rf"\b(?:(?i:between)\s+{_Y}\s+and\s+{_Y}|(?:(?i:from)\s+)?{_Y}\s*(?:-|\u2013|to|until)\s*(?:{_Y}|\d\d))\b",
    r"\b(?:New\s+Year['\u2019]s(?:\s+(?:Eve|Day))?|Christmas(?:\s+(?:Eve|Day))?|Boxing\s+Day)\b",
]
# Every pattern starts a word; saying so up front spares the engine most text positions.
_FINDER = re.compile(r"\b(?=[A-Za-z0-9])(?:" + "|".join(f"(?:{p})" for p in _FINDERS) + ")")
# What may separate a time of day from the date it belongs to: "noon the next day", "3 pm on Friday"
_JOIN_GAP = re.compile(r"[ \t]*(?:,|on|of|at)?[ \t]*")
_NOISE = re.compile(r"[\d\s.,/\-–]+|.*\byear-old\b.*|.*\d+-year\b.*")


def pattern_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans our own patterns find in ``text`` (used on the narrative and on boilerplate)."""
    return [(offset + m.start(), offset + m.end()) for m in _FINDER.finditer(text)]


# ---------------------------------------------------------------- finding

def find_dates(article: Article, doc) -> list[DateMention]:
    """Every date or time expression of the article, in text order, each resolved or not.

    ``doc`` is spaCy's parse of ``article.masked_text()``, so its offsets are the article's.
    """
    narrative = _narrative_spans(article, doc)
    boilerplate = _boilerplate_spans(article)
    line = dateline(article, narrative)
    if line is not None:   # the dateline's words replace whatever spaCy's DATE took with them
        narrative = [s for s in narrative if not (s[0] < line.span[1] and line.span[0] < s[1])]
        narrative.append(line.span)
    items = sorted([(s, e, None) for s, e in narrative] + boilerplate)
    published = article.published or (line.start if line is not None else None)
    anchors: list[Anchor] = []
    found = []
    for i, (start, end, kind) in enumerate(items):
        text = article.text[start:end]
        reading = read(text)
        if reading is None and _NOISE.fullmatch(text):
            continue   # spaCy's DATE on a bare number or an age: not a date expression
        if line is not None and (start, end) == line.span:
            when = line.when
        elif kind is None:
            when = _narrative_when(article, doc, (items, i, found), reading, published, anchors)
        else:
            when = _boilerplate_when(reading, text, kind)
        found.append(DateMention(article_id=article.id, text=text, start=start, end=end, when=when))
    return found


def _narrative_when(article: Article, doc, place: tuple, reading: Optional[Reading],
                    published: Optional[dt.date], anchors: list[Anchor]) -> When:
    """One mention of the narrative, resolved; an incident's date joins ``anchors`` for the
    chains after it, a period start ("since 2016") keeps its value but anchors nothing."""
    items, i, found = place
    start, end = items[i][:2]
    text = article.text[start:end]
    if _DURING.search(article.text, max(0, start - 30), start) and _THE_DAY.fullmatch(text):
        reading = read("that day")     # "During the day, two soldiers were wounded"
    ahead = _own_anchor(article, doc, items, i, found) if _points_ahead(reading, text) else None
    if isinstance(ahead, str):
        return unresolved(text, ahead)
    setting = Setting(published, future_tense(doc, start, end), (ahead,) if ahead else tuple(anchors))
    when = _resolve(reading, text, setting)
    lead = period_lead(article.text, start, end)
    if lead is not None:
        return as_period_start(when, lead)
    if when.start is None and _LASTING.search(article.text, max(0, start - 6), start) \
            or when.start is None and _LASTING_OF.match(article.text, end):
        return unresolved(text, DURATION_REASON)     # "for several hours", "days of clashes"
    if when.precision is not None:
        anchors.append(Anchor(when, text))
    return when


_LASTING = re.compile(r"\bfor\s+$", re.IGNORECASE)
_LASTING_OF = re.compile(r"\s+of\s+[a-z]")
_DURING = re.compile(r"\b(?:during|throughout|in\s+the\s+course\s+of)\s+$", re.IGNORECASE)
_THE_DAY = re.compile(r"the\s+(?:day|night)", re.IGNORECASE)


def _points_ahead(reading: Optional[Reading], text: str) -> bool:
    """"a day after" / "two days before" count from the event named next, not the one before."""
    return reading is not None and reading.kind == "chain" and bool(_AHEAD.search(text))


_AHEAD = re.compile(r"\b(?:after|before)\s*$", re.IGNORECASE)


def _own_anchor(article: Article, doc, items: list, i: int, found: list[DateMention]):
    """What "two days after <X>" counts from: X's own date, never the previous narrative date.

    X is what the preposition governs. Its date is, in order: a date inside X ("after the
    ceasefire was announced on March 2"); the date of an earlier mention of the same event
    ("the rocket attack on Tuesday ... two days after the rocket attack"). Returns an Anchor,
    None when X is a pronoun ("a day after that": the previous narrative date is meant), or the
    reason the offset stays unresolved.
    """
    start, end = items[i][:2]
    if _ADVERBIAL.match(article.text, end):   # "The day before, police had been warned"
        return None
    prep = _last_token(doc, start, end)
    if prep is None or not doc.has_annotation("DEP"):
        return f"'{article.text[start:end]}' counts from what follows it, which could not be parsed"
    region = _governed(prep)
    if not region:   # the parse gives "after" no object: the adverb, as above
        return None
    head = next((t for t in prep.children if t.dep_ == "pobj"), None)
    if head is not None and head.pos_ == "PRON":
        return None
    inside = _anchor_inside(article, doc, items, i, region)
    if inside is not None:
        return inside
    phrase = _phrase(head, region)
    if head is not None and head.pos_ in ("NOUN", "PROPN"):
        earlier = _event_anchor(doc, head, phrase, found)
        if earlier is not None:
            return earlier
    return f"'{article.text[start:end]}' is counted from '{phrase}', whose date the text does not give"


_ADVERBIAL = re.compile(r"\s*(?:[,.;:!?)\u2014]|$)")


def _last_token(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


def _governed(prep) -> list:
    """The tokens after "after"/"before" that it governs: its object, or the clause it opens."""
    root = prep.head if prep.dep_ == "mark" else prep
    tokens = sorted((t for t in root.subtree if t.i > prep.i and t.sent == prep.sent), key=lambda t: t.i)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens


def _anchor_inside(article: Article, doc, items: list, i: int, region: list) -> Optional[Anchor]:
    """The date inside the governed words, when they date themselves."""
    lo, hi = region[0].idx, region[-1].idx + len(region[-1])
    for start, end, kind in items[i + 1:]:
        if start >= hi:
            break
        if kind is not None or start < lo or end > hi:
            continue
        text = article.text[start:end]
        reading = read(text)
        if reading is None or reading.kind == "chain":
            continue
        when = resolve(reading, text, Setting(article.published, future_tense(doc, start, end)))
        if when.precision is not None:
            return Anchor(when, text, "the date of the event it counts from, named next")
    return None


def _phrase(head, region: list) -> str:
    """The words naming what the offset counts from: the noun phrase, or the clause's start."""
    if head is not None:
        words = [t for t in region if t.i <= head.i]
    else:
        words = region[:6]
    return "".join(t.text_with_ws for t in words).strip()


def _compounds(noun) -> set[str]:
    return {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}


def _event_anchor(doc, noun, phrase: str, found: list[DateMention]) -> Optional[Anchor]:
    """The latest earlier narrative date attached to another mention of the same event noun.

    "Another mention" shares the head lemma (attack, strike, raid) and, when both carry noun
    modifiers, one of them ("rocket attack" is not "drone attack"); a verb of that lemma
    counts too ("gunmen attacked the bus on Sunday ... a day after the attack"), when the
    phrase has no modifier to check against.
    """
    lemma, mods = noun.lemma_.lower(), _compounds(noun)
    for mention in reversed(found):
        when = mention.when
        if in_boilerplate(mention) or when.precision not in ("day", "week"):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for tok in span.sent:
            if tok.i != noun.i and tok.lemma_.lower() == lemma and _attached(tok, span, mods):
                return Anchor(when, mention.text, f"the date given for '{phrase}'")
    return None


def _attached(tok, span, mods: set[str]) -> bool:
    """Does the date ``span`` date this mention of the event?"""
    if tok.pos_ in ("NOUN", "PROPN"):
        theirs = _compounds(tok)
        if mods and theirs and not mods & theirs:
            return False
        if span.root in tok.subtree:   # "Tuesday's rocket attack", "the attack on Tuesday"
            return True
        return tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.head == clause_verb(span)
    return tok.pos_ == "VERB" and not mods and tok == clause_verb(span)


def _resolve(reading: Optional[Reading], text: str, setting: Setting) -> When:
    if reading is None:
        return unresolved(text, f"{NO_RULE_PREFIX} '{text}' as a date")
    return resolve(reading, text, setting)


def _narrative_spans(article: Article, doc) -> list[tuple[int, int]]:
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    spans += pattern_spans(doc.text)
    spans = [s for s in spans if not article.is_marked(*s)]
    return merge_spans(spans, article.text)


def _boilerplate_spans(article: Article) -> list[tuple[int, int, str]]:
    found = {}
    for mark in article.marks:
        for span in merge_spans(pattern_spans(article.text[mark.start:mark.end], mark.start), article.text):
            found.setdefault(span, mark.kind)
    return [(s, e, kind) for (s, e), kind in found.items()]


def merge_spans(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Overlapping spans become one; a time of day joins the date next to it."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        start, end = _trim(text, start, end)
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif merged and _joins(text, merged[-1], (start, end)):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _joins(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    if not _JOIN_GAP.fullmatch(text[left[1]:right[0]]):
        return False
    kinds = [_kind(text[s:e]) for s, e in (left, right)]
    return "time" in kinds and kinds[0] != kinds[1]


def _kind(text: str) -> Optional[str]:
    reading = read(text)
    return reading.kind if reading else None


def _boilerplate_when(reading: Optional[Reading], text: str, kind: str) -> When:
    where = f"{BOILERPLATE_PREFIX}{_MARK_NAMES.get(kind, kind)})"
    if reading is not None and reading.kind == "date" and reading.year is not None:
        when = resolve(reading, text, Setting(None))
        if when.precision is not None:
            return when.model_copy(update={"reason": f"{where}: {when.reason}; never an event's date"})
    return unresolved(text, f"{where}: only a date with its year is resolved there, since "
                            "captions and notes can date from another time")


# ---------------------------------------------------------------- choosing an event's date

def in_boilerplate(mention: DateMention) -> bool:
    return mention.when.reason.startswith(BOILERPLATE_PREFIX)


def _dates_something(mention: DateMention) -> bool:
    """A mention that could date an event: not boilerplate, a duration or frequency, a bare
    time of day."""
    reason = mention.when.reason
    if is_period_start(mention) or is_dateline(mention):
        return False
    return not (in_boilerplate(mention) or reason in (DURATION_REASON, FREQUENCY_WHY)
                or reason == TIME_ONLY_REASON or reason.startswith(NO_RULE_PREFIX))


def date_for(dates: list[DateMention], attached: list[int], sentence: tuple[int, int],
             trigger: tuple[int, int], published: Optional[dt.date],
             reported: Sequence[int] = (), inherited: Optional[DateMention] = None,
             aside: Sequence[int] = ()) -> When:
    """The event's date, from the most specific source that gives one:

    1. its attached mentions that date it (a duration, "since 2016" or a dateline never does);
    2. for a past event told as reported speech, the week up to the report's day (``reported``:
       indices of the date mentions of the reporting clause, "said on Sunday night that US
       forces had conducted strikes");
    3. the sentence's mention nearest the trigger (one that names a day, week, month, year or a
       vague time, preferred over a bare time of day, which yields to ``inherited``): a
       sentence's explicit date governs its events, however far from the verb;
    4. ``inherited``: the incident date an earlier sentence gave, when the event's sentence goes
       on with that incident (``timeline.incident_dates`` and ``keeps_the_time`` decide);
    5. the week up to the dateline's day, as for any event known only from a dated report;
    else unresolved. Boilerplate mentions are never chosen, and a report's own date is never
    given as the event's day, nor one ``aside`` (indices of mentions that describe something in
    a relative clause the trigger is not in, ``timeline.aside``: "a field where soldiers fought
    in the 1990s"). ``published`` is part of the interface but never a fallback: an event the
    text does not date stays unresolved, with the reason NO_DATE_REASON.
    """
    own = [dates[i] for i in attached if 0 <= i < len(dates) and not in_boilerplate(dates[i])
           and i not in aside]
    dating = [m for m in own if _dates_something(m)]
    chosen = next((m for m in dating if m.when.start is not None), dating[0] if dating else None)
    if chosen is not None:   # resolved first; else a vague "in recent months" passes its reason
        return chosen.when.model_copy()
    report = [dates[i] for i in reported if 0 <= i < len(dates) and not in_boilerplate(dates[i])]
    window = _reported_window(report)
    if window is not None:
        return window
    skip = {id(m) for m in report} | {id(dates[i]) for i in aside if 0 <= i < len(dates)}
    nearest = _nearest_in_sentence(dates, sentence, trigger, skip)
    if nearest is not None and not _refines(nearest, inherited):
        return nearest.when.model_copy()
    return _from_earlier(dates, inherited)


def _refines(mention: DateMention, inherited: Optional[DateMention]) -> bool:
    """A bare time of day ("at midnight") names no day: in a sentence that goes on with the
    incident told before, it is a time on that incident's day, which the event takes."""
    return (mention.when.reason == TIME_ONLY_REASON and inherited is not None
            and inherited.when.start is not None)


def _nearest_in_sentence(dates: list[DateMention], sentence: tuple[int, int],
                         trigger: tuple[int, int], skip: set[int]) -> Optional[DateMention]:
    inside = [m for m in dates if sentence[0] <= m.start and m.end <= sentence[1]
              and not in_boilerplate(m) and id(m) not in skip]
    dating = ([m for m in inside if _dates_something(m)]
              or [m for m in inside if m.when.reason == TIME_ONLY_REASON])
    if not dating:
        return None
    opener = next((m for m in dating if m.start - sentence[0] <= OPENER_REACH
                   and m.when.start is not None), None)
    if opener is not None:    # "On 3 May, in X, residents protested ... riots last month"
        return opener
    return min(dating, key=lambda m: (_distance(m, trigger), m.start))


# A date that opens its sentence ("On 3 May 2020, ...", "As reported on 1 May, ...") sets the
# scene for the whole sentence: it wins over dates told further on, of other things.
OPENER_REACH = 16


def _from_earlier(dates: list[DateMention], inherited: Optional[DateMention]) -> When:
    """An event its own sentence does not date: the incident date in force, else the week up to
    the dateline's day, else unresolved."""
    if inherited is not None and inherited.when.start is not None:
        when = inherited.when
        return when.model_copy(update={"reason": f"{INHERITED_PREFIX}'{inherited.text}', which "
                                                 f"an earlier sentence gives: {when.reason}"})
    line = [m for m in dates if is_dateline(m)]
    return _reported_window(line) or When(reason=NO_DATE_REASON)


def dates_in_force(dates: list[DateMention], doc) -> list[Optional[DateMention]]:
    """For each sentence, the incident date in force when it opens (see ``timeline``)."""
    return incident_dates(dates, doc, _dates_something)


def inherited_date(in_force: list[Optional[DateMention]], doc, sentence: int,
                   trigger: tuple[int, int], event_type: str) -> Optional[DateMention]:
    """The incident date an event in sentence ``sentence`` goes on with, when it is an incident
    (not a statement about one) and its clause keeps the time already told; ``date_for(
    inherited=...)`` takes it."""
    if event_type not in INCIDENT_TYPES or not 0 <= sentence < len(in_force) \
            or in_force[sentence] is None:
        return None
    return in_force[sentence] if keeps_the_time(doc, trigger) else None


REPORT_WINDOW_DAYS = 6      # the report's day and the six before it: the week ACLED would code


def _reported_window(report: list[DateMention]) -> Optional[When]:
    """An event already done when it was reported, with no date of its own: ACLED codes it by
    the report, so it happened on or before the report's day; we give that week, never the day."""
    day = next((m for m in report if m.when.start is not None and m.when.precision == "day"
                and (m.when.end is None or m.when.end == m.when.start)), None)
    if day is None:
        return None
    end = day.when.start
    return When(text=day.text, start=end - dt.timedelta(days=REPORT_WINDOW_DAYS), end=end,
                precision="week",
                reason=f"no date of its own; reported on {end.isoformat()} ('{day.text}') "
                       f"as already done, so on or before that day")


def _distance(mention: DateMention, span: tuple[int, int]) -> int:
    if mention.end <= span[0]:
        return span[0] - mention.end
    if span[1] <= mention.start:
        return mention.start - span[1]
    return 0

