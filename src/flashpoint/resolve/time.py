"""When things happened: every date expression in an article, resolved, and each event's date.

``find_dates`` finds date and time expressions (spaCy's DATE and TIME entities plus our own
patterns for what spaCy misses: "two days later", "the next day", "Sunday night"), reads each
(``timex``) and resolves it (``timecalc``) against the article's publication date or, for
chains, against the previous dated event of the narrative, never silently the publication date.

Boilerplate (photo captions, archive notes, related headlines: ``article.marks``) is blanked in
the parsed doc, so it is scanned separately with our patterns. Its dates are reported, with a
reason that starts ``in boilerplate (``, but they never anchor a chain and ``date_for`` never
picks them: a file photo's caption can be years older than the story.

``date_for`` chooses an event's date from the mentions; ``is_background`` says whether a date
lies so far before publication that the article recalls it as background.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from flashpoint.record import Article, DateMention, When
from flashpoint.resolve.timecalc import Anchor, Setting, resolve, unresolved
from flashpoint.resolve.timex import NUMBER_WORDS, Reading, read

BOILERPLATE_PREFIX = "in boilerplate ("
DURATION_REASON = "a duration, not a point in time"
NO_RULE_PREFIX = "no rule reads"
TIME_ONLY_REASON = "a time of day with no day named"
NO_DATE_REASON = "the text gives no date for this event"
# Events whose date ends more than this many days before publication are background: the
# article recalls them (last year's offensive) rather than reports them. Two months keeps a
# story's "earlier this month" and "last month" as news and sends "in the summer of 2014" and
# anything older than about two months to the background.
BACKGROUND_DAYS = 60

_MARK_NAMES = {"caption": "photo caption"}

# ---------------------------------------------------------------- our own patterns

_M = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
      r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_FULL_M = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
           r"December)")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
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
    r"(?i:noon|midnight|dawn|dusk|daybreak|nightfall)\b",
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
    items = sorted([(s, e, None) for s, e in narrative] + boilerplate)
    anchors: list[Anchor] = []
    found = []
    for i, (start, end, kind) in enumerate(items):
        text = article.text[start:end]
        reading = read(text)
        if reading is None and _NOISE.fullmatch(text):
            continue   # spaCy's DATE on a bare number or an age: not a date expression
        if kind is None:
            ahead = _anchor_ahead(article, doc, items, i) if _points_ahead(reading, text) else None
            setting = Setting(article.published, _future(doc, start, end),
                              (ahead,) if ahead else tuple(anchors))
            when = _resolve(reading, text, setting)
            if when.precision is not None:
                anchors.append(Anchor(when, text))
        else:
            when = _boilerplate_when(reading, text, kind)
        found.append(DateMention(article_id=article.id, text=text, start=start, end=end, when=when))
    return found


def _points_ahead(reading: Optional[Reading], text: str) -> bool:
    """"a day after" / "two days before" count from the event named next, not the one before."""
    return reading is not None and reading.kind == "chain" and bool(_AHEAD.search(text))


_AHEAD = re.compile(r"\b(?:after|before)\s*$", re.IGNORECASE)


def _anchor_ahead(article: Article, doc, items: list, i: int) -> Optional[Anchor]:
    """The date right after "a day after ..." in the same sentence, when it dates itself."""
    if i + 1 >= len(items) or items[i + 1][2] is not None or not doc.has_annotation("SENT_START"):
        return None
    start, end = items[i + 1][:2]
    if _sentence_start(doc, items[i][0]) != _sentence_start(doc, start):
        return None
    text = article.text[start:end]
    reading = read(text)
    if reading is None or reading.kind == "chain":
        return None
    when = resolve(reading, text, Setting(article.published, _future(doc, start, end)))
    if when.precision is None:
        return None
    return Anchor(when, text, "the date of the event it counts from, named next")


def _sentence_start(doc, char: int) -> Optional[int]:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0].sent.start if span is not None and len(span) else None


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


# ---------------------------------------------------------------- tense

# "would" is the future of reported speech: "said the troops would withdraw by July"
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
_FUTURE_HEADS = {"plan", "expect", "schedule", "due", "set", "go", "intend", "aim", "prepare"}


def _future(doc, start: int, end: int) -> bool:
    """Does the clause holding the mention speak of the future ("will meet on March 20")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = span.root
    for _ in range(5):   # climb from the date to the verb it modifies
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.lower_ in _FUTURE_AUX and c.tag_ == "MD" for c in verb.children):
        return True
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP"):   # "the vote is due on March 20"
        return any(c.lemma_ in ("due", "set", "scheduled", "expected") for c in verb.children)
    if verb.lemma_ in _FUTURE_HEADS and verb.tag_ == "VBN":   # "is scheduled for March 20"
        return any(c.tag_ in ("VBZ", "VBP") for c in verb.children)
    return _planned(verb)


def _planned(verb) -> bool:
    """"plans to vote on Friday", "is expected to meet on March 20", "is going to strike"."""
    if verb.tag_ != "VB" or not any(c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.lemma_ not in _FUTURE_HEADS or head.tag_ == "VBD":
        return False
    return not any(c.tag_ == "VBD" for c in head.children)


# ---------------------------------------------------------------- choosing an event's date

def in_boilerplate(mention: DateMention) -> bool:
    return mention.when.reason.startswith(BOILERPLATE_PREFIX)


def _dates_something(mention: DateMention) -> bool:
    """A mention that could date an event: not boilerplate, a duration, a bare time of day."""
    reason = mention.when.reason
    return not (in_boilerplate(mention) or reason == DURATION_REASON
                or reason == TIME_ONLY_REASON or reason.startswith(NO_RULE_PREFIX))


def date_for(dates: list[DateMention], attached: list[int], sentence: tuple[int, int],
             trigger: tuple[int, int], published: Optional[dt.date]) -> When:
    """The event's date: its attached mentions first, else the sentence's mention nearest the
    trigger (one that names a day, week, month, year or a vague time, preferred over a bare
    time of day; durations never), else unresolved. Boilerplate mentions are never chosen.

    ``published`` is part of the interface but never used as a fallback: an event the text
    does not date stays unresolved, with the reason NO_DATE_REASON.
    """
    usable = [dates[i] for i in attached if 0 <= i < len(dates) and not in_boilerplate(dates[i])]
    if usable:
        chosen = next((m for m in usable if m.when.start is not None), usable[0])
        return chosen.when.model_copy()
    inside = [m for m in dates
              if sentence[0] <= m.start and m.end <= sentence[1] and not in_boilerplate(m)]
    dating = ([m for m in inside if _dates_something(m)]
              or [m for m in inside if m.when.reason == TIME_ONLY_REASON])
    if dating:
        return min(dating, key=lambda m: (_distance(m, trigger), m.start)).when.model_copy()
    return When(reason=NO_DATE_REASON)


def _distance(mention: DateMention, span: tuple[int, int]) -> int:
    if mention.end <= span[0]:
        return span[0] - mention.end
    if span[1] <= mention.start:
        return mention.start - span[1]
    return 0


def is_background(when: When, published: Optional[dt.date]) -> bool:
    """True when the date ends more than BACKGROUND_DAYS before publication."""
    if when.start is None or published is None:
        return False
    end = when.end or when.start
    return (published - end).days > BACKGROUND_DAYS
