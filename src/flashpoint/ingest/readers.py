"""Readers: turn the inputs named on the command line into a stream of Articles.

Accepted inputs (contract events-v1, "Articles in"):

- ``.txt``: one article; id = the file's stem; ``published`` from the caller (``--published``).
- ``.html`` / ``.htm``: one article; the main text, extracted with trafilatura, becomes
  ``Article.text`` (so every offset points into the extracted text); title and date come from
  the page's metadata where it has them, else ``published`` from the caller.
- ``.jsonl``: one JSON object per line (``text`` required).
- ``-``, standard input: JSON lines when its first non-blank character is ``{``, else the whole
  of it is one plain-text article (id: its content hash; ``published`` from the caller).
- a directory: its ``.txt``, ``.html``, ``.htm`` and ``.jsonl`` files, in sorted name order.

Files may be UTF-8 or UTF-16 (see ``ingest.encoding``); lines and whole-file articles are read
with a bound, so memory stays bounded whatever the input.

Text with a broken encoding ('itâ€™s') is repaired as it is read (flashpoint.ingest.noisy);
the repaired text is the article's text, so offsets point into it.

Problems never stop the stream: a bad file or line is yielded as an InputError (or its
subclasses) naming the file, the line and the fix, and reading goes on with the next one.

Nothing is replaced silently: within one run an article id is used once. A later article
with an id already read (two ``report.txt`` in different folders, a repeated JSON-lines id)
is refused as a DuplicateArticle naming both places; the first one read is kept, so a
re-run keeps the same article and stays idempotent.

Each file type is one reader registered for its suffixes (``@file_reader`` for a reader of a
stream of articles, ``@article_reader`` for one article per file); the accepted suffixes,
directory listing and every message about them come from that registry.
"""
from __future__ import annotations

import datetime as dt
import errno
import itertools
import json
import os
import sys
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Optional, Union

from flashpoint.errors import BadArticleLine, DuplicateArticle, InputError, UnsupportedInput
from flashpoint.ingest.encoding import (
    MAX_FILE_BYTES, MAX_LINE_BYTES, TooLong, bounded_lines, decode_text, text_lines,
)
from flashpoint.ingest.noisy import repair_encoding
from flashpoint.record import Article, content_id

STDIN_NAME = "<stdin>"
OPTIONAL_FIELDS = ("title", "source", "url", "language")

Item = Union[Article, InputError]
FileReader = Callable[[Path, Optional[dt.date], "IdRegistry"], Iterator[Item]]
_READERS: dict[str, FileReader] = {}   # lower-case suffix -> the reader of such files


def file_reader(*suffixes: str) -> Callable[[FileReader], FileReader]:
    """Register the decorated reader (path, published, ids -> items) for these suffixes."""
    def register(read: FileReader) -> FileReader:
        _READERS.update(dict.fromkeys(suffixes, read))
        return read
    return register


def article_reader(*suffixes: str) -> Callable:
    """Register a reader of one article per file ((path, published) -> Article)."""
    def register(read: Callable[[Path, Optional[dt.date]], Article]):
        file_reader(*suffixes)(
            lambda path, published, ids: iter([ids.check(_catch(read, path, published),
                                                         repr(str(path)))]))
        return read
    return register


def accepted_suffixes() -> tuple[str, ...]:
    """Every suffix a reader is registered for, in registration order."""
    return tuple(_READERS)


def accepted_text() -> str:
    """The accepted inputs, as messages name them."""
    return (f"{', '.join(accepted_suffixes())}, a directory of those, or - for JSON lines or one "
            "plain-text article on standard input")


def read_inputs(paths: Iterable[str], published: Optional[dt.date] = None,
                stdin: Optional[IO] = None) -> Iterator[Item]:
    """Yield one Article per article found, or one InputError per input that cannot be read.

    ``published`` is the publication date for inputs that do not carry their own (every .txt
    file; .jsonl lines and HTML pages without a date). ``stdin`` is read for the path ``-``
    (default: ``sys.stdin``, which is None when standard input is closed).
    """
    ids = IdRegistry()
    for path in paths:
        if path == "-":
            yield from read_stdin(stdin if stdin is not None else sys.stdin, published, ids)
        else:
            yield from _read_path(Path(path), published, ids)


class IdRegistry:
    """The article ids read so far in one run, so that a repeated id is refused, not replaced."""

    def __init__(self):
        self._places: list[str] = []
        self._seen: dict[str, tuple[int, int]] = {}   # id -> (place index, hash of the text)

    def check(self, item: Item, where: str) -> Item:
        """``item`` itself, or a DuplicateArticle when its id was read before in this run."""
        if not isinstance(item, Article):
            return item
        earlier = self._seen.get(item.id)
        if earlier is None:
            self._places.append(where)
            self._seen[item.id] = (len(self._places) - 1, hash(item.text))
            return item
        first, text_hash = earlier
        same = "the same text again, so nothing is lost; remove the repeat" if (
            text_hash == hash(item.text)) else "give each article its own id (rename one file)"
        return DuplicateArticle(
            f"{where}: the article id {item.id!r} was already read from {self._places[first]} "
            f"in this run; the first is kept and this one refused, so nothing is replaced "
            f"silently; {same}")


def read_stdin(stream: Optional[IO], published: Optional[dt.date] = None,
               ids: Optional[IdRegistry] = None) -> Iterator[Item]:
    """JSON lines, or one plain-text article when the first non-blank character is not ``{``."""
    if stream is None or getattr(stream, "closed", False):
        yield InputError("standard input is closed, so - has nothing to read; pipe articles in "
                         "(cat articles.jsonl | flashpoint extract -) or name the files")
        return
    lines = bounded_lines(text_lines(getattr(stream, "buffer", stream)))  # bytes: decoding is ours
    start = _through_first_text(lines)
    if not start or _is_blank(start[-1]):
        yield InputError("standard input is empty; pipe articles in (one JSON object per line, "
                         "or the text of one article)")
    elif isinstance(start[-1], TooLong) or _strip(start[-1])[:1] in ("{", b"{"):
        yield from read_jsonl_stream(itertools.chain(start, lines), STDIN_NAME, published, ids)
    else:
        item = _catch_plain(lambda: _plain_article(itertools.chain(start, lines), published))
        yield ids.check(item, STDIN_NAME) if ids is not None else item


def _through_first_text(lines: Iterator) -> list:
    """The leading blank lines and the first other one, taken from ``lines``."""
    start = []
    for line in lines:
        start.append(line)
        if not _is_blank(line):
            break
    return start


def _strip(line: Union[str, bytes]) -> Union[str, bytes]:
    return line.lstrip("\ufeff \t\r\n") if isinstance(line, str) else line.lstrip(
        b"\xef\xbb\xbf \t\r\n")


def _is_blank(line) -> bool:
    return not isinstance(line, TooLong) and not _strip(line)


def _catch_plain(read) -> Item:
    try:
        return read()
    except InputError as exc:
        return exc


def _plain_article(lines: Iterable, published: Optional[dt.date]) -> Article:
    """All of standard input as one article; its id is the hash of its text."""
    parts, size = [], 0
    for line in lines:
        size += line.size if isinstance(line, TooLong) else len(line)
        if size > MAX_FILE_BYTES:
            raise InputError(f"standard input holds more than {MAX_FILE_BYTES:,} bytes of plain "
                             "text, more than one article can be; split it into articles, one "
                             "JSON object per line")
        parts.append(line)
    joined = "".join(parts) if isinstance(parts[0], str) else b"".join(parts)
    text = joined if isinstance(joined, str) else decode_text(joined, STDIN_NAME)
    text = repair_encoding(_normalise_newlines(text.lstrip("\ufeff")))
    return Article(id=content_id(text), text=text, published=published)


def _read_path(path: Path, published: Optional[dt.date], ids: IdRegistry) -> Iterator[Item]:
    if path.is_dir():
        yield from _read_directory(path, published, ids)
    elif not path.exists():
        yield _missing(path)
    else:
        yield from _read_file(path, published, ids)


def _missing(path: Path) -> InputError:
    """Why a path cannot be found: absent, a dangling link, or a link that loops."""
    if path.is_symlink():
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return InputError(f"input {str(path)!r} is a symbolic link that loops (it leads "
                                  "back to itself); point it at the article file, or name the "
                                  "file itself")
        return InputError(f"input {str(path)!r} is a symbolic link to {os.readlink(path)!r}, "
                          "which does not exist; fix the link, or name the file itself")
    return InputError(f"input {str(path)!r} does not exist; check the path (accepted inputs: "
                      f"{accepted_text()})")


def _read_directory(folder: Path, published: Optional[dt.date], ids: IdRegistry
                    ) -> Iterator[Item]:
    try:
        entries = sorted(p for p in folder.iterdir()
                         if p.suffix.lower() in _READERS and not p.name.startswith("."))
    except OSError as exc:
        yield InputError(f"cannot list the folder {str(folder)!r}: {exc.strerror or exc}; check "
                         "that it is readable by you")
        return
    files = [p for p in entries if p.is_file() or not p.exists()]  # a broken link is reported
    if not files:
        *most, last = accepted_suffixes()
        yield InputError(f"directory {str(folder)!r} holds no {', '.join(most)} or {last} files; "
                         "put the articles there or name the files themselves")
    for path in files:
        yield from (_read_file(path, published, ids) if path.exists() else [_missing(path)])


def _read_file(path: Path, published: Optional[dt.date], ids: IdRegistry) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        yield UnsupportedInput(f"cannot read {str(path)!r}: unsupported file type "
                               f"{suffix or '(no extension)'!r}; accepted inputs: "
                               f"{accepted_text()}")
        return
    yield from _READERS[suffix](path, published, ids)


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


def _read_bounded(path: Path) -> bytes:
    """The whole file, refused unread when it is larger than any article can be."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(f"{str(path)!r} holds {size:,} bytes, more than one article can be "
                         f"({MAX_FILE_BYTES:,}); split it into articles")
    return path.read_bytes()


# ---- whole-file articles

@article_reader(".txt")
def read_text_file(path: Path, published: Optional[dt.date] = None) -> Article:
    """One plain-text article; its id is the file's stem."""
    text = repair_encoding(_normalise_newlines(decode_text(_read_bounded(path), str(path))))
    if not text.strip():
        raise InputError(f"{str(path)!r} is empty; a .txt input holds one article's text")
    return Article(id=path.stem, text=text, published=published)


@article_reader(".html", ".htm")
def read_html_file(path: Path, published: Optional[dt.date] = None) -> Article:
    """One HTML page; the main text (boilerplate such as menus and footers dropped) is kept."""
    html = decode_text(_read_bounded(path), str(path))
    page = extract_main(html, str(path))
    text = repair_encoding(_normalise_newlines(page.text))
    return Article(id=path.stem, text=text, title=repair_encoding(page.title or "") or None,
                   published=parse_iso_date(page.date or "") or published,
                   url=page.url or None, source=page.sitename or None)


def extract_main(html: str, where: str):
    """The page's main text and metadata (a trafilatura Document); an error when there is none.

    A page nested deeper than the HTML parser's limit (libxml2 stops at 256 levels and the
    text below is lost) is parsed again without the limit and its pure wrapper elements are
    unwrapped; a page still too deep after that is an error that says so.
    """
    page = _trafilatura(html)
    if page is None or not (page.text or "").strip():
        tree, depth = _deep_tree(html)
        if depth > _PARSER_DEPTH:
            page = _trafilatura(_flatten(tree))
            if page is None or not (page.text or "").strip():
                raise InputError(f"{where!r} nests its elements {depth} levels deep, deeper "
                                 f"than the HTML parser reads ({_PARSER_DEPTH}); save the "
                                 "article's text as .txt")
    if page is None or not (page.text or "").strip():
        raise InputError(f"no article text found in {where!r}; check that it is an article page "
                         "(not an index or a login page), or save the article as .txt")
    return page


_PARSER_DEPTH = 255   # libxml2's default nesting limit; deeper text is dropped by the parser
_WRAPPER_DEPTH = 64   # wrappers nested deeper than this are unwrapped


def _trafilatura(html):
    import trafilatura  # imported here: it is slow to import and only HTML inputs need it

    return trafilatura.bare_extraction(
        html, include_comments=False, favor_precision=True, with_metadata=True,
        include_tables=False,
        # Only a date the page states as its own; no guessing from text or file names.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _deep_tree(html: str):
    """The page parsed with no depth limit, and its deepest nesting."""
    import lxml.html

    tree = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    depth = max((sum(1 for _ in el.iterancestors()) + 1 for el in tree.iter()), default=0)
    return tree, depth


def _flatten(tree):
    """Unwrap elements past _WRAPPER_DEPTH that only wrap one element (no text of their own)."""
    for el in list(tree.iter()):
        deep = sum(1 for _ in el.iterancestors()) > _WRAPPER_DEPTH
        if deep and len(el) == 1 and not (el.text or "").strip() and el.getparent() is not None:
            el.drop_tag()
    return tree


def _normalise_newlines(text: str) -> str:
    # Windows and old Mac line ends become "\n" before any offset is taken, so offsets are
    # the same whichever editor saved the file.
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---- JSON lines

@file_reader(".jsonl")
def read_jsonl_file(path: Path, published: Optional[dt.date], ids: IdRegistry) -> Iterator[Item]:
    """Every line of a JSON-lines file, one article (or error) each."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield _unreadable(path, exc)
        return
    with stream:
        yield from read_jsonl_stream(stream, str(path), published, ids)


def read_jsonl_stream(stream: Union[IO, Iterable], name: str, published: Optional[dt.date] = None,
                      ids: Optional[IdRegistry] = None) -> Iterator[Item]:
    """One article per non-blank line of a text or binary stream (or of an iterable of its
    lines); bad lines become errors. ``ids`` refuses ids already read in this run."""
    raw = getattr(stream, "buffer", stream)  # sys.stdin: read bytes so decoding is always ours
    lines = bounded_lines(text_lines(raw)) if hasattr(raw, "readline") else raw
    for number, line in enumerate(lines, start=1):
        try:
            item = parse_jsonl_line(line, name, number, published)
        except BadArticleLine as exc:
            yield exc
        except _BlankLine:
            continue
        else:
            yield ids.check(item, f"{name}, line {number}") if ids is not None else item


class _BlankLine(Exception):
    """A blank line in a JSON-lines input: allowed, and not an article."""


def parse_jsonl_line(line: Union[str, bytes, TooLong], name: str, number: int,
                     published: Optional[dt.date] = None) -> Article:
    """Parse one line of a JSON-lines input into an Article, or raise BadArticleLine."""
    if isinstance(line, TooLong):
        raise _bad(name, number, f"the line holds {line.size:,} bytes or more, over the "
                   f"{MAX_LINE_BYTES:,} one article may have; it was skipped unread",
                   "split the article into parts, each its own line")
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
