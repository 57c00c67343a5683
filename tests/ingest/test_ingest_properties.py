"""Property-based tests (hypothesis) of the readers and cleaning: whatever the bytes, no crash,
only Articles or InputErrors come out, and cleaning keeps every offset true."""
from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.errors import InputError
from flashpoint.ingest.clean import clean
from flashpoint.ingest.noisy import repair_encoding
from flashpoint.ingest.readers import read_inputs
from flashpoint.record import Article

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as crawlers deliver it: any character, plus the ones that break naive code.
ODD = st.sampled_from(["\u200f", "\u202b", "\u2066", "\ufeff", "\u00a0", "\r", "\r\n", "\t",
                       "\x00", "{", "}", "\"", "\\", "\u2028", "\U0001f4a5", "READ MORE: ",
                       "Photo: AFP", "By Staff", "\n\n"])
TEXT = st.lists(st.one_of(st.text(max_size=40), ODD), max_size=25).map("".join)


def _items(stdin) -> list:
    return list(read_inputs(["-"], stdin=stdin))


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_on_stdin_give_articles_or_input_errors(data):
    for item in _items(io.BytesIO(data)):
        assert isinstance(item, (Article, InputError))


@FAST
@given(st.lists(st.one_of(
    st.builds(lambda t, i: json.dumps({"id": i, "text": t}), TEXT, st.text(max_size=8)),
    st.builds(lambda t: json.dumps({"text": t, "published": "2031-02-29"}), TEXT),
    TEXT), max_size=12))
def test_json_lines_of_anything_give_articles_or_input_errors_and_unique_ids(lines):
    stream = io.BytesIO(("{}\n" + "\n".join(lines)).encode("utf-8", "surrogatepass"))
    items = _items(stream)
    assert all(isinstance(i, (Article, InputError)) for i in items)
    ids = [i.id for i in items if isinstance(i, Article)]
    assert len(ids) == len(set(ids))  # never two articles of one id in a run


@FAST
@given(TEXT.filter(lambda t: "\x00" not in t  # NUL-laden bytes may read as UTF-16, on purpose
                   and t.strip("\ufeff \t\r\n") and not t.lstrip("\ufeff \t\r\n").startswith("{")))
def test_plain_text_on_stdin_is_one_article_holding_exactly_that_text(text):
    [article] = _items(io.BytesIO(text.encode("utf-8")))
    # the text as given, with only its broken encoding repaired (flashpoint.ingest.noisy)
    expected = repair_encoding(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    assert isinstance(article, Article) and article.text == expected


@FAST
@given(TEXT)
def test_cleaning_keeps_the_length_and_marks_only_inside_the_text(text):
    article = clean(Article(id="a", text=text))
    masked = article.masked_text()
    assert len(masked) == len(text)
    for mark in article.marks:
        assert 0 <= mark.start <= mark.end <= len(text)
    assert all(m == t or m == " " for m, t in zip(masked, text))
