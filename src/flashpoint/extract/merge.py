"""One article, one draft per event: fold the mentions of the same event together.

A headline, a summary sentence and a detailed sentence often state one strike three times.
Two drafts merge when they have the same type, nothing they say conflicts (mode, places,
dates, actors, death tolls), and something positively ties them (same sentence, shared actor,
place, date or target, or a follow-up sentence that names no one and no place). The weaker
draft folds into the stronger one, which keeps its evidence; blanks are filled from the
weaker one. A summary folds into every draft of a per-place split ("strikes hit A, B and C"),
giving each its actor and date; its casualties go to one member only (see _give_toll).
"""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from flashpoint.extract.draft import Draft
from flashpoint.ontology import ARTICLE, MODES, modes_fit

WORD = re.compile(r"[a-z0-9]+")
STOP = frozenset("the a an of and s its their his her in on at to for from by with".split())
ALIASES = {"america": "us", "american": "us", "americans": "us", "britain": "uk", "british": "uk"}
ROLE_STOP = frozenset("forces force troops officials government military army people".split())


@dataclass
class Candidate:
    draft: Draft
    nominal: bool = False
    group: Optional[int] = None               # per-place split this draft belongs to
    actor_words: set[str] = field(default_factory=set)
    recipient_words: set[str] = field(default_factory=set)
    place_keys: set[str] = field(default_factory=set)
    coarse_places: bool = False               # only countries / regions
    date_keys: set[str] = field(default_factory=set)
    anchors: set[int] = field(default_factory=set)   # trigger token and the clause it joins
    definite: bool = False                   # "the strikes": refers back to a told event
    headline: bool = False                   # a title line: a summary the body tells in detail
    lead: bool = False                       # the body's first telling of an event of its type
    own: set[int] = field(default_factory=set)       # trigger and event-noun tokens
    sequence: set[int] = field(default_factory=set)  # tokens under its "after X" / "before X"
    weapon: Optional[str] = None             # lemma of the weapon word that gave the mode
    recalled_weapon: bool = False            # "the rockets were fired from ...": told before
    anaphoric: bool = False                  # "They shot ...", "The attackers blocked ...": refers back

    @property
    def strength(self) -> int:
        d = self.draft
        return sum([not self.nominal, bool(d.actors), bool(d.recipients), bool(d.places) and not self.coarse_places,
                    bool(d.dates), d.mode is not None])


def words(text: str) -> set[str]:
    text = text.lower().replace("united states", "us").replace("u.s.", "us")
    found = {ALIASES.get(w, w) for w in WORD.findall(text)}
    return found - STOP


def name_words(tokens, nationality: bool = False) -> set[str]:
    """Words of the names in a phrase (proper nouns, and for actors nationality adjectives):
    what ties two mentions of one actor."""
    names = " ".join(t.text for t in tokens if (t.tag_ in ("NNP", "NNPS") or nationality and t.ent_type_ == "NORP")
                     and t.lower_ not in STOP)
    return words(names) - ROLE_STOP


def mark_leads(cands: list[Candidate]) -> None:
    """The first body candidate of each type (and each mode) is the one a headline of that type
    sums up: 'Gunmen abduct 12 bus passengers' is the lead's 'Armed men abducted 12 passengers'."""
    seen: set[tuple] = set()
    for c in sorted(cands, key=lambda c: (c.draft.sentence, c.draft.trigger[0])):
        key = (c.draft.event_type, c.draft.mode)
        if not c.headline and not c.draft.background and key not in seen:
            c.lead = True
            seen.add(key)


def merge(cands: list[Candidate]) -> list[Draft]:
    """Fold the best pair, again and again, until no pair may fold.

    Whether a pair may fold, and its score, depend only on the two candidates, so both are
    kept in a heap and recomputed only for the candidates a fold changed: O(n^2) in all,
    not O(n^2) per fold (an article of thousands of sentences would never end). The heap
    orders pairs as the plain scan did: best score, then the earlier weak, then the earlier
    strong candidate.
    """
    mark_leads(cands)
    live = list(cands)
    pairs = _Pairs(live)
    while (pair := pairs.best()) is not None:
        weak, strong = pair
        members = ([c for c in live if c.group == strong.group]
                   if strong.group is not None and weak.group is None else [strong])
        _fold(weak, strong, live)
        pairs.drop(weak)
        pairs.renew(members)
    return [c.draft for c in live]


class _Pairs:
    """The pairs that may fold, best first; stale entries are skipped when they surface."""

    def __init__(self, live: list[Candidate]):
        self.live = live
        self.order = {id(c): i for i, c in enumerate(live)}
        self.version = {id(c): 0 for c in live}
        self.heap: list = []
        for a in live:
            for b in live:
                self._push(a, b)

    def _push(self, weak: Candidate, strong: Candidate) -> None:
        if weak is strong or not _may_fold(weak, strong):
            return
        key = tuple(-int(x) for x in _score(weak, strong))
        entry = (key, self.order[id(weak)], self.order[id(strong)],
                 self.version[id(weak)], self.version[id(strong)], weak, strong)
        heapq.heappush(self.heap, entry)

    def best(self) -> Optional[tuple[Candidate, Candidate]]:
        while self.heap:
            _, _, _, v_weak, v_strong, weak, strong = heapq.heappop(self.heap)
            if self.version.get(id(weak)) == v_weak and self.version.get(id(strong)) == v_strong:
                return weak, strong
        return None

    def drop(self, gone: Candidate) -> None:
        del self.version[id(gone)]

    def renew(self, changed: list[Candidate]) -> None:
        ids = {id(c) for c in changed}
        for c in changed:
            self.version[id(c)] += 1
        for c in changed:
            for other in self.live:
                self._push(c, other)
                if id(other) not in ids:
                    self._push(other, c)


def _may_fold(weak: Candidate, strong: Candidate) -> bool:
    if weak.group is not None and weak.group == strong.group:
        return False
    if strong.group is not None and weak.group is None:
        ok = not weak.draft.places or weak.coarse_places or bool(weak.place_keys & strong.place_keys)
    elif weak.group is not None and strong.group is None:
        return False                   # the summary folds into the split, not the other way
    elif weak.headline != strong.headline:
        ok = weak.headline                 # the body's telling keeps its details
    else:
        ok = (weak.strength, -weak.draft.sentence) <= (strong.strength, -strong.draft.sentence)
    return ok and compatible(weak, strong) and _tied(weak, strong)


def compatible(a: Candidate, b: Candidate) -> bool:
    da, db = a.draft, b.draft
    if da.event_type != db.event_type or da.background != db.background:
        return False
    if a.own & b.sequence or b.own & a.sequence:
        return False         # "the strikes came two days after the attack": two events in order
    if not modes_fit(da.mode, db.mode, ARTICLE):     # the table: families, part_of, fits_any
        return False
    if a.place_keys and b.place_keys and not (a.place_keys & b.place_keys) \
            and not (a.coarse_places or b.coarse_places):
        return False
    if a.date_keys and b.date_keys and not (a.date_keys & b.date_keys):
        return False
    if a.actor_words and b.actor_words and not (a.actor_words & b.actor_words):
        return False
    if (a.actor_words & b.recipient_words) or (b.actor_words & a.recipient_words):
        return False
    # A headline rounds or updates the toll ("Two contractors killed"); the body's count wins.
    return _counts_agree(da, db) or a.headline != b.headline


def _counts_agree(a: Draft, b: Draft) -> bool:
    for x, y in ((a.fatalities, b.fatalities), (a.injuries, b.injuries)):
        if x is not None and y is not None and x.best != y.best:
            return False
    return True


def _tied(a: Candidate, b: Candidate) -> bool:
    """Something positive says these are one event, beyond not contradicting each other."""
    da, db = a.draft, b.draft
    if (a.headline and b.lead) or (b.headline and a.lead):
        return True          # a headline sums up the body's first telling of its kind
    if da.sentence == db.sentence and (a.anchors & b.anchors or (a.nominal and not da.actors)):
        return True
    if (a.actor_words & b.actor_words) or (a.recipient_words & b.recipient_words):
        return True
    if (a.place_keys & b.place_keys and not (a.coarse_places and b.coarse_places)) or (a.date_keys & b.date_keys):
        return True
    gap = abs(da.sentence - db.sentence)
    if gap == 1 and (not da.actors or not db.actors):
        return True          # the next sentence goes on about the same event
    if _refers_back(a, b) or _refers_back(b, a):
        return True
    return a.definite and not da.actors and 0 < da.sentence - db.sentence <= 3


def _refers_back(later: Candidate, earlier: Candidate) -> bool:
    """A later sentence that goes on about an event told before: its subject refers back
    ("They shot the driver", "The attackers blocked the road") within a few sentences, or it
    names the same weapon as told ("the rockets were fired from a launcher") and no new date."""
    gap = later.draft.sentence - earlier.draft.sentence
    if gap <= 0 or later.headline or earlier.headline:
        return False
    if later.anaphoric and gap <= 3:
        return True
    return (later.recalled_weapon and later.weapon is not None and later.weapon == earlier.weapon
            and not later.draft.dates)


def _score(weak: Candidate, strong: Candidate) -> tuple:
    same_toll = weak.draft.fatalities is not None and strong.draft.fatalities is not None
    shared = len(weak.place_keys & strong.place_keys) + len(weak.actor_words & strong.actor_words)
    distance = abs(weak.draft.sentence - strong.draft.sentence)
    return (same_toll, shared, -distance, -weak.strength)


def _fold(weak: Candidate, strong: Candidate, live: list[Candidate]) -> None:
    if strong.group is not None and weak.group is None:
        members = [c for c in live if c.group == strong.group]
        for member in members:
            _fill(member, weak, counts=False)
        _give_toll(members, weak)
    else:
        _fill(strong, weak, counts=True)
    live.remove(weak)


def _give_toll(members: list[Candidate], told: Candidate) -> None:
    """ACLED splits an event by place and divides nothing: a toll told for the whole set goes
    to the place where it happened when the telling names one, else to the first place listed."""
    d = told.draft
    if d.fatalities is None and d.injuries is None:
        return
    named = [m for m in members if m.place_keys & told.place_keys]
    target = (named or sorted(members, key=lambda m: m.draft.places))[0].draft
    target.fatalities = target.fatalities if target.fatalities is not None else d.fatalities
    target.injuries = target.injuries if target.injuries is not None else d.injuries


def _two_sides(d: Draft, o: Draft) -> None:
    """"A shoot-out broke out and a suspect was shot dead", "troops clashed with rebels and
    burned their huts": the killing or burning happened in the fight, so the one event is the
    clash (ACLED codes the most serious act)."""
    if o.two_sided and d.event_type == o.event_type == "ASSAULT" and (
            d.acled_sub_event_type == "Attack" and d.mode in (None, "firearms")
            or d.acled_sub_event_type == "Looting/property destruction"):
        d.two_sided = True
        d.acled_event_type, d.acled_sub_event_type = "Battles", "Armed clash"


def _fill(into: Candidate, other: Candidate, counts: bool) -> None:
    d, o = into.draft, other.draft
    d.crowd = d.crowd or (o.crowd if not d.actors else "")
    if not d.actors and o.actors:
        d.actors, into.actor_words = list(o.actors), set(other.actor_words)
    if not d.recipients and o.recipients:
        d.recipients, into.recipient_words = list(o.recipients), set(other.recipient_words)
    if not d.dates and o.dates:
        d.dates, into.date_keys = list(o.dates), set(other.date_keys)
    if not d.dates and not d.reported_by and o.reported_by:
        d.reported_by = list(o.reported_by)
    # A headline's country or region is vaguer than what the body's sentence names around the
    # trigger; location_for finds that when the body draft has no place of its own.
    vague_title = other.headline and other.coarse_places and not into.headline
    if not d.places and o.places and into.group is None and not vague_title:
        d.places, into.place_keys, into.coarse_places = list(o.places), set(other.place_keys), other.coarse_places
    # The abduction is the event; shots fired while seizing people are how it was done.
    # A clash stays a clash when the burning told with it merges in (ACLED: most serious act).
    if (d.mode is None and o.mode is not None and not (o.mode == "destroy" and d.two_sided)
            or o.mode is not None and d.mode in MODES and MODES[d.mode].part_of == o.mode):
        d.mode = o.mode
        d.cameo, d.acled_event_type, d.acled_sub_event_type = o.cameo, o.acled_event_type, o.acled_sub_event_type
    d.target = d.target or o.target
    _two_sides(d, o)
    if d.event_type == o.event_type == "PROTEST" and o.mode == "riot" and d.mode != "riot":
        d.mode = o.mode      # one gathering: the demonstrators' burning makes it a riot (ACLED)
        d.cameo, d.acled_event_type, d.acled_sub_event_type = o.cameo, o.acled_event_type, o.acled_sub_event_type
    if counts:
        d.fatalities = d.fatalities if d.fatalities is not None else o.fatalities
        d.injuries = d.injuries if d.injuries is not None else o.injuries
    into.definite = into.definite or other.definite
    d.confidence = round(min(0.95, max(d.confidence, o.confidence) + 0.05), 3)


def mark_interventions(drafts: list[Draft], dates: Sequence = ()) -> None:
    """A protest the same article reports dispersed by force (an ASSAULT crowd-control draft
    that is not background) is ACLED's 'Protest with intervention', or 'Excessive force against
    protesters' when the dispersal killed. The dispersal stays an ASSAULT event of its own (the
    PLOVER reading; link.relations ties it to the protest as a response); the protest takes
    the dispersal's date and place when it tells none, since both happened at one gathering."""
    dispersals = [d for d in drafts if d.event_type == "ASSAULT" and d.mode == "crowd-control"
                  and not d.background]
    if not dispersals:
        return
    force = max(dispersals, key=lambda d: (bool(d.dates), bool(d.places), d.confidence))
    lethal = any(d.fatalities is not None and d.fatalities.best > 0 for d in dispersals)
    for d in drafts:
        if d.event_type != "PROTEST" or d.background:
            continue
        if _dated_apart(d, force, dates):
            continue             # a protest on another day is another gathering
        d.acled_event_type = "Protests"
        d.acled_sub_event_type = "Excessive force against protesters" if lethal else "Protest with intervention"
        d.dates = d.dates or list(force.dates)
        d.places = d.places or list(force.places)


def _dated_apart(protest: Draft, force: Draft, dates: Sequence) -> bool:
    """The protest's own dates, or a date its sentence tells ("months of unrest in 2018, when
    protesters stormed ..."), that the dispersal does not share. A dispersal that tells no date
    of its own ("Police dispersed them.") happened at the gathering told before it."""
    own = set(protest.dates) | {k for k, m in enumerate(dates)
                                if protest.evidence[0] <= m.start < protest.evidence[1]}
    return bool(own) and bool(force.dates) and not own & set(force.dates)
