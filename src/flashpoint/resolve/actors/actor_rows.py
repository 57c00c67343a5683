"""The registry as plain rows, for `flashpoint actors` and for anyone curating the data."""
from __future__ import annotations

from flashpoint.resolve.actors.actor_registry import Category, Country, Entry, Registry, Role


def _role_row(role: Role) -> dict:
    return {
        "role": role.role, "parent": role.parent, "sector": role.sector,
        "from": role.start.isoformat() if role.start else None,
        "to": role.end.isoformat() if role.end else None,
        "brigades": list(role.brigades), "note": role.note, "source": role.source,
    }


def _entry_row(entry: Entry) -> dict:
    return {
        "kind": "actor", "id": entry.id, "name": entry.name,
        "aliases": list(entry.aliases) + list(entry.exact), "country": entry.country,
        "sector": entry.sector, "parent": entry.parent, "national": entry.national,
        "roles": [_role_row(r) for r in entry.roles], "note": entry.note, "source": entry.source,
    }


def _country_row(country: Country) -> dict:
    return {
        "kind": "country", "id": country.iso3.lower(), "name": country.name,
        "aliases": list(country.names) + list(country.adjectives) + list(country.people),
        "capitals": list(country.capitals), "country": country.iso3, "sector": None,
        "source": country.source,
    }


def _category_row(category: Category) -> dict:
    return {
        "kind": "category", "id": category.id, "name": category.generic,
        "template": category.template, "country": None, "sector": category.sector,
        "source": "flashpoint heads.json (PLOVER sector conventions)",
    }


def rows(registry: Registry) -> list[dict]:
    """Named actors first (registry order), then countries, then generic categories."""
    out = [_entry_row(e) for e in registry.entries.values()]
    out += [_country_row(c) for c in sorted(registry.countries.values(), key=lambda c: c.iso3)]
    out += [_category_row(c) for c in registry.categories.values()]
    return out
