"""Noisy text: mojibake repaired as articles are read, capitals restored for the parse of
lower-case text. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from flashpoint.ingest.noisy import CaseRestorer, lacks_case, repair_encoding
from flashpoint.ingest.readers import parse_jsonl_line, read_text_file
from flashpoint.pipeline import Pipeline
from flashpoint.resolve.places.gazetteer import Gazetteer
from flashpoint.resolve.places.gazetteer_index import build_index

# What UTF-8 text looks like read as Windows-1252: the curly apostrophe, a dash, an e-acute.
BROKEN = "the mayorâ€™s office said the blast â€” the second this week â€” hit the cafÃ©"


def test_mojibake_is_repaired():
    assert repair_encoding(BROKEN) == "the mayor’s office said the blast — the second this week — hit the café"


def test_clean_text_is_left_as_it_is():
    text = "Troops entered Kherson on Friday — officials said “three” were hurt.\n\nMore later."
    assert repair_encoding(text) == text


def test_a_jsonl_article_with_mojibake_gets_the_repaired_text(tmp_path):
    line = json.dumps({"id": "m", "text": BROKEN, "title": "cafÃ© bombing"})
    article = parse_jsonl_line(line, "x.jsonl", 1)
    assert "mayor’s" in article.text and article.title == "café bombing"


def test_a_text_file_with_mojibake_is_repaired(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BROKEN, encoding="utf-8")
    assert read_text_file(path).text.endswith("hit the café")


def test_lower_case_text_is_told_from_ordinary_text():
    assert lacks_case("gunmen killed two farmers near the river on sunday, residents said.")
    assert not lacks_case("Gunmen killed two farmers near the river on Sunday, residents said.")
    assert not lacks_case("too short")


def _row(name, kind, country, population, gid):
    return dict(name=name, kind=kind, lat=10.0, lon=10.0, country=country, admin1=None,
                admin2=None, gid=gid, population=population, source=f"test:{gid}", aliases=[])


@pytest.fixture(scope="module")
def restorer(tmp_path_factory):
    rows = [_row("Port Harcourt", "locality", "NG", 1_100_000, 1), _row("Jos", "locality", "NG", 800_000, 2),
            _row("Bauchi", "province", "NG", 6_000_000, 3), _row("Mobile", "locality", "US", 190_000, 4),
            _row("Gwoza", "locality", "NG", 30_000, 5), _row("Nigeria", "country", "NG", 200_000_000, 6),
            _row("Hospital", "locality", "IE", 600, 7), _row("Dikwa", "locality", "NG", 25_000, 8)]
    path = build_index(tmp_path_factory.mktemp("gaz") / "case.sqlite", installed=False, extra=rows)
    return CaseRestorer(Gazetteer([path]), ["ISWAP", "Boko Haram", "US", "Nigerian Army"],
                        dictionary=["hospital", "mobile", "clinic"])


def test_capitals_return_to_names_days_months_and_sentence_starts(restorer):
    text = ("boko haram fighters attacked jos on 4 may. the nigerian army said iswap "
            "was not involved. i saw it on tuesday, one of us said in port harcourt.")
    restored = restorer.restore(text)
    assert len(restored) == len(text)
    assert restored == ("Boko Haram fighters attacked Jos on 4 May. The Nigerian Army said ISWAP "
                        "was not involved. I saw it on Tuesday, one of us said in Port Harcourt.")


def test_common_words_and_small_towns_stay_lower_case(restorer):
    text = "they may move the mobile clinic, bauchi state officials said; gwoza is calm."
    restored = restorer.restore(text)
    assert restored == "They may move the mobile clinic, Bauchi state officials said; gwoza is calm."


def test_a_small_town_after_a_locative_word_is_capitalised_but_not_an_english_word(restorer):
    text = "two were hurt near dikwa and taken to hospital in gwoza."
    assert restorer.restore(text) == "Two were hurt near Dikwa and taken to hospital in Gwoza."
    text = "gunmen raided gwoza town and dikwa (borno) overnight."
    assert restorer.restore(text) == "Gunmen raided Gwoza town and Dikwa (borno) overnight."


LOWER_CASE = [
    ("kh", "israeli aircraft struck a house in khan younis on sunday, killing three people, "
           "the ministryâ€™s medics said.", "Khan Younis", "PSE", dt.date(2022, 5, 1)),
    ("lh", "police arrested 12 protesters in lahore on wednesday after clashes near the punjab "
           "assembly â€” the second such protest.", "Lahore", "PAK", dt.date(2022, 5, 4)),
]


@pytest.mark.parametrize("key,text,place,country,day", LOWER_CASE)
def test_a_lower_case_article_with_mojibake_still_gives_place_date_and_event(key, text, place,
                                                                             country, day):
    line = json.dumps({"id": key, "published": "2022-05-06", "text": text})
    article = parse_jsonl_line(line, "x.jsonl", 1)
    assert "â€" not in article.text
    [result] = list(Pipeline().run([article]))
    [event] = result.events
    assert (event.location.name, event.location.country) == (place, country)
    assert event.location.text == place.lower()  # offsets point into the article's own text
    assert event.date.start == day
