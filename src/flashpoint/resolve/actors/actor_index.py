"""Lookup tables built once from the registry, so resolving a phrase is dictionary look-ups.

Every alias, country name, adjective, capital and head noun becomes a tuple of folded words
(see actor_text.keys). A phrase is resolved by looking up its n-grams in these dicts; no
regular expression over the whole registry is ever compiled or run.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from flashpoint.errors import ConfigError
from flashpoint.resolve.actors.actor_registry import SHORT_CAPS, Entry, Key, Registry
from flashpoint.resolve.actors.actor_text import keys

PMF_ID = "popular-mobilization-forces"


@dataclass(frozen=True)
class Place:
    iso3: str
    form: str   # "name", "capital", "adjective" or "people"


@dataclass
class Index:
    aliases: dict[Key, str] = field(default_factory=dict)      # folded alias -> entry id
    exact: dict[Key, str] = field(default_factory=dict)        # case-kept alias -> entry id
    places: dict[Key, Place] = field(default_factory=dict)
    national: dict[tuple[str, str], str] = field(default_factory=dict)  # (iso3, category) -> id
    brigades: dict[int, str] = field(default_factory=dict)     # PMF brigade number -> entry id
    pmf_keys: set[Key] = field(default_factory=set)            # aliases that mean the PMF
    reach: dict[str, int] = field(default_factory=dict)        # first folded word -> longest key
    exact_reach: dict[str, int] = field(default_factory=dict)  # same for case-kept keys
    collisions: list[str] = field(default_factory=list)        # declared, for the record


def _extend(reach: dict[str, int], key: Key) -> None:
    """Remember how long a key starting with this word can be, so scans stop early."""
    reach[key[0]] = max(reach.get(key[0], 0), len(key))


def _is_short_caps(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= SHORT_CAPS and all(c.isupper() for c in letters)


def _add_alias(index: Index, reg: Registry, table: dict, key: Key, alias: str, eid: str) -> None:
    if not key:
        raise ConfigError(f"actors.jsonl: alias {alias!r} of {eid} has no letters or digits; "
                          "remove it")
    held = table.get(key)
    _extend(index.exact_reach if table is index.exact else index.reach, key)
    if held is None or held == eid:
        table[key] = eid
        return
    means = reg.preferred.get(" ".join(key))
    if means not in (held, eid):
        raise ConfigError(f"alias {alias!r} belongs to both {held} and {eid}; declare which one "
                          f"it means in collisions.json under {' '.join(key)!r}, or drop it")
    table[key] = means
    index.collisions.append(" ".join(key))


def _index_entry(index: Index, reg: Registry, entry: Entry) -> None:
    for alias in (entry.name, *entry.aliases):
        if _is_short_caps(alias):
            _add_alias(index, reg, index.exact, tuple(w.exact for w in keys(alias, {})), alias,
                       entry.id)
        else:
            _add_alias(index, reg, index.aliases,
                       tuple(w.folded for w in keys(alias, reg.variants)), alias, entry.id)
    for alias in entry.exact:
        _add_alias(index, reg, index.exact, tuple(w.exact for w in keys(alias, {})), alias,
                   entry.id)
    if entry.national:
        index.national[(entry.country, entry.national)] = entry.id
    for role in entry.roles:
        if role.parent == PMF_ID:
            for number in role.brigades:
                index.brigades[number] = entry.id


def _index_countries(index: Index, reg: Registry) -> None:
    for country in reg.countries.values():
        forms = (("name", (country.name, *country.names)), ("capital", country.capitals),
                 ("adjective", country.adjectives), ("people", country.people))
        for form, phrases in forms:
            for phrase in phrases:
                if _is_short_caps(phrase):
                    key = tuple(w.exact for w in keys(phrase, {}))
                    index.exact.setdefault(key, "@" + country.iso3)
                    _extend(index.exact_reach, key)
                    continue
                key = tuple(w.folded for w in keys(phrase, reg.variants))
                held = index.places.get(key)
                if held is not None and held.iso3 != country.iso3:
                    raise ConfigError(f"countries.jsonl: {phrase!r} names both {held.iso3} and "
                                      f"{country.iso3}; keep it under one country only")
                index.places.setdefault(key, Place(country.iso3, form))
                _extend(index.reach, key)


def build_index(reg: Registry) -> Index:
    """All lookup tables; raises ConfigError on an alias claimed twice without a declaration."""
    index = Index()
    for entry in reg.entries.values():
        _index_entry(index, reg, entry)
    _index_countries(index, reg)
    for key in reg.heads:
        _extend(index.reach, key)
    pmf = reg.entries.get(PMF_ID)
    if pmf is not None:
        index.pmf_keys = {tuple(w.folded for w in keys(a, reg.variants))
                          for a in (pmf.name, *pmf.aliases) if not _is_short_caps(a)}
        index.pmf_keys |= {("pmf",), ("pmu",)}
    return index


def country_of_exact(value: str) -> Optional[str]:
    """Short capital aliases of countries ("US", "UK") are stored as '@ISO3' in the exact table."""
    return value[1:] if value.startswith("@") else None
