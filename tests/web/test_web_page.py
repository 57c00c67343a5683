"""The page in a real headless Chromium over the sample articles: markers, timeline,
table, evidence highlight, chains, URL state, keyboard, and nothing fetched from outside."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from screenshots import screenshot

READY = "body[data-ready='1']"


def open_page(page, site: str, query: str = ""):
    page.goto(site + query)
    page.wait_for_selector(READY, timeout=20000)
    return page


def only_local(page, site: str) -> None:
    outside = [u for u in page.requests if not (u.startswith(site) or u.startswith("data:"))]
    assert outside == [], f"the page asked for things outside the server: {outside}"
    assert page.errors == []


def test_map_timeline_and_table_show_the_samples(page, site):
    open_page(page, site)
    markers = page.locator("path.event-marker")
    assert markers.count() >= 5
    assert page.locator("path.type-ASSAULT").count() >= 3
    outlines = page.locator(".leaflet-overlay-pane path:not(.event-marker)")
    assert outlines.count() > 100  # country outlines from world-atlas
    assert page.locator("#timeline rect.bar").count() >= 5
    legend = page.locator("#legend .legend-type").all_inner_texts()
    assert legend[0].startswith("ASSAULT") and len(legend) >= 4
    total = page.locator("#events-table tbody tr").count()
    assert total >= 20 and f"{total} events match" in page.locator("#status").inner_text()
    screenshot(page, "map-timeline-table")
    only_local(page, site)


def test_bigger_tolls_draw_bigger_markers(page, site):
    open_page(page, site, "?type=ASSAULT")
    sizes = page.eval_on_selector_all(
        "path.event-marker", "ps => ps.map(p => p.getBBox().width)")
    assert max(sizes) > min(sizes)


def best_attested(page):
    """The table's link to the event with the most sources (the samples' Al-Qaim strikes)."""
    links = page.locator("#events-table tbody a")
    counts = [int(t.split()[0]) for t in links.all_inner_texts()]
    return links.nth(counts.index(max(counts)))


def test_event_view_highlights_each_quote_in_its_article(page, site):
    open_page(page, site, "?type=ASSAULT")
    best_attested(page).click()
    page.wait_for_selector("#event-view mark.evidence")
    view = page.locator("#event-view")
    assert view.locator(".article").count() >= 2
    marks = view.locator("mark.evidence")
    assert marks.count() >= 2
    for text in marks.all_inner_texts():
        assert len(text) > 20
    assert "Why these reports are one event" in view.inner_text()
    assert "grouped because" in view.locator("pre.explain").inner_text()
    assert view.locator("h3", has_text="Answered by").count() == 1
    assert page.locator("path.event-marker[stroke-width='4']").count() == 1  # its marker
    assert "event=" in page.url
    marks.first.scroll_into_view_if_needed()
    screenshot(page, "event-evidence")
    only_local(page, site)


def test_linked_events_open_from_the_event_view(page, site):
    open_page(page, site, "?view=chains")
    chain_links = page.locator("#chains-view .chain a")
    assert chain_links.count() >= 2
    screenshot(page, "chains")
    chain_links.first.click()
    page.wait_for_selector("#event-view:not([hidden]) h2")
    answered = page.locator("#event-view ul.links a")
    assert answered.count() >= 1
    first_id = parse_qs(urlparse(page.url).query)["event"][0]
    answered.first.click()
    page.wait_for_function(f"!location.search.includes('{first_id}')")
    assert page.locator("#event-view h2").count() == 1


def test_filter_state_lives_in_the_url(page, site):
    open_page(page, site, "?type=PROTEST")
    types = page.locator("#events-table tbody td:nth-child(2)").all_inner_texts()
    assert types and all(t.startswith("PROTEST") for t in types)
    assert page.locator("select[name=type] option:checked").all_inner_texts() == ["PROTEST"]
    page.fill("input[name=country]", "IRQ")
    page.click("button[type=submit]")
    page.wait_for_function("location.search.includes('country=IRQ')")
    assert "type=PROTEST" in page.url
    page.go_back()
    page.wait_for_function("!location.search.includes('country')")


def test_the_page_works_with_the_keyboard(page, site):
    open_page(page, site)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "text"
    page.keyboard.type("rocket")
    page.keyboard.press("Enter")
    page.wait_for_function("location.search.includes('text=rocket')")
    page.wait_for_selector(READY)
    page.locator("#events-table tbody a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#event-view:not([hidden]) h2")
    assert page.evaluate("document.activeElement.tagName") == "H2"
    page.keyboard.press("Escape")
    page.wait_for_selector("#event-view", state="hidden")
    page.wait_for_function("document.activeElement.dataset.event !== undefined")
