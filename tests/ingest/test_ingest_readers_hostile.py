"""Readers against hostile input: repeated ids, UTF-16, closed or plain-text standard input,
symbolic link loops, deep HTML, over-long lines, and files of 100 MB read in bounded memory."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flashpoint.errors import BadArticleLine, DuplicateArticle, InputError
from flashpoint.ingest import encoding
from flashpoint.ingest.readers import read_inputs
from flashpoint.record import Article, content_id

REPORT = ("Militiamen fired mortars at a police post outside Baqubah on Sunday, wounding four "
          "officers, a provincial spokesman said.")


def read(*paths, **kwargs) -> list:
    return list(read_inputs([str(p) for p in paths], **kwargs))


# ---- nothing replaced silently

def test_two_files_of_one_name_in_two_folders_keep_the_first_and_refuse_the_second(tmp_path):
    for folder, text in (("monday", REPORT), ("tuesday", "Another report. " + REPORT)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
    first, second = read(tmp_path / "monday", tmp_path / "tuesday")
    assert isinstance(first, Article) and first.text == REPORT
    assert type(second) is DuplicateArticle
    assert str(second) == (
        f"[FP104] {str(tmp_path / 'tuesday' / 'report.txt')!r}: the article id 'report' was "
        f"already read from {str(tmp_path / 'monday' / 'report.txt')!r} in this run; the first "
        "is kept and this one refused, so nothing is replaced silently; give each article its "
        "own id (rename one file)")


def test_a_repeated_jsonl_id_is_refused_so_every_run_keeps_the_same_article(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": REPORT}) + "\n"
                    + json.dumps({"id": "x", "text": "Edited. " + REPORT}) + "\n"
                    + json.dumps({"id": "x", "text": REPORT}) + "\n")
    for _ in range(2):  # the same outcome on every run: re-ingest is idempotent
        kept, edited, again = read(path)
        assert kept.text == REPORT
        assert str(edited).startswith(f"[FP104] {path}, line 2: the article id 'x' was already "
                                      f"read from {path}, line 1 in this run")
        assert str(again).endswith("the same text again, so nothing is lost; remove the repeat")


def test_a_txt_and_an_html_of_one_stem_collide_too(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "a.html").write_text(f"<html><body><article><p>{REPORT}</p></article></body></html>")
    html, txt = read(tmp_path)  # sorted by name: a.html first
    assert isinstance(html, Article) and html.id == "a" and type(txt) is DuplicateArticle


# ---- encodings

@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_read(tmp_path, codec):
    path = tmp_path / "wide.txt"
    path.write_bytes(REPORT.encode(codec))
    [article] = read(path)
    assert article.text == REPORT


def test_utf16_jsonl_is_read_line_by_line(tmp_path):
    path = tmp_path / "wide.jsonl"
    lines = [json.dumps({"id": f"w{i}", "text": REPORT}, ensure_ascii=False) for i in range(3)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    assert [a.id for a in read(path)] == ["w0", "w1", "w2"]


def test_bytes_that_are_neither_utf8_nor_utf16_name_the_byte_and_the_wide_guess(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\x00\xff\xfe" + "Mortars é".encode("latin-1"))
    [error] = read(path)
    assert str(error) == (f"[FP100] {str(path)!r} is not valid UTF-8 (byte 0xff at offset 1) and "
                          "holds NUL bytes, so it may be UTF-16 or UTF-32 without a byte-order "
                          "mark; re-save it as UTF-8")


# ---- standard input

def test_closed_stdin_is_an_error_not_a_traceback():
    closed = io.StringIO()
    closed.close()
    for stream in (None, closed):
        [error] = list(read_inputs(["-"], stdin=stream)) if stream else _read_closed()
        assert str(error).startswith("[FP100] standard input is closed, so - has nothing to read")


def _read_closed():
    from flashpoint.ingest.readers import read_stdin

    return list(read_stdin(None))


@pytest.mark.parametrize("stream", [
    io.StringIO("\n  " + REPORT + "\r\nSecond paragraph.\n"),
    io.BytesIO(("\n  " + REPORT + "\r\nSecond paragraph.\n").encode("utf-8")),
    io.BytesIO(("\n  " + REPORT + "\r\nSecond paragraph.\n").encode("utf-16")),
])
def test_plain_text_on_stdin_is_one_article(stream):
    import datetime as dt

    [article] = read("-", stdin=stream, published=dt.date(2021, 2, 3))
    text = "\n  " + REPORT + "\nSecond paragraph.\n"
    assert article == Article(id=content_id(text), text=text, published=dt.date(2021, 2, 3))


def test_json_lines_on_stdin_stay_json_lines_after_blank_lines():
    stream = io.BytesIO(b"\n\n" + json.dumps({"id": "j", "text": REPORT}).encode() + b"\n{bad\n")
    article, error = read("-", stdin=stream)
    assert article.id == "j" and isinstance(error, BadArticleLine) and error.line == 4


def test_empty_stdin_is_an_error():
    [error] = read("-", stdin=io.BytesIO(b"\n \n"))
    assert str(error).startswith("[FP100] standard input is empty")


# ---- paths

def test_a_symlink_loop_is_named_as_a_loop(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    [error] = read(loop)
    assert str(error) == (f"[FP100] input {str(loop)!r} is a symbolic link that loops (it leads "
                          "back to itself); point it at the article file, or name the file itself")


def test_a_dangling_link_in_a_folder_is_reported_not_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    os.symlink(tmp_path / "gone.txt", tmp_path / "b.txt")
    article, error = read(tmp_path)
    assert article.id == "a"
    assert "is a symbolic link to" in str(error) and "which does not exist" in str(error)


# ---- HTML nested deeper than the parser's limit

def test_html_nested_270_levels_keeps_its_text(tmp_path):
    depth = 270
    path = tmp_path / "deep.html"
    path.write_text(f"<html><head><title>T</title></head><body>{'<div>' * depth}<p>{REPORT}</p>"
                    f"{'</div>' * depth}</body></html>")
    [article] = read(path)
    assert article.text == REPORT


# ---- size bounds

def test_a_line_over_the_bound_is_skipped_and_reported_and_the_next_is_read(tmp_path):
    path = tmp_path / "long.jsonl"
    long_line = json.dumps({"id": "long", "text": "x" * 5000})
    path.write_text(long_line + "\n" + json.dumps({"id": "ok", "text": REPORT}) + "\n")
    lines = list(encoding.bounded_lines(path.open("rb"), limit=1000))
    assert isinstance(lines[0], encoding.TooLong) and lines[0].size == len(long_line) + 1
    assert json.loads(lines[1])["id"] == "ok"


def test_a_txt_file_larger_than_an_article_is_refused_unread(tmp_path, monkeypatch):
    from flashpoint.ingest import readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    path = tmp_path / "huge.txt"
    path.write_text(REPORT * 3)
    [error] = read(path)
    assert isinstance(error, InputError) and "split it into articles" in str(error)


# The child reads a generated input through read_inputs and prints its peak memory (KiB).
_MEASURE = textwrap.dedent("""
    import resource, sys
    from flashpoint.ingest.readers import read_inputs
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n = sum(1 for _ in read_inputs([sys.argv[1]]))
    print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base)
""")


def _peak_growth_kib(path: Path) -> tuple[int, int]:
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    items, growth = done.stdout.split()
    return int(items), int(growth)


def test_a_100_mb_file_streams_in_bounded_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": REPORT * 60})  # about 7 KB a line
    with path.open("w") as out:
        for i in range(100 * 1024 * 1024 // len(line) + 1):
            out.write(json.dumps({"id": f"a{i}", "text": REPORT * 60}) + "\n")
    assert path.stat().st_size > 100 * 1024 * 1024
    items, growth = _peak_growth_kib(path)
    assert items > 14_000
    assert growth < 40 * 1024, f"reading 100 MB grew the memory by {growth} KiB"


def test_lines_of_10_mb_stream_in_bounded_memory(tmp_path):
    path = tmp_path / "long-lines.jsonl"
    with path.open("w") as out:
        for i in range(6):
            out.write(json.dumps({"id": f"l{i}", "text": "Shelling. " * 1_000_000}) + "\n")
    items, growth = _peak_growth_kib(path)
    assert items == 6
    assert growth < 80 * 1024, f"six 10 MB lines grew the memory by {growth} KiB"


def test_an_over_long_line_is_a_bad_line_naming_the_bound():
    from flashpoint.ingest.readers import read_jsonl_stream

    ok = json.dumps({"id": "ok", "text": REPORT}).encode() + b"\n"
    error, article = read_jsonl_stream([encoding.TooLong(40_000_000), ok], "big.jsonl")
    assert str(error) == (f"[FP102] big.jsonl, line 1: the line holds 40,000,000 bytes or more, "
                          f"over the {encoding.MAX_LINE_BYTES:,} one article may have; it was "
                          "skipped unread; split the article into parts, each its own line")
    assert article.id == "ok"
