"""Cleaning: mark the boilerplate lines of an article so later stages skip them.

Nothing is cut: each boilerplate line gets a Mark (start, end, kind) over its visible
characters, and ``Article.masked_text()`` blanks marked characters with spaces, so every
offset into the masked text is an offset into ``Article.text``.

The unit is the line, because scraped news keeps its boilerplate on lines of its own:
photo captions and credits, related-headline teasers, "READ ALSO" links, "Via" source lines,
machine-translation notices, bylines and share prompts. The headline and standfirst at the
top are kept unless a rule with a definite cue (a "Via" line, a caption prefix) says otherwise.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple, Optional

from flashpoint.record import Article, Mark

# How many lines at the top are taken as headline and standfirst, and so never judged as
# related headlines (they have the same shape: short, no final full stop).
LEAD_LINES = 2
# A related-headline teaser is short; real paragraphs without a final stop are rarer than
# teasers, and longer.
HEADLINE_MAX_WORDS = 16
# Captions that end in a bare agency name are short; longer lines ending so are news.
CREDIT_LINE_MAX_WORDS = 60
SHORT_LINE_MAX_WORDS = 25

_AGENCY = (r"(?:AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Getty(?: Images)?|Alamy|Shutterstock|"
           r"Anadolu(?: Agency)?|Xinhua|Bloomberg|Sipa|ANSA|Bloomberg via Getty Images)")

# Each rule: (kind, compiled pattern matched against the stripped line, word limit or None).
_RULES: tuple[tuple[str, re.Pattern, Optional[int]], ...] = (
    ("caption", re.compile(
        r"^(?:\(FILES?\)|FILE[ -]+PHOTO\b|FILE ?[-\u2013\u2014:]|\(?In this (?:file |handout )?"
        r"(?:photo|image|picture|frame grab)|This (?:annotated |handout |undated |satellite )?"
        r"(?:image|photo|picture|frame grab)s? (?:provided|released|made available|taken|shows)|"
        r"(?:A )?handout (?:photo|picture|image)\b)", re.I), None),
    ("caption", re.compile(
        r"(?:/\s*AFP(?:\s*/\s*[^/]{1,60})?|AFP via Getty Images|"
        r"\((?:[^()]{0,120}\bvia (?:AP|AFP|Reuters|Getty Images)|AP Photo[^()]{0,80}|"
        r"(?:REUTERS|Reuters|AFP|EPA|Getty Images)/[^()]{1,80}|Photo: [^()]{1,80})\))\s*$"), None),
    ("caption", re.compile(
        rf"[.!?\u201d\"]\s*(?:{_AGENCY}|(?:Photo|Photograph|Picture|Image|Credit)s?(?: by)?:? "
        rf"[^.!?]{{1,60}}|[\w.' -]{{2,40}}/{_AGENCY}|{_AGENCY}/[\w.' -]{{2,40}})\s*$"),
     CREDIT_LINE_MAX_WORDS),
    ("caption", re.compile(r"^(?:Photo|Photograph|Picture|Image|Credit)s?(?: by)?: ", re.I),
     SHORT_LINE_MAX_WORDS),
    ("read-also", re.compile(
        r"^(?:READ (?:ALSO|MORE)|Read (?:also|more)|Also read|ALSO READ|See also|SEE ALSO|"
        r"RELATED(?: ARTICLES?| STORIES| CONTENT| NEWS)?\b|"
        r"Related(?: articles?| stories| content| news)?:|MORE:|More:|Recommended:|"
        r"Don't miss:)"), SHORT_LINE_MAX_WORDS),
    ("via", re.compile(r"^Via\s+(?:the\s+)?[A-Z][^.!?]*$"), 8),
    ("translation", re.compile(
        r"^(?:Powered by (?:automated|machine) translation|(?:This (?:article|story|text) "
        r"(?:was|has been|is) )?(?:automatically|machine[- ])translated\b|Translated by\b)",
        re.I), SHORT_LINE_MAX_WORDS),
    ("byline", re.compile(
        r"^(?:(?!.*[.!?]$)By\s+(?:[A-Z][\w.'\u2019-]*\s*){1,4}(?:(?:,|and|&|\|)\s*[\w.'\u2019 -]{1,60})?$|"
        r"(?:Additional )?(?:Reporting|Writing|Editing|Compiled|Reported) by\b)"), SHORT_LINE_MAX_WORDS),
    ("share", re.compile(
        r"^(?:Share (?:this|on|via)\b|Follow (?:us|me|@)|Click here\b|Sign up\b|Subscribe\b|"
        r"Tweet\b|Copy link\b|Email this\b|Like us on\b|Join (?:us|our)\b.*\b(?:channel|"
        r"newsletter|WhatsApp|Telegram)|Download (?:our|the) app\b)", re.I), SHORT_LINE_MAX_WORDS),
    ("advert", re.compile(r"^(?:Advertisement|ADVERTISEMENT|Sponsored|Story continues below"
                          r"(?: advertisement)?|Scroll to continue)\s*$"), None),
)

_TERMINAL = ".!?:;\u201d\"\u2019'\u2026)]"


class Line(NamedTuple):
    """One non-blank line: its stripped text and the offsets of that text in the article."""

    text: str
    start: int
    end: int


# Boilerplate run into the text: scraped pages flattened to one paragraph, snippets, lower-case
# feeds. A teaser label with its colon, up to the end of its sentence (or the line); a photo
# credit label with a few words. Only the definite cues: a label and a colon.
_INLINE = re.compile(
    r"(?:(?<=[.!?\u201d\"])\s+|^)((?:also read|read also|read more|see also|related(?: articles?| stories"
    r"| news)?|recommended|don't miss)[ \t]*:[ \t]*[^\n]*?(?:[.!?](?=\s|$)|(?=\n)|$)"
    r"|(?:photo|photograph|picture|image|credit)s?(?: by)?[ \t]*:[ \t]*(?:[^.!?\s]+[ \t]*){1,8}?"
    r"(?:[.!?](?=\s|$)|(?=\n)|$))",
    re.I)


def mark_inline(text: str) -> list[Mark]:
    """Marks for teasers and photo credits that sit inside a line of news text."""
    marks = []
    for found in _INLINE.finditer(text):
        label = found.group(1).split(":", 1)[0].split()[0].lower().rstrip("s")
        kind = "caption" if label in ("photo", "photograph", "picture", "image", "credit") else "read-also"
        marks.append(Mark(start=found.start(1), end=found.end(1), kind=kind))
    return marks


def clean(article: Article) -> Article:
    """A copy of the article with its boilerplate lines marked (text unchanged)."""
    lines = mark_lines(article.text)
    covered = [(m.start, m.end) for m in lines]
    found = lines + [m for m in mark_inline(article.text)
                     if not any(a <= m.start and m.end <= b for a, b in covered)]
    known = {(m.start, m.end) for m in article.marks}
    marks = list(article.marks) + [m for m in found if (m.start, m.end) not in known]
    return article.model_copy(update={"marks": sorted(marks, key=lambda m: (m.start, m.end))})


def mark_lines(text: str) -> list[Mark]:
    """The boilerplate marks for a text, one per boilerplate line, in text order."""
    lines = list(split_lines(text))
    if len(lines) < 2:
        return []  # a one-line article has no layout to tell boilerplate from news by
    marks, seen, kept = [], set(), 0
    for line in lines:
        kind = line_kind(line.text, seen, lead=kept < LEAD_LINES)
        seen.add(line.text)
        if kind is None:
            kept += 1
        else:
            marks.append(Mark(start=line.start, end=line.end, kind=kind))
    return marks


def split_lines(text: str) -> Iterator[Line]:
    """Every non-blank line, with the offsets of its stripped text."""
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            yield Line(stripped, start, start + len(stripped))
        offset += len(raw) + 1


def line_kind(line: str, seen: set[str], lead: bool = False) -> Optional[str]:
    """The kind of boilerplate a line is, or None for news text.

    ``seen`` holds the lines before this one; ``lead`` is true for the headline and standfirst.
    """
    kind = rule_kind(line)
    if kind is not None:
        return kind
    if line in seen:
        return "repeated"
    if not lead and is_related_headline(line):
        return "related-headline"
    return None


def rule_kind(line: str) -> Optional[str]:
    words = len(line.split())
    for kind, pattern, max_words in _RULES:
        if (max_words is None or words <= max_words) and pattern.search(line):
            return kind
    return None


def is_related_headline(line: str) -> bool:
    """A short line starting with a capital and without a final stop, amid the body."""
    return (len(line.split()) <= HEADLINE_MAX_WORDS and line[0].isupper()
            and line[-1] not in _TERMINAL)
