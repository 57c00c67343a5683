"""Property-based tests (hypothesis) of extraction as users run it: articles generated from
attacks, numbers, place names and dates (future ones too) go through Pipeline.analyse with the
real model, loaded once. Whatever the mix: no crash, every offset inside the text, every quote
equal to its slice of the text. The pure readers of numbers and dates get arbitrary strings."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.extract.casualties import parse_number
from flashpoint.resolve.time import timecalc, timex

FAST = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

PLACES = ["Kirkuk", "Mosul", "Aleppo", "Kabul", "Mogadishu", "Sanaa", "Gao", "Donetsk", "Goma",
          "Idlib", "Tripoli", "Springfield", "Georgia", "Jordan", "Nice", "Chad", "Split"]
NUMBERS = ["3", "twenty-one", "1,204", "at least 12", "dozens of", "between 5 and 9", "0",
           "9999999999", "-4", "3.5", "a hundred", "two thousand", "½", "٣", "10 to 12"]
DATES = ["on Monday", "on 3 March 2031", "in 2099", "next week", "on 31/12/2045", "yesterday",
         "two days later", "on February 30", "in the summer of 2040", "at 10:45 p.m.",
         "on 2020-13-45", "last month", "in 1066", "tomorrow"]
VERBS = ["killed", "wounded", "shelled", "attacked", "bombed", "arrested", "protested in",
         "struck", "kidnapped", "fired rockets at"]
ACTORS = ["Gunmen", "Militants", "The army", "Police", "Protesters", "Rebels", "A drone"]


@st.composite
def sentences(draw) -> str:
    parts = [draw(st.sampled_from(ACTORS)), draw(st.sampled_from(VERBS)),
             draw(st.sampled_from(NUMBERS)), "people in", draw(st.sampled_from(PLACES)),
             draw(st.sampled_from(DATES))]
    glue = draw(st.sampled_from([" ", "  ", "\u00a0", " \u200f"]))
    return glue.join(parts) + draw(st.sampled_from([".", "!", "", ".\u200f", "...", ";"]))


ARTICLES = st.lists(st.one_of(sentences(), st.text(max_size=30)), min_size=1, max_size=8).map(
    lambda ss: " ".join(ss) if ss else "x")


@pytest.fixture(scope="module")
def pipeline():
    from flashpoint.pipeline import Pipeline

    return Pipeline()


@FAST
@given(text=ARTICLES, published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1),
                                                              dt.date(2090, 12, 31))))
def test_events_places_and_dates_point_into_the_text(pipeline, text, published):
    from flashpoint.ingest.clean import clean
    from flashpoint.record import Article

    article = clean(Article(id="p", text=text, published=published))
    result = pipeline.analyse(article, pipeline.nlp(article.masked_text()))
    for event in result.events:
        ev = event.evidence
        assert 0 <= ev.start <= ev.end <= len(text) and text[ev.start:ev.end] == ev.quote
        for count in (event.fatalities, event.injuries):
            assert count is None or 0 <= count.low <= count.best <= count.high
        for actor in event.actors + event.recipients:
            assert actor.text in text
    for mention in result.places + result.dates:
        assert 0 <= mention.start <= mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(st.sampled_from(NUMBERS + ["people", "and", "to"]),
                                                max_size=6).map(" ".join)))
def test_numbers_are_none_or_ordered_and_not_negative(text):
    found = parse_number(text)
    assert found is None or 0 <= found[0] <= found[1] <= found[2]


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(max_size=40), st.sampled_from(DATES)),
       published=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))))
def test_dates_resolve_to_an_ordered_span_or_say_why_not(text, published):
    reading = timex.read(text)
    if reading is None:
        return
    when = timecalc.resolve(reading, text, timecalc.Setting(published=published))
    assert when.reason
    assert when.start is None or when.end is None or when.start <= when.end
