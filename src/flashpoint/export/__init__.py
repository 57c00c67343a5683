"""Exports: stored events written as JSON lines, CSV, ACLED-style CSV, PLOVER JSON or GeoJSON.

    write_events(store.events(flt), "geojson", sys.stdout)
    write_events(store.events(flt), "acled", out, articles=store.articles())

``articles`` (article id -> ArticleInfo, optional) lets the ACLED ``source`` column name the
outlets and PLOVER's ``cite_info`` carry URL and title; without it they show article ids.

Each format is one module of this package that registers its writer (``registry.
export_format``); importing the package imports them all, so ``FORMATS``, the CLI's
``--format`` choices and the error messages list whatever is registered.
"""
from __future__ import annotations

import importlib
import pkgutil
from typing import Iterable, Mapping, Optional, TextIO

from flashpoint.export.jsonl import write_jsonl
from flashpoint.export.registry import export_format_of, format_names
from flashpoint.record import StoredEvent

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "registry":
        importlib.import_module(f"{__name__}.{_module.name}")

FORMATS = format_names()


def write_events(events: Iterable[StoredEvent], fmt: str, out: TextIO,
                 articles: Optional[Mapping[str, object]] = None) -> int:
    """Write ``events`` to ``out`` in ``fmt``; return how many were written."""
    return export_format_of(fmt).write(events, out, articles)


def export_events(store, flt, fmt: str, out: TextIO) -> int:
    """Query ``store`` with the filter ``flt`` and write the result, citing article metadata."""
    export = export_format_of(fmt)  # an unknown format fails before the store is queried
    return export.write(store.events(flt), out, store.articles())


__all__ = ["FORMATS", "export_events", "write_events", "write_jsonl"]
