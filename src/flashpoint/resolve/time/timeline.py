"""Which dates tell when an article's incident happened, and which only frame it.

``find_dates`` (in ``time``) resolves every date expression; this module sorts them by the
part they play in the story, so that ``date_for`` picks the right one for an event:

- a **period start** ("since 2016", "the war began in 2011", "the group, founded in 2014") opens
  a period or names a founding: it keeps its value, but never dates an incident nor anchors a
  chain ("two days later" counts from the incident, not from 2016);
- a **dateline** ("KABUL, May 3 (Reuters) -") dates the report, not the event: an event the
  text does not date otherwise gets the week up to that day, as for any dated report, and
  relative words ("on Tuesday") count from it when the article gives no publication date;
- the **incident date in force** at each sentence: the last incident date an earlier sentence
  gave ("On 29 April, protesters blocked the road. Police dispersed them." dates the
  dispersal on 29 April), unless the event's own clause moves to another time (present or
  future tense, "had earlier ...").

It also holds the tense tests ``find_dates`` reads ("will meet on Friday" looks forward).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from flashpoint.record import Article, DateMention, When
from flashpoint.resolve.time.timecalc import Setting, resolve
from flashpoint.resolve.time.timex import read

PERIOD_PREFIX = "the start of a period or a founding ("
DATELINE_PREFIX = "the report's dateline ("
_WHEN_CLAUSE = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)

# Words right before a date that make it the start of a period or a founding date. "began on
# Tuesday" stays an incident's day (protests that began on Tuesday happened on Tuesday); "began
# in 2011" is when a war or a movement started, not an incident.
_PERIOD_LEAD = re.compile(
    r"(?:\b(?:ever\s+)?since|\b(?:began|begun|begins|started|starts|erupted|broke\s+out|"
    r"founded|formed|established|created|launched|set\s+up)\s+(?:back\s+)?in"
    r"|\b(?:founded|formed|established|created)\s+(?:on|back\s+in))"
    r"\s+(?:(?:the\s+)?(?:early|mid|late|end\s+of|beginning\s+of|start\s+of)[-\s]+)?(?:the\s+)?$",
    re.IGNORECASE)

# "KABUL, May 3 (Reuters) -", "Mogadishu, 12 May 2020 --", "LAGOS, Nigeria, June 2 (AP) —":
# at the start of a paragraph, a place of one to four words (and its country), a date, an
# optional agency, then a dash or colon.
_PLACE = r"[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}"
_DATE_START = r"(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s)"
_DATELINE = re.compile(
    rf"(?m)^[ \t]*{_PLACE}(?:,[ \t]*{_PLACE})??,?[ \t]+(?P<date>(?={_DATE_START})[A-Za-z0-9][A-Za-z0-9 ,.]{{2,30}}?)"
    r"[ \t]*(?:\([A-Za-z .&]{2,30}\))?[ \t]*(?:-{1,2}|\u2013|\u2014|:)[ \t]")
DATELINE_REACH = 600    # a dateline opens one of the first paragraphs (after a headline)


def period_lead(text: str, start: int, end: Optional[int] = None) -> Optional[str]:
    """The words that make the mention at ``start`` a period start ("since"), else None. A
    date that a "when" clause tells of ("since January 2020, when a drone strike killed ...")
    is that clause's incident date, not only a period start."""
    m = _PERIOD_LEAD.search(text, max(0, start - 40), start)
    if m is None or end is not None and _WHEN_CLAUSE.match(text, end):
        return None
    return m.group(0).strip()


def dateline_span(text: str) -> Optional[tuple[int, int]]:
    """Where the date of a dateline lies, when one of the text's first paragraphs opens with
    one ("BEIRUT, March 3 (Reuters) - ..."); the caller checks that it reads as a date."""
    m = _DATELINE.search(text, 0, DATELINE_REACH)
    return (m.start("date"), m.end("date")) if m else None


def as_period_start(when: When, lead: str) -> When:
    return when.model_copy(update={"reason": f"{PERIOD_PREFIX}'{lead}'), not an incident's "
                                             f"date: {when.reason}"})


def as_dateline(when: When) -> When:
    return when.model_copy(update={"reason": f"{DATELINE_PREFIX}the date of the report, not of "
                                             f"an event): {when.reason}"})


def is_period_start(mention: DateMention) -> bool:
    return mention.when.reason.startswith(PERIOD_PREFIX)


def is_dateline(mention: DateMention) -> bool:
    return mention.when.reason.startswith(DATELINE_PREFIX)


# ---------------------------------------------------------------- the incident date in force

# PLOVER types that are incidents of their own: an undated sentence of one of them goes on
# with the incident told before it. Statements (ACCUSE, THREATEN, REQUEST ...) react to an
# incident, often days later, so they never take its date from another sentence.
INCIDENT_TYPES = frozenset("ASSAULT COERCE PROTEST MOBILIZE RETREAT AID SANCTION".split())

# Verbs whose date is the report's, not an incident's ("officials said on Tuesday").
REPORT_LEMMAS = frozenset("say tell report announce state confirm add claim quote".split())
# Adverbs that send a past-perfect clause back before the incident ("had earlier been jailed").
_BEFORE_ADVERBS = frozenset("before earlier previously already formerly once".split())
# Nouns whose relative clause paints the backdrop ("at a time when the cabinet has resigned").
_BACKDROP_NOUNS = frozenset("time moment period era juncture point".split())


def incident_dates(dates: Sequence[DateMention], doc, usable) -> list[Optional[DateMention]]:
    """For each sentence of ``doc``, the incident date in force when it opens.

    A sentence that dates something to the day or week (outside a reporting clause) sets the
    date in force for the sentences after it; one that dates only to a month, year or longer
    ("Last year, the group ...") moves the story out of the incident and clears it; period
    starts, report dates and undated sentences leave it as it was. ``usable`` says whether a
    mention could date an event at all (not boilerplate, a duration, a frequency ...).
    """
    in_force: Optional[DateMention] = None
    found: list[Optional[DateMention]] = []
    spans = long_spans(doc.text, dates)
    for sent in doc.sents:
        found.append(in_force)
        own = [m for m in dates if sent.start_char <= m.start < sent.end_char and usable(m)
               and not is_period_start(m) and not is_dateline(m) and not _of_a_report(doc, m)
               and describing(doc, m) is None and id(m) not in spans]
        if own:
            fine = [m for m in own if m.when.precision in ("day", "week")]
            in_force = fine[0] if fine else None
    return found


_SPAN_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_SPAN_JOIN = re.compile(r"\s*(?:until|till|to|through|and|-|\u2013)\s*", re.IGNORECASE)
SPAN_DAYS = 7     # a span longer than a week is a period (a curfew, a ban), not an incident


def long_spans(text: str, dates: Sequence[DateMention]) -> set[int]:
    """The ids of the mentions that open or close a span of more than a week ("the ban holds
    from 2 February until 30 April"): like a period start, such a span frames the story; it
    neither dates an incident for later sentences nor ends the one in force."""
    found: set[int] = set()
    ordered = sorted(dates, key=lambda m: m.start)
    for first, last in zip(ordered, ordered[1:]):
        if first.when.start is None or last.when.start is None:
            continue
        if not (_SPAN_OPEN.search(text, max(0, first.start - 12), first.start)
                and _SPAN_JOIN.fullmatch(text, first.end, last.start)):
            continue
        if (last.when.start - first.when.start).days > SPAN_DAYS:
            found.update((id(first), id(last)))
    return found


def describing(doc, mention: DateMention) -> Optional[tuple[int, int]]:
    """The character span of the relative clause a month-, year- or decade-long mention lies
    in ("a field where soldiers fought in the 1990s"), else None. Such a date describes the
    noun the clause hangs on, not the story: it neither ends the incident in force nor dates
    an event outside that clause. A day or week in a relative clause ("the men who attacked
    the post on Monday") still dates the story."""
    if mention.when.start is None or mention.when.precision in ("day", "week"):
        return None
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    for _ in range(8):
        if tok is None or tok.head is tok:
            return None
        if tok.dep_ == "relcl":
            right = tok.right_edge
            return tok.left_edge.idx, right.idx + len(right)
        tok = tok.head
    return None


def aside(dates: Sequence[DateMention], doc, trigger: tuple[int, int]) -> list[int]:
    """Indices of the mentions that describe something in a relative clause the event's
    trigger is not in (see ``describing``): ``date_for(aside=...)`` never takes them."""
    found = []
    for i, m in enumerate(dates):
        clause = describing(doc, m)
        if clause is not None and not clause[0] <= trigger[0] < clause[1]:
            found.append(i)
    return found


def _of_a_report(doc, mention: DateMention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    # "a clash was reported on 1 May" dates the clash; "officials said on Tuesday" the saying
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    return tok.lemma_.lower() in REPORT_LEMMAS and not passive


def keeps_the_time(doc, trigger: tuple[int, int]) -> bool:
    """Does the event's clause go on at the time already told? Not when it speaks in the present
    or future ("the group controls", "will hold talks"), goes back before it ("had earlier
    been arrested"), or describes someone under a main verb in the present ("the militia is one
    of the groups that fought Isis"); a clause with no verb ("1 fatality.") goes on."""
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or not len(span):
        return True
    if any(_on_a_time_noun(t) for t in [span.root, *span.root.ancestors]):
        return False     # "at a time when the cabinet resigned in the face of protests"
    verb = _verb_above(span.root)
    if verb is None:
        return True
    if verb.dep_ != "ROOT" and _present(verb.sent.root):
        return False     # "the paramilitaries that fought Isis": a description, not the story
    if _backdrop(verb):
        return False
    return _tells_the_past(verb)


def _on_a_time_noun(tok) -> bool:
    return tok.dep_ == "relcl" and tok.head.lemma_.lower() in _BACKDROP_NOUNS


def _backdrop(verb) -> bool:
    """Is the clause a backdrop to the sentence, not its story? A present-perfect clause under
    a main verb that speaks of the present or future ("the raid will anger X, which has lost
    ..."). A relative clause on a noun of time is one too (``keeps_the_time`` asks)."""
    if verb.dep_ not in ("relcl", "advcl") or verb.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have"
               for c in verb.children):
        return False
    root = verb.sent.root
    return _present(root) or any(c.tag_ == "MD" for c in root.children if c.dep_ == "aux")


def _present(verb) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ in ("VBZ", "VBP") and not auxes


def _tells_the_past(verb) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    if any(a.lower_ == "had" for a in auxes):
        return not any(c.lower_ in _BEFORE_ADVERBS for c in verb.children if c.dep_ == "advmod")
    present = verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") and a.lemma_ != "have"
                                                  for a in auxes)
    return not present


def _verb_above(tok):
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


# ---------------------------------------------------------------- datelines

@dataclass(frozen=True)
class Line:
    span: tuple[int, int]
    when: When

    @property
    def start(self) -> Optional[dt.date]:
        return self.when.start


def dateline(article: Article, narrative: list[tuple[int, int]]) -> Optional[Line]:
    """The dateline's date ("KABUL, May 3 (Reuters) -"), when one opens the story and names a
    day: resolved against publication (or on its own when it gives the year). spaCy's DATE may
    take the city in too ("KABUL, May 3"): the mention becomes the date's words alone."""
    where = dateline_span(article.text)
    if where is None or not any(s < where[1] and where[0] < e for s, e in narrative):
        return None
    text = article.text[where[0]:where[1]]
    reading = read(text)
    if reading is None or reading.kind != "date" or reading.day is None:
        return None
    when = resolve(reading, text, Setting(article.published))
    return Line(where, as_dateline(when)) if when.precision == "day" else None


# ---------------------------------------------------------------- tense

# "would" is the future of reported speech: "said the troops would withdraw by July"
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "would"}
_FUTURE_HEADS = {"plan", "expect", "schedule", "due", "set", "go", "intend", "aim", "prepare"}


def future_tense(doc, start: int, end: int) -> bool:
    """Does the clause holding the mention speak of the future ("will meet on March 20")?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = clause_verb(span)
    if verb is None:
        return False
    if any(c.lower_ in _FUTURE_AUX and c.tag_ == "MD" for c in verb.children):
        return True
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP"):   # "the vote is due on March 20"
        return any(c.lemma_ in ("due", "set", "scheduled", "expected") for c in verb.children)
    if verb.lemma_ in _FUTURE_HEADS and verb.tag_ == "VBN":   # "is scheduled for March 20"
        return any(c.tag_ in ("VBZ", "VBP") for c in verb.children)
    return _planned(verb)


def clause_verb(span):
    """The verb a date modifies, climbing at most five heads from the date; None if none."""
    verb = span.root
    for _ in range(5):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _planned(verb) -> bool:
    """"plans to vote on Friday", "is expected to meet on March 20", "is going to strike"."""
    if verb.tag_ != "VB" or not any(c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.lemma_ not in _FUTURE_HEADS or head.tag_ == "VBD":
        return False
    return not any(c.tag_ == "VBD" for c in head.children)
