"""Resolve an actor phrase ("Kata'ib Hizballah fighters", "an Iraqi policeman") to a registry actor.

`context` is the sentence the phrase came from (any surrounding text works); it is optional.

Rules, in order (each documented by tests in tests/resolve/actors/test_actors*.py):
1. PMF brigade numbers: "Hashd Brigade 45", "the 46th Brigade of the PMF" resolve to the faction
   that holds the number (Kataib Hezbollah holds 45, 46 and 47), but only when the phrase or its
   context names the PMF/Hashd/PMU: brigade numbers are reused by every army.
2. The phrase as written in its sentence: where every occurrence of the phrase in `context` lies
   inside a longer registry name, that name wins ("Hizbollah" cut from "[Kata'ib Hizbollah] proxy
   forces" is Kataib Hezbollah; "Hashd Brigade" cut from "Hashd Brigade 45" is brigade 45).
3. A named actor: registry aliases in the phrase, longest first; of several, the head of the
   phrase (the last before a preposition: "the IRGC's Quds Force", "the Quds Force of the IRGC"
   are both the Quds Force). A name followed by "backed", "linked", ... ("Hezbollah-backed") names
   a sponsor, not the actor, and is skipped; a country word right before a national body of
   another country wins over it ("Iraqi border police" are not Israel's Border Police).
4. A country (name, adjective, people, capital) with a head noun that gives the category:
   "American troops" -> the United States' military (MIL); "an Iraqi policeman" -> Police Forces of
   Iraq (COP). Where the registry marks an entry as a country's own military/police/..., that entry
   is returned (id "us-armed-forces"); otherwise the id is "<iso3>-<category>" ("irq-police") and
   the name follows ACLED's style ("Police Forces of Iraq", "Civilians (Iraq)").
   Sponsors are skipped here too: "Iran-backed Iraqi militias" are Iraqi militias (IRQ, PRM).
5. A country alone ("Iran", "the US", "Washington", "Tehran") is its government (GOV); a people
   noun alone ("Iraqis") is its civilians (CVL); a bare adjective ("Hungarian") takes the head noun
   that follows it in `context` ("Hungarian and Romanian officials"), else the government.
6. A head noun alone is a generic actor with no country: "gunmen", "unidentified assailants",
   "militants", "a suicide bomber" -> Unidentified Armed Group (UAF); "protesters" -> Protesters
   (CVL: PLOVER codes demonstrators as civilians; the event type PROTEST carries the rest).
   Things are not actors: a weapon or strike ("drones") or a base alone comes back as written with
   no sector; owned by a country ("US warplanes", "Iraqi bases") it is that country's military; a
   camp or airport keeps only its owner's country. A speaker ("leader", "spokesman") speaks for the
   head before it ("militia leader" -> PRM); with no country or body ("the group's spokesman") UNK.
   With no country in the phrase, the sentence may give one: the country word cut off right
   before it ("Algerian [President X]"), or for armed heads the one country of a same-kind head
   or named group in the sentence ("one of the factions" beside "the Iraqi militias").
7. Nothing matched: the Actor keeps the cleaned phrase as its name, id/country/sector None, and the
   name is counted in the ``unmatched`` Counter the caller passes (the pipeline keeps one per
   article and returns it with the article's Result) so the registry can grow from real use.

8. In its event (`ActorResolver.in_event`, called by the pipeline): a generic actor takes the
   event's country (its location, its sentence's places, the article's dominant country), and an
   agent is named for its part: demonstrators are Protesters or Rioters, unnamed people who carry
   out armed violence an Unidentified Armed Group (see `actor_roles`).

Dated roles: pass `on` (the event date) to get the sector an actor held then, e.g. the Taliban are
REB before 2021-08-15 and GOV after; without a date the registry's current sector is used.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Optional, Sequence

from flashpoint.record import Actor
from flashpoint.resolve.actors.actor_index import Index, build_index, country_of_exact
from flashpoint.resolve.actors.actor_registry import Registry, load_registry
from flashpoint.resolve.actors.actor_roles import needs_role
from flashpoint.resolve.actors.actor_text import Word, clean_name, keys

_FOREIGN = re.compile(r"\b(?:foreign|international|expatriate|overseas)\b", re.IGNORECASE)
_NUMBER = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)?$")
_BRIGADE_WORDS = frozenset({"brigade", "brigades", "liwa", "regiment"})
# Categories of things rather than actors: weapons and strikes, bases and posts.
_THINGS = frozenset({"instrument", "facility", "site"})
# Sectors where a named group in the sentence says whose a bare 'militia' or 'rebels' is.
_ARMED = frozenset({"PRM", "REB", "UAF", "MIL", "COP"})


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    kind: str     # "org", "place" or "head"
    value: str    # entry id, iso3, or category id
    form: str = ""  # for places: name, capital, adjective, people


class ActorResolver:
    """Resolve actor phrases against the registry. It keeps no count between calls: the caller
    counts the phrases that matched nothing (``resolve(..., unmatched=counter)``)."""

    def __init__(self, registry: Optional[Registry] = None):
        self.registry = registry or load_registry()
        self.index: Index = build_index(self.registry)
        self._sponsor_after = self._folded(self.registry.sponsor_after)
        self._sponsor_before = self._folded(self.registry.sponsor_before)
        self._boundaries = self._folded(self.registry.boundaries)
        # The same phrases and sentences come back for every actor of a sentence and across
        # articles; keying them once keeps a resolve to a few dictionary look-ups.
        self._keys = lru_cache(maxsize=8192)(partial(keys, variants=self.registry.variants))
        self._context_view = lru_cache(maxsize=256)(self._view)

    def _folded(self, words) -> frozenset[str]:
        return frozenset(w.folded for word in words for w in keys(word, self.registry.variants))

    # -- public -------------------------------------------------------------------------------
    def resolve(self, text: str, context: str = "", on: Optional[dt.date] = None,
                unmatched: Optional[Counter[str]] = None) -> Actor:
        """The Actor a phrase names; id None when unknown, and then its cleaned name is counted
        in ``unmatched`` when one is given."""
        words = self._keys(text)
        found = (self._brigade(words, context, on) or self._as_written(words, context, on)
                 or self._match(words, context, on))
        if found is not None:
            # Things and unqualified speakers come back nameless: they keep the phrase itself.
            return found.model_copy(update={"text": text, "name": found.name or clean_name(text)})
        name = clean_name(text)
        if unmatched is not None:
            unmatched[name] += 1
        return Actor(text=text, name=name)

    def in_event(self, actor: Actor, countries: Sequence[str] = (), role: Optional[str] = None,
                 on: Optional[dt.date] = None) -> Actor:
        """The actor as its event names it (see ``actor_roles``): an agent renamed for its part
        (``role``: "protesters", "rioters", "unidentified-armed-group"), and a generic actor
        ("police", "gunmen", "a man") given the first known of ``countries``, the event's."""
        if role is not None and needs_role(actor, role):
            category = role
        elif actor.id in self.registry.categories and actor.country is None:
            category = actor.id
        else:
            return actor
        iso3 = actor.country
        if iso3 is None and not _FOREIGN.search(actor.text):   # "foreign contractors" are not the host's
            iso3 = next((c for c in countries if c in self.registry.countries), None)
        if iso3 is None:
            spec = self.registry.categories[category]
            found = Actor(text="", name=spec.generic, id=spec.id, sector=spec.sector)
        else:
            found = self._country_actor(Hit(0, 0, "place", iso3, "name"), category, [], "", on)
        return found.model_copy(update={"text": actor.text})

    def registry_rows(self) -> list[dict]:
        return registry_rows(self.registry)

    # -- rules --------------------------------------------------------------------------------
    def _brigade(self, words: list[Word], context: str, on) -> Optional[Actor]:
        number = _brigade_number(words)
        if number is None or number not in self.index.brigades:
            return None
        if not (self._names_pmf(words) or self._names_pmf(self._keys(context))):
            return None
        return self._entry_actor(self.index.brigades[number], on)

    def _as_written(self, words: list[Word], context: str, on) -> Optional[Actor]:
        """The phrase read in its sentence, where a parser cut a name short: 'Hizbollah' in
        '[Kata'ib Hizbollah] proxy forces' is Kataib Hezbollah, 'Hashd Brigade' in 'Hashd Brigade
        45' is brigade 45. Used only when every occurrence sits inside the same longer name."""
        if not words or not context:
            return None
        ctx, folded, orgs = self._context_view(context)
        want = tuple(w.folded for w in words)
        found: set[str] = set()
        for i in range(len(ctx) - len(want) + 1):
            if folded[i:i + len(want)] != want:
                continue
            window = ctx[max(0, i - 1):i + len(want) + 1]
            number = _brigade_number(window)
            if number in self.index.brigades and self._names_pmf(ctx):
                found.add(self.index.brigades[number])
                continue
            longer = [h for h in orgs if h.start <= i
                      and i + len(want) <= h.end and h.end - h.start > len(want)]
            if not longer:
                return None  # a bare occurrence: the phrase means what it says
            found.add(max(longer, key=lambda h: h.end - h.start).value)
        if len(found) != 1:
            return None
        return self._entry_actor(found.pop(), on)

    def _view(self, context: str) -> tuple[list[Word], tuple[str, ...], list[Hit]]:
        """A sentence's words, folded keys and named-actor hits, kept for its other actors."""
        ctx = self._keys(context)
        return ctx, tuple(w.folded for w in ctx), [h for h in self._scan(ctx) if h.kind == "org"]

    def _names_pmf(self, words: list[Word]) -> bool:
        folded = [w.folded for w in words]
        for n in {len(k) for k in self.index.pmf_keys}:
            if any(tuple(folded[i:i + n]) in self.index.pmf_keys for i in range(len(folded))):
                return True
        return False

    def _match(self, words: list[Word], context: str, on) -> Optional[Actor]:
        hits = [h for h in _outermost(self._scan(words)) if not self._sponsored(h, words)]
        places = [h for h in hits if h.kind == "place"]
        org = self._rightmost([h for h in hits if h.kind == "org"], words)
        if org is not None and not self._foreign_modifier(org, places):
            return self._entry_actor(org.value, on)
        heads = [h for h in hits if h.kind == "head"]
        head_hit = self._speaker_for(self._rightmost(heads, words), heads, words)
        head = head_hit.value if head_hit else None
        if head == "site" or (head in _THINGS and not places):
            # A camp or an airport is a place whoever owns it; keep the owner's country only.
            return _as_written("", places[0].value if places else None)
        if places:
            owned = "military" if head in _THINGS else head
            return self._country_actor(places[0], owned, words, context, on)
        if head_hit is None or self._needs_country(head_hit, words):
            return None
        if self._is_speaker(head_hit, words):
            return _as_written("UNK")
        return self._generic_actor(head, words, context, on)

    def _speaker_for(self, head: Optional[Hit], heads: list[Hit], words) -> Optional[Hit]:
        """'militia leader', 'army spokesman': a representative speaks for the head before it."""
        if head is None or not self._is_speaker(head, words):
            return head
        before = [h for h in heads if h.end == head.start and not self._is_speaker(h, words)]
        return before[-1] if before else head

    def _is_speaker(self, head: Hit, words: list[Word]) -> bool:
        key = tuple(w.folded for w in words[head.start:head.end])
        return key in self.registry.representatives

    def _generic_actor(self, head: str, words: list[Word], context: str, on) -> Actor:
        """A head noun with no country: the sentence may give it ('one of the factions' beside
        'the Iraqi militias'; 'President X' cut from 'Algerian President X')."""
        category = self.registry.categories[head]
        iso3 = self._country_in_context(head, words, context) if context else None
        if iso3 is None:
            return Actor(text="", name=category.generic, id=category.id, sector=category.sector)
        return self._country_actor(Hit(0, 0, "place", iso3, "name"), head, words, context, on)

    def _country_in_context(self, head: str, words: list[Word], context: str) -> Optional[str]:
        ctx = self._keys(context)
        hits = [h for h in _outermost(self._scan(ctx)) if not self._sponsored(h, ctx)]
        before = self._country_before(words, ctx, hits)
        if before is not None:
            return before
        sector = self.registry.categories[head].sector
        found: set[Optional[str]] = set()
        for hit in hits:
            if sector not in _ARMED:
                break  # 'the Moroccan king' beside 'President X' says nothing of X's country
            if hit.kind == "head" and hit.value == head:
                found |= {p.value for p in hits if p.kind == "place" and p.end == hit.start}
            elif (hit.kind == "org" and sector in _ARMED
                  and self.registry.entries[hit.value].sector == sector):
                found.add(self.registry.entries[hit.value].country)
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def _country_before(self, words: list[Word], ctx: list[Word], hits: list[Hit]):
        """The country word right before every occurrence of the phrase in its sentence."""
        want = tuple(w.folded for w in words)
        folded = tuple(w.folded for w in ctx)
        found = set()
        for i in range(len(ctx) - len(want) + 1):
            if folded[i:i + len(want)] == want:
                found.add(next((h.value for h in hits if h.kind == "place" and h.end == i), None))
        return found.pop() if len(found) == 1 else None

    def _needs_country(self, head: Hit, words: list[Word]) -> bool:
        key = tuple(w.folded for w in words[head.start:head.end])
        return key in self.registry.country_only

    def _scan(self, words: list[Word]) -> list[Hit]:
        folded = [w.folded for w in words]
        exact = [w.exact for w in words]
        hits: list[Hit] = []
        for i in range(len(words)):
            # Only as far as the longest key that starts with this word: most words start none.
            span = max(self.index.reach.get(folded[i], 0), self.index.exact_reach.get(exact[i], 0))
            for j in range(i + 1, min(len(words), i + span) + 1):
                hits.extend(self._lookup(i, j, tuple(folded[i:j]), tuple(exact[i:j])))
        return hits

    def _lookup(self, i: int, j: int, fkey: tuple, ekey: tuple) -> list[Hit]:
        out = []
        exact = self.index.exact.get(ekey)
        if exact is not None:
            iso3 = country_of_exact(exact)
            out.append(Hit(i, j, "place", iso3, "name") if iso3 else Hit(i, j, "org", exact))
        if fkey in self.index.aliases:
            out.append(Hit(i, j, "org", self.index.aliases[fkey]))
        place = self.index.places.get(fkey)
        if place is not None:
            out.append(Hit(i, j, "place", place.iso3, place.form))
        if fkey in self.registry.heads:
            out.append(Hit(i, j, "head", self.registry.heads[fkey]))
        return out

    def _sponsored(self, hit: Hit, words: list[Word]) -> bool:
        if hit.kind == "head":
            return False
        after = hit.end < len(words) and words[hit.end].folded in self._sponsor_after
        before = hit.start > 0 and words[hit.start - 1].folded in self._sponsor_before
        return after or before

    def _rightmost(self, hits: list[Hit], words: list[Word]) -> Optional[Hit]:
        """The head of the phrase: the last hit before the first preposition, else the first.

        English noun phrases put the head last ("IRGC's Quds Force", "Iraqi police officers")
        and its complements after a preposition ("soldiers of the Iraqi army").
        """
        if not hits:
            return None
        stop = next((i for i, w in enumerate(words) if i and w.folded in self._boundaries),
                    len(words))
        before = [h for h in hits if h.end <= stop]
        if before:
            return max(before, key=lambda h: (h.end, h.end - h.start))
        return hits[0]

    def _foreign_modifier(self, org: Hit, places: list[Hit]) -> bool:
        """'Iraqi border police' is Iraq's, not Israel's Border Police: a country word right
        before a national body's alias, naming another country, wins over the alias."""
        country = self.registry.entries[org.value].country
        return country is not None and any(
            p.end == org.start and p.value != country for p in places)

    def _country_actor(self, place: Hit, head, words, context, on) -> Actor:
        category = head or self._default_category(place, words, context)
        entry_id = self.index.national.get((place.value, category))
        if entry_id is not None:
            return self._entry_actor(entry_id, on)
        country = self.registry.countries[place.value]
        spec = self.registry.categories[category]
        name = spec.template.format(country=country.name, the_country=country.article + country.name)
        return Actor(text="", name=name, id=f"{place.value.lower()}-{category}",
                     country=place.value, sector=spec.sector)

    def _default_category(self, place: Hit, words: list[Word], context: str) -> str:
        if place.form == "people":
            return "civilians"
        if place.form == "adjective" and context and place.end - place.start == len(words):
            from_context = self._head_after(words, self._keys(context))
            if from_context:
                return from_context
        return "government"

    def _head_after(self, words: list[Word], ctx: list[Word]) -> Optional[str]:
        """In 'Hungarian and Romanian officials', the head of 'Hungarian' is 'officials'.
        Every occurrence in the sentence must agree: which one the phrase was cut from is
        unknown ('Iraqi action ... Iraqi soldiers' leaves 'Iraqi' the government)."""
        want = [w.folded for w in words]
        folded = [w.folded for w in ctx]
        found = {self._head_through_list(ctx[i + len(want):i + len(want) + 6])
                 for i in range(len(folded) - len(want) + 1) if folded[i:i + len(want)] == want}
        return found.pop() if len(found) == 1 else None

    def _head_through_list(self, after: list[Word]) -> Optional[str]:
        """The head after a list of country words ('and Romanian officials'); None when any
        other word comes first ('Iraqi action against the militia' is the Iraqi government)."""
        hits = _outermost(self._scan(after))
        at = 0
        while at < len(after):
            here = [h for h in hits if h.start == at]
            head = next((h for h in here if h.kind == "head"), None)
            if head is not None:
                if head.value == "site":
                    return None
                return "military" if head.value in _THINGS else head.value
            place = next((h for h in here if h.kind == "place" and h.form == "adjective"), None)
            if place is not None:
                at = place.end
            elif after[at].folded in {"and", "or"}:
                at += 1
            else:
                return None
        return None

    def _entry_actor(self, entry_id: str, on) -> Actor:
        entry = self.registry.entries[entry_id]
        return Actor(text="", name=entry.name, id=entry.id, country=entry.country,
                     sector=entry.sector_on(on))


def _as_written(sector: str, country: Optional[str] = None) -> Actor:
    """A thing ('drones', 'the air base') or an unqualified speaker ('the group's spokesman'):
    kept as written, never counted as an unmatched name, sector None or UNK."""
    return Actor(text="", name="", country=country, sector=sector or None)


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer hit of the same kind ("Sudan" inside "South Sudan")."""
    def inside(h: Hit, other: Hit) -> bool:
        return (other is not h and other.kind == h.kind and other.start <= h.start
                and h.end <= other.end and (other.end - other.start) > (h.end - h.start))
    kept = [h for h in hits if not any(inside(h, o) for o in hits)]
    return sorted(kept, key=lambda h: (h.start, -(h.end - h.start)))


def _brigade_number(words: list[Word]) -> Optional[int]:
    """45 in 'Brigade 45' or 'Hashd Brigade 45'; 46 in 'the 46th Brigade'."""
    for i, word in enumerate(words):
        if word.folded not in _BRIGADE_WORDS:
            continue
        for j in (i + 1, i - 1):
            if 0 <= j < len(words):
                found = _NUMBER.match(words[j].folded)
                if found:
                    return int(found.group(1))
    return None


def unmatched_report(unmatched: Counter[str]) -> list[tuple[str, int]]:
    """Names that matched nothing, most frequent first (ties by name), for registry curation."""
    return sorted(unmatched.items(), key=lambda item: (-item[1], item[0]))


def registry_rows(registry: Optional[Registry] = None) -> list[dict]:
    """Every registry row as a plain dict, for `flashpoint actors` (one JSON object per line)."""
    from flashpoint.resolve.actors.actor_rows import rows

    return rows(registry or load_registry())
