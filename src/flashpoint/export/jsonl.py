"""JSON lines: the stored events as they are, contract events-v1 plus ``mentions`` and ``sources``."""
from __future__ import annotations

from typing import Iterable, Mapping, Optional, TextIO

from flashpoint.export.registry import export_format
from flashpoint.record import StoredEvent


@export_format("jsonl", order=10)
def write_jsonl(events: Iterable[StoredEvent], out: TextIO,
                articles: Optional[Mapping[str, object]] = None) -> int:
    """Contract events-v1 records plus `mentions` and `sources`, one per line."""
    n = 0
    for e in events:
        out.write(e.model_dump_json() + "\n")
        n += 1
    return n
