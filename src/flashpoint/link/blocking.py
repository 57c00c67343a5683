"""Which pairs of mentions are worth comparing: blocking, so cost grows with mentions, not pairs.

A mention is filed under a few keys and compared only with mentions that share one. Every key
holds the PLOVER type, so mentions of different types are never compared. The keys follow the
evidence a merge needs (see ``group.decide``):

- the same article: every pair of same-type mentions in one article (articles are short);
- a resolved date of a week or less: the days it covers, with the country (or "unknown"),
  probing one day either side, the date tolerance;
- a coarser date (month, year) with a district-or-finer place: the months it covers and a
  0.5 degree grid cell, probing the neighbouring cells, since only a precise place can tie a
  vague date to one event;
- an unresolved date with a precise place and a named actor: the grid cell and the actor.
  Such a mention is ambiguous when its key holds many mentions; beyond ``MAX_VAGUE_BUCKET`` it
  is compared with none of them rather than with all (it stays its own event).
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from typing import Hashable, Iterable, Optional

from flashpoint.link.compat import (
    DATE_TOLERANCE_DAYS, SPECIFIC_PRECISION, actor_key, date_range, is_fine_date,
    specific_actors,
)
from flashpoint.record import Event

CELL_DEGREES = 0.5
MAX_VAGUE_BUCKET = 200
Key = tuple[Hashable, ...]


def _country(m: Event) -> Optional[str]:
    loc = m.location
    # International waters/airspace (precision 7) belong to no country's block.
    return loc.country if loc is not None and loc.precision < 7 else None


def _cell(m: Event) -> Optional[tuple[int, int]]:
    loc = m.location
    if loc is None or loc.precision > SPECIFIC_PRECISION:
        return None
    return math.floor(loc.lat / CELL_DEGREES), math.floor(loc.lon / CELL_DEGREES)


def _near_cells(cell: tuple[int, int]) -> list[tuple[int, int]]:
    return [(cell[0] + a, cell[1] + b) for a in (-1, 0, 1) for b in (-1, 0, 1)]


def _days(start: dt.date, end: dt.date) -> list[int]:
    return list(range(start.toordinal(), end.toordinal() + 1))


def _months(start: dt.date, end: dt.date) -> list[int]:
    return list(range(start.year * 12 + start.month, end.year * 12 + end.month + 1))


def _day_keys(m: Event) -> tuple[list[Key], list[Key]]:
    start, end = date_range(m.date)
    t, country, tol = m.event_type, _country(m), DATE_TOLERANCE_DAYS
    home_days = _days(start, end)
    probe_days = _days(start - dt.timedelta(days=tol), end + dt.timedelta(days=tol))
    if country is None:
        # Unknown country: meet mentions of every country ("any") and of none ("?").
        home = [("d", t, d, "?") for d in home_days]
        probe = [("d", t, d, c) for d in probe_days for c in ("any", "?")]
    else:
        home = [("d", t, d, c) for d in home_days for c in (country, "any")]
        probe = [("d", t, d, c) for d in probe_days for c in (country, "?")]
    return home, probe


def _month_keys(m: Event, cell: tuple[int, int], coarse: bool) -> tuple[list[Key], list[Key]]:
    start, end = date_range(m.date)
    months = _months(start, end)
    own, other = ("mc", "mf") if coarse else ("mf", "mc")
    home = [(own, m.event_type, mo, cell) for mo in months]
    near = _near_cells(cell)
    probe = [(other, m.event_type, mo, c) for mo in months for c in near]
    if coarse:
        probe += [(own, m.event_type, mo, c) for mo in months for c in near]
    return home, probe


def _vague_keys(m: Event, cell: tuple[int, int], resolved: bool) -> tuple[list[Key], list[Key]]:
    names = sorted({actor_key(a) for a in specific_actors([*m.actors, *m.recipients])})
    near = [(c, n) for c in _near_cells(cell) for n in names]
    if resolved:
        # A dated mention waits for undated ones; dated pairs meet through their dates.
        return [("ur", m.event_type, cell, n) for n in names], [("uu", m.event_type, c, n) for c, n in near]
    probe = [(ns, m.event_type, c, n) for ns in ("uu", "ur") for c, n in near]
    return [("uu", m.event_type, cell, n) for n in names], probe


def keys_for(m: Event) -> tuple[list[Key], list[Key]]:
    """The keys a mention is filed under (home) and the keys it looks its partners up by (probe)."""
    art = ("a", m.article_id, m.event_type)
    parts = [([art], [art])]
    cell = _cell(m)
    resolved = date_range(m.date) is not None
    if is_fine_date(m.date):
        parts.append(_day_keys(m))
    if resolved and cell is not None:
        parts.append(_month_keys(m, cell, coarse=not is_fine_date(m.date)))
    if cell is not None:
        parts.append(_vague_keys(m, cell, resolved))
    home = [k for h, _ in parts for k in h]
    probe = [k for _, p in parts for k in p]
    return home, probe


def _vague(key: Key) -> bool:
    return key[0] in ("uu", "ur")


def candidate_pairs(mentions: list[Event]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, that share a blocking key, in a deterministic order."""
    index: dict[Key, list[int]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    for j, m in enumerate(mentions):
        home, probe = keys_for(m)
        seen: set[int] = set()
        for key in probe:
            bucket = index.get(key, ())
            if _vague(key) and len(bucket) > MAX_VAGUE_BUCKET:
                continue
            seen.update(bucket)
        pairs.extend((i, j) for i in sorted(seen))
        for key in home:
            index[key].append(j)
    return pairs


def count_comparisons(mentions: Iterable[Event]) -> int:
    """How many pairs grouping will compare (for tests and the benchmark)."""
    return len(candidate_pairs(list(mentions)))
