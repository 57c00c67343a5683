"""The pipeline on articles users do not expect to send: 10,000 sentences, text made of
numbers and place names, dates in the future. Nothing crashes, nothing is cut, every quote is
its slice of the text, and the last attack of a long article is found like the first."""
from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.pipeline import Pipeline
from flashpoint.record import Article

FILLER = ["Rain fell.", "The road was quiet.", "Shops closed early.", "It was cold.",
          "Bread cost more."]
TOWNS = ["Kirkuk", "Mosul", "Aleppo", "Kabul", "Gao"]


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _run(pipeline, text: str, published=dt.date(2030, 1, 1)):
    [result] = list(pipeline.run([Article(id="t", text=text, published=published)]))
    assert result.error is None, result.error
    for event in result.events:
        ev = event.evidence
        assert 0 <= ev.start <= ev.end <= len(text) and text[ev.start:ev.end] == ev.quote
    return result


def _attack(i: int) -> str:
    return f"Gunmen killed {i % 37 + 2} soldiers in {TOWNS[i % 5]} on 3 March 2031."


def test_an_article_of_10000_sentences_is_read_to_its_end(pipeline):
    sentences = [_attack(i) if i % 500 == 0 else FILLER[i % 5] for i in range(10_000)]
    text = " ".join(sentences)
    result = _run(pipeline, text)
    quotes = [e.evidence.quote for e in result.events if e.event_type == "ASSAULT"]
    assert _attack(9500) in quotes and _attack(0) in quotes
    assert len(quotes) == 20


def test_future_dates_stated_in_the_text_resolve_to_them(pipeline):
    result = _run(pipeline, _attack(1))
    [event] = result.events
    assert event.date.start == dt.date(2031, 3, 3)


def test_text_full_of_numbers_and_place_names(pipeline):
    text = ("Between 2019 and 2024, 1,204 people in Kirkuk, 33 in Mosul, 7 in Tikrit, 12,000 in "
            "Aleppo, 5 of 9 in Gao and 3.5 million in Kabul fled; 2 -4 +7 =9 @10 1/2 ½ 10-12 "
            "Homs Hama Idlib Raqqa Deir ez-Zor 0 00 007 99999999999999999999 people were "
            "killed in Homs, Hama and Idlib on 31 February 2041 and 30/13/2050.")
    _run(pipeline, text)
