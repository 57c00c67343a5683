"""Readers: every input kind becomes Articles; every bad input becomes an error in the stream."""
from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from flashpoint.errors import BadArticleLine, InputError, UnsupportedInput
from flashpoint.ingest.readers import read_inputs
from flashpoint.record import Article, content_id

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
REPORT = ("Rockets struck an air base in western Iraq on Tuesday night, killing two contractors "
          "and wounding five other people, officials said.")


def read(*paths, **kwargs) -> list:
    return list(read_inputs([str(p) for p in paths], **kwargs))


def jsonl(tmp_path: Path, *lines: str, name: str = "articles.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---- .txt

def test_txt_file_is_one_article_named_by_its_stem(tmp_path):
    path = tmp_path / "anbar-report.txt"
    path.write_text(REPORT, encoding="utf-8")
    [article] = read(path, published=dt.date(2022, 4, 6))
    assert article == Article(id="anbar-report", text=REPORT, published=dt.date(2022, 4, 6))


def test_txt_without_published_has_unknown_date(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert read(path)[0].published is None


def test_txt_byte_order_mark_and_windows_line_ends_are_dropped(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\r\n\r\n" + REPORT.encode())
    assert read(path)[0].text == "Headline\n\n" + REPORT


def test_txt_that_is_not_utf8_is_an_error_naming_the_byte(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Rockets hit the base in Anbar, caf\u00e9 closed.".encode("latin-1"))
    [error] = read(path)
    assert type(error) is InputError
    assert str(error) == (f"[FP100] {str(path)!r} is not valid UTF-8 (byte 0xe9 at offset 34); "
                          "re-save it as UTF-8")


def test_empty_txt_is_an_error(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n", encoding="utf-8")
    [error] = read(path)
    assert str(error) == f"[FP100] {str(path)!r} is empty; a .txt input holds one article's text"


# ---- .html

def test_html_keeps_the_story_and_drops_menus_and_footer():
    [article] = read(SAMPLES / "article.html")
    assert article.id == "article"
    assert "At least four rockets struck the Ain al-Asad air base" in article.text
    assert "Washington has blamed earlier attacks on Kataib Hezbollah" in article.text
    for boilerplate in ("Subscribe for unlimited access", "We use cookies", "Most read",
                        "Sign up for our morning briefing", "All rights reserved"):
        assert boilerplate not in article.text


def test_html_takes_title_date_url_and_outlet_from_the_page():
    [article] = read(SAMPLES / "article.html", published=dt.date(1999, 1, 1))
    assert article.title == "Rockets hit Ain al-Asad air base in western Iraq"
    assert article.published == dt.date(2022, 4, 6)  # the page's own date wins
    assert article.url == "https://gulf-ledger.example/iraq/2022/04/06/rockets-hit-ain-al-asad"
    assert article.source == "The Gulf Ledger"


def test_html_without_an_article_is_an_error(tmp_path):
    path = tmp_path / "index.htm"
    path.write_text("<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>"
                    "World</a></li></ul></nav><footer><p>Copyright 2022 The Gulf Ledger. All "
                    "rights reserved.</p></footer></body></html>", encoding="utf-8")
    [error] = read(path)
    assert type(error) is InputError
    assert str(error) == (f"[FP100] no article text found in {str(path)!r}; check that it is an "
                          "article page (not an index or a login page), or save the article as .txt")


# ---- .jsonl

def test_sample_jsonl_reads_every_article_with_its_metadata():
    articles = read(SAMPLES / "articles.jsonl")
    assert len(articles) == 10 and all(isinstance(a, Article) for a in articles)
    first = articles[0]
    assert first.id == "baghdadwire-2022-04-06-ain-al-asad"
    assert first.published == dt.date(2022, 4, 6)
    assert first.source == "Baghdad Wire"
    assert first.url.startswith("https://baghdadwire.example/")


def test_jsonl_fields_and_published_date_time(tmp_path):
    line = json.dumps({"id": "a1", "text": REPORT, "title": "Rockets hit base",
                       "published": "2022-04-06T23:40:00+03:00", "source": "Baghdad Wire",
                       "url": "https://baghdadwire.example/a1", "language": "en"})
    [article] = read(jsonl(tmp_path, line))
    assert article == Article(id="a1", text=REPORT, title="Rockets hit base",
                              published=dt.date(2022, 4, 6), source="Baghdad Wire",
                              url="https://baghdadwire.example/a1", language="en")


def test_jsonl_line_date_wins_and_argument_fills_the_gaps(tmp_path):
    path = jsonl(tmp_path, json.dumps({"text": REPORT, "published": "2022-04-06"}),
                 json.dumps({"text": REPORT + " More."}))
    dated, undated = read(path, published=dt.date(2022, 5, 1))
    assert dated.published == dt.date(2022, 4, 6)
    assert undated.published == dt.date(2022, 5, 1)


def test_missing_id_gets_a_stable_content_hash(tmp_path):
    path = jsonl(tmp_path, json.dumps({"text": REPORT}), json.dumps({"text": REPORT + "!"}))
    first, other = read(path)
    assert first.id == content_id(REPORT)
    assert read(path)[0].id == first.id
    assert other.id != first.id


def test_bad_lines_are_reported_with_line_and_fix_and_the_run_goes_on(tmp_path):
    path = jsonl(tmp_path,
                 json.dumps({"id": "ok-1", "text": REPORT}),
                 '{"id": "broken", "text": "Rockets hit"',
                 json.dumps({"id": "no-text", "title": "Rockets hit base"}),
                 "",
                 json.dumps({"id": "bad-date", "text": REPORT, "published": "15/03/2020"}),
                 json.dumps(["not", "an", "object"]),
                 json.dumps({"id": 7, "text": REPORT, "source": 12}),
                 json.dumps({"id": "ok-2", "text": REPORT}))
    items = read(path)
    assert [i.id for i in items if isinstance(i, Article)] == ["ok-1", "ok-2"]
    errors = [i for i in items if not isinstance(i, Article)]
    assert all(type(e) is BadArticleLine for e in errors)
    assert [str(e) for e in errors] == [
        f"[FP102] {path}, line 2: not valid JSON (Expecting ',' delimiter at column 39); "
        "write one JSON object per line",
        f'[FP102] {path}, line 3: no "text" field; give each line a non-empty "text" string',
        f"[FP102] {path}, line 5: \"published\" '15/03/2020' is not an ISO date; write it as "
        "YYYY-MM-DD or an ISO date-time such as 2020-03-15T09:30:00Z",
        f"[FP102] {path}, line 6: a list where an object was expected; write one object "
        'per line, such as {"text": "..."}',
        f'[FP102] {path}, line 7: "source" is a number, not a string; write "source" as a string, '
        "or leave it out",
    ]
    assert [(e.path, e.line) for e in errors] == [(str(path), n) for n in (2, 3, 5, 6, 7)]


def test_undecodable_line_is_a_bad_line_not_a_failed_file(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n' + json.dumps({"id": "ok", "text": REPORT}).encode())
    error, article = read(path)
    assert str(error) == (f"[FP102] {path}, line 1: not valid UTF-8 (byte 0xe9 at column 14); "
                          "re-save the file as UTF-8")
    assert article.id == "ok"


# ---- standard input

@pytest.mark.parametrize("stream", [
    io.StringIO("\ufeff" + json.dumps({"id": "s1", "text": REPORT}) + "\n"),
    io.BytesIO(b"\xef\xbb\xbf" + json.dumps({"id": "s1", "text": REPORT}).encode() + b"\n"),
    io.TextIOWrapper(io.BytesIO(json.dumps({"id": "s1", "text": REPORT}).encode()), "utf-8"),
])
def test_dash_reads_json_lines_from_stdin(stream):
    [article] = read("-", stdin=stream)
    assert (article.id, article.text) == ("s1", REPORT)


def test_bad_stdin_line_names_stdin():
    [error] = read("-", stdin=io.StringIO("{}\n"))
    assert str(error) == ('[FP102] <stdin>, line 1: no "text" field; give each line a non-empty '
                          '"text" string')


# ---- directories, unknown and missing inputs

def test_directory_reads_known_files_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text("Second report. " + REPORT, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a-line", "text": REPORT}), "utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    assert [a.id for a in read(tmp_path)] == ["a-line", "b"]


def test_directory_without_articles_is_an_error(tmp_path):
    [error] = read(tmp_path)
    assert str(error) == (f"[FP100] directory {str(tmp_path)!r} holds no .txt, .html, .htm or "
                          ".jsonl files; put the articles there or name the files themselves")


def test_unknown_extension_names_the_accepted_kinds(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    [error] = read(path)
    assert type(error) is UnsupportedInput
    assert str(error) == (f"[FP101] cannot read {str(path)!r}: unsupported file type '.pdf'; "
                          "accepted inputs: .txt, .html, .htm, .jsonl, a directory of those, "
                          "or - for JSON lines or one plain-text article on standard input")


def test_missing_file_is_an_error_and_later_inputs_are_still_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    error, article = read(missing, good)
    assert type(error) is InputError
    assert str(error).startswith(f"[FP100] input {str(missing)!r} does not exist; check the path")
    assert article.id == "good"



def test_unreadable_file_is_an_error(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(REPORT, encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    [error] = read(path)
    assert str(error) == (f"[FP100] cannot read {str(path)!r}: Permission denied; check that "
                          "the file is readable by you")
