"""`flashpoint explain`: every figure with its source, the reasons for grouping, the disagreements."""
from link_factory import mention

from flashpoint.link.explain import explain_event
from flashpoint.link.group import reconcile


def test_an_event_is_explained_with_its_sources_reasons_and_disagreements():
    a = mention("a1", "national", killed=(3, 3, 3), quote="Three soldiers were killed at Taji.")
    b = mention("b1", "reuters", killed=(2, 2, 2), quote="Two soldiers died in the rocket attack.")
    event = reconcile([a, b], {"national": None, "reuters": None}, event_id="e1")
    text = explain_event(event, [a, b], {"reuters": "Reuters"})
    assert "Event e1: ASSAULT/heavy-weapons" in text
    assert "2 reports in 2 articles" in text
    assert "Reuters (reuters): killed 2" in text and "national: killed 3" in text
    assert '"Two soldiers died in the rocket attack."' in text
    assert "grouped because:" in text and "same day" in text
    assert "fatalities: 3 (national); 2 (reuters)" in text


def test_explain_says_when_reports_were_grouped_because_their_articles_tell_one_story():
    from flashpoint.link.group import Stories

    a = mention("a1", "wire", day=None, where=None, actors=(), recipients=())
    b = mention("b1", "daily", day=None, where=None, actors=(), recipients=())
    event = reconcile([a, b], {}, event_id="ev-1")
    text = explain_event(event, [a, b], stories=Stories({("daily", "wire"): 0.37}))
    assert ("b1 ~ a1 (score 5): same type and mode (ASSAULT/heavy-weapons); "
            "their articles tell one story (similarity 0.37)") in text
