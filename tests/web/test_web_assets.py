"""The page's npm files: built by make install, refused clearly when missing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import flashpoint.web as web
from flashpoint.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def test_make_install_built_every_vendor_file():
    web.check_assets()
    world = json.loads((web.vendor_dir() / "countries-50m.json").read_text())
    assert world["type"] == "Topology" and len(world["objects"]["countries"]["geometries"]) > 200


def test_missing_files_name_the_fix(monkeypatch, tmp_path):
    monkeypatch.setattr(web, "vendor_dir", lambda: tmp_path)
    with pytest.raises(ConfigError, match=r"run `make install`"):
        web.check_assets()


def test_every_npm_package_is_pinned_in_the_lockfile():
    wanted = json.loads((ROOT / "package.json").read_text())["dependencies"]
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    for name, version in wanted.items():
        assert version[0].isdigit(), f"{name} is not pinned to one version"
        assert locked[f"node_modules/{name}"]["version"] == version


def test_the_page_loads_nothing_from_outside():
    page = (web.STATIC / "index.html").read_text()
    for part in page.split('"'):
        assert not part.startswith(("http:", "https:", "//")), part
    for script in web.STATIC.glob("*.js"):
        text = script.read_text()
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text, script.name
        assert "http://" not in text.replace('"http://www.w3.org/2000/svg"', "")
