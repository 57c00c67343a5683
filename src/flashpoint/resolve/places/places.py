"""Place resolution: every place mention in an article, each resolved on its own (or left
unresolved: 'none of these'), and, as a separate step, the location of one event.

Choosing among same-named places uses the article: the countries it is about (named, implied by
demonyms, or by places with one reading), the provinces it names ('Alexandria' in a report on
Babil province is Iraq's Iskandariya), and nearness to the other places it names.

Demonyms ('Iraqi', 'American') are listed by ``find`` and resolve to their country with
precision 6, because users asked for them and they are context; ``location_for`` uses one only
when extraction attached it to the event, never because it stands in the same sentence
('Iraqi militias fired rockets at Camp Taji' happened at Camp Taji, not in 'Iraq').
"""
from __future__ import annotations

import bisect
import math
from collections import Counter
from typing import NamedTuple, Optional

from spacy.tokens import Doc

from flashpoint.geo import km as _km  # the one distance (benchmarks/geovirus.py imports _km)
from flashpoint.record import Article, Place, PlaceMention
from flashpoint.resolve.places.gazetteer import Entry, Gazetteer, default_gazetteer, normalise
from flashpoint.resolve.places.place_hierarchy import in_unit
from flashpoint.resolve.places.toponyms import Spot, find_spots, spots_for_spans

KIND_PRIOR = {"country": 3.0, "province": 0.5, "region": 1.5, "continent": 3.0, "sea": 2.0,
              "base": 1.5, "crossing": 1.5, "district": 0.3, "locality": 0.0,
              # News names capitals for their governments: 'Washington' is rarely the state.
              "capital": 1.5}
CONTEXT_COUNTRY = 3.0   # scaled by the share of the article's country votes
CONTEXT_ADMIN = 2.5     # the candidate lies in a province the article names
PARENT = 4.0            # ... the very unit named after it: 'Napula (Macomia, Cabo Delgado)'
UNIT_ORDER = 1.5        # a name before its units is the smaller place, a unit the larger
# A place farther than this from the centre of every unit named for it is not in them.
UNIT_REACH_KM = {"district": 150.0, "province": 500.0, "country": 0.0, "capital": 60.0,
                 "locality": 60.0}
QUARTER_KM = 60.0       # a neighbourhood lies this near a town the article names
# Units named only by a direction ('Southern', 'North East') exist in many countries: no proof.
COMPASS = frozenset("north south east west northern southern eastern western central "
                    "northeast northwest southeast southwest upper lower middle".split())
NEARBY = 1.5            # within NEARBY_KM of another place the article names
NEARBY_KM = 250.0
PRIMARY_NAME = 1.0
KIND_HINT = 3.0         # 'Babil province': the province, not a town
SIBLING = 3.0           # a province when the article names other provinces of its country
BIG_CITY = 1_000_000    # a city this large is what its province's shared name usually means
TWIN = 3.0              # ... so the province ('New York' state) gives way unless named as one
PROMINENT = 2.0         # a populous province or country outranks a small namesake town
SMALL_TOWN = 100_000
# 'None of these': a weak candidate, named only by an alternate spelling, small, and outside
# the article's countries, is more likely a different place the gazetteer lacks.
MIN_POPULATION = 5_000
LONE_VOTES = 3    # with this many country votes, a hamlet abroad alone in its country is doubted


class Role(NamedTuple):
    """How a place mention stands in its sentence, as location_for needs to know it."""

    locative: bool   # after 'in', 'at', 'near', 'on'...: where something happened
    speaker: bool    # a capital that speaks for its government: 'Washington blames'
    sentence: int = -1   # index of the sentence it stands in (-1: not known)
    container: bool = False  # names the unit the place before it lies in: 'X (Macomia, ...)'
    dateline: bool = False   # 'BEIRUT (Reuters) -': where the report was filed, not the event
    after_in: bool = False   # right after 'in', 'at', 'near'...: 'positions in X' names a place


NEUTRAL = Role(False, False)
# An event whose sentence names no place happened where the sentences just before it say
# ('Gunmen attacked a bus in Kafr Nabl. Two passengers died.'), looking this far back
# (characters from the place to the event's sentence: about three news sentences).
CARRY_CHARS = 600


class Survey(NamedTuple):
    """What `PlaceResolver.survey` found in one article: the mentions and, aligned, their roles."""

    mentions: list[PlaceMention]
    roles: list[Role]


class PlaceResolver:
    def __init__(self, gazetteer: Optional[Gazetteer] = None):
        self.gazetteer = gazetteer or default_gazetteer()

    def find(self, article: Article, doc: Doc) -> list[PlaceMention]:
        """Every place mention in text order, each resolved or with place=None."""
        return self.survey(article, doc).mentions

    def survey(self, article: Article, doc: Doc) -> Survey:
        """The place mentions of ``find`` with their roles, for choosing event locations."""
        spots = find_spots(article, doc, self.gazetteer)
        choices = _consistent(spots, self._border_areas(spots, resolve_spots(spots)))
        mentions = [PlaceMention(article_id=article.id, text=s.text, start=s.start, end=s.end,
                                 place=self._place(s, c) if c else None)
                    for s, c in zip(spots, choices)]
        starts = [sent.start_char for sent in doc.sents]
        chosen = {id(s): c for s, c in zip(spots, choices)}
        roles = [Role(s.locative, s.speaker, bisect.bisect_right(starts, s.start) - 1,
                      _contains(s, chosen), s.dateline, s.after_in) for s in spots]
        return Survey(mentions, roles)

    def resolve_spans(self, article: Article, doc: Doc,
                      spans: list[tuple[int, int]]) -> list[Optional[Place]]:
        """Resolve given character spans as place names, using the rest of the article as
        context (for spans found by other means, e.g. a gold standard or an extractor)."""
        found = [s for s in find_spots(article, doc, self.gazetteer)
                 if not any(s.start < e and b < s.end for b, e in spans)]
        given = spots_for_spans(article, spans, self.gazetteer)
        choices = resolve_spots(given + found)[:len(given)]
        return [self._place(s, c) if c else None for s, c in zip(given, choices)]

    def location_for(self, mentions: list[PlaceMention], attached: list[int],
                     sentence: tuple[int, int], trigger: tuple[int, int], *,
                     avoid: list[tuple[int, int]] = (),
                     roles: Optional[list[Role]] = None) -> Optional[Place]:
        """The event's place: the attached mentions first, then places in its sentence.

        Among attached mentions the most specific place wins (a base over its province over its
        country), then one that is not a unit named for another, then the one nearest the
        trigger; a place of the sentence after a locative preposition that is more specific and
        in the same country wins over them ('in Temuco, ..., forces of Chile opened fire'
        happened in Temuco).

        The same-sentence fallback prefers places after a locative preposition ('in', 'at',
        'near', 'on'...). It never takes a dateline's place, nor a place that speaks
        ('Washington blames'), nor a mention inside ``avoid`` (the actor and recipient phrases:
        'The US retaliated') unless 'in', 'at', 'near'... stands right before it ('LNA
        positions in Wadi al-Rabi') or a locative preposition governs a place smaller than a
        country (not 'called on the United States'). Demonyms count there only as places ('on
        Iraqi bases'). ``roles`` (from ``survey``, aligned with ``mentions``) says which places
        those are; without it every mention is taken as neutral. A sentence with no place takes
        the most specific place of the nearest sentence before it that names one (CARRY_CHARS
        back at most; ``roles`` say which sentence each mention stands in).
        """
        roles = roles or [NEUTRAL] * len(mentions)
        pool = [(m, r) for m, r in zip(mentions, roles) if m.place and sentence[0] <= m.start
                and m.end <= sentence[1] and not r.dateline
                and (r.after_in or (r.locative and m.place.precision < 6)
                     or not _inside(m, avoid))]
        chosen = [(mentions[i], roles[i]) for i in attached
                  if 0 <= i < len(mentions) and mentions[i].place]
        if chosen:
            best = min(chosen, key=lambda c: (c[0].place.precision, c[1].container,
                                              _gap(c[0], trigger)))[0]
            return (_finer(best, pool) or best).place.model_copy()
        best = self._rank(pool, trigger, avoid) or self._carried(mentions, roles, sentence[0])
        return best.place.model_copy() if best else None

    def _rank(self, pool: list[tuple[PlaceMention, Role]], trigger: tuple[int, int],
              avoid=()) -> Optional[PlaceMention]:
        """Locative places first, then those outside the actor phrases ('positions in X' may
        stand inside the target's phrase), then places that are not a unit named for another
        place, then the most specific, then the nearest to the trigger."""
        ranked = [(not r.locative, _inside(m, avoid), r.container, m.place.precision,
                   _gap(m, trigger), i)
                  for i, (m, r) in enumerate(pool)
                  if not r.speaker and (r.locative or not self._is_demonym(m))]
        return pool[min(ranked)[-1]][0] if ranked else None

    def _carried(self, mentions: list[PlaceMention], roles: list[Role],
                 start: int) -> Optional[PlaceMention]:
        """The place of the nearest earlier sentence that names one, for a sentence with none."""
        before = [(m, r) for m, r in zip(mentions, roles) if m.place and m.end <= start
                  and start - m.end <= CARRY_CHARS and r.sentence >= 0 and not r.dateline]
        for back in sorted({r.sentence for _, r in before}, reverse=True):
            pool = [(m, r) for m, r in before if r.sentence == back]
            best = self._rank(pool, (pool[0][0].start, pool[0][0].start))
            if best:
                return best
        return None

    def _border_areas(self, spots: list[Spot], choices: list[Optional[Entry]]) -> list[Optional[Entry]]:
        """'Strikes near the Syrian border' in a report about places in Iraq happened in Iraq's
        border area: a frontier named by the neighbour resolves to a part (precision 5) of the
        country the article's other places lie in, when that country is clear."""
        home = _home_country(spots, choices)
        out = list(choices)
        for k, (spot, choice) in enumerate(zip(spots, choices)):
            if not spot.border or choice is None or home is None or choice.country == home:
                continue
            entry = self.gazetteer.country(home)
            if entry is not None:
                out[k], spot.part = entry, True
        return out

    def _is_demonym(self, mention: PlaceMention) -> bool:
        return mention.place.precision == 6 and self.gazetteer.demonym(mention.text) is not None

    def _place(self, spot: Spot, entry: Entry) -> Place:
        return Place(text=spot.text, name=entry.name, geonames_id=entry.geonames_id,
                     lat=round(entry.lat, 5), lon=round(entry.lon, 5),
                     country=self.gazetteer.iso3(entry.country),
                     admin1=entry.admin1 if entry.kind != "country" else None,
                     precision=precision_of(spot, entry))


def _consistent(spots: list[Spot], choices: list[Optional[Entry]]) -> list[Optional[Entry]]:
    """A place read as lying outside the units named after it ('Nima (Accra, Greater Accra)'
    resolved to a Nima 10,000 km away) is another place the gazetteer lacks: left unresolved,
    so that its units stand for it."""
    chosen = {id(s): c for s, c in zip(spots, choices)}
    towns = [(id(s), c) for s, c in zip(spots, choices)
             if c is not None and c.kind in ("locality", "capital") and not s.quarter]
    return [None if c is not None and (_outside(s, c, chosen) or _stray_quarter(s, c, towns))
            else c for s, c in zip(spots, choices)]


def _stray_quarter(spot: Spot, entry: Entry, towns: list) -> bool:
    """'shot in Cidade Nova neighbourhood' in a report on Maraba: a quarter lies in the town
    the article is about, never 2,000 km away; read far from every town it names, it is
    another quarter the gazetteer lacks."""
    others = [t for k, t in towns if k != id(spot)]
    return spot.quarter and bool(others) and all(
        _km(entry.lat, entry.lon, t.lat, t.lon) > QUARTER_KM for t in others)


def _outside(spot: Spot, entry: Entry, chosen: dict) -> bool:
    """Only units read by their own name as an admin unit count; a big city read by its own
    name is trusted over them."""
    if (entry.primary and entry.population >= BIG_CITY / 10) or in_unit(entry, spot.parents):
        return False
    units = [chosen.get(id(p)) for p in spot.parent_spots if not COMPASS.issuperset(p.key.split())]
    units = [u for u in units if u is not None and u.primary and u.kind in UNIT_REACH_KM]
    return bool(units) and all(
        u.country != entry.country if u.kind == "country"
        else _km(entry.lat, entry.lon, u.lat, u.lon) > UNIT_REACH_KM[u.kind] for u in units)


def _finer(best: PlaceMention, pool: list) -> Optional[PlaceMention]:
    """A locative place of the sentence more specific than ``best`` and in its country."""
    finer = [m for m, r in pool if r.locative and not r.container
             and m.place.precision < best.place.precision
             and best.place.country and m.place.country == best.place.country]
    return min(finer, key=lambda m: (m.place.precision, m.start)) if finer else None


def _contains(spot: Spot, chosen: dict) -> bool:
    """True when ``spot`` names the unit its child place lies in, as resolved: the child's
    admin names include it, or it is a larger unit of the child's country."""
    child, unit = spot.child, chosen.get(id(spot))
    place = chosen.get(id(child)) if child is not None else None
    if place is None or unit is None:
        return False
    return in_unit(place, [spot.key]) or (unit.precision > place.precision
                                            and unit.country == place.country)


def _home_country(spots: list[Spot], choices: list[Optional[Entry]]) -> Optional[str]:
    """The country the article's named places (towns, bases, provinces; not countries or
    demonyms, not frontiers) lie in, when one country has most of them."""
    votes = Counter(c.country for s, c in zip(spots, choices)
                    if c is not None and c.country and not s.demonym and not s.border
                    and c.kind not in ("country", "continent", "sea"))
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def precision_of(spot: Spot, entry: Entry) -> int:
    """UCDP where_prec for this reading: 'near X' is 2 for a point place, 'northern X' is 5
    for a country; otherwise the kind of place decides."""
    base = entry.precision
    if spot.near and base == 1:
        return 2
    if spot.part and entry.kind == "country":
        return 5
    return base


def _inside(mention: PlaceMention, spans) -> bool:
    return any(s <= mention.start and mention.end <= e for s, e in spans)


def _gap(mention: PlaceMention, trigger: tuple[int, int]) -> int:
    if mention.end <= trigger[0]:
        return trigger[0] - mention.end
    return max(0, mention.start - trigger[1])


def resolve_spots(spots: list[Spot]) -> list[Optional[Entry]]:
    """Pick one candidate per spot, or None: first alone, then with the article's context."""
    first = [_best(s, _Context()) for s in spots]
    context = _Context.from_choices(spots, first)
    return [_accept(s, _best(s, context), context) for s in spots]


class _Context:
    def __init__(self) -> None:
        self.countries: Counter = Counter()
        self.admins: set[str] = set()
        self.points: list[tuple[str, float, float]] = []
        self.divisions: dict[str, set[str]] = {}   # country -> keys of provinces named
        self.members: dict[tuple, set[str]] = {}   # (country, province key) -> keys of towns in it

    @classmethod
    def from_choices(cls, spots: list[Spot], choices: list[Optional[Entry]]) -> "_Context":
        ctx = cls()
        for s, c in zip(spots, choices):
            if c is None:
                continue
            if c.country:
                ctx.countries[c.country] += 1
            if c.kind in ("province", "district"):
                ctx.admins.add(normalise(c.name))
            if c.kind == "province" and c.country:
                ctx.divisions.setdefault(c.country, set()).add(s.key)
            if c.precision in (1, 3) and c.admin1:
                ctx.members.setdefault((c.country, normalise(c.admin1)), set()).add(s.key)
            if c.kind not in ("country", "continent", "sea") and len(_countries(s)) == 1:
                ctx.points.append((s.key, c.lat, c.lon))
        return ctx

    def share(self, country: Optional[str]) -> float:
        total = sum(self.countries.values())
        return self.countries[country] / total if country and total else 0.0


def _countries(spot: Spot) -> set:
    return {c.country for c in spot.candidates}


def _best(spot: Spot, ctx: _Context) -> Optional[Entry]:
    if not spot.candidates:
        return None
    return max(spot.candidates, key=lambda c: (_score(spot, c, ctx), c.population))


def _score(spot: Spot, c: Entry, ctx: _Context) -> float:
    score = KIND_PRIOR[c.kind] + math.log10(c.population + 1) / 1.5
    score += PRIMARY_NAME if c.primary else 0.0
    score += CONTEXT_COUNTRY * ctx.share(c.country)
    if c.kind == "district" and not c.primary:
        score -= PRIMARY_NAME  # 'Ohio' is the state far more often than 'Ohio County'
    if c.precision == 1 and c.admin1 and normalise(c.admin1) in ctx.admins:
        score += CONTEXT_ADMIN
    if spot.parents and in_unit(c, spot.parents):
        score += PARENT
    if spot.parents and c.kind in ("locality", "capital"):
        score += UNIT_ORDER  # 'Ndele (Ndele, ...)': the first is the town, ...
    if spot.child is not None and c.kind in ("district", "province"):
        score += UNIT_ORDER  # ... the second its district
    if spot.kind_hint and spot.kind_hint == ("locality" if c.kind == "capital" else c.kind):
        score += KIND_HINT
    if any(key != spot.key and _km(c.lat, c.lon, lat, lon) < NEARBY_KM
           for key, lat, lon in ctx.points):
        score += NEARBY
    return score + _prominence(spot, c, ctx)


def _prominence(spot: Spot, c: Entry, ctx: _Context) -> float:
    """Which sense of a name shared by a division and a town the article most likely means:
    a province among the other provinces it names ('Georgia' beside 'Alabama'), the big city
    rather than its same-named province ('New York', unless 'New York state' or 'upstate'),
    a populous division rather than a small namesake town ('California', Pennsylvania), unless
    the article is more about the town's country than the division's."""
    if c.kind == "province":
        if spot.kind_hint != "province" and _big_city_twin(spot, c):
            return -TWIN
        siblings = ctx.divisions.get(c.country, set()) - {spot.key}
        members = ctx.members.get((c.country, normalise(c.name)), set()) - {spot.key}
        return SIBLING if siblings or members else 0.0
    if c.kind == "locality" and c.population < SMALL_TOWN and any(
            d.kind in ("province", "country") and d.primary and d.population >= BIG_CITY
            and ctx.share(d.country) >= ctx.share(c.country)
            for d in spot.candidates):
        return -PROMINENT
    return 0.0


def _big_city_twin(spot: Spot, province: Entry) -> bool:
    key = normalise(province.name)
    return any(c.kind in ("locality", "capital") and c.population >= BIG_CITY
               and c.country == province.country and c.admin1 and normalise(c.admin1) == key
               for c in spot.candidates)


def _accept(spot: Spot, best: Optional[Entry], ctx: _Context) -> Optional[Entry]:
    if best is None or spot.demonym:
        return best
    curated = best.source.startswith("supplement")
    if best.kind == "locality" and best.population < MIN_POPULATION and not curated \
            and ctx.countries[best.country] <= 1 and sum(ctx.countries.values()) >= LONE_VOTES:
        return None  # a hamlet in a country the article names nowhere else: likely another place
    strong = (best.primary or best.population >= MIN_POPULATION or best.kind != "locality"
              or curated or ctx.share(best.country) >= 0.2)
    return best if strong else None
