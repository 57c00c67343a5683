"""flashpoint: news reports of armed conflict in, event records with their evidence out.

    from flashpoint import Pipeline, read_inputs
    for result in Pipeline().run(read_inputs(["articles.jsonl"])):
        for event in result.events:
            print(event.event_type, event.evidence.quote)
"""
from flashpoint.errors import FlashpointError
from flashpoint.ingest.readers import read_inputs
from flashpoint.pipeline import Pipeline, Result
from flashpoint.record import (
    Actor, Article, Count, DateMention, Event, Evidence, Link, Place, PlaceMention, StoredEvent,
    When,
)

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Count", "DateMention", "Event", "Evidence", "FlashpointError", "Link",
    "Pipeline", "Place", "PlaceMention", "Result", "StoredEvent", "When", "read_inputs",
]
