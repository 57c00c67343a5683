"""The export formats: each format module registers its writer here, and nothing else lists them.

A format is one module in ``flashpoint/export/`` whose writer carries the decorator:

    @export_format("kml", order=60)
    def write_kml(events, out, articles=None) -> int: ...

``flashpoint.export`` imports every module of the package, so the new file is all it takes:
``flashpoint events --format``, the API and the error messages list the formats from here.
A writer takes the events, a text stream and ``articles`` (article id -> ``ArticleInfo``, or
None) and returns how many events it wrote. ``order`` places the format in every list (the
built-in formats keep their historic order: jsonl, csv, acled, plover, geojson).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Optional, TextIO

from flashpoint.errors import ConfigError
from flashpoint.record import StoredEvent

Writer = Callable[[Iterable[StoredEvent], TextIO, Optional[Mapping[str, object]]], int]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    write: Writer
    order: int


_FORMATS: dict[str, ExportFormat] = {}


def export_format(name: str, order: int = 100) -> Callable[[Writer], Writer]:
    """Register the decorated writer as the format ``name``; two writers of one name are a bug."""
    def register(write: Writer) -> Writer:
        known = _FORMATS.get(name)
        if known is not None and _where(known.write) != _where(write):
            raise ConfigError(f"two export formats are named {name!r} ({_where(known.write)} "
                              f"and {_where(write)}); rename one")
        _FORMATS[name] = ExportFormat(name, write, order)
        return write
    return register


def _where(write: Writer) -> str:
    return f"{write.__module__}.{write.__qualname__}"


def format_names() -> tuple[str, ...]:
    """Every registered format, in listing order."""
    return tuple(f.name for f in sorted(_FORMATS.values(), key=lambda f: (f.order, f.name)))


def export_format_of(fmt: str) -> ExportFormat:
    """The registered format named ``fmt`` (any case, spaces ignored), or the error naming all."""
    found = _FORMATS.get(fmt.lower().strip())
    if found is None:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(format_names())}")
    return found
