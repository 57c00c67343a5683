"""Which articles report the same real-world event: clustering whole articles.

An article is described by three channels, each a TF-IDF vector: its words, the names in it
(capitalised words), and what extraction found (``ArticleDoc.features``: event types and
trigger words, places, dates, actors, as ``doc_from_events`` builds them). Two articles'
similarity is the weighted mean of the channels' cosines. Clustering is average linkage with a
threshold: two groups join while the mean similarity across them stays at or above
``threshold``. Since a mean above the threshold needs one pair above it, average linkage runs
inside the connected components of the pairs above the threshold, and those pairs come from an
inverted index (``flashpoint.link.tfidf.candidate_pairs``), so the work grows near-linearly with
the number of articles. In the store's stories (``story_clusters``), an article average
linkage leaves alone joins the story its closest reports tell (``attach_strays``). Articles
published more than ``max_days_apart`` days apart (both dates known) are never joined.

The defaults (threshold 0.2, weights 0.4 / 0.3 / 0.3) were chosen on the ECB+ topics 1-35; see
benchmarks/grouping.py for what they give there.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np

from flashpoint.link import tfidf
from flashpoint.record import Article, Event

DEFAULT_THRESHOLD = 0.2
# An article whose closest articles (the TORN_TOP most alike) in another story's cluster are
# at least TORN_RATIO times as alike to it as its closest in its own is a round-up (``torn``).
TORN_RATIO = 0.8
TORN_TOP = 3
DEFAULT_WEIGHTS = {"text": 0.4, "names": 0.3, "features": 0.3}


@dataclass(frozen=True)
class ArticleDoc:
    """What article clustering reads: the text, and optionally what was extracted from it."""

    id: str
    text: str
    published: Optional[dt.date] = None
    features: dict[str, list[str]] = field(default_factory=dict)  # channel -> tokens


def doc_from_events(article: Article, events: Sequence[Event]) -> ArticleDoc:
    """An ArticleDoc from an article and the events extracted from it."""
    feats: dict[str, list[str]] = {"event": [], "place": [], "date": [], "actor": []}
    for e in events:
        feats["event"] += [e.event_type] + ([f"{e.event_type}/{e.mode}"] if e.mode else [])
        feats["event"] += tfidf.words(e.evidence.quote)
        if e.location:
            feats["place"] += tfidf.words(e.location.name)
        if e.date.start:
            feats["date"].append(e.date.start.isoformat())
        for a in [*e.actors, *e.recipients]:
            feats["actor"] += [a.id] if a.id else tfidf.words(a.name)
    return ArticleDoc(article.id, article.text, article.published, feats)


def _bags(docs: Sequence[ArticleDoc]) -> dict[str, list[list[str]]]:
    bags = {"text": [tfidf.words(d.text) for d in docs], "names": [tfidf.names(d.text) for d in docs]}
    feats = [[f"{k}:{t}" for k, toks in sorted(d.features.items()) for t in toks] for d in docs]
    if any(feats):
        bags["features"] = feats
    return bags


class _Similarity:
    def __init__(self, docs: Sequence[ArticleDoc], weights: dict[str, float],
                 max_days_apart: Optional[int], background: Sequence[ArticleDoc]):
        self.docs, self.max_days = docs, max_days_apart
        bags, extra = _bags(docs), _bags(background)
        self.vecs = {c: tfidf.vectors(b, extra.get(c, ())) for c, b in bags.items()
                     if weights.get(c, 0) > 0}
        total = sum(weights[c] for c in self.vecs)
        self.weights = {c: weights[c] / total for c in self.vecs}
        self.cache: dict[tuple[int, int], float] = {}

    def candidates(self) -> set[tuple[int, int]]:
        pairs: set[tuple[int, int]] = set()
        for vecs in self.vecs.values():
            pairs |= tfidf.candidate_pairs(vecs)
        return pairs

    def __call__(self, i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if key not in self.cache:
            self.cache[key] = self._compute(i, j)
        return self.cache[key]

    def _compute(self, i: int, j: int) -> float:
        a, b = self.docs[i].published, self.docs[j].published
        if self.max_days is not None and a and b and abs((a - b).days) > self.max_days:
            return 0.0
        return sum(w * tfidf.cosine(self.vecs[c][i], self.vecs[c][j]) for c, w in self.weights.items())


def components(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    """The connected components of ``n`` items joined by ``edges`` (union-find)."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for x in range(n):
        groups.setdefault(root(x), []).append(x)
    return list(groups.values())


def average_linkage(sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Merge the two most similar groups while their mean pairwise similarity >= threshold."""
    n = len(sim)
    m = sim.astype(float).copy()
    np.fill_diagonal(m, -np.inf)
    size = np.ones(n)
    groups = {i: [i] for i in range(n)}
    while len(groups) > 1:
        flat = int(np.argmax(m))
        i, j = divmod(flat, n)
        if m[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        m[i, :] = (m[i, :] * size[i] + m[j, :] * size[j]) / (size[i] + size[j])
        m[:, i] = m[i, :]
        m[i, i] = m[j, :] = m[:, j] = -np.inf
        size[i] += size[j]
        groups[i] += groups.pop(j)
    return list(groups.values())


def cluster_articles(docs: Sequence[ArticleDoc], threshold: float = DEFAULT_THRESHOLD,
                     weights: Optional[dict[str, float]] = None,
                     max_days_apart: Optional[int] = 7,
                     background: Sequence[ArticleDoc] = ()) -> list[list[int]]:
    """Groups of indices into ``docs`` reporting one event: each sorted, in order of first index.

    ``background``: other articles (say, the rest of the store) that only inform how common
    each word is; without them, words shared by all of ``docs`` count for nothing, which is
    wrong when ``docs`` is a handful of articles on one story.
    """
    if not docs:
        return []
    sim = _Similarity(docs, weights or DEFAULT_WEIGHTS, max_days_apart, background)
    edges = sorted(p for p in sim.candidates() if sim(*p) >= threshold)
    clusters = []
    for comp in components(len(docs), edges):
        if len(comp) == 1:
            clusters.append(comp)
            continue
        matrix = np.array([[sim(a, b) if a != b else 0.0 for b in comp] for a in comp])
        clusters += [[comp[k] for k in sorted(g)] for g in average_linkage(matrix, threshold)]
    return sorted(clusters)


def cluster_vectors(vecs: Sequence[dict[str, dict[str, float]]], published: Sequence[Optional[dt.date]],
                    similarity, threshold: float = DEFAULT_THRESHOLD,
                    max_days_apart: Optional[int] = 7) -> list[list[int]]:
    """``cluster_articles`` over vectors the store keeps (channel -> TF-IDF vector per article).

    ``similarity(a, b)`` scores two articles' vectors; candidate pairs share a heavy term.
    """
    return story_clusters(vecs, published, similarity, threshold, max_days_apart)[0]


def story_clusters(vecs: Sequence[dict[str, dict[str, float]]], published: Sequence[Optional[dt.date]],
                   similarity, threshold: float = DEFAULT_THRESHOLD,
                   max_days_apart: Optional[int] = 7) -> tuple[list[list[int]], set[int]]:
    """``cluster_vectors``'s clusters, and the articles torn between two of them.

    An article is torn when it is as similar as the threshold to an article of another cluster:
    a round-up that tells two stories (a shooting, then a bombing elsewhere) sits between them,
    and its story, as a whole article, says nothing about which of its reports is which.
    """
    pairs: set[tuple[int, int]] = set()
    for channel in sorted({c for v in vecs for c in v}):
        pairs |= tfidf.candidate_pairs([v.get(channel, {}) for v in vecs])
    cache: dict[tuple[int, int], float] = {}

    def sim(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if key not in cache:
            a, b = published[i], published[j]
            far = max_days_apart is not None and a and b and abs((a - b).days) > max_days_apart
            cache[key] = 0.0 if far else similarity(vecs[i], vecs[j])
        return cache[key]

    edges = sorted(p for p in pairs if sim(*p) >= threshold)
    clusters = []
    for comp in components(len(vecs), edges):
        if len(comp) == 1:
            clusters.append(comp)
            continue
        matrix = np.array([[sim(a, b) if a != b else 0.0 for b in comp] for a in comp])
        clusters += [[comp[k] for k in sorted(g)] for g in average_linkage(matrix, threshold)]
    clusters = attach_strays(clusters, edges, sim, threshold)
    return sorted(clusters), torn(clusters, edges, sim)


def attach_strays(clusters: list[list[int]], edges: Sequence[tuple[int, int]], sim,
                  threshold: float) -> list[list[int]]:
    """Clusters with each article that average linkage left alone joined to a story whose
    ``TORN_TOP`` reports most alike to it are, on average, at least ``threshold`` alike.

    A short report of a long story shares enough with the story's closest reports, but
    averaged over all of them it falls below the threshold and would tell no story at all.
    One close to a single report of a story (a stray shared name) stays alone; one that sits
    between two stories is ``torn`` all the same, and gets no story bonus.
    """
    where = {k: n for n, c in enumerate(clusters) for k in c}
    near: dict[int, set[int]] = {}
    for i, j in edges:
        for k, other in ((i, j), (j, i)):
            if len(clusters[where[k]]) == 1 and len(clusters[where[other]]) > 1:
                near.setdefault(k, set()).add(where[other])
    out = [list(c) for c in clusters]
    for k, found in sorted(near.items()):
        score, n = max((_closest(k, clusters[n], sim), -n) for n in found)
        if score >= threshold:
            out[-n].append(k)
            out[where[k]] = []
    return [sorted(c) for c in out if c]


def torn(clusters: list[list[int]], edges: Sequence[tuple[int, int]], sim,
         between: float = TORN_RATIO) -> set[int]:
    """Members of a cluster that sit between it and another cluster (round-ups).

    An end of an edge between two clusters is torn when its ``TORN_TOP`` closest articles in
    the other cluster are, on average, at least ``between`` times as alike to it as its closest
    in its own: a round-up that tells both stories is; an article of one story with a stray
    edge to a neighbouring story (and average linkage leaves many) is not.
    """
    where = {k: n for n, c in enumerate(clusters) for k in c}
    out: set[int] = set()
    for i, j in edges:
        a, b = clusters[where[i]], clusters[where[j]]
        for k, own, other in ((i, a, b), (j, b, a)):
            if own is other or len(own) < 2 or k in out:
                continue
            if _closest(k, other, sim) >= between * _closest(k, own, sim):
                out.add(k)
    return out


def _closest(k: int, group: list[int], sim) -> float:
    """The mean similarity of ``k`` to its ``TORN_TOP`` most alike members of ``group``."""
    best = sorted((sim(k, x) for x in group if x != k), reverse=True)[:TORN_TOP]
    return sum(best) / len(best)
