"""One folder rule for the store and the gazetteer: $FLASHPOINT_HOME, else the XDG folders."""
from pathlib import Path

import pytest

from flashpoint.paths import cache_dir, data_dir
from flashpoint.store import default_path, locate


@pytest.fixture
def bare(monkeypatch, tmp_path):
    """No flashpoint or XDG variable set; the home folder is a fresh one."""
    for name in ("FLASHPOINT_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return monkeypatch


def test_without_any_variable_data_and_cache_sit_in_the_home_folder(bare, tmp_path):
    assert data_dir() == tmp_path / ".local" / "share" / "flashpoint"
    assert cache_dir() == tmp_path / ".cache" / "flashpoint"


def test_the_store_honours_xdg_data_home_as_the_gazetteer_does(bare, tmp_path):
    bare.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    assert default_path() == tmp_path / "xdg-data" / "flashpoint" / "flashpoint.db"
    assert locate(None).target == str(default_path()) and locate(None).is_default
    assert default_path().parent == data_dir()   # where the gazetteer keeps added places


def test_the_cache_honours_xdg_cache_home(bare, tmp_path):
    bare.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    assert cache_dir() == tmp_path / "xdg-cache" / "flashpoint"


def test_flashpoint_home_wins_over_xdg_and_may_start_with_a_tilde(bare, tmp_path):
    bare.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    bare.setenv("FLASHPOINT_HOME", "~/fp")
    assert default_path() == tmp_path / "fp" / "flashpoint.db"
    assert cache_dir() == tmp_path / "fp" / "cache"


def test_an_empty_variable_counts_as_unset(bare, tmp_path):
    bare.setenv("FLASHPOINT_HOME", "")
    bare.setenv("XDG_DATA_HOME", "")
    assert default_path() == Path(tmp_path) / ".local" / "share" / "flashpoint" / "flashpoint.db"
