"""From mentions to events: the store's side of grouping, with the link module injected.

The store owns ids, membership and persistence; the link module (or any object with the
same three callables, such as a test fake) owns the judgement: which mentions report the
same real-world event, how their fields reconcile, and how events relate.

``group_block`` is THE grouping entry point (the local store and any other engine call it):
given a block of mentions (a batch plus its stored neighbourhood, whole events only), the
event each stored mention belongs to now, and which articles tell one story, it returns the
block's events and what became of the old ones. Ids are stable:
- a cluster holding mentions of stored events keeps the id of the one it holds most of
  (ties: the smaller id); each old id survives in one cluster at most;
- an old id that survives nowhere becomes an alias of the cluster that took most of its
  mentions (``Plan.aliases``), so links, bookmarks and lookups follow it;
- a new cluster gets ``record.event_id`` of its mention ids (the one rule: its smallest id).
The same block always gives the same plan.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping, Optional, Protocol

from flashpoint.errors import StoreError
from flashpoint.record import Event, Link, StoredEvent, event_id

Context = tuple[int, int, str]


class Grouper(Protocol):
    def group_mentions(self, mentions: list[Event], stories=None) -> list[list[int]]: ...

    def may_join(self, batch: list[Event], others: list[Event], stories=None) -> list[int]:
        """Indices of ``others`` that a batch mention may group with."""

    def reconcile(self, mentions: list[Event],
                  published: dict[str, Optional[dt.date]]) -> StoredEvent: ...

    def find_links(self, events: list[StoredEvent], mentions_by_event: dict[str, list[Event]],
                   sentences: Mapping[str, Context],
                   answering: Optional[set[str]] = None) -> dict[str, list[Link]]: ...


class LinkModule:
    """The default grouper: flashpoint.link, imported when first needed."""

    def group_mentions(self, mentions, stories=None):
        from flashpoint.link.group import group_mentions

        return group_mentions(mentions, stories)

    def may_join(self, batch, others, stories=None):
        from flashpoint.link.group import NO_STORIES, may_join

        return may_join(batch, others, stories or NO_STORIES)

    def reconcile(self, mentions, published):
        from flashpoint.link.group import reconcile

        return reconcile(mentions, published)

    def find_links(self, events, mentions_by_event, sentences, answering=None):
        from flashpoint.link.relations import find_links

        return find_links(events, mentions_by_event, sentences, answering)


@dataclass
class Plan:
    """What regrouping one block decided."""

    events: list[StoredEvent]                              # sorted by id, links not yet found
    members: dict[str, list[Event]]                        # event id -> its mentions
    removed: list[str] = field(default_factory=list)       # old ids no longer events
    aliases: dict[str, str] = field(default_factory=dict)  # removed id -> the id it became


def group_block(mentions: list[Event], current: Mapping[str, str],
                published: Mapping[str, Optional[dt.date]], grouper: Grouper,
                stories=None) -> Plan:
    """Group a block; ``current`` maps each stored mention id to its event id now;
    ``stories`` (a ``link.group.Stories``) says which articles tell one story."""
    ordered = sorted(mentions, key=lambda m: m.id)
    clusters = checked_clusters(grouper.group_mentions(ordered, stories), len(ordered))
    groups = [[ordered[i] for i in sorted(c)] for c in clusters]
    ids = assign_ids([[m.id for m in g] for g in groups], current)
    events, members = [], {}
    for eid, group in zip(ids, groups):
        events.append(_reconciled(eid, group, published, grouper))
        members[eid] = group
    events.sort(key=lambda e: e.id)
    old = sorted(set(current.values()))
    removed = [o for o in old if o not in members]
    return Plan(events, members, removed, _aliases(removed, groups, ids, current))


def assign_ids(clusters: list[list[str]], current: Mapping[str, str]) -> list[str]:
    """One id per cluster of mention ids: an old event's id where it survives, else a new one."""
    claims = sorted(((-n, old, k) for k, c in enumerate(clusters)
                     for old, n in Counter(current[m] for m in c if m in current).items()))
    ids: list[Optional[str]] = [None] * len(clusters)
    used: set[str] = set()
    for _, old, k in claims:
        if ids[k] is None and old not in used:
            ids[k], used = old, used | {old}
    taken = used | set(current.values())
    for k, c in enumerate(clusters):
        salt = 0
        while ids[k] is None:
            fresh = event_id(c, salt)
            if fresh not in taken:
                ids[k], taken = fresh, taken | {fresh}
            salt += 1
    return ids  # type: ignore[return-value]


def _aliases(removed: list[str], groups: list[list[Event]], ids: list[str],
             current: Mapping[str, str]) -> dict[str, str]:
    """Each removed old id -> the new event holding most of its mentions (ties: smaller id)."""
    held: dict[str, Counter] = {old: Counter() for old in removed}
    for eid, group in zip(ids, groups):
        for m in group:
            old = current.get(m.id)
            if old in held:
                held[old][eid] += 1
    return {old: min(c, key=lambda eid: (-c[eid], eid)) for old, c in held.items() if c}


def checked_clusters(clusters: list[list[int]], n: int) -> list[list[int]]:
    """Every mention in exactly one cluster, or the grouper has a bug we must not store."""
    seen: dict[int, int] = {}
    for k, cluster in enumerate(clusters):
        if not cluster:
            raise StoreError(f"the grouper returned an empty cluster (number {k}); every cluster "
                             "needs at least one mention. This is a bug in flashpoint.link")
        for i in cluster:
            if not 0 <= i < n or i in seen:
                raise StoreError(f"the grouper placed mention index {i} wrongly (out of range or "
                                 f"in two clusters) among {n} mentions; this is a bug in "
                                 "flashpoint.link")
            seen[i] = k
    if len(seen) != n:
        missing = sorted(set(range(n)) - set(seen))[:5]
        raise StoreError(f"the grouper left mentions {missing} out of every cluster; this is a "
                         "bug in flashpoint.link")
    return clusters


def _reconciled(eid: str, group: list[Event], published: Mapping[str, Optional[dt.date]],
                grouper: Grouper) -> StoredEvent:
    ids = [m.id for m in group]
    sources = sorted({m.article_id for m in group})
    event = grouper.reconcile(group, {a: published.get(a) for a in sources})
    return event.model_copy(update={"id": eid, "mentions": ids, "sources": sources,
                                    "links": []})


def with_links(event: StoredEvent, links: list[Link], known: set[str]) -> StoredEvent:
    """The event with its outgoing links, checked, one per (type, target), in a fixed order."""
    for link in links:
        if link.event_id not in known or link.event_id == event.id:
            what = "itself" if link.event_id == event.id else "no stored event"
            raise StoreError(f"the link finder linked event {event.id} to {link.event_id!r} "
                             f"({link.type}), which is {what}; this is a bug in flashpoint.link")
    unique = {(link.type, link.event_id): link for link in links}
    return event.model_copy(update={"links": [unique[k] for k in sorted(unique)]})
