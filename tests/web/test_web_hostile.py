"""An article full of markup and script, ingested through POST /api/ingest, is shown as
text: nothing in it runs in the browser, and its javascript: URL never becomes a link."""
from __future__ import annotations

import httpx

from screenshots import screenshot
from flashpoint.api import create_app
from flashpoint.api.server import Running

TOKEN = "hostile-test-token-0123456789"
HOSTILE = {
    "id": "hostile-1",
    "published": "2024-05-02",
    "title": "<script>window.__pwned = 'title'</script>Checkpoint attack",
    "source": "<img src=x onerror=\"window.__pwned = 'source'\">",
    "url": "javascript:window.__pwned = 'url'",
    "text": "<script>window.__pwned = 'text'</script>\n\n"
            "Gunmen attacked a police checkpoint in Kirkuk on Monday, killing three officers, "
            "the police said. <img src=x onerror=\"window.__pwned = 'img'\"> "
            "<a href=\"javascript:window.__pwned = 'link'\">Read more</a> about it.",
}


def test_script_and_javascript_links_in_an_article_never_run(browser, page, tmp_path):
    with Running(create_app(str(tmp_path / "hostile.db"), TOKEN)) as site:
        answer = httpx.post(site + "api/ingest", json={"articles": [HOSTILE]},
                            headers={"authorization": f"Bearer {TOKEN}"}, timeout=120)
        assert answer.status_code == 200, answer.text
        event = next(e for e in answer.json()["events"] if e["event_type"] == "ASSAULT")
        page.goto(f"{site}?event={event['id']}")
        page.wait_for_selector("#event-view mark.evidence", timeout=20000)
        page.locator("path.event-marker").first.hover()
        for link in page.locator("#event-view a").all():
            assert not (link.get_attribute("href") or "").startswith("javascript:")
        shown = page.locator("#event-view .article-text").inner_text()
        screenshot(page, "hostile-article")
        assert "<script>window.__pwned = 'text'</script>" in shown
        assert "<a href=\"javascript:" in shown
        assert "<script>" in page.locator("#event-view .article h3").inner_text()
        assert page.evaluate("window.__pwned") is None
        assert page.locator("#event-view script, #event-view img, #event-view iframe").count() == 0
        assert page.locator("a[href^='javascript:']").count() == 0
        assert page.dialogs == [] and page.errors == []
        assert [u for u in page.requests if not u.startswith(site)] == []
