"""Encodings and bounded lines: how the readers turn bytes into text without surprises.

- UTF-8 is the rule; a leading byte-order mark is dropped.
- UTF-16 is read too, because Windows tools save it: a file that starts with a UTF-16
  byte-order mark, or whose first bytes have the NUL of every other byte that plain-ASCII
  UTF-16 has, is decoded as UTF-16. Anything else that is not UTF-8 is an error naming the
  byte, and says when the file looks like another encoding.
- Lines are read with a bound (``MAX_LINE_BYTES``), so a 10 MB line costs 10 MB and a
  runaway line without a newline never fills the memory: the part past the bound is
  skipped in chunks and reported.
"""
from __future__ import annotations

import codecs
import io
from typing import IO, Iterator, Optional, Union

from flashpoint.errors import InputError

# No article is longer: one JSON line or whole-file article above this is refused, unread.
MAX_LINE_BYTES = 32 * 1024 * 1024
MAX_FILE_BYTES = MAX_LINE_BYTES
_CHUNK = 1024 * 1024
_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class TooLong(Exception):
    """A line longer than MAX_LINE_BYTES; it was skipped (``size`` bytes at least)."""

    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


def utf16_kind(head: bytes) -> Optional[str]:
    """The UTF-16 codec name when ``head`` (a file's first bytes) looks like UTF-16, else None."""
    for bom, codec in _UTF16_BOMS:
        if head.startswith(bom):
            return codec
    sample = head[:200] if len(head) % 2 == 0 else head[:199]
    if len(sample) < 4:
        return None
    if sample[1::2].count(0) >= 0.9 * (len(sample) // 2) and 0 not in sample[0::2]:
        return "utf-16-le"
    if sample[0::2].count(0) >= 0.9 * (len(sample) // 2) and 0 not in sample[1::2]:
        return "utf-16-be"
    return None


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 (a byte-order mark dropped) or UTF-16; any other bytes are an InputError."""
    codec = utf16_kind(data[:200])
    if codec is not None:
        try:
            return data.decode(codec).lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where!r} looks like UTF-16 but byte {exc.start} does not decode "
                             f"({exc.reason}); re-save it as UTF-8") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        wide = (" and holds NUL bytes, so it may be UTF-16 or UTF-32 without a byte-order mark"
                if b"\x00" in data[:200] else "")
        raise InputError(
            f"{where!r} is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            f"{wide}; re-save it as UTF-8") from None


def text_lines(stream: IO) -> IO:
    """The stream to read lines from: UTF-16 files become a text stream, others stay bytes."""
    peek = getattr(stream, "peek", None)
    head = peek(200)[:200] if peek is not None else b""
    codec = utf16_kind(head) if isinstance(head, bytes) else None
    if codec is None:
        return stream
    return io.TextIOWrapper(stream, encoding=codec, newline="")


def bounded_lines(stream: IO, limit: int = MAX_LINE_BYTES) -> Iterator[Union[str, bytes, TooLong]]:
    """Every line of ``stream`` (bytes or text), or TooLong for one over ``limit``."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line[-1:] in ("\n", b"\n"):
            yield line
            continue
        yield TooLong(len(line) + _skip_rest(stream))


def _skip_rest(stream: IO) -> int:
    """Read past the rest of an over-long line in bounded chunks; return how much was skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk[-1:] in ("\n", b"\n"):
            return skipped
