"""Hand-built articles and mentions for the API tests, stored through the real Store with a
plain grouper whose groups a test can predict (mentions with the same `group` word in their
id form one event; links named in a mention point at the event holding the target)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from flashpoint.record import Actor, Article, Count, Event, Evidence, Link, Place, StoredEvent, When
from flashpoint.store import open_store

KIRKUK = Place(text="Kirkuk", name="Kirkuk", lat=35.47, lon=44.39, country="IRQ", precision=1)
TAJI = Place(text="Taji", name="Camp Taji", lat=33.53, lon=44.25, country="IRQ", precision=1)
SUVA = Place(text="Suva", name="Suva", lat=-18.14, lon=178.44, country="FJI", precision=1)


class KeyGrouper:
    def group_mentions(self, mentions: list[Event], stories=None) -> list[list[int]]:
        groups: dict[str, list[int]] = {}
        for i, m in enumerate(mentions):
            groups.setdefault(_key(m), []).append(i)
        return list(groups.values())

    def may_join(self, batch: list[Event], others: list[Event], stories=None) -> list[int]:
        keys = {_key(m) for m in batch}
        return [k for k, m in enumerate(others) if _key(m) in keys]

    def reconcile(self, mentions: list[Event], published) -> StoredEvent:
        fields = mentions[0].model_dump()
        fields.update(id="unset", links=[])
        return StoredEvent(**fields)

    def find_links(self, events, mentions_by_event, sentences, answering=None
                   ) -> dict[str, list[Link]]:
        # Stored events name their mentions; a link names the mention it answers.
        owner = {mid: e.id for e in events for mid in e.mentions}
        owner.update({m.id: eid for eid, ms in mentions_by_event.items() for m in ms})
        out: dict[str, list[Link]] = {}
        for eid, ms in mentions_by_event.items():
            for m in ms:
                for link in m.links:
                    if owner.get(link.event_id) not in (None, eid):
                        out.setdefault(eid, []).append(
                            Link(type=link.type, event_id=owner[link.event_id],
                                 evidence=link.evidence))
        return out


def _key(m: Event) -> str:
    return m.id.split("@")[0]


def mention(art: Article, key: str, quote: str, *, event_type: str = "ASSAULT",
            day: Optional[dt.date] = None, place: Optional[Place] = None, actor: str = "Gunmen",
            killed: Optional[int] = None, links: tuple[tuple[str, str], ...] = ()) -> Event:
    start = art.text.index(quote)
    return Event(
        id=f"{key}@{art.id}", article_id=art.id, event_type=event_type,
        actors=[Actor(text=actor, name=actor, sector="REB")], location=place,
        date=When(text=str(day) if day else None, start=day, end=day,
                  precision="day" if day else None, reason="written by the test"),
        fatalities=Count.exactly(killed) if killed is not None else None,
        evidence=Evidence(quote=quote, start=start, end=start + len(quote), sentence=0),
        links=[Link(type=t, event_id=target) for t, target in links], confidence=0.9)


def build(db: str, extra: int = 0) -> None:
    """Two reports of a Kirkuk attack, a rocket strike answering it, a protest in Suva, an
    undated threat, and ``extra`` filler attacks (for pagination)."""
    a = Article(id="wire-1", title="Attack in Kirkuk", source="Test Wire",
                url="https://wire.example/1", published=dt.date(2024, 5, 2),
                text="Gunmen attacked a checkpoint in Kirkuk on Monday, killing three soldiers. "
                     "Officials vowed a response.")
    b = Article(id="wire-2", title="Rockets hit Taji", source="Other Wire",
                url="javascript:alert(1)", published=dt.date(2024, 5, 4),
                text="Militants fired rockets at Camp Taji on Wednesday in retaliation for the "
                     "Kirkuk attack. A gunman attacked a checkpoint in Kirkuk on Monday, "
                     "killing three soldiers, police said. In Suva, hundreds protested on Friday.")
    c = Article(id="wire-3", title="Threat", source="Test Wire", published=dt.date(2024, 5, 5),
                text="A commander threatened to strike again.")
    mentions = [
        (a, [mention(a, "kirkuk", "Gunmen attacked a checkpoint in Kirkuk on Monday, killing "
                    "three soldiers.", day=dt.date(2024, 5, 1), place=KIRKUK, killed=3)]),
        (b, [mention(b, "taji", "Militants fired rockets at Camp Taji on Wednesday in retaliation "
                    "for the Kirkuk attack.", day=dt.date(2024, 5, 3), place=TAJI,
                    actor="Militants", links=(("retaliation_for", "kirkuk@wire-1"),)),
            mention(b, "kirkuk", "A gunman attacked a checkpoint in Kirkuk on Monday, killing "
                    "three soldiers, police said.", day=dt.date(2024, 5, 1), place=KIRKUK, killed=3),
            mention(b, "suva", "In Suva, hundreds protested on Friday.", event_type="PROTEST",
                    day=dt.date(2024, 5, 3), place=SUVA, actor="Protesters")]),
        (c, [mention(c, "threat", "A commander threatened to strike again.", event_type="THREATEN",
                    actor="Commander")]),
    ]
    for n in range(extra):
        art = Article(id=f"filler-{n:03d}", text=f"Gunmen attacked village number {n}.",
                      published=dt.date(2024, 6, 1))
        mentions.append((art, [mention(art, f"filler{n:03d}", art.text, day=dt.date(2024, 6, 1 + n % 28),
                                 place=KIRKUK, killed=n % 4)]))
    with open_store(db, grouper=KeyGrouper()) as store:
        for art, ms in mentions:
            store.ingest_result(art, ms)
        store.regroup()
