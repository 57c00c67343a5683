"""The event store: an embedded SQLite file by default, PostgreSQL through the same code.

    store = open_store(None)                       # $FLASHPOINT_HOME/flashpoint.db
    store = open_store("postgresql://u:pw@host:5432/events")
    summary = ingest(["articles.jsonl"], db=None)  # read, extract, store, regroup
    for event in store.events(EventFilter(types=["ASSAULT"], country="IRQ")): ...
"""
from flashpoint.store.grouping import Grouper, LinkModule, event_id
from flashpoint.store.ingest import IngestSummary, ingest, ingest_results, skip_stored
from flashpoint.store.location import ACCEPTED_FORMS, default_path, locate
from flashpoint.store.query import EventFilter, parse_bbox
from flashpoint.store.store import ArticleInfo, Store, content_hash, open_store
from flashpoint.store.timeline import timeline_text

__all__ = [
    "ACCEPTED_FORMS", "ArticleInfo", "EventFilter", "Grouper", "IngestSummary", "LinkModule",
    "Store", "content_hash", "default_path", "event_id", "ingest", "ingest_results", "locate",
    "open_store", "parse_bbox", "skip_stored", "timeline_text",
]
