"""How a place name is placed by the words around it: the units named after it, and datelines.

Reports name a small place with the units it lies in: ACLED's notes write 'in Napula (Macomia,
Cabo Delgado)', news writes 'in Kafr Nabl, Idlib province'. The units say which of several
same-named places is meant, and that the name before them is a place at all, even when the
parser took it for a person. ``hierarchy_spots`` finds such names the other finders missed,
when the gazetteer has a place of that name inside one of the units named; ``read_hierarchy``
links every found place to the units after it (``Spot.parents``, ``Spot.child``).

A dateline ('BEIRUT (Reuters) -', 'KABUL, Afghanistan, May 3 --') says where the report was
filed: a place in it is marked (``Spot.dateline``) so that it is never taken for the event's.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from flashpoint.record import Article
from flashpoint.resolve.places.gazetteer import Entry, Gazetteer, normalise

MAX_PARENTS = 3
# After a place: an optional kind word, then '(' or ',' ('Erkech village (Todan, ...)'), or
# 'X area of Y', 'X neighbourhood of Y' (one unit).
_KIND = r"village|town|city|district|area|locality|neighbou?rhood|community|quarter|suburb"
_OPEN_PARENT = re.compile(rf"(?:\s+(?:{_KIND}))?\s*(?:\(|,\s*(?:in\s+)?)|\s+(?:{_KIND})\s+of\s+"
                          r"(?:the\s+)?")
_NEXT_PARENT = re.compile(r"(?:\s+(?:province|governorate|state|region|district|county|lga|"
                          r"department|municipality))?\s*,\s*")
UNIT_WORDS = re.compile(r"\s+(?:province|governorate|state|region|district|county|department|"
                        r"municipality|prefecture|oblast|lga|local government area|sub-?district|"
                        r"sub-?county|commune|parish)$")
_NAME = r"[A-Z][\w'’-]*(?:[ -](?:[A-Z][\w'’-]*|al|el|de|do|da|dos|das|del|la|le|les|of))*"
# 'X (A, B, C)' and 'X, A [province]': X a capitalised name, A.. the units.
_BRACKETS = re.compile(rf"({_NAME})\s*\(([^()\n]{{2,80}})\)")
_COMMA = re.compile(rf"({_NAME}),\s+({_NAME})")
# A dateline opens the text or a line: a name in capitals, or any name with a news agency in
# brackets, perhaps a country and a date, then a dash.
_DATE = r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
DATELINE = re.compile(
    r"^[^\S\n]*(?:[A-Z][A-Z'.-]{2,}(?:[ ,]+[A-Z][\w'.-]*){0,3}" + _DATE
    + r"(?:\s*\([^)\n]{1,40}\))?|[A-Z][\w'.-]*(?:[ ,]+[A-Z][\w'.-]*){0,3}" + _DATE
    + r"\s*\([^)\n]{1,40}\))\s*(?:-{1,2}|\u2013|\u2014)\s", re.M)


def unit_key(name: Optional[str]) -> str:
    """An administrative unit's key without its kind word: 'Idlib Governorate' -> 'idlib'."""
    return UNIT_WORDS.sub("", normalise(name or ""))


def in_unit(entry: Entry, parents: Iterable[str]) -> bool:
    """The place lies in one of the units named: its admin1 or admin2 bears one of the names."""
    units = {unit_key(p) for p in parents} - {""}
    return bool(units) and bool({unit_key(entry.admin1), unit_key(entry.admin2)} & units)


def hierarchy_spots(article: Article, gazetteer: Gazetteer, spots: list,
                    text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, text, key) of names found only by the units after them: a name (or its
    last words) the gazetteer has inside a unit named in the brackets or after the comma, and
    those units themselves, when no other spot covers them. ``text`` is the parsed text (the
    article's, or its copy with capitals restored: the same length)."""
    taken = [(s.start, s.end) for s in spots]
    found: list[tuple[int, int, str, str]] = []
    for place, units in _shapes(text):
        keys = [unit_key(text[a:b]) for a, b in units]
        name = _known_tail(text, gazetteer, place, keys)
        if name is None:
            continue
        for a, b in [name, *units]:
            key = normalise(text[a:b])
            if key and not _overlaps(a, b, taken + [(f[0], f[1]) for f in found]) \
                    and not article.is_marked(a, b) and gazetteer.lookup_keys([key]):
                found.append((a, b, article.text[a:b], key))
    return found


def _shapes(text: str):
    """(place span, unit spans) for each 'X (A, B)' and 'X, A' in the text."""
    for m in _BRACKETS.finditer(text):
        units, pos = [], m.start(2)
        for part in m.group(2).split(","):
            lead = len(part) - len(part.lstrip())
            units.append((pos + lead, pos + len(part.rstrip())))
            pos += len(part) + 1
        yield m.span(1), units[:MAX_PARENTS]
    for m in _COMMA.finditer(text):
        yield m.span(1), [m.span(2)]


def _known_tail(text: str, gazetteer: Gazetteer, place: tuple[int, int],
                keys: list[str]) -> Optional[tuple[int, int]]:
    """The longest tail of the name ('Islamabad' of 'Around Islamabad') that the gazetteer has
    inside one of the units."""
    a, b = place
    countries = {e.country for k, found in gazetteer.lookup_keys(keys).items() for e in found
                 if e.kind == "country"}
    words = [m.start() + a for m in re.finditer(r"\S+", text[a:b])]
    for start in words:
        key = normalise(text[start:b])
        entries = gazetteer.lookup_keys([key]).get(key, []) if key else []
        if any(_placed(e, key, keys, countries) for e in entries):
            return start, b
    return None


def _placed(entry: Entry, key: str, units: list[str], countries: set) -> bool:
    """The units confirm the place: it lies in one of them; or they repeat its name ('Tangier
    (Tangier)': the town in its own district); or one is its country and it is a town."""
    if in_unit(entry, units):
        return True
    town = entry.kind in ("locality", "capital") and (entry.primary or entry.population > 0)
    return town and (key in units or entry.country in countries)


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in spans)


def read_hierarchy(spots: list, text: str) -> None:
    """Link each place to the units named right after it: their keys become its ``parents``
    and each of them records it as its ``child``. Mark places that stand in a dateline."""
    datelines = [m.span() for m in DATELINE.finditer(text)]
    by_start = {s.start: s for s in spots}
    for spot in spots:
        spot.dateline = any(a <= spot.start and spot.end <= b for a, b in datelines)
        opener = _OPEN_PARENT.match(text, spot.end)
        if opener is None:
            continue
        pos, bracket = opener.end(), text[opener.end() - 1] == "("
        while len(spot.parents) < MAX_PARENTS:
            parent = by_start.get(pos + len(text[pos:pos + 5]) - len(text[pos:pos + 5].lstrip()))
            if parent is None or parent.demonym or parent is spot:
                break
            spot.parents.append(parent.key)
            spot.parent_spots.append(parent)
            parent.child = parent.child or spot
            more = _NEXT_PARENT.match(text, parent.end)
            if not bracket or more is None:
                break
            pos = more.end()
