"""Reconciliation: the precise date and place win; casualty figures span the sources."""
import datetime as dt

import pytest
from link_factory import mention

from flashpoint.link import LinkError
from flashpoint.link.group import reconcile
from flashpoint.link.reconcile import disagreements, figures

PUBLISHED = {"national": dt.date(2020, 3, 15), "reuters": dt.date(2020, 3, 12),
             "afp": dt.date(2020, 3, 11)}


def three_reports():
    vague = mention("n1", "national", day="2020-03-01", precision="month", end_day="2020-03-31",
                    where="Iraq", killed=(3, 3, 3), injured=(12, 12, 12))
    precise = mention("r1", "reuters", day="2020-03-11", where="Taji", killed=(2, 2, 2),
                      quote="Two US soldiers were killed at Taji.", confidence=0.7)
    early = mention("f1", "afp", day="2020-03-11", where="Iraq", killed=(1, 2, 5))
    return [vague, precise, early]


def test_date_and_place_come_from_the_most_precise_mention():
    event = reconcile(three_reports(), PUBLISHED, event_id="ev1")
    assert (event.date.start, event.date.precision) == (dt.date(2020, 3, 11), "day")
    assert "2 agree" in event.date.reason
    assert event.location.name == "Taji"


def test_between_equally_precise_places_the_first_published_report_wins():
    later = mention("n1", "national", where="Jurf al-Sakhar")
    first = mention("f1", "afp", where="Basra")
    assert reconcile([later, first], PUBLISHED).location.name == "Basra"


def test_fatalities_span_the_sources_without_averaging():
    event = reconcile(three_reports(), PUBLISHED, event_id="ev1")
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (1, 2, 5)
    assert (event.injuries.low, event.injuries.best, event.injuries.high) == (12, 12, 12)


def test_each_figure_stays_attributed_to_its_article():
    rows = figures(three_reports())
    assert [(r["article_id"], r["fatalities"]["best"]) for r in rows] == [
        ("national", 3), ("reuters", 2), ("afp", 2)]
    assert rows[1]["quote"] == "Two US soldiers were killed at Taji."
    assert disagreements(three_reports())[0] == "fatalities: 2 (afp); 3 (national); 2 (reuters)"


def test_an_article_counts_once_with_its_updated_toll():
    first = mention("r1", "reuters", killed=(2, 2, 2))
    update = mention("r2", "reuters", killed=(5, 5, 5))
    other = mention("f1", "afp", killed=(3, 3, 3))
    event = reconcile([first, update, other], PUBLISHED)
    # Reuters' superseded "2" is kept in figures() but no longer bounds the event's toll.
    assert (event.fatalities.low, event.fatalities.best, event.fatalities.high) == (3, 3, 5)
    assert [r["fatalities"]["best"] for r in figures([first, update, other])] == [2, 5, 3]


def test_ids_mentions_sources_and_confidence():
    ms = three_reports()
    event = reconcile(ms, PUBLISHED, event_id="ev1")
    assert event.id == "ev1" and event.mentions == ["n1", "r1", "f1"]
    assert event.sources == ["afp", "national", "reuters"]
    assert event.confidence > max(m.confidence for m in ms)
    assert reconcile(ms, PUBLISHED).id == reconcile(list(reversed(ms)), PUBLISHED).id
    assert event.evidence.quote == "Two US soldiers were killed at Taji."


def test_no_report_of_casualties_stays_null():
    event = reconcile([mention("r1", "reuters")], PUBLISHED)
    assert event.fatalities is None and event.injuries is None


def test_reconciling_nothing_says_what_to_pass():
    with pytest.raises(LinkError, match=r"\[FP600\] reconcile\(\) got no mentions"):
        reconcile([], PUBLISHED)


def test_the_codes_follow_the_chosen_mode():
    from link_factory import mention

    from flashpoint.link.group import reconcile

    vague = [mention(f"v{i}", f"art{i}", mode=None).model_copy(
        update={"acled_event_type": "Battles", "acled_sub_event_type": "Armed clash", "cameo": "190"})
        for i in range(2)]
    precise = [mention(f"p{i}", f"brt{i}", mode="aerial").model_copy(
        update={"acled_event_type": "Explosions/Remote violence",
                "acled_sub_event_type": "Air/drone strike", "cameo": "195"}) for i in range(1)]
    event = reconcile(vague + precise, {})
    assert event.mode == "aerial"
    assert event.acled_sub_event_type == "Air/drone strike" and event.cameo == "195"
