"""`flashpoint timeline`: the escalation chains of a store, as text a person reads top to bottom.

A chain is a set of events joined by links (retaliation_for, same_as, ...), in either
direction. Chains come first, earliest first; each lists its events in date order with
their links drawn beneath them. Events that link to nothing follow, in date order.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from flashpoint.record import Actor, Count, StoredEvent
from flashpoint.store.query import EventFilter

QUOTE_WIDTH = 110
SHORT_ID = 8


def timeline_text(store, flt: Optional[EventFilter] = None) -> str:
    """The timeline of every stored event (or those matching ``flt``)."""
    events = list(store.events(flt))
    if not events:
        return "The store holds no events yet; run `flashpoint ingest` first."
    by_id = {e.id: e for e in events}
    chains = [c for c in _components(events) if len(c) > 1]
    chained = {i for c in chains for i in c}
    alone = [e for e in events if e.id not in chained]
    lines = [f"{len(chains)} escalation chains ({len(chained)} events); "
             f"{len(alone)} events without links."]
    for n, chain in enumerate(sorted(chains, key=lambda c: _order(by_id[c[0]])), 1):
        members = [by_id[i] for i in chain]
        lines += ["", f"Chain {n}: {len(members)} events, {_span(members)}"]
        for event in members:
            lines += _event_lines(event, by_id)
    if alone:
        lines += ["", "Events without links:"]
        for event in alone:
            lines += _event_lines(event, by_id)
    return "\n".join(lines)


def _components(events: list[StoredEvent]) -> list[list[str]]:
    """Groups of event ids joined by links, each sorted in timeline order."""
    from flashpoint.link.articles import components  # the one union-find

    index = {e.id: k for k, e in enumerate(events)}
    edges = [(index[e.id], index[link.event_id]) for e in events for link in e.links
             if link.event_id in index]
    groups = components(len(events), edges)
    return [[e.id for e in sorted((events[k] for k in g), key=_order)] for g in groups]


def _order(e: StoredEvent) -> tuple:
    return (e.date.start is None, e.date.start or dt.date.min, e.id)


def _span(events: list[StoredEvent]) -> str:
    dates = sorted(d for e in events for d in (e.date.start, e.date.end) if d)
    if not dates:
        return "undated"
    return dates[0].isoformat() if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"


def _event_lines(e: StoredEvent, by_id: dict[str, StoredEvent]) -> list[str]:
    head = [_when(e), e.event_type + (f"/{e.mode}" if e.mode else ""), _who(e)]
    if e.location:
        head.append(f"@ {e.location.name}" + (f", {e.location.country}"
                                              if e.location.country else ""))
    head += [c for c in (_count("killed", e.fatalities), _count("injured", e.injuries)) if c]
    head.append(f"[{e.id[:SHORT_ID]}]")
    sources = f" ({len(e.sources)} sources)" if len(e.sources) > 1 else ""
    lines = ["  " + "  ".join(p for p in head if p),
             f"{'':14}\"{_clip(e.evidence.quote)}\"{sources}"]
    for link in e.links:
        target = by_id.get(link.event_id)
        about = (f"{_when(target).strip()} {target.event_type}" if target
                 else "(outside this selection)")
        lines.append(f"{'':14}`-- {link.type} --> [{link.event_id[:SHORT_ID]}] {about}")
    return lines


def _when(e: StoredEvent) -> str:
    start, end = e.date.start, e.date.end
    if start is None:
        return f"{'undated':<12}"
    text = start.isoformat() if end in (None, start) else f"{start}..{end}"
    return f"{text:<12}"


def _who(e: StoredEvent) -> str:
    actors = _names(e.actors) or "?"
    return f"{actors} -> {_names(e.recipients)}" if e.recipients else actors


def _names(actors: list[Actor]) -> str:
    return ", ".join(a.name or a.text for a in actors)


def _count(label: str, c: Optional[Count]) -> str:
    if c is None:
        return ""
    return f"{label} {c.best}" if c.low == c.high else f"{label} {c.best} ({c.low}-{c.high})"


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_WIDTH else flat[:QUOTE_WIDTH - 3] + "..."


def chains(events: list[StoredEvent]) -> list[list[str]]:
    """The escalation chains the timeline prints: event ids joined by links, earliest first."""
    by_id = {e.id: e for e in events}
    found = [c for c in _components(events) if len(c) > 1]
    return sorted(found, key=lambda c: _order(by_id[c[0]]))
