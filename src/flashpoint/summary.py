"""Run summaries: what one run did, counted as it goes and printed as one line on standard error.

One module for the three ways a run goes, so that they count an input the same way:

- ``Summary``: ``flashpoint extract`` (and ``places``, ``dates``, ``actors``), the pipeline's
  results;
- ``IngestSummary``: ``flashpoint ingest`` and ``POST /api/ingest``, what the store did with them;
- ``SparkSummary``: ``flashpoint ingest --engine spark``, what the Spark job wrote.

Each result of the pipeline has one ``outcome``: ``ERROR`` (it failed), ``SKIPPED`` (set aside on
purpose, e.g. not English) or ``OK``. The store answers each stored article with ``ADDED``,
``REPLACED`` or ``UNCHANGED``. The printed lines are part of the interface (tests and scripts
read them): change their wording only on purpose.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from flashpoint.errors import DuplicateArticle

ERROR, SKIPPED, OK = "error", "skipped", None
ADDED, REPLACED, UNCHANGED = "added", "replaced", "unchanged"


def outcome(result) -> Optional[str]:
    """``ERROR``, ``SKIPPED`` or ``OK`` (None) for one pipeline result."""
    if getattr(result, "error", None) is not None:
        return ERROR
    if getattr(result, "skipped", None) is not None:
        return SKIPPED
    return OK


@dataclass
class Summary:
    """The pipeline's run: articles read, events found by type, articles skipped and failed."""

    articles: int = 0
    events: int = 0
    skipped: int = 0
    errors: int = 0
    repeated_ids: int = 0   # of the errors: articles refused because their id was read before
    by_type: Counter = field(default_factory=Counter)

    def add(self, result) -> None:
        kind = outcome(result)
        if kind == ERROR:
            self.errors += 1
            self.repeated_ids += isinstance(result.error, DuplicateArticle)
        elif kind == SKIPPED:
            self.skipped += 1
        else:
            self.articles += 1
            self.events += len(result.events)
            self.by_type.update(e.event_type for e in result.events)

    def line(self) -> str:
        types = ", ".join(f"{t} {n}" for t, n in self.by_type.most_common())
        return (f"{self.articles} articles read, {self.events} events found"
                f"{' (' + types + ')' if types else ''}; "
                f"{self.skipped} skipped, {self.errors} errors"
                f"{f' ({self.repeated_ids} repeated ids)' if self.repeated_ids else ''}")


@dataclass
class IngestSummary:
    """What one ingest run did; ``str()`` is the one-line report for standard error."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    mentions: int = 0
    events: Optional[int] = None     # events in the store after regrouping (None: not regrouped)
    touched: list[str] = field(default_factory=list)   # ids of the events this run wrote
    problems: list[str] = field(default_factory=list)

    def count(self, stored: str, n_mentions: int) -> None:
        """Count one article the store answered ``ADDED``, ``REPLACED`` or ``UNCHANGED``."""
        if stored == UNCHANGED:
            self.unchanged += 1
            return
        self.added += stored == ADDED
        self.replaced += stored == REPLACED
        self.mentions += n_mentions

    def __str__(self) -> str:
        grouped = (f"; the store now holds {self.events} events" if self.events is not None
                   else "; events unchanged")
        return (f"{self.added} articles added, {self.replaced} replaced, {self.unchanged} "
                f"unchanged, {self.skipped} skipped, {self.failed} failed; "
                f"{self.mentions} mentions stored{grouped}")


@dataclass
class SparkSummary:
    """What one Spark run did; ``str()`` is the report line for standard error."""

    articles: int = 0
    mentions: int = 0
    events: int = 0
    skipped: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)
    stored: Optional[str] = None   # the store's own report, with --db

    def __str__(self) -> str:
        line = (f"{self.articles} articles read, {self.mentions} mentions, {self.events} "
                f"events; {self.skipped} skipped, {self.failed} failed")
        return line + (f"; store: {self.stored}" if self.stored else "")
