"""Grouping mentions into events as a Spark job, with the store's own code.

Nothing here decides what belongs together: both steps call ``store.grouping.build_events``,
the function the local store's regrouping calls, with its default grouper (``flashpoint.link``).

1. On the executors, one task per PLOVER type: ``build_events`` over that type's mentions,
   with linking left out. Every blocking key holds the type and a group never mixes types
   (``link.blocking``, ``link.group.Profile``), and ``build_events`` orders mentions by id, so
   the groups of one type alone are exactly its groups among all mentions: same members,
   same reconciled fields, same ids.
2. On the driver, ``build_events`` once more over all mentions, with a grouper that replays the
   executors' groups and reconciled events and links them with the store's link finder: the
   same ids, fields, members and links as ``Store.regroup`` on the same mentions.

The seam is ``build_events(mentions, published, texts, grouper)`` and its ``Grouper``
protocol; when the store's grouping changes, this module follows it without code of its own.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator, Optional

from flashpoint.errors import ConfigError, StoreError
from flashpoint.record import Event, StoredEvent
from flashpoint.store.grouping import LinkModule, build_events

MentionRow = tuple  # (record JSON, published ISO date or None), as the extraction job writes


class WithoutLinks:
    """The store's grouper with linking left for the driver (links cross PLOVER types)."""

    def __init__(self, grouper=None):
        self.grouper = grouper if grouper is not None else LinkModule()

    def group_mentions(self, mentions):
        return self.grouper.group_mentions(mentions)

    def reconcile(self, mentions, published):
        return self.grouper.reconcile(mentions, published)

    def find_links(self, events, mentions_by_event, article_texts):
        return {}


class Replay:
    """Hands ``build_events`` the groups the executors found, and links them with the store's
    own link finder."""

    def __init__(self, events: list[StoredEvent], grouper=None):
        self.by_members = {tuple(e.mentions): e for e in events}
        self.grouper = grouper if grouper is not None else LinkModule()

    def group_mentions(self, mentions: list[Event]) -> list[list[int]]:
        position = {m.id: i for i, m in enumerate(mentions)}
        missing = [m for key in self.by_members for m in key if m not in position]
        if missing:
            raise StoreError(f"the Spark grouping returned mentions {missing[:3]} that the "
                             "extraction did not write; rerun the job (its input changed)")
        return sorted(sorted(position[m] for m in key) for key in self.by_members)

    def reconcile(self, mentions: list[Event], published) -> StoredEvent:
        return self.by_members[tuple(sorted(m.id for m in mentions))]

    def find_links(self, events, mentions_by_event, article_texts):
        return self.grouper.find_links(events, mentions_by_event, article_texts)


def group_one_type(rows: Iterable[MentionRow]) -> Iterator[str]:
    """The executor task: the events (as JSON, without links) of one type's mentions."""
    mentions, published = _parse(rows)
    for event in build_events(mentions, published, {}, WithoutLinks()):
        yield event.model_dump_json()


def group_mentions_job(mention_rows, partitions: int) -> list[StoredEvent]:
    """Step 1 on a Spark RDD of (event_type, MentionRow): the unlinked events of every type."""
    by_type = mention_rows.groupByKey(partitions)
    found = by_type.flatMap(lambda pair: group_one_type(pair[1])).collect()
    return [StoredEvent.model_validate_json(j) for j in found]


def link_events(grouped: list[StoredEvent], rows: Iterable[MentionRow],
                texts: dict[str, str]) -> list[StoredEvent]:
    """Step 2 on the driver: the final events, sorted by id, with their links."""
    mentions, published = _parse(rows)
    return build_events(mentions, published, texts, Replay(grouped))


def check_unique(rows: list[MentionRow]) -> None:
    """One article given twice would group with itself; say so before grouping."""
    seen: set[str] = set()
    twice: set[str] = set()
    for record, _ in rows:
        mention = Event.model_validate_json(record)
        if mention.id in seen:
            twice.add(mention.article_id)
        seen.add(mention.id)
    if twice:
        raise ConfigError(f"articles {sorted(twice)[:3]} occur more than once in the input; "
                          "give each article once (drop duplicate ids) and run again")


def _parse(rows: Iterable[MentionRow]) -> tuple[list[Event], dict[str, Optional[dt.date]]]:
    mentions, published = [], {}
    for record, date in rows:
        mention = Event.model_validate_json(record)
        mentions.append(mention)
        published[mention.article_id] = dt.date.fromisoformat(date) if date else None
    return mentions, published
