"""Group mentions (one per report) into events (one per real-world happening).

Two mentions are one event when nothing contradicts it (same PLOVER type, compatible modes,
dates within a day, places within reach of each other, a shared or unknown actor) and enough
agrees (``decide``: a score of at least ``MERGE_SCORE`` from the fields that match). Candidate
pairs come from blocking (``flashpoint.link.blocking``), so cost grows near-linearly with the
number of mentions. Pairs are merged strongest first; a merge is refused when any member of one
group contradicts any member of the other on date, place or mode (``Profile``), which stops
chains of weak links from gluing different events together. ``merge_reasons`` says why a group
was formed, in words a person can check. One place name in two articles that tell one story
is one place, wherever the geocoder put each (``compare_told_places``).
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

from flashpoint.link.blocking import candidate_pairs
from flashpoint.link.compat import (
    DATE_TOLERANCE_DAYS, Facts, Verdict, actor_key, compare_actors, compare_dates, compare_kind,
    compare_places, date_range, is_running_total, specific_actors,
)
from flashpoint.ontology import ACROSS, STATE_SECTORS, modes_fit
from flashpoint.link.reconcile import figures, reconcile  # noqa: F401  (the store's entry points)
from flashpoint.record import Event, Place

MERGE_SCORE = 4
# Two articles that tell one story (``link.articles`` clusters them: rare words, names, places
# and actors in common) make their same-type mentions one event unless a field contradicts it:
# the evidence undated reports (ECB+ has no dates) need. Worth a merge on its own; every veto
# (type, mode, dates, places, actors) still holds, and a group is checked member by member.
ALIKE_SCORE = MERGE_SCORE
# One sentence of at least COPIED_WORDS words, word for word in two articles, is copied (wire
# copy, a story retold with a paragraph of the first report): what it tells is one event.
COPIED_WORDS = 8
COPIED_MAX = 50     # a sentence in more articles than this is a template, not one report
COPIED_SCORE = MERGE_SCORE     # worth a merge on its own, as a story is; every veto holds


@dataclass(frozen=True)
class Stories:
    """Which articles tell one story, as the store's article similarity found.

    ``pairs``: (article id, article id), sorted -> similarity, for articles of one story;
    ``compared``: the articles whose similarity to ``batch`` articles was looked at. A batch
    article and a compared one that are not a pair tell two stories, and their undated mentions
    then need more than a shared place and actor to be one event.
    """

    pairs: dict[tuple[str, str], float] = field(default_factory=dict)
    compared: frozenset[str] = frozenset()
    batch: frozenset[str] = frozenset()

    def alike(self, a: str, b: str) -> Optional[float]:
        return None if a == b else self.pairs.get((a, b) if a < b else (b, a))

    def apart(self, a: str, b: str) -> bool:
        return (a != b and a in self.compared and b in self.compared
                and (a in self.batch or b in self.batch) and self.alike(a, b) is None)


NO_STORIES = Stories()


class Decision(NamedTuple):
    merge: bool
    score: int
    reasons: tuple[str, ...]


def _plain(name: str) -> str:
    letters = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in letters if not unicodedata.combining(c)).split())


def same_name(a: Optional[Place], b: Optional[Place]) -> bool:
    """Two places under one name, as resolved or as the text gives it (accents and case
    aside), wherever the geocoder put them ("Philadelphia" taken for Amman in one article)."""
    if a is None or b is None:
        return False
    return any(_plain(x) and _plain(x) == _plain(y)
               for x, y in ((a.name, b.name), (a.text, b.text)))


def compare_told_places(a: Optional[Place], b: Optional[Place], one_story: bool) -> Verdict:
    """``compare_places``, except that one place name told in one story is one place.

    The geocoder reads each article's context apart, so one name can land on two places of
    that name (Wellington in England and in New Zealand); a reader who knows the two
    articles tell one story takes the name for one place.
    """
    if one_story and same_name(a, b) and (a.lat, a.lon) != (b.lat, b.lon):
        told = a.name if _plain(a.name) == _plain(b.name) else a.text
        return Verdict(False, 1, f"one place name in one story ({told})")
    return compare_places(a, b)


def _as_facts(m: Event | Facts) -> Facts:
    return m if isinstance(m, Facts) else Facts.of(m)


def copied_key(m: Event) -> Optional[str]:
    """A mention's sentence as two articles that copy it share it (case and spacing aside),
    or None when it is too short to be told apart from a coincidence."""
    words = m.evidence.quote.casefold().split()
    return " ".join(words) if len(words) >= COPIED_WORDS else None


def decide(a: Event | Facts, b: Event | Facts, alike: Optional[float] = None,
           apart: bool = False, copied: bool = False) -> Decision:
    """Are two mentions one event? With the score and the reasons either way.

    ``alike``: the similarity of the two mentions' articles when they tell one story;
    ``apart``: their articles were compared and tell two stories;
    ``copied``: the two mentions come from one sentence that two articles share.
    """
    a, b = _as_facts(a), _as_facts(b)
    kind, when = compare_kind(a, b), compare_dates(a, b)
    if kind.veto or when.veto:   # the cheap checks first: most blocked pairs fail here
        return Decision(False, 0, tuple(v.reason for v in (kind, when) if v.veto))
    same_article = a.article_id == b.article_id
    where = compare_told_places(a.place, b.place, alike is not None)
    who = compare_actors(a, b)
    if where.veto or who.veto:
        return Decision(False, 0, tuple(v.reason for v in (where, who) if v.veto))
    same_toll = bool(a.killed and a.killed == b.killed)
    story = ALIKE_SCORE if alike is not None else 0
    copy = COPIED_SCORE if copied and not same_article else 0
    score = (kind.score + when.score + where.score + who.score + same_article + same_toll
             + story + copy)
    reasons = [v.reason for v in (kind, when, where, who) if v.score > 0]
    reasons += ["same article"] * same_article + ["same death toll"] * same_toll
    reasons += ["the same sentence in both articles"] * bool(copy)
    if story:
        reasons.append(f"their articles tell one story (similarity {alike:.2f})")
    # An unresolved date is let in only on strong evidence: two articles that tell one story
    # or copy one sentence, or a precise shared place and actor in articles not known to tell
    # two stories.
    vague_ok = (when.score > 0 or same_article or bool(story) or bool(copy)
                or (where.score == 2 and who.score == 2 and not apart))
    return Decision(score >= MERGE_SCORE and vague_ok, score, tuple(reasons))


@dataclass
class Profile:
    """What a group of mentions says, kept small enough to check a merge without all pairs."""

    event_type: str
    modes: set[str] = field(default_factory=set)
    max_start: Optional[dt.date] = None
    min_end: Optional[dt.date] = None
    places: list[Place] = field(default_factory=list)
    actor_keys: set[str] = field(default_factory=set)     # registered specific actors only
    countries: set[str] = field(default_factory=set)
    states: set[str] = field(default_factory=set)
    totals: set[bool] = field(default_factory=set)   # running totals and incidents never mix

    @classmethod
    def of(cls, m: Event) -> "Profile":
        rng = date_range(m.date)
        people = specific_actors([*m.actors, *m.recipients])
        return cls(m.event_type, {m.mode} if m.mode else set(),
                   rng[0] if rng else None, rng[1] if rng else None,
                   [m.location] if m.location else [],
                   {actor_key(a) for a in people if a.id}, {a.country for a in people if a.country},
                   {a.country for a in people if a.id and a.country and a.sector in STATE_SECTORS},
                   {is_running_total(m)})

    def conflict(self, other: "Profile") -> bool:
        if self.event_type != other.event_type or self.totals != other.totals:
            return True
        if any(not modes_fit(x, y, ACROSS) for x in self.modes for y in other.modes):
            return True
        if self._dates_conflict(other):
            return True
        # One name in both groups is one place: the geocoder may have put it twice, and a
        # merge is only tried for a pair that ``decide`` let in (one story, for undated ones).
        if any(compare_places(p, q).veto and not same_name(p, q)
               for p in self.places for q in other.places):
            return True
        # Only registered actors contradict: unregistered names are targets or spellings.
        return (bool(self.actor_keys) and bool(other.actor_keys) and not self.actor_keys & other.actor_keys
                and not self.countries & other.countries and not self.states & other.states)

    def _dates_conflict(self, other: "Profile") -> bool:
        if self.max_start is None or other.max_start is None:
            return False
        tol = dt.timedelta(days=DATE_TOLERANCE_DAYS)
        # Every member of one group within the tolerance of every member of the other.
        return other.min_end < self.max_start - tol or other.max_start > self.min_end + tol

    def absorb(self, other: "Profile") -> None:
        self.modes |= other.modes
        if other.max_start is not None:
            self.max_start = max(filter(None, (self.max_start, other.max_start)))
            self.min_end = min(filter(None, (self.min_end, other.min_end)))
        seen = {(p.lat, p.lon, p.precision) for p in self.places}
        self.places += [p for p in other.places if (p.lat, p.lon, p.precision) not in seen]
        self.actor_keys |= other.actor_keys
        self.countries |= other.countries
        self.states |= other.states
        self.totals |= other.totals


class _Groups:
    """Union-find over mention indices, each root holding its group's Profile."""

    def __init__(self, mentions: list[Event]):
        self.parent = list(range(len(mentions)))
        self.profile = {i: Profile.of(m) for i, m in enumerate(mentions)}

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def try_merge(self, i: int, j: int) -> bool:
        ri, rj = self.root(i), self.root(j)
        if ri == rj or self.profile[ri].conflict(self.profile[rj]):
            return False
        keep, gone = min(ri, rj), max(ri, rj)
        self.parent[gone] = keep
        self.profile[keep].absorb(self.profile.pop(gone))
        return True

    def clusters(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.root(i), []).append(i)
        return sorted(out.values())


def _story_pairs(mentions: list[Event], stories: Stories) -> set[tuple[int, int]]:
    """Same-type mentions in two articles that tell one story."""
    by_article: dict[tuple[str, str], list[int]] = {}
    types: dict[str, set[str]] = {}
    for k, m in enumerate(mentions):
        by_article.setdefault((m.article_id, m.event_type), []).append(k)
        types.setdefault(m.article_id, set()).add(m.event_type)
    pairs = set()
    for a, b in stories.pairs:
        for t in types.get(a, set()) & types.get(b, set()):
            for i in by_article.get((a, t), []):
                pairs.update((min(i, j), max(i, j)) for j in by_article.get((b, t), []))
    return pairs


def _copied_pairs(mentions: list[Event]) -> set[tuple[int, int]]:
    """Same-type mentions of two articles that share their sentence (``copied_key``), unless
    more than ``COPIED_MAX`` articles do (the pairs would grow with their square)."""
    by_key: dict[tuple[str, str], list[int]] = {}
    for k, m in enumerate(mentions):
        key = copied_key(m)
        if key is not None:
            by_key.setdefault((m.event_type, key), []).append(k)
    pairs = set()
    for ks in by_key.values():
        if len({mentions[k].article_id for k in ks}) <= COPIED_MAX:
            pairs.update((i, j) for x, i in enumerate(ks) for j in ks[x + 1:]
                         if mentions[i].article_id != mentions[j].article_id)
    return pairs


class Judge:
    """``decide`` over pairs of one list of mentions, with what their articles share."""

    def __init__(self, mentions: list[Event], stories: Stories):
        self.facts = [Facts.of(m) for m in mentions]
        self.copied = [copied_key(m) for m in mentions]
        self.stories = stories

    def __call__(self, i: int, j: int) -> Decision:
        a, b = self.facts[i].article_id, self.facts[j].article_id
        copied = self.copied[i] is not None and self.copied[i] == self.copied[j]
        return decide(self.facts[i], self.facts[j], self.stories.alike(a, b),
                      self.stories.apart(a, b), copied)


def compared_pairs(mentions: list[Event], stories: Stories) -> set[tuple[int, int]]:
    """The pairs grouping compares: blocked, told in one story, or sharing a sentence."""
    return (set(candidate_pairs(mentions)) | _story_pairs(mentions, stories)
            | _copied_pairs(mentions))


def scored_pairs(mentions: list[Event], stories: Stories = NO_STORIES
                 ) -> list[tuple[int, int, int]]:
    """(score, i, j) for every compared pair that may merge, strongest first; among equal
    scores, the pairs whose articles are more alike first, then by position."""
    judge = Judge(mentions, stories)
    found = []
    for i, j in sorted(compared_pairs(mentions, stories)):
        d = judge(i, j)
        if d.merge:
            a, b = mentions[i].article_id, mentions[j].article_id
            found.append((d.score, stories.alike(a, b) or 0.0, i, j))
    found.sort(key=lambda t: (-t[0], -t[1], t[2], t[3]))
    return [(score, i, j) for score, _, i, j in found]


def may_join(batch: list[Event], others: list[Event], stories: Stories = NO_STORIES
             ) -> list[int]:
    """Indices of ``others`` that some mention of ``batch`` may group with (a blocked pair
    that ``decide`` lets merge): the stored mentions a batch can change; the rest stay."""
    mentions = [*batch, *others]
    judge = Judge(mentions, stories)
    n = len(batch)
    found = {j - n for i, j in compared_pairs(mentions, stories)
             if i < n <= j and judge(i, j).merge}
    return sorted(found)


def group_mentions(mentions: list[Event], stories: Optional[Stories] = None
                   ) -> list[list[int]]:
    """Clusters of indices into ``mentions``: each sorted, in order of their first index.

    ``stories``: which articles tell one story (the store's ``flashpoint.store.terms``); the
    same-type mentions of such articles are compared too.

    Every mention is in exactly one cluster (a mention like no other is a cluster of one).
    The same input gives the same clusters in the same order.
    """
    groups = _Groups(mentions)
    for _, i, j in scored_pairs(mentions, stories or NO_STORIES):
        groups.try_merge(i, j)
    return groups.clusters()


def merge_reasons(mentions: list[Event], cluster: list[int],
                  stories: Stories = NO_STORIES) -> list[str]:
    """Why the mentions of a cluster were grouped: one line per member after the first.

    Each member is explained by its strongest-agreeing earlier member, e.g.
    ``"m2 ~ m1 (score 5): same day; places 3 km apart (Taji, Taji); actors shared: ..."``.
    """
    lines = []
    members = sorted(cluster)
    judged = Judge(mentions, stories)

    for pos, j in enumerate(members[1:], start=1):
        i = max(members[:pos], key=lambda k: (judged(k, j).score, -k))
        decision = judged(i, j)
        lines.append(f"{mentions[j].id} ~ {mentions[i].id} (score {decision.score}): "
                     + "; ".join(decision.reasons))
    return lines
