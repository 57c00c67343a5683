"""Hand-built mention records for the grouping and linking tests (no model involved)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from flashpoint.record import Actor, Count, Event, Evidence, Place, When

PLACES = {
    # Coordinates from GeoNames (rounded); precision is the UCDP code the place resolver gives.
    "Taji": dict(lat=33.52, lon=44.27, country="IRQ", admin1="Baghdad", precision=1),
    "Baghdad": dict(lat=33.34, lon=44.40, country="IRQ", admin1="Baghdad", precision=1),
    "Jurf al-Sakhar": dict(lat=32.87, lon=44.20, country="IRQ", admin1="Babil", precision=1),
    "Al Musayyib": dict(lat=32.78, lon=44.29, country="IRQ", admin1="Babil", precision=1),
    "Basra": dict(lat=30.51, lon=47.78, country="IRQ", admin1="Basra", precision=1),
    "Iraq": dict(lat=33.0, lon=44.0, country="IRQ", admin1=None, precision=6),
    "Idlib": dict(lat=35.93, lon=36.63, country="SYR", admin1="Idlib", precision=1),
}
ACTORS = {
    "US": dict(name="United States Armed Forces", id="USA-MIL", country="USA", sector="MIL"),
    "KH": dict(name="Kata'ib Hizballah", id="IRQ-KH", country="IRQ", sector="PRM"),
    "Iran": dict(name="Iran", id="IRN-GOV", country="IRN", sector="GOV"),
    "gunmen": dict(name="gunmen", id=None, country=None, sector="UAF"),
}


def place(name: str) -> Place:
    return Place(text=name, name=name, **PLACES[name])


def actor(key: str) -> Actor:
    return Actor(text=key, **ACTORS[key])


def when(day: Optional[str], precision: str = "day", end: Optional[str] = None) -> When:
    if day is None:
        return When(text="recently", reason="no date the text gives can be resolved")
    start = dt.date.fromisoformat(day)
    stop = dt.date.fromisoformat(end) if end else start
    return When(text=day, start=start, end=stop, precision=precision, reason="test date")


def mention(mid: str, article: str, day: Optional[str] = "2020-03-11", where: Optional[str] = "Taji",
            actors=("KH",), recipients=("US",), event_type: str = "ASSAULT",
            mode: Optional[str] = "heavy-weapons", killed: Optional[tuple] = None,
            quote: str = "Rockets hit the base.", start: int = 0, precision: str = "day",
            end_day: Optional[str] = None, confidence: float = 0.6, injured: Optional[tuple] = None) -> Event:
    return Event(
        id=mid, article_id=article, event_type=event_type, mode=mode,
        actors=[actor(a) for a in actors], recipients=[actor(r) for r in recipients],
        location=place(where) if where else None, date=when(day, precision, end_day),
        fatalities=Count(low=killed[0], best=killed[1], high=killed[2]) if killed else None,
        injuries=Count(low=injured[0], best=injured[1], high=injured[2]) if injured else None,
        evidence=Evidence(quote=quote, start=start, end=start + len(quote), sentence=0),
        confidence=confidence,
    )
