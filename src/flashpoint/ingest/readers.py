"""Readers: turn the inputs named on the command line into a stream of Articles.

Accepted inputs (contract events-v1, "Articles in"):

- ``.txt``: one article; id = the file's stem; ``published`` from the caller (``--published``).
- ``.html`` / ``.htm``: one article; the main text, extracted with trafilatura, becomes
  ``Article.text`` (so every offset points into the extracted text); title and date come from
  the page's metadata where it has them, else ``published`` from the caller.
- ``.jsonl``, or ``-`` for standard input: one JSON object per line (``text`` required).
- a directory: its ``.txt``, ``.html``, ``.htm`` and ``.jsonl`` files, in sorted name order.

Text with a broken encoding ('itâ€™s') is repaired as it is read (flashpoint.ingest.noisy);
the repaired text is the article's text, so offsets point into it.

Problems never stop the stream: a bad file or line is yielded as an InputError (or its
subclasses) naming the file, the line and the fix, and reading goes on with the next one.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from flashpoint.errors import BadArticleLine, InputError, UnsupportedInput
from flashpoint.ingest.noisy import repair_encoding
from flashpoint.record import Article, content_id

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
ACCEPTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
ACCEPTED_TEXT = ".txt, .html, .htm, .jsonl, a directory of those, or - for JSON lines on standard input"
STDIN_NAME = "<stdin>"
OPTIONAL_FIELDS = ("title", "source", "url", "language")

Item = Union[Article, InputError]


def read_inputs(paths: Iterable[str], published: Optional[dt.date] = None,
                stdin: Optional[IO] = None) -> Iterator[Item]:
    """Yield one Article per article found, or one InputError per input that cannot be read.

    ``published`` is the publication date for inputs that do not carry their own (every .txt
    file; .jsonl lines and HTML pages without a date). ``stdin`` is read for the path ``-``
    (default: ``sys.stdin``).
    """
    for path in paths:
        if path == "-":
            yield from read_jsonl_stream(stdin if stdin is not None else sys.stdin, STDIN_NAME,
                                         published)
        else:
            yield from _read_path(Path(path), published)


def _read_path(path: Path, published: Optional[dt.date]) -> Iterator[Item]:
    if path.is_dir():
        yield from _read_directory(path, published)
    elif not path.exists():
        yield InputError(f"input {str(path)!r} does not exist; check the path (accepted inputs: "
                         f"{ACCEPTED_TEXT})")
    else:
        yield from _read_file(path, published)


def _read_directory(folder: Path, published: Optional[dt.date]) -> Iterator[Item]:
    files = sorted(p for p in folder.iterdir()
                   if p.is_file() and p.suffix.lower() in ACCEPTED and not p.name.startswith("."))
    if not files:
        yield InputError(f"directory {str(folder)!r} holds no .txt, .html, .htm or .jsonl files; "
                         "put the articles there or name the files themselves")
    for path in files:
        yield from _read_file(path, published)


def _read_file(path: Path, published: Optional[dt.date]) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            stream = path.open("rb")
        except OSError as exc:
            yield _unreadable(path, exc)
            return
        with stream:
            yield from read_jsonl_stream(stream, str(path), published)
    elif suffix in TEXT_SUFFIXES:
        yield _catch(read_text_file, path, published)
    elif suffix in HTML_SUFFIXES:
        yield _catch(read_html_file, path, published)
    else:
        yield UnsupportedInput(f"cannot read {str(path)!r}: unsupported file type "
                               f"{suffix or '(no extension)'!r}; accepted inputs: {ACCEPTED_TEXT}")


def _catch(reader, path: Path, published: Optional[dt.date]) -> Item:
    """Run a one-article reader, turning its InputError into an item of the stream."""
    try:
        return reader(path, published)
    except InputError as exc:
        return exc
    except OSError as exc:
        return _unreadable(path, exc)


def _unreadable(path: Path, exc: OSError) -> InputError:
    return InputError(f"cannot read {str(path)!r}: {exc.strerror or exc}; check that the file "
                      "is readable by you")


# ---- whole-file articles

def read_text_file(path: Path, published: Optional[dt.date] = None) -> Article:
    """One plain-text article; its id is the file's stem."""
    text = repair_encoding(_normalise_newlines(decode_utf8(path.read_bytes(), str(path))))
    if not text.strip():
        raise InputError(f"{str(path)!r} is empty; a .txt input holds one article's text")
    return Article(id=path.stem, text=text, published=published)


def read_html_file(path: Path, published: Optional[dt.date] = None) -> Article:
    """One HTML page; the main text (boilerplate such as menus and footers dropped) is kept."""
    html = decode_utf8(path.read_bytes(), str(path))
    page = extract_main(html, str(path))
    text = repair_encoding(_normalise_newlines(page.text))
    return Article(id=path.stem, text=text, title=repair_encoding(page.title or "") or None,
                   published=parse_iso_date(page.date or "") or published,
                   url=page.url or None, source=page.sitename or None)


def extract_main(html: str, where: str):
    """The page's main text and metadata (a trafilatura Document); an error when there is none."""
    import trafilatura  # imported here: it is slow to import and only HTML inputs need it

    page = trafilatura.bare_extraction(
        html, include_comments=False, favor_precision=True, with_metadata=True,
        include_tables=False,
        # Only a date the page states as its own; no guessing from text or file names.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if page is None or not (page.text or "").strip():
        raise InputError(f"no article text found in {where!r}; check that it is an article page "
                         "(not an index or a login page), or save the article as .txt")
    return page


def decode_utf8(data: bytes, where: str) -> str:
    """Decode UTF-8 (a leading byte-order mark is dropped); undecodable bytes are an error."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where!r} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-save it as UTF-8") from exc


def _normalise_newlines(text: str) -> str:
    # Windows and old Mac line ends become "\n" before any offset is taken, so offsets are
    # the same whichever editor saved the file.
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---- JSON lines

def read_jsonl_stream(stream: IO, name: str, published: Optional[dt.date] = None) -> Iterator[Item]:
    """One article per non-blank line of a text or binary stream; bad lines become errors."""
    raw = getattr(stream, "buffer", stream)  # sys.stdin: read bytes so decoding is always UTF-8
    for number, line in enumerate(raw, start=1):
        try:
            yield parse_jsonl_line(line, name, number, published)
        except BadArticleLine as exc:
            yield exc
        except _BlankLine:
            continue


class _BlankLine(Exception):
    """A blank line in a JSON-lines input: allowed, and not an article."""


def parse_jsonl_line(line: Union[str, bytes], name: str, number: int,
                     published: Optional[dt.date] = None) -> Article:
    """Parse one line of a JSON-lines input into an Article, or raise BadArticleLine."""
    text = _line_text(line, name, number).rstrip("\r\n")
    if not text.strip():
        raise _BlankLine()
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(name, number, f"not valid JSON ({exc.msg} at column {exc.colno})",
                   "write one JSON object per line") from exc
    if not isinstance(obj, dict):
        raise _bad(name, number, f"{_json_kind(obj)} where an object was expected",
                   'write one object per line, such as {"text": "..."}')
    return _article_from(obj, name, number, published)


def _line_text(line: Union[str, bytes], name: str, number: int) -> str:
    if isinstance(line, str):
        return line.lstrip("\ufeff") if number == 1 else line
    try:
        return line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise _bad(name, number, f"not valid UTF-8 (byte 0x{line[exc.start]:02x} at "
                   f"column {exc.start + 1})", "re-save the file as UTF-8") from exc


def _article_from(obj: dict, name: str, number: int, published: Optional[dt.date]) -> Article:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = "no \"text\" field" if text is None else '"text" is empty or not a string'
        raise _bad(name, number, problem, 'give each line a non-empty "text" string')
    fields = {key: _optional_string(obj, key, name, number) for key in OPTIONAL_FIELDS}
    if fields["title"]:
        fields["title"] = repair_encoding(fields["title"])
    return Article(id=_article_id(obj, text, name, number), text=repair_encoding(text),
                   published=_published(obj, name, number) or published, **fields)


def _article_id(obj: dict, text: str, name: str, number: int) -> str:
    value = obj.get("id")
    if value is None:
        return content_id(text)  # stable: the same text gets the same id on every run
    if isinstance(value, bool) or not isinstance(value, (str, int)) or str(value).strip() == "":
        raise _bad(name, number, f'"id" {value!r} is not a non-empty string',
                   'give a string id, or leave "id" out to get a content hash')
    return str(value)


def _optional_string(obj: dict, key: str, name: str, number: int) -> Optional[str]:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _bad(name, number, f'"{key}" is {_json_kind(value)}, not a string',
               f'write "{key}" as a string, or leave it out')


def _published(obj: dict, name: str, number: int) -> Optional[dt.date]:
    value = obj.get("published")
    if value is None:
        return None
    parsed = parse_iso_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise _bad(name, number, f'"published" {value!r} is not an ISO date',
                   "write it as YYYY-MM-DD or an ISO date-time such as 2020-03-15T09:30:00Z")
    return parsed


def parse_iso_date(value: str) -> Optional[dt.date]:
    """An ISO date or date-time as a date; None when the string is neither."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _json_kind(value: object) -> str:
    """How a JSON value reads to the person who wrote it."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    return {list: "a list", dict: "an object", str: "a string"}.get(type(value), "null")


def _bad(name: str, number: int, problem: str, fix: str) -> BadArticleLine:
    error = BadArticleLine(f"{name}, line {number}: {problem}; {fix}")
    error.path, error.line = name, number  # for run summaries that count bad lines per file
    return error
