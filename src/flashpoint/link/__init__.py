"""Grouping mentions of one real-world event into one event, reconciling them, linking events.

- ``flashpoint.link.group``: ``group_mentions``, ``reconcile``, ``figures``, ``merge_reasons``
- ``flashpoint.link.relations``: ``find_links`` (retaliation and response links, with evidence)
- ``flashpoint.link.articles``: ``cluster_articles`` (which articles report the same event)
"""
from flashpoint.errors import FlashpointError


class LinkError(FlashpointError):
    """Grouping or linking was asked to do something it cannot (e.g. reconcile no mentions)."""

    code = "FP600"
