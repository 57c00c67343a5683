"""The shipped actor registry: every row sourced and valid, aliases unambiguous, coverage kept."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flashpoint.errors import ConfigError
from flashpoint.resolve.actors.actor_index import build_index
from flashpoint.resolve.actors.actor_registry import SECTORS, load_registry
from flashpoint.resolve.actors.actors import ActorResolver

DATA = Path(__file__).resolve().parents[3] / "src" / "flashpoint" / "data" / "actors"


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def test_every_actor_has_a_source_and_a_valid_sector(registry):
    for entry in registry.entries.values():
        assert entry.source.strip(), entry.id
        assert entry.sector in SECTORS, entry.id
        for role in entry.roles:
            assert role.source.strip(), f"{entry.id}: {role.role}"
            assert role.sector is None or role.sector in SECTORS, f"{entry.id}: {role.role}"


def test_every_country_has_a_source_and_an_alpha3_code(registry):
    for country in registry.countries.values():
        assert country.source.strip(), country.iso3
        assert len(country.iso3) == 3 and country.iso3.isupper(), country.iso3


def test_countries_and_parents_point_at_real_rows(registry):
    for entry in registry.entries.values():
        assert entry.country is None or entry.country in registry.countries, entry.id
        assert entry.parent is None or entry.parent in registry.entries, entry.id
        for role in entry.roles:
            assert role.parent is None or role.parent in registry.entries, entry.id


def test_role_dates_are_in_order(registry):
    for entry in registry.entries.values():
        for role in entry.roles:
            if role.start and role.end:
                assert role.start <= role.end, f"{entry.id}: {role.role}"


def test_ids_are_stable_slugs(registry):
    for entry_id in registry.entries:
        assert entry_id == entry_id.lower() and " " not in entry_id, entry_id


def test_aliases_do_not_collide_unless_declared(registry):
    # build_index raises on any alias two entries share without a line in collisions.json;
    # every declared collision must still be a real one, or the declaration is stale.
    index = build_index(registry)
    assert set(registry.preferred) <= set(index.collisions)


def test_each_brigade_number_belongs_to_one_faction(registry):
    seen: dict[int, str] = {}
    for entry in registry.entries.values():
        for role in entry.roles:
            for number in role.brigades:
                assert seen.setdefault(number, entry.id) == entry.id, number
    assert seen[45] == seen[46] == seen[47] == "kataib-hezbollah"


def test_pmf_is_state_sanctioned_from_2016(registry):
    pmf = registry.entries["popular-mobilization-forces"]
    sanctioned = [r for r in pmf.roles if "state-sanctioned" in r.role]
    assert sanctioned and sanctioned[0].start.year == 2016


def test_registry_covers_the_conflicts(registry):
    # At least one named actor for each conflict the project follows, and the size asked for.
    countries = {e.country for e in registry.entries.values()}
    for iso3 in ("IRQ", "SYR", "YEM", "LBN", "ISR", "PSE", "LBY", "AFG", "UKR", "RUS", "SDN",
                 "MLI", "BFA", "NER", "IRN", "USA", "GBR", "TUR", "SAU", "ARE"):
        assert iso3 in countries, iso3
    assert len(registry.entries) >= 150
    sectors = {e.sector for e in registry.entries.values()}
    assert {"IGO", "UNO", "NGO", "IMG"} <= sectors


def _copy_data(tmp_path: Path) -> Path:
    folder = tmp_path / "actors"
    shutil.copytree(DATA, folder)
    return folder


def _append(folder: Path, row: dict) -> None:
    with (folder / "actors.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(row) + "\n")


def test_undeclared_alias_collision_is_refused(tmp_path):
    folder = _copy_data(tmp_path)
    _append(folder, {"id": "other-kh", "name": "Other group", "aliases": ["Kataib Hizbollah"],
                     "country": "IRQ", "sector": "PRM", "source": "test"})
    with pytest.raises(ConfigError, match="belongs to both kataib-hezbollah and other-kh"):
        ActorResolver(load_registry(folder))


def test_declared_alias_collision_is_resolved(tmp_path):
    folder = _copy_data(tmp_path)
    _append(folder, {"id": "other-kh", "name": "Other group", "aliases": ["Kataib Hizbollah"],
                     "country": "IRQ", "sector": "PRM", "source": "test"})
    (folder / "collisions.json").write_text(json.dumps(
        {"kataib hezbolah": {"means": "other-kh", "why": "test"}}), encoding="utf-8")
    assert ActorResolver(load_registry(folder)).resolve("Kataib Hezbollah").id == "other-kh"


def test_row_without_source_is_refused(tmp_path):
    folder = _copy_data(tmp_path)
    _append(folder, {"id": "no-source", "name": "No source", "country": None, "sector": "UAF"})
    with pytest.raises(ConfigError, match=r"actors.jsonl line \d+: missing source"):
        load_registry(folder)


def test_bad_sector_is_refused(tmp_path):
    folder = _copy_data(tmp_path)
    _append(folder, {"id": "bad", "name": "Bad", "sector": "XXX", "source": "test"})
    with pytest.raises(ConfigError, match="sector 'XXX' is not a known PLOVER sector"):
        load_registry(folder)
