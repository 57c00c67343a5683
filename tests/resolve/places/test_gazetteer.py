"""The gazetteer: name keys, shipped data, and GeoNames files a user adds. No spaCy model."""
from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from flashpoint.errors import GazetteerError
from flashpoint.resolve.places import gazetteer as gz
from flashpoint.resolve.places.gazetteer import Gazetteer, add_geonames_file, normalise
from flashpoint.resolve.places.gazetteer_index import DATA, build_index

# A made-up village, so a hit can only come from the user's file.
USER_FILE_ROW = ("9990001\tQaryat Zumurrud\tQaryat Zumurrud\tZumurrud,Zumurud\t33.1000\t44.1000\t"
                 "P\tPPL\tIQ\t\t06\t\t\t\t0\t\t40\tAsia/Baghdad\t2024-01-01\n")


@pytest.fixture(scope="module")
def small_index(tmp_path_factory) -> Path:
    """The shipped countries and supplement only: builds in well under a second."""
    return build_index(tmp_path_factory.mktemp("gaz") / "small.sqlite", installed=False)


def test_transliterations_of_the_arabic_article_share_one_key():
    assert normalise("Jurf as-Sakhr") == normalise("Jurf Al Sakhr") == normalise("jurf al-sakhr")
    assert normalise("Nāḩiyat al Iskandarīyah") == "nahiyat al iskandariyah"
    assert normalise("the Gaza Strip") == "gaza strip"


def test_camp_taji_comes_from_the_supplement_with_its_source(small_index):
    [taji] = Gazetteer([small_index]).lookup("Camp Taji")
    assert (taji.kind, taji.country, taji.precision) == ("base", "IQ", 1)
    assert "GeoNames 98414" in taji.source


def test_demonyms_name_their_country(small_index):
    g = Gazetteer([small_index])
    assert g.demonym("Iraqi") == "IQ"
    assert g.demonym("Yemeni") == "YE"
    assert g.iso3("IQ") == "IRQ"
    assert g.demonym("Baghdad") is None


def test_added_geonames_file_is_indexed_and_looked_up(small_index, tmp_path, monkeypatch):
    monkeypatch.setenv("FLASHPOINT_HOME", str(tmp_path / "home"))
    path = tmp_path / "IQ.txt"
    path.write_text(USER_FILE_ROW, encoding="utf-8")
    assert add_geonames_file(path) == 1
    assert gz.user_index_path() == tmp_path / "home" / "gazetteer" / "user-geonames.sqlite"
    [place] = Gazetteer([small_index, gz.user_index_path()]).lookup("Zumurrud")
    assert (place.name, place.country, place.geonames_id) == ("Qaryat Zumurrud", "IQ", 9990001)
    assert add_geonames_file(path) == 1  # adding it again replaces, never duplicates
    assert len(Gazetteer([small_index, gz.user_index_path()]).lookup("Qaryat Zumurrud")) == 1


def test_a_file_that_is_not_geonames_is_refused_with_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASHPOINT_HOME", str(tmp_path))
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="expected the 19 tab-separated columns"):
        add_geonames_file(path)
    with pytest.raises(GazetteerError, match="is not a file"):
        add_geonames_file(tmp_path / "missing.txt")


def test_every_supplement_row_has_coordinates_and_a_source():
    with (DATA / "supplement.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 50
    for r in rows:
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r["name"]
        assert r["source"].strip() and r["approximate"] in ("yes", "no"), r["name"]


def test_every_shipped_conflict_place_names_its_source():
    with gzip.open(DATA / "conflict_places.tsv.gz", "rt", encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        for i, r in zip(range(2000), reader):
            assert r["source"].startswith(("wof", "geonames:")), r
            assert r["source"] != "wof" or r["geonames_id"], r


# The countries whose Who's On First extracts the shipped file is built from (see its README).
WOF_COUNTRIES = set("AF AM AZ BD BF BI CD CF CM CO EG ET HT IL IQ IR JO KE LB LY ML MM MZ NE NG "
                    "PH PK PS SA SD SO SS SY TD TR UA UG VE YE".split())


def test_the_shipped_places_cover_every_who_s_on_first_country_within_budget():
    path = DATA / "conflict_places.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        countries = {line.split("\t", 5)[4] for line in fh}
    assert WOF_COUNTRIES <= countries
    shipped = sum(p.stat().st_size for p in DATA.iterdir() if p.is_file())
    assert shipped < 20_000_000  # the size budget the README states


def test_the_builder_reads_compressed_extracts(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", Path(__file__).resolve().parents[3] / "tools" / "build_gazetteer.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    header = ("wof_id\tname\tplacetype\tlatitude\tlongitude\tcountry\tparent_id\tregion_id\t"
              "county_id\tis_current\tdeprecated\tgeonameid\tgn_feature_code\tpopulation\t"
              "src_geom\tsuperseded_by\tnames\n")
    rows = ("1\tKorowa\tregion\t1.5\t30.5\tUG\t\t1\t\t1\t\t\t\t0\tmeso\t\tKorowa Region\n"
            "2\tNtaba\tlocality\t1.2\t30.1\tUG\t1\t1\t\t-1\t\t\t\t0\twof\t\tNtaaba|Нтаба\n")
    with gzip.open(tmp_path / "ug.tsv.gz", "wt", encoding="utf-8") as fh:
        fh.write(header + rows)
    [path] = builder.wof_files(tmp_path)
    places = builder.wof_places(path, known={})
    assert [(p[0], p[1], p[4], p[5], p[9]) for p in places] == [
        ("Korowa", "province", "UG", "Korowa", "Korowa Region"),
        ("Ntaba", "locality", "UG", "Korowa", "Ntaaba")]
