"""The actor registry: named actors, countries, head nouns, shipped as data with a source per row.

Files under flashpoint/data/actors/:
- actors.jsonl     one named actor per line (armed groups, state bodies, international bodies)
- countries.jsonl  one country per line: names, adjectives ("Iraqi"), people ("Iraqis"), capitals
- heads.json       head nouns that give a sector ("troops" -> military -> MIL) and sponsor words
- variants.json    transliteration variants folded to one spelling ("hizballah" -> "hezbollah")
- collisions.json  aliases that two entries share, and which entry each means

Loading checks every row and raises ConfigError naming the file, line and fix, so a bad edit to
the data fails at start-up, never as a silently wrong code.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from flashpoint.errors import ConfigError
from flashpoint.resolve.actors.actor_text import keys

# PLOVER/CAMEO sector codes this registry may use (see ../shared/ONTOLOGY.md). Beyond the
# ones in the ontology summary: OPP opposition, MED health, EDU education, BUS business,
# LAB labour, REL religious, CRM criminal, ELI elites, HRI human-rights bodies.
SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "PRM", "UAF", "SPY", "CVL", "REF",
    "JRN", "MED", "EDU", "BUS", "LAB", "REL", "CRM", "ELI", "HRI", "UNK",
    "IGO", "UNO", "NGO", "IMG",
})
# Aliases of at most this many letters, written in capitals, match only in capitals:
# "US" is the United States, "us" is a pronoun; "IS" is the Islamic State, "is" a verb.
SHORT_CAPS = 3

Key = tuple[str, ...]


@dataclass(frozen=True)
class Role:
    role: str
    source: str
    parent: Optional[str] = None
    sector: Optional[str] = None
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    brigades: tuple[int, ...] = ()
    note: Optional[str] = None

    def active(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    country: Optional[str]
    sector: str
    source: str
    aliases: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()       # aliases that must match case ("KH", "Lebanese Forces")
    parent: Optional[str] = None
    roles: tuple[Role, ...] = ()
    national: Optional[str] = None    # this is the country's <category>, e.g. "military"
    note: Optional[str] = None

    def sector_on(self, day: Optional[dt.date]) -> str:
        """The sector on a date: the latest-starting dated role that holds then, else the default."""
        if day is None:
            return self.sector
        held = [r for r in self.roles if r.sector and r.active(day)]
        if not held:
            return self.sector
        return max(held, key=lambda r: r.start or dt.date.min).sector


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str            # as used in a name: "Iraq", "United States"
    article: str         # "the " where English needs it ("the United States"), else ""
    source: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Category:
    id: str              # "military", "police", "unidentified-armed-group"
    sector: str
    template: str        # "Military Forces of {country}"
    generic: str         # the name when no country is known: "Military Forces"


@dataclass
class Registry:
    entries: dict[str, Entry]
    countries: dict[str, Country]
    categories: dict[str, Category]
    heads: dict[Key, str]                    # head noun key -> category id
    sponsor_after: frozenset[str]            # "backed" in "Iran-backed": Iran is not the actor
    sponsor_before: frozenset[str]           # "pro" in "pro-Iranian"
    boundaries: frozenset[str]               # prepositions that end the head noun phrase
    country_only: frozenset[Key]             # heads that name an actor only beside a country
    representatives: frozenset[Key]          # heads that speak for whoever qualifies them
    variants: dict[str, str]
    preferred: dict[str, str] = field(default_factory=dict)   # declared alias collisions


def _data_dir() -> Path:
    return Path(str(resources.files("flashpoint") / "data" / "actors"))


def parse_date(value: Optional[str], end: bool, where: str) -> Optional[dt.date]:
    """'2016', '2016-11' or '2016-11-26'; a partial end date means the last day of the period."""
    if value is None:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        last = calendar.monthrange(year, month)[1]
        day = int(parts[2]) if len(parts) > 2 else (last if end else 1)
        return dt.date(year, month, day)
    except (ValueError, IndexError) as exc:
        raise ConfigError(f"{where}: date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD ({exc}); "
                          "fix the role's from/to") from exc


def _check_sector(sector: Optional[str], where: str) -> None:
    if sector is not None and sector not in SECTORS:
        raise ConfigError(f"{where}: sector {sector!r} is not a known PLOVER sector; "
                          f"use one of {', '.join(sorted(SECTORS))}")


def _require(row: dict, names: Iterable[str], where: str) -> None:
    missing = [n for n in names if not row.get(n)]
    if missing:
        raise ConfigError(f"{where}: missing {', '.join(missing)}; every registry row needs "
                          "them (source: the public reference the facts come from)")


def _role(raw: dict, where: str) -> Role:
    _require(raw, ("role", "source"), where)
    _check_sector(raw.get("sector"), where)
    return Role(role=raw["role"], source=raw["source"], parent=raw.get("parent"),
                sector=raw.get("sector"), start=parse_date(raw.get("from"), False, where),
                end=parse_date(raw.get("to"), True, where),
                brigades=tuple(raw.get("brigades", ())), note=raw.get("note"))


def _entry(row: dict, where: str) -> Entry:
    _require(row, ("id", "name", "sector", "source"), where)
    _check_sector(row["sector"], where)
    roles = tuple(_role(r, f"{where} role {i}") for i, r in enumerate(row.get("roles", [])))
    return Entry(id=row["id"], name=row["name"], country=row.get("country"),
                 sector=row["sector"], source=row["source"],
                 aliases=tuple(row.get("aliases", ())), exact=tuple(row.get("exact", ())),
                 parent=row.get("parent"), roles=roles, national=row.get("national"),
                 note=row.get("note"))


def _country(row: dict, where: str) -> Country:
    _require(row, ("iso3", "name", "source"), where)
    return Country(iso3=row["iso3"], name=row["name"], article=row.get("article", ""),
                   source=row["source"], names=tuple(row.get("names", ())),
                   adjectives=tuple(row.get("adjectives", ())),
                   people=tuple(row.get("people", ())), capitals=tuple(row.get("capitals", ())))


def _jsonl(path: Path) -> Iterable[tuple[dict, str]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name} line {number}"
        try:
            yield json.loads(line), where
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}: not valid JSON ({exc}); fix that line") from exc


def _load(path: Path, build) -> list:
    return [build(row, where) for row, where in _jsonl(path)]


def _unique(items: Iterable, what: str, path: Path) -> dict:
    out: dict = {}
    for key, value in items:
        if key in out:
            raise ConfigError(f"{path.name}: {what} {key!r} appears twice; ids must be unique")
        out[key] = value
    return out


def _heads(raw: dict, variants: dict[str, str]) -> tuple[dict[str, Category], dict[Key, str]]:
    categories = {}
    heads: dict[Key, str] = {}
    for cid, spec in raw["categories"].items():
        _check_sector(spec["sector"], f"heads.json category {cid}")
        categories[cid] = Category(cid, spec["sector"], spec["template"], spec["generic"])
        for phrase in spec["heads"]:
            heads[tuple(w.folded for w in keys(phrase, variants))] = cid
    return categories, heads


def load_registry(folder: Optional[Path] = None) -> Registry:
    """Read and check the registry files; raises ConfigError naming the faulty row."""
    folder = folder or _data_dir()
    if not (folder / "actors.jsonl").exists():
        raise ConfigError(f"the actor registry is missing from {folder}; reinstall flashpoint "
                          "(pip install -e .) so its data files are in place")
    variants = _variant_table(json.loads((folder / "variants.json").read_text("utf-8")))
    heads_raw = json.loads((folder / "heads.json").read_text("utf-8"))
    categories, heads = _heads(heads_raw, variants)
    entries = _unique([(e.id, e) for e in _load(folder / "actors.jsonl", _entry)], "actor id",
                      folder / "actors.jsonl")
    countries = _unique([(c.iso3, c) for c in _load(folder / "countries.jsonl", _country)],
                        "country", folder / "countries.jsonl")
    return Registry(entries=entries, countries=countries, categories=categories, heads=heads,
                    sponsor_after=frozenset(heads_raw["sponsor_after"]),
                    sponsor_before=frozenset(heads_raw["sponsor_before"]),
                    boundaries=frozenset(heads_raw["boundaries"]), variants=variants,
                    country_only=frozenset(tuple(w.folded for w in keys(h, variants))
                                           for h in heads_raw.get("country_only", ())),
                    representatives=frozenset(tuple(w.folded for w in keys(h, variants))
                                              for h in heads_raw.get("representatives", ())),
                    preferred=_preferred(folder / "collisions.json"))


def _preferred(path: Path) -> dict[str, str]:
    """Declared alias collisions: alias -> the entry id it means, with the reason beside it."""
    raw = json.loads(path.read_text("utf-8"))
    return {alias: spec["means"] for alias, spec in raw.items() if not alias.startswith("_")}


def _variant_table(raw: dict[str, list[str]]) -> dict[str, str]:
    """variants.json maps one spelling to its variants; invert it to variant -> spelling."""
    table = {}
    for spelling, forms in raw.items():
        if spelling.startswith("_"):
            continue  # "_about" and similar keys document the file
        for form in forms:
            table[form] = spelling
    return table
