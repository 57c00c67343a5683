"""From mentions to events: the store's side of grouping, with the link module injected.

The store owns ids, membership and persistence; the link module (or any object with the
same three callables, such as a test fake) owns the judgement: which mentions report the
same real-world event, how their fields reconcile, and how events relate.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional, Protocol

from flashpoint.errors import StoreError
from flashpoint.record import Event, Link, StoredEvent, content_id


class Grouper(Protocol):
    def group_mentions(self, mentions: list[Event]) -> list[list[int]]: ...

    def reconcile(self, mentions: list[Event],
                  published: dict[str, Optional[dt.date]]) -> StoredEvent: ...

    def find_links(self, events: list[StoredEvent], mentions_by_event: dict[str, list[Event]],
                   article_texts: dict[str, str]) -> dict[str, list[Link]]: ...


class LinkModule:
    """The default grouper: flashpoint.link, imported when first needed."""

    def group_mentions(self, mentions):
        from flashpoint.link.group import group_mentions

        return group_mentions(mentions)

    def reconcile(self, mentions, published):
        from flashpoint.link.group import reconcile

        return reconcile(mentions, published)

    def find_links(self, events, mentions_by_event, article_texts):
        from flashpoint.link.relations import find_links

        return find_links(events, mentions_by_event, article_texts)


def event_id(mention_ids: list[str]) -> str:
    """Stable across regroupings: the same members always give the same id."""
    return content_id("event", min(mention_ids))


def build_events(mentions: list[Event], published: dict[str, Optional[dt.date]],
                 article_texts: dict[str, str], grouper: Grouper) -> list[StoredEvent]:
    """Group, reconcile and link; the result is sorted by id and carries its links."""
    ordered = sorted(mentions, key=lambda m: m.id)
    clusters = checked_clusters(grouper.group_mentions(ordered), len(ordered))
    events, members = [], {}
    for cluster in clusters:
        group = [ordered[i] for i in sorted(cluster)]
        event = _reconciled(group, published, grouper)
        events.append(event)
        members[event.id] = group
    events.sort(key=lambda e: e.id)
    links = grouper.find_links(events, members, article_texts) if events else {}
    return [_with_links(e, links.get(e.id, []), members) for e in events]


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


def _reconciled(group: list[Event], published: dict[str, Optional[dt.date]],
                grouper: Grouper) -> StoredEvent:
    ids = [m.id for m in group]
    sources = sorted({m.article_id for m in group})
    event = grouper.reconcile(group, {a: published.get(a) for a in sources})
    return event.model_copy(update={"id": event_id(ids), "mentions": ids, "sources": sources,
                                    "links": []})


def _with_links(event: StoredEvent, links: list[Link],
                members: dict[str, list[Event]]) -> StoredEvent:
    for link in links:
        if link.event_id not in members or link.event_id == event.id:
            what = "itself" if link.event_id == event.id else "no stored event"
            raise StoreError(f"the link finder linked event {event.id} to {link.event_id!r} "
                             f"({link.type}), which is {what}; this is a bug in flashpoint.link")
    # One link per (type, target), in a fixed order, so regrouping writes identical rows.
    unique = {(link.type, link.event_id): link for link in links}
    return event.model_copy(update={"links": [unique[k] for k in sorted(unique)]})
