"""Safe by default: limits on every request, the host check, headers, token-gated ingest."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from error_shape import assert_error
from flashpoint.api import create_app
from flashpoint.api.server import allowed_hosts, token_from_env
from flashpoint.errors import ConfigError

TOKEN = "test-token-0123456789abcdef"
ARTICLE = {"id": "api-post-1", "published": "2024-05-02",
           "text": "Gunmen attacked a police checkpoint in Kirkuk on Monday, killing three "
                   "officers, the police said."}


def test_too_long_a_url_is_refused(client):
    assert_error(client.get("/api/events?text=" + "x" * 5000), 414, "uri_too_long")


def test_too_large_a_body_is_refused_before_the_route(db):
    with TestClient(create_app(db, TOKEN, max_body=1000)) as c:
        response = c.post("/api/ingest", content=b"{" + b" " * 2000 + b"}",
                          headers={"authorization": f"Bearer {TOKEN}",
                                   "content-type": "application/json"})
    assert_error(response, 413, "too_large")


def test_streamed_body_over_the_limit_is_refused(db):
    def chunks():
        for _ in range(20):
            yield b" " * 100
    with TestClient(create_app(db, TOKEN, max_body=1000)) as c:
        response = c.post("/api/ingest", content=chunks(),
                          headers={"authorization": f"Bearer {TOKEN}"})
    assert_error(response, 413, "too_large")


def test_a_loopback_server_refuses_other_host_names(db):
    with TestClient(create_app(db, allowed_hosts=allowed_hosts("127.0.0.1"))) as c:
        assert c.get("/api/store", headers={"host": "127.0.0.1:8000"}).status_code == 200
        assert c.get("/api/store", headers={"host": "localhost"}).status_code == 200
        assert_error(c.get("/api/store", headers={"host": "evil.example"}), 400, "bad_host")
    assert allowed_hosts("0.0.0.0") is None


def test_every_answer_carries_the_security_headers(client):
    for url in ("/", "/api/store", "/api/nothing"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "connect-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
    assert client.head("/").status_code == 200


def test_ingest_is_off_without_a_token(client):
    assert_error(client.post("/api/ingest", json={"articles": [ARTICLE]}), 403, "ingest_disabled")


@pytest.mark.parametrize("header", [None, "Bearer wrong-token-0123456789", f"Basic {TOKEN}"])
def test_ingest_needs_the_token(db, header):
    with TestClient(create_app(db, TOKEN)) as c:
        headers = {"authorization": header} if header else {}
        error = assert_error(c.post("/api/ingest", json={"articles": [ARTICLE]}, headers=headers),
                             401, "unauthorized")
    assert "FLASHPOINT_API_TOKEN" in error["message"]


@pytest.mark.parametrize("body, code", [
    ({"articles": []}, "invalid_parameter"),
    ({"articles": [{"text": ""}]}, "invalid_parameter"),
    ({"articles": [{"text": "x", "colour": "red"}]}, "invalid_parameter"),
    ({"articles": [{"text": "x"}] * 51}, "invalid_parameter"),
    ({"articles": [{"text": "   "}]}, "invalid_article"),
    ({"articles": [{"id": "a", "text": "one"}, {"id": "a", "text": "two"}]}, "invalid_article"),
])
def test_ingest_checks_each_article(db, body, code):
    with TestClient(create_app(db, TOKEN)) as c:
        assert_error(c.post("/api/ingest", json=body,
                            headers={"authorization": f"Bearer {TOKEN}"}), 422, code)


def test_short_tokens_are_refused(monkeypatch):
    monkeypatch.setenv("FLASHPOINT_API_TOKEN", "short")
    with pytest.raises(ConfigError, match="at least 16"):
        token_from_env()


def test_ingest_runs_the_pipeline_and_returns_the_events(tmp_path):
    db = str(tmp_path / "post.db")
    with TestClient(create_app(db, TOKEN)) as c:
        response = c.post("/api/ingest", json={"articles": [ARTICLE]},
                          headers={"authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 200, response.text
        result = response.json()
        assert result["summary"]["added"] == 1 and result["summary"]["failed"] == 0
        assault = [e for e in result["events"] if e["event_type"] == "ASSAULT"]
        assert assault and assault[0]["fatalities"]["best"] == 3
        assert c.get("/api/events").json()["total"] == len(result["events"])
        again = c.post("/api/ingest", json={"articles": [ARTICLE]},
                       headers={"authorization": f"Bearer {TOKEN}"}).json()
        assert again["summary"]["unchanged"] == 1 and again["events"] == result["events"]
