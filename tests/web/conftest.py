"""Browser fixtures: Debian's Chromium driven by Playwright (no browser download), the
sample articles ingested into a store, and a real server over it on loopback.

Without /usr/bin/chromium the browser tests skip, saying what to install, except in CI
(CI=true), where they fail: `make test` installs it.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from flashpoint.api import create_app
from flashpoint.api.server import Running

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium (make test does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory) -> str:
    from flashpoint.store import ingest

    path = str(tmp_path_factory.mktemp("web") / "samples.db")
    summary = ingest([str(ROOT / "samples" / "articles.jsonl")], db=path)
    assert summary.failed == 0 and summary.events
    return path


@pytest.fixture(scope="session")
def site(samples_db):
    with Running(create_app(samples_db)) as url:
        yield url


@pytest.fixture
def page(browser):
    """A fresh page that records every request it makes and every script error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.requests, page.errors, page.dialogs = [], [], []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    context.close()
