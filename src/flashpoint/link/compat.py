"""Can two mentions describe the same real-world event? Field by field, each with a reason.

Every check returns a Verdict: ``veto`` (the fields contradict each other, so the mentions are
two events), a ``score`` (how strongly the fields agree, 0 when one side is unknown) and a short
``reason`` a person can check, as MELTT reports what it merged and why. The windows follow what
event datasets use: a day either side for dates (reports straddle midnight and time zones), a
distance that widens with the coarser place's UCDP precision, and containment for regions.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Optional

from rapidfuzz import fuzz

from flashpoint import geo
from flashpoint.ontology import ACROSS, STATE_SECTORS, modes_fit
from flashpoint.record import Actor, Event, Place, When

DATE_TOLERANCE_DAYS = 1
# The farthest two places may lie apart and still be one event, by the coarser UCDP precision:
# 1 exact place, 2 within ~25 km of one, 3 district, 4 province, 5 part of a country.
RADIUS_KM = {1: 25.0, 2: 50.0, 3: 100.0, 4: 300.0, 5: 600.0}
SPECIFIC_PRECISION = 3        # district or finer: a place precise enough to identify an event
NEAR_KM = 25.0
SAME_SPOT_KM = 5.0            # two names this close are taken as spellings of one spot
# Actors that name no one in particular: they neither confirm nor contradict another report.
GENERIC_SECTORS = {"UAF", "UNK"}
GENERIC_NAMES = {
    "gunmen", "militants", "unknown", "unidentified", "assailants", "attackers", "fighters",
    "people", "civilians", "residents", "forces", "troops", "soldiers", "police", "protesters",
    "demonstrators", "insurgents", "rebels", "terrorists", "militia", "militiamen", "security forces",
    "bandits", "kidnappers", "armed men", "men", "passengers", "travellers", "victims",
}
# Registry entries for a kind of actor rather than a named one ('Civilians', 'Military Forces',
# 'Government (country unknown)'): no country, so they say as little as 'gunmen' does.
CLASS_SECTORS = {"CVL", "MIL", "COP", "GOV", "PRM", "REB", "UAF", "UNK"}
CIVILIAN_SECTOR = "CVL"
SAME_NAME = 85      # rapidfuzz ratio: 'Ain Al Asad air base' and 'Ayn al-Asad air base' are one name
# A toll that sums many incidents ("more than 300 have been killed since January", "this year's
# toll has passed 40"): a running total, never the same event as one incident it includes.
RUNNING_TOTAL = re.compile(
    r"\b(since (?:the |early |late |last |mid-?)?(?:\d{4}|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|the (?:start|beginning|war|conflict|"
    r"uprising|fighting|crisis))|so far this (?:year|month|week)|this year'?s? (?:death )?toll|"
    r"to date|in total|a total of|cumulative|overall (?:death )?toll|"
    r"toll (?:has |had |now )?(?:risen|rose|climbed|reached|passed|surpassed|topped|stands)|"
    r"(?:has|have) (?:risen|climbed) to)\b", re.I)


class Verdict(NamedTuple):   # a tuple: grouping makes one per field per compared pair
    veto: bool
    score: int
    reason: str


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def actor_key(actor: Actor) -> str:
    """The identity of an actor: its registry id when resolved, else its canonical name."""
    return f"id:{actor.id}" if actor.id else f"name:{_norm(actor.name or actor.text)}"


def is_generic(actor: Actor) -> bool:
    # Civilians are whoever was hurt: a contractor of one country and a bystander of another
    # fall in one attack, so 'Civilians (United States)' neither identifies nor contradicts.
    if actor.sector == CIVILIAN_SECTOR:
        return True
    if actor.id:
        return actor.country is None and actor.sector in CLASS_SECTORS
    return actor.sector in GENERIC_SECTORS or _norm(actor.name or actor.text) in GENERIC_NAMES


def specific_actors(actors: Iterable[Actor]) -> list[Actor]:
    return [a for a in actors if not is_generic(a)]


# ---- what one mention says, precomputed once ---------------------------------------------

@dataclass(frozen=True, slots=True)
class Facts:
    """The fields grouping compares, read once per mention (pairs are many, mentions few)."""

    event_type: str
    mode: Optional[str]
    start: Optional[int]          # date ordinals; None when the date is unresolved
    end: Optional[int]
    precision: Optional[str]
    place: Optional[Place]
    actor_names: dict[str, str]   # actor_key -> canonical name, specific actors only
    states: frozenset[str]        # countries whose government or forces (STATE_SECTORS) take part
    countries: frozenset[str]
    all_registered: bool          # every specific actor has a registry id
    article_id: str
    killed: Optional[int]
    total: bool                   # a running total, not one incident (``is_running_total``)

    @classmethod
    def of(cls, m: Event) -> "Facts":
        rng = date_range(m.date)
        people = specific_actors([*m.actors, *m.recipients])
        return cls(m.event_type, m.mode, rng[0].toordinal() if rng else None,
                   rng[1].toordinal() if rng else None, m.date.precision, m.location,
                   {actor_key(a): a.name for a in people},
                   frozenset(a.country for a in people if a.id and a.country and a.sector in STATE_SECTORS),
                   frozenset(a.country for a in people if a.country),
                   bool(people) and all(a.id for a in people), m.article_id,
                   m.fatalities.best if m.fatalities else None, is_running_total(m))


def is_running_total(m: Event) -> bool:
    """Does the mention report a toll summed over many incidents? (its sentence says so)"""
    return bool((m.fatalities or m.injuries) and RUNNING_TOTAL.search(m.evidence.quote))


# ---- dates --------------------------------------------------------------------------------

def date_range(when: When) -> Optional[tuple[dt.date, dt.date]]:
    if when.start is None:
        return None
    return when.start, when.end or when.start


def is_fine_date(when: When) -> bool:
    """A date good enough to identify an event: a day, or a span of a week at most."""
    rng = date_range(when)
    return rng is not None and (rng[1] - rng[0]).days <= 7


def days_apart(a: Facts, b: Facts) -> Optional[int]:
    """0 when the date ranges overlap, else the gap in days; None when either is unresolved."""
    if a.start is None or b.start is None:
        return None
    return max(0, b.start - a.end, a.start - b.end)


def compare_dates(a: Facts, b: Facts) -> Verdict:
    gap = days_apart(a, b)
    if gap is None:
        return Verdict(False, 0, "a date is unresolved")
    if gap > DATE_TOLERANCE_DAYS:
        return Verdict(True, 0, f"dates {gap} days apart")
    if a.precision == "day" and b.precision == "day":
        return Verdict(False, 2, "same day" if gap == 0 else "dates a day apart")
    return Verdict(False, 1, f"dates overlap ({a.precision} vs {b.precision})")


# ---- places -------------------------------------------------------------------------------

def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places (``geo.km``)."""
    return geo.km(a.lat, a.lon, b.lat, b.lon)


def _contains(coarse: Place, fine: Place) -> Optional[bool]:
    """Does the coarse place (province, country) contain the fine one? None when we cannot say."""
    if coarse.precision >= 6:
        return None if not (coarse.country and fine.country) else coarse.country == fine.country
    if coarse.precision == 4 and coarse.admin1 and fine.admin1:
        return coarse.admin1 == fine.admin1 and coarse.country == fine.country
    return None


def _plain(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return _norm("".join(c for c in decomposed if not unicodedata.combining(c)))


def names_agree(a: Place, b: Place) -> bool:
    """One place name is the other, a spelling of it, or holds it ('Abu Ghraib district')."""
    x, y = _plain(a.name), _plain(b.name)
    return bool(x and y) and (x in y or y in x or fuzz.ratio(x, y) >= SAME_NAME)


def compare_places(a: Optional[Place], b: Optional[Place]) -> Verdict:
    if a is None or b is None:
        return Verdict(False, 0, "a place is unknown")
    if a.country and b.country and a.country != b.country and max(a.precision, b.precision) < 7:
        return Verdict(True, 0, f"different countries ({a.country} vs {b.country})")
    coarse, fine = (a, b) if a.precision >= b.precision else (b, a)
    km = distance_km(a, b)
    if coarse.precision == 1 and a.name != b.name and km > SAME_SPOT_KM:
        # ACLED's rule: one event per location. Two named places are two events, however close.
        return Verdict(True, 0, f"two named places ({a.name}, {b.name}, {km:.0f} km apart)")
    contained = _contains(coarse, fine)
    if contained is False:
        return Verdict(True, 0, f"{fine.name} is not in {coarse.name}")
    if coarse.precision <= SPECIFIC_PRECISION and km > SAME_SPOT_KM and not names_agree(a, b):
        # 'Within' only when the more specific names agree: a town near another town, or a
        # district named for another town, is another place.
        return Verdict(True, 0, f"two named places ({a.name}, {b.name}, {km:.0f} km apart): "
                                "neither lies within the other")
    if contained is None and coarse.precision < 6 and km > RADIUS_KM.get(coarse.precision, 600.0):
        return Verdict(True, 0, f"places {km:.0f} km apart ({a.name}, {b.name})")
    if coarse.precision <= SPECIFIC_PRECISION and km <= NEAR_KM:
        return Verdict(False, 2, f"places {km:.0f} km apart ({a.name}, {b.name})")
    return Verdict(False, 1, f"{fine.name} lies within {coarse.name}")


# ---- actors -------------------------------------------------------------------------------

def _both_add_registered(a: Facts, b: Facts, shared: set[str]) -> bool:
    def extra(f: Facts) -> bool:
        return any(k.startswith("id:") for k in f.actor_names.keys() - shared)
    return extra(a) and extra(b)


def _shared_keys(a: Facts, b: Facts) -> set[str]:
    """Actors both name: the same registry id, or unregistered names spelt alike."""
    shared = set(a.actor_names.keys() & b.actor_names.keys())
    for ka in a.actor_names:
        if ka.startswith("name:") and ka not in shared:
            for kb in b.actor_names:
                if kb.startswith("name:") and fuzz.ratio(ka, kb) >= SAME_NAME:
                    shared |= {ka, kb}
                    break
    return shared


def _registered(f: Facts) -> set[str]:
    return {k for k in f.actor_names if k.startswith("id:")}


def compare_actors(a: Facts, b: Facts) -> Verdict:
    if not a.actor_names or not b.actor_names:
        return Verdict(False, 0, "actors unknown or generic on one side")
    shared = _shared_keys(a, b)
    if shared:
        names = ", ".join(sorted(a.actor_names[k] for k in shared if k in a.actor_names))
        if _both_add_registered(a, b, shared):
            # A on B and A on C: one side agrees, the other names someone else.
            return Verdict(False, 1, f"actors partly shared: {names}")
        return Verdict(False, 2, f"actors shared: {names}")
    states = a.states & b.states
    if states:
        return Verdict(False, 1, "the same state's government or forces: " + ", ".join(sorted(states)))
    if not (_registered(a) and _registered(b)):
        # A target named in passing ('sites', 'the air base') is not a party who contradicts.
        return Verdict(False, 0, "no registered actor on one side")
    if a.all_registered and b.all_registered:
        # Both reports name their actors from the registry, and the names differ: two events.
        return Verdict(True, 0, "different registered actors")
    countries = a.countries & b.countries
    if countries:
        # Not evidence of one event (a country at war has many actors), only no contradiction.
        return Verdict(False, 0, "actors of the same country: " + ", ".join(sorted(countries)))
    return Verdict(True, 0, "no actor in common")


# ---- type and mode ------------------------------------------------------------------------

def compare_kind(a: Facts, b: Facts) -> Verdict:
    if a.event_type != b.event_type:
        return Verdict(True, 0, f"types differ ({a.event_type} vs {b.event_type})")
    if a.total != b.total:
        return Verdict(True, 0, "a running total is not one incident")
    if not modes_fit(a.mode, b.mode, ACROSS):     # the table's mode families
        return Verdict(True, 0, f"modes differ ({a.mode} vs {b.mode})")
    if a.mode and a.mode == b.mode:
        return Verdict(False, 1, f"same type and mode ({a.event_type}/{a.mode})")
    return Verdict(False, 0, f"same type ({a.event_type})")
