"""Each export format opens in the tool its users bring: the columns and fields they expect."""
import csv
import datetime as dt
import io
import json

import pytest

from flashpoint.errors import ConfigError
from flashpoint.export import FORMATS, write_events
from flashpoint.export.acled import COLUMNS as ACLED_COLUMNS
from flashpoint.export.flat import COLUMNS as FLAT_COLUMNS
from flashpoint.record import (
    Actor, Count, Evidence, Link, Place, StoredEvent, When,
)
from flashpoint.store.store import ArticleInfo

TAJI = Place(text="Taji", name="Camp Taji", geonames_id=98245, lat=33.5312345678,
             lon=44.2509876543, country="IRQ", admin1="Baghdad", precision=1)


def attack(**changes) -> StoredEvent:
    fields = dict(
        id="ev1", article_id="a1", event_type="ASSAULT", mode="heavy-weapons",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack", cameo="195",
        actors=[Actor(text="Kataib Hezbollah", name="Kata'ib Hizballah", id="KH",
                      country="IRQ", sector="PRM")],
        recipients=[Actor(text="US troops", name="Military Forces of the United States",
                          country="USA", sector="MIL"),
                    Actor(text="British troops", name="Military Forces of the United Kingdom",
                          country="GBR", sector="MIL")],
        location=TAJI,
        date=When(text="Wednesday", start=dt.date(2020, 3, 11), end=dt.date(2020, 3, 11),
                  precision="day", reason="weekday before publication"),
        fatalities=Count(low=2, best=3, high=3), injuries=None,
        evidence=Evidence(quote="Rockets struck Camp Taji, killing two.", start=0, end=38,
                          sentence=0),
        links=[Link(type="retaliation_for", event_id="ev0")], confidence=0.8,
        mentions=["a1-m1", "a2-m1"], sources=["a1", "a2"])
    fields.update(changes)
    return StoredEvent(**fields)


def unlocated() -> StoredEvent:
    return attack(id="ev2", location=None, fatalities=None, links=[], mentions=["a3-m1"],
                  sources=["a3"], event_type="THREATEN", mode=None, acled_event_type=None,
                  acled_sub_event_type=None,
                  date=When(reason="the text gives no date for this event"))


def export(fmt, events, **kw) -> str:
    out = io.StringIO()
    assert write_events(events, fmt, out, **kw) == len(events)
    return out.getvalue()


def test_jsonl_writes_the_contract_fields_plus_mentions_and_sources():
    line = json.loads(export("jsonl", [attack()]))
    assert line["mentions"] == ["a1-m1", "a2-m1"] and line["sources"] == ["a1", "a2"]
    assert line["fatalities"] == {"low": 2, "best": 3, "high": 3}
    assert line["injuries"] is None and line["links"][0]["type"] == "retaliation_for"


def test_csv_has_one_flat_row_per_event_with_empty_cells_for_unknowns():
    rows = list(csv.DictReader(io.StringIO(export("csv", [attack(), unlocated()]))))
    assert list(rows[0]) == FLAT_COLUMNS
    first, second = rows
    assert first["recipients"] == ("Military Forces of the United States; "
                                   "Military Forces of the United Kingdom")
    assert first["recipient_countries"] == "USA; GBR"
    assert (first["latitude"], first["longitude"]) == ("33.5312345678", "44.2509876543")
    assert first["links"] == "retaliation_for:ev0" and first["n_sources"] == "2"
    assert (second["latitude"], second["fatalities_best"], second["date_start"]) == ("", "", "")


def test_acled_csv_uses_acleds_column_names_in_acleds_order():
    text = export("acled", [attack(), unlocated()])
    header = text.splitlines()[0].split(",")
    assert header == [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
        "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
        "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
        "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
        "source_scale", "notes", "fatalities", "tags", "timestamp"] == ACLED_COLUMNS


def test_acled_csv_fills_what_we_know_and_leaves_the_rest_empty():
    articles = {"a1": ArticleInfo("a1", "Rockets hit Taji", "Rudaw", None, None),
                "a2": ArticleInfo("a2", None, None, None, None)}
    row, unknown = csv.DictReader(io.StringIO(export("acled", [attack(), unlocated()],
                                                     articles=articles)))
    assert row["event_date"] == "2020-03-11" and row["year"] == "2020"
    assert row["time_precision"] == "1" and row["disorder_type"] == "Political violence"
    assert row["actor1"] == "Kata'ib Hizballah" and row["inter1"] == "3"
    assert row["actor2"] == "Military Forces of the United States"
    assert row["assoc_actor_2"] == "Military Forces of the United Kingdom"
    assert row["inter2"] == "8"              # foreign forces in Iraq: External/Other forces
    assert row["interaction"] == "38"
    assert (row["iso"], row["country"], row["admin1"]) == ("368", "Iraq", "Baghdad")
    assert (row["geo_precision"], row["fatalities"]) == ("1", "2")   # the conservative low
    assert row["source"] == "Rudaw; a2" and row["notes"].startswith("Rockets struck")
    assert all(row[c] == "" for c in ("region", "admin2", "admin3", "source_scale", "tags",
                                      "timestamp"))
    assert (unknown["event_type"], unknown["latitude"], unknown["fatalities"]) == ("", "", "")


def test_acled_two_sided_fighting_puts_the_second_side_in_actor2():
    battle = attack(acled_event_type="Battles", acled_sub_event_type="Armed clash",
                    actors=[Actor(text="army", name="Military Forces of Iraq", country="IRQ",
                                  sector="MIL"),
                            Actor(text="IS", name="Islamic State", sector="IMG")],
                    recipients=[])
    row = next(csv.DictReader(io.StringIO(export("acled", [battle]))))
    assert (row["actor1"], row["actor2"], row["interaction"]) == (
        "Military Forces of Iraq", "Islamic State", "12")


def test_plover_json_uses_plovers_field_names():
    record = json.loads(export("plover", [attack()]).splitlines()[0])
    assert record["event"] == ["ASSAULT"] and record["mode"] == "heavy-weapons"
    assert record["date"] == "2020-03-11" and record["enddate"] is None
    assert record["source"] == [{"code": "IRQ", "sector": "PRM", "actor_text": "Kataib Hezbollah",
                                 "identifier_id": "KH", "identifier_text": "Kata'ib Hizballah"}]
    assert [r["code"] for r in record["recipient"]] == ["USA", "GBR"]
    assert record["event_loc"]["geonameid"] == 98245 and record["event_loc"]["cc3"] == "IRQ"
    assert record["event_text"] == ["Rockets struck Camp Taji, killing two."]
    assert record["quad_code"] == 4 and record["dead"] == 3
    assert record["text_info"] == {"sequence": 0, "start": 0, "end": 38}


def test_plover_marks_background_events_as_historical_context():
    record = json.loads(export("plover", [attack(background=True)]))
    assert record["context"] == ["historical"]


def test_geojson_is_a_feature_collection_in_lon_lat_order():
    doc = json.loads(export("geojson", [attack(), unlocated()]))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 2
    located, missing = doc["features"]
    assert located["type"] == "Feature" and located["id"] == "ev1"
    assert located["geometry"] == {"type": "Point", "coordinates": [44.250988, 33.531235]}
    assert missing["geometry"] is None        # kept as an unlocated feature, not dropped
    flat = located["properties"]
    assert all(not isinstance(v, (dict, list)) for v in flat.values())
    assert flat["event_type"] == "ASSAULT" and flat["fatalities_best"] == 3


def test_an_empty_selection_is_still_a_valid_file():
    assert json.loads(export("geojson", [])) == {"type": "FeatureCollection", "features": []}
    assert export("acled", []).splitlines() == [",".join(ACLED_COLUMNS)]
    assert export("jsonl", []) == ""


def test_an_unknown_format_names_the_accepted_ones():
    with pytest.raises(ConfigError) as err:
        write_events([attack()], "xlsx", io.StringIO())
    assert str(err.value) == ("[FP500] unknown export format 'xlsx'; use one of "
                              + ", ".join(FORMATS))
    # The built-in formats, first and in this order (a new format registers after them).
    assert FORMATS[:5] == ("jsonl", "csv", "acled", "plover", "geojson")


# ---- spreadsheet formulas

def test_csv_cells_a_spreadsheet_would_run_are_made_inert():
    import csv
    import io

    from flashpoint.export import write_events
    from flashpoint.export.flat import inert

    assert [inert(t) for t in ("=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "ok", "")] == \
        ["'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", "'\rx", "ok", ""]
    hostile = _hostile_event()
    for fmt in ("csv", "acled"):
        out = io.StringIO()
        write_events([hostile], fmt, out, articles={})
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        cells = [v for row in rows for v in row.values()]
        assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")], (fmt, cells)
        assert not [c for c in cells if c.startswith("-") and not _number(c)], (fmt, cells)
        assert any(c.startswith("'=HYPERLINK") for c in cells), fmt


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _hostile_event():
    from flashpoint.record import Actor, Evidence, Place, StoredEvent, When

    quote = '=HYPERLINK("http://evil.example","click")'
    return StoredEvent(
        id="=cmd|' /C calc'!A0", article_id="@SUM(1+1)", event_type="ASSAULT",
        actors=[Actor(text="+Gunmen", name="-Gunmen")],
        location=Place(text="@Town", name="=Town", lat=-33.9, lon=-18.4, country="IRQ",
                       precision=1),
        date=When(text="-", reason="no date in the text"),
        evidence=Evidence(quote=quote, start=0, end=len(quote), sentence=0),
        confidence=0.5, mentions=["=m1"], sources=["@SUM(1+1)"])
