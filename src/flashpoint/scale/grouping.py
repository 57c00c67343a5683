"""Grouping mentions into events as a Spark job, with the store's own code.

The events the Spark engine writes are the events ``flashpoint ingest`` stores for the same
articles in an empty store. That command stores every article, then regroups once, over all
the pending mentions (``store.regroup.regroup_pending``); into an empty store that is
``store.regroup.group_new``: the articles' stories, ``store.grouping.group_block`` with no
stored events, then the links among the new events. This module runs those same functions;
nothing here decides what belongs together.

1. Stories, on the driver: each executor computes its articles' terms (``store.terms.
   article_terms``, what the store indexes for every stored article, with or without
   mentions); the driver puts them in a ``store.terms.TermTable`` (the store's term tables in
   memory) and calls ``store.regroup.stories_among`` over ``store.terms.neighbourhood``.
2. Groups, on the executors, one task per PLOVER type: ``group_block`` over that type's
   mentions with the stories (broadcast) and the store's grouper (``LinkModule``). A group
   never mixes types (every blocking key and story pair holds the type; ``link.group.decide``
   and ``Profile`` veto two types), and ``group_block`` orders mentions by id, so pairs are
   merged in the same order as among all mentions: the groups of one type alone are exactly
   its groups among all mentions, with the same reconciled fields.
3. Ids and links, on the driver: ``group_new`` over all mentions with a grouper that replays
   the executors' groups and reconciled events (so ids come from ``assign_ids`` over every
   group at once, as in the store) and finds links with the store's link finder, over the
   sentence around each mention (``store.terms.mention_context``, as the store keeps it).

A store given with ``--db`` is filled by the store's own ingest (``scale.job``), so a store
that already held events regroups incrementally there; the Parquet events are those of the
job's articles alone.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator, Optional

from flashpoint.errors import ConfigError, StoreError
from flashpoint.record import Event, StoredEvent
from flashpoint.store.grouping import LinkModule, group_block
from flashpoint.store.regroup import group_new, stories_among
from flashpoint.store.terms import TermTable, neighbourhood

# (record JSON, published ISO date or None, (start, end, sentence)), as scale.job collects
MentionRow = tuple
# (article id, published ISO date or None, article_terms), one per article the store would keep
ArticleRow = tuple


class Replay:
    """Hands ``group_block`` the groups the executors found, and links them with the store's
    own link finder."""

    def __init__(self, events: list[StoredEvent], grouper=None):
        self.by_members = {tuple(e.mentions): e for e in events}
        self.grouper = grouper if grouper is not None else LinkModule()

    def group_mentions(self, mentions: list[Event], stories=None) -> list[list[int]]:
        position = {m.id: i for i, m in enumerate(mentions)}
        missing = [m for key in self.by_members for m in key if m not in position]
        if missing:
            raise StoreError(f"the Spark grouping returned mentions {missing[:3]} that the "
                             "extraction did not write; rerun the job (its input changed)")
        return sorted(sorted(position[m] for m in key) for key in self.by_members)

    def may_join(self, batch, others, stories=None):
        return self.grouper.may_join(batch, others, stories)

    def reconcile(self, mentions: list[Event], published) -> StoredEvent:
        return self.by_members[tuple(sorted(m.id for m in mentions))]

    def find_links(self, events, mentions_by_event, sentences, answering=None):
        return self.grouper.find_links(events, mentions_by_event, sentences, answering)


def stories_of(articles: Iterable[ArticleRow], batch_articles: Iterable[str]):
    """Step 1: which articles tell one story (``link.group.Stories``), as the store finds it
    for these articles (all of them stored, ``batch_articles`` the ones with mentions)."""
    rows = list(articles)
    table = TermTable({aid: terms for aid, _, terms in rows},
                      {aid: published for aid, published, _ in rows})
    batch = sorted(set(batch_articles))
    stories, _ = stories_among(*neighbourhood(table, batch), batch)
    return stories


def group_one_type(rows: Iterable[MentionRow], stories) -> Iterator[str]:
    """Step 2, the executor task: the events (as JSON, without links) of one type's mentions."""
    mentions, published, _ = _parse(rows)
    for event in group_block(mentions, {}, published, LinkModule(), stories).events:
        yield event.model_dump_json()


def group_mentions_job(mention_rows, stories, partitions: int) -> list[StoredEvent]:
    """Step 2 on a Spark RDD of (event_type, MentionRow): the unlinked events of every type."""
    shared = mention_rows.context.broadcast(stories)
    by_type = mention_rows.groupByKey(partitions)
    found = by_type.flatMap(lambda pair: group_one_type(pair[1], shared.value)).collect()
    return [StoredEvent.model_validate_json(j) for j in found]


def link_events(grouped: list[StoredEvent], rows: Iterable[MentionRow], stories
                ) -> list[StoredEvent]:
    """Step 3 on the driver: the final events, sorted by id, with their links."""
    mentions, published, sentences = _parse(rows)
    return group_new(mentions, published, sentences, stories, Replay(grouped))


def check_unique(article_ids: Iterable[str]) -> None:
    """One article given twice would be stored once (or replaced) by the store but counted
    twice here; say so before grouping."""
    seen: set[str] = set()
    twice: set[str] = set()
    for aid in article_ids:
        (twice if aid in seen else seen).add(aid)
    if twice:
        raise ConfigError(f"articles {sorted(twice)[:3]} occur more than once in the input; "
                          "give each article once (drop duplicate ids) and run again")


def _parse(rows: Iterable[MentionRow]) -> tuple[list[Event], dict[str, Optional[dt.date]],
                                                dict[str, tuple[int, int, str]]]:
    mentions, published, sentences = [], {}, {}
    for record, date, context in rows:
        mention = Event.model_validate_json(record)
        mentions.append(mention)
        published[mention.article_id] = dt.date.fromisoformat(date) if date else None
        sentences[mention.id] = tuple(context)
    return mentions, published, sentences
