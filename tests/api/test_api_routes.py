"""Every read route of the API over a store of hand-built records."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_records import build
from error_shape import assert_error
from flashpoint.api import create_app
from flashpoint.store import open_store


def ids_of(page: dict) -> list[str]:
    return [e["id"] for e in page["events"]]


def test_store_info_names_the_store_and_types(client):
    info = client.get("/api/store").json()
    assert info["counts"]["events"] == 4 and info["ingest"] is False
    assert "ASSAULT" in info["types"] and "api.db" in info["store"]


def test_events_come_in_date_order_with_undated_last(client):
    page = client.get("/api/events").json()
    dates = [e["date"]["start"] for e in page["events"]]
    assert dates == ["2024-05-01", "2024-05-03", "2024-05-03", None]
    assert page["total"] == 4 and page["next"] is None


@pytest.mark.parametrize("query, expected", [
    ("type=PROTEST", {"PROTEST"}), ("country=FJI", {"PROTEST"}), ("actor=militants", {"ASSAULT"}),
    ("text=rockets", {"ASSAULT"}), ("since=2024-05-02&until=2024-05-31", {"ASSAULT", "PROTEST"}),
    ("bbox=170,-20,-170,0", {"PROTEST"}), ("type=THREATEN&type=PROTEST", {"THREATEN", "PROTEST"}),
])
def test_events_filters_match_the_cli_filters(client, query, expected):
    page = client.get(f"/api/events?{query}").json()
    assert {e["event_type"] for e in page["events"]} == expected
    assert page["total"] == len(page["events"])


def test_cursor_pages_cover_every_event_once(tmp_path):
    db = str(tmp_path / "many.db")
    build(db, extra=23)
    with TestClient(create_app(db)) as c:
        seen, cursor, pages = [], None, 0
        while True:
            page = c.get("/api/events", params={"limit": 5, **({"cursor": cursor} if cursor else {})}).json()
            seen += ids_of(page)
            pages += 1
            cursor = page["next"]
            if cursor is None:
                break
        whole = c.get("/api/events", params={"limit": 500}).json()
    assert pages == 6 and len(seen) == 27 == whole["total"]
    assert seen == ids_of(whole)


def test_a_cursor_not_from_the_server_is_refused(client):
    for bad in ("nonsense", "W10", "WyIyMDI0LTEzLTAxIiwieCJd"):
        error = assert_error(client.get(f"/api/events?cursor={bad}"), 400, "invalid_filter")
        assert "next" in error["message"]


def test_one_event_carries_mentions_articles_links_and_explain(client):
    taji = client.get("/api/events?actor=militants").json()["events"][0]
    kirkuk = client.get("/api/events?country=IRQ&until=2024-05-01").json()["events"][0]
    detail = client.get(f"/api/events/{taji['id']}").json()
    assert [a["event_id"] for a in detail["answers"]] == [kirkuk["id"]]
    assert detail["answers"][0]["type"] == "retaliation_for"
    assert detail["answers"][0]["event"]["id"] == kirkuk["id"]
    back = client.get(f"/api/events/{kirkuk['id'][:6]}").json()
    assert back["event"]["id"] == kirkuk["id"] and back["requested_id"] == kirkuk["id"][:6]
    assert [a["event_id"] for a in back["answered_by"]] == [taji["id"]]
    assert len(back["mentions"]) == 2 and set(back["articles"]) == {"wire-1", "wire-2"}
    for m in back["mentions"]:
        text = back["articles"][m["article_id"]]["text"]
        assert text[m["evidence"]["start"]:m["evidence"]["end"]] == m["evidence"]["quote"]
    assert back["explain"].startswith(f"Event {kirkuk['id']}: ASSAULT")
    assert "2 reports in 2 articles" in back["explain"]


def test_an_id_merged_into_another_event_resolves_to_it(tmp_path):
    db = str(tmp_path / "merged.db")
    build(db)
    with TestClient(create_app(db)) as c:
        kirkuk = c.get("/api/events?country=IRQ&until=2024-05-01").json()["events"][0]
        retired = "0123456789abcdef"  # as if a later report had merged this event into Kirkuk's
        with open_store(db) as store:
            with store.backend.transaction():
                store.backend.execute("INSERT INTO event_aliases (alias_id, event_id) VALUES (?, ?)",
                                      (retired, kirkuk["id"]))
        detail = c.get(f"/api/events/{retired}").json()
    assert detail["event"]["id"] == kirkuk["id"] and detail["requested_id"] == retired


def test_unknown_event_and_bad_ids_answer_in_the_error_shape(client):
    assert_error(client.get("/api/events/feedfacefeedface"), 404, "event_not_found")
    assert_error(client.get("/api/events/bad%20id"), 422, "invalid_parameter")
    assert_error(client.get("/api/events/" + "a" * 101), 422, "invalid_parameter")


def test_counts_by_day_and_type(client):
    counts = client.get("/api/counts").json()
    assert counts["days"] == [
        {"date": "2024-05-01", "type": "ASSAULT", "count": 1},
        {"date": "2024-05-03", "type": "ASSAULT", "count": 1},
        {"date": "2024-05-03", "type": "PROTEST", "count": 1}]
    assert counts["types"] == {"ASSAULT": 2, "PROTEST": 1, "THREATEN": 1}
    assert counts["undated"] == 1


def test_actors_and_places(client):
    actors = client.get("/api/actors").json()
    assert {a["name"]: a["as_actor"] for a in actors} == {
        "Gunmen": 1, "Militants": 1, "Protesters": 1, "Commander": 1}
    places = client.get("/api/places?type=ASSAULT").json()
    assert [(p["name"], p["events"]) for p in places] == [("Camp Taji", 1), ("Kirkuk", 1)]
    assert len(client.get("/api/actors?limit=2").json()) == 2


def test_chains_follow_links(client):
    data = client.get("/api/chains").json()
    assert data["unlinked"] == 2
    [chain] = data["chains"]
    assert [e["date"]["start"] for e in chain["events"]] == ["2024-05-01", "2024-05-03"]


def test_geojson_of_the_filter(client):
    response = client.get("/api/events.geojson?type=ASSAULT")
    assert response.headers["content-type"].startswith("application/geo+json")
    features = response.json()["features"]
    assert {f["properties"]["location_name"] for f in features} == {"Kirkuk", "Camp Taji"}
    assert features[0]["geometry"]["coordinates"] == [44.39, 35.47]
    assert len(client.get("/api/events.geojson?limit=1").json()["features"]) == 1


@pytest.mark.parametrize("url, status, code", [
    ("/api/events?country=Iraq", 422, "invalid_parameter"),
    ("/api/events?country=I1Q", 400, "invalid_filter"),
    ("/api/events?type=BOMBING", 400, "invalid_filter"),
    ("/api/events?since=2024-05-09&until=2024-05-01", 400, "invalid_filter"),
    ("/api/events?since=yesterday", 422, "invalid_parameter"),
    ("/api/events?bbox=1,2,3", 400, "invalid_filter"),
    ("/api/events?limit=0", 422, "invalid_parameter"),
    ("/api/events?limit=501", 422, "invalid_parameter"),
    ("/api/counts?actor=%00x", 422, "invalid_parameter"),
    ("/api/actors?text=" + "x" * 201, 422, "invalid_parameter"),
    ("/api/places?limit=-1", 422, "invalid_parameter"),
    ("/api/chains?until=2024-02-30", 422, "invalid_parameter"),
    ("/api/nothing-here", 404, "not_found"),
])
def test_bad_input_answers_in_the_error_shape(client, url, status, code):
    assert_error(client.get(url), status, code)


def test_wrong_method_answers_in_the_error_shape(client):
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")


def test_the_schema_lists_every_route_and_no_docs_page_loads_a_cdn(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert paths == {"/api/store", "/api/events", "/api/events.geojson", "/api/events/{event_id}",
                     "/api/counts", "/api/actors", "/api/places", "/api/chains", "/api/ingest"}
    assert client.get("/docs").status_code == 404


def test_sql_metacharacters_are_taken_literally(client):
    for text in ("' OR 1=1 --", "%", "_", "!"):
        assert client.get("/api/events", params={"text": text}).json()["total"] == 0
