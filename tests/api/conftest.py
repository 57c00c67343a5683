"""API fixtures: a store of hand-built records (no model) and the app over it."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_records import build
from flashpoint.api import create_app

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("api") / "api.db")
    build(path)
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c
