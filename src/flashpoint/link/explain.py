"""Why a stored event is what it is: its reports, why they were grouped, where they disagree.

MELTT's lesson: a merge people cannot check is a merge people cannot trust. This module turns
one stored event and its mentions into the text `flashpoint explain` prints.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from flashpoint.link.group import NO_STORIES, Stories, merge_reasons
from flashpoint.link.reconcile import disagreements
from flashpoint.record import Count, Event, StoredEvent


def _count(c: Count | None) -> str:
    if c is None:
        return "not reported"
    return str(c.best) if c.low == c.high else f"{c.best} (range {c.low}-{c.high})"


def _when(e: Event) -> str:
    d = e.date
    if d.start is None:
        return f"unresolved ({d.reason})"
    span = d.start.isoformat() if d.end in (None, d.start) else f"{d.start}..{d.end}"
    return f"{span}, {d.precision} ({d.reason})"


def _where(e: Event) -> str:
    p = e.location
    return "unknown" if p is None else f"{p.name}, {p.country} ({p.lat:.3f}, {p.lon:.3f}), precision {p.precision}"


def explain_event(event: StoredEvent, mentions: Sequence[Event],
                  outlets: Mapping[str, str] = {}, stories: Stories = NO_STORIES) -> str:
    """A readable account of one stored event, each figure with the article that gives it.

    ``stories``: which of its articles tell one story (the store's article similarity)."""
    lines = [f"Event {event.id}: {event.event_type}"
             + (f"/{event.mode}" if event.mode else "")
             + (f" ({event.acled_sub_event_type})" if event.acled_sub_event_type else ""),
             f"  when:       {_when(event)}",
             f"  where:      {_where(event)}",
             f"  actors:     {', '.join(a.name for a in event.actors) or 'unknown'}",
             f"  recipients: {', '.join(a.name for a in event.recipients) or 'none named'}",
             f"  killed:     {_count(event.fatalities)}",
             f"  injured:    {_count(event.injuries)}",
             f"  confidence: {event.confidence}",
             f"  {len(mentions)} reports in {len(event.sources)} articles:"]
    for m in mentions:
        outlet = f"{outlets[m.article_id]} ({m.article_id})" if m.article_id in outlets else m.article_id
        lines.append(f"    [{m.id}] {outlet}: killed {_count(m.fatalities)}, injured "
                     f"{_count(m.injuries)}, {_when(m).split(' (')[0]}, {_where(m).split(' (')[0]}")
        lines.append(f"        \"{m.evidence.quote.strip()}\" (chars {m.evidence.start}-{m.evidence.end})")
    reasons = merge_reasons(list(mentions), list(range(len(mentions))), stories)
    if reasons:
        lines.append("  grouped because:")
        lines += [f"    {r}" for r in reasons]
    differ = disagreements(mentions)
    if differ:
        lines.append("  sources disagree (kept, not averaged):")
        lines += [f"    {d}" for d in differ]
    for link in event.links:
        lines.append(f"  {link.type} -> {link.event_id}"
                     + (f": \"{link.evidence.quote.strip()}\"" if link.evidence else ""))
    return "\n".join(lines)
