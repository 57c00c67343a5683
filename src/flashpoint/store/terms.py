"""What articles share, kept in the store so grouping never re-reads article texts.

Every article is stored with its terms in three channels, as the article clustering of
``flashpoint.link.articles`` reads them: ``w:`` its words, ``n:`` the names in it (capitalised
words), ``f:`` what extraction found (event types, places, actors, dates). The store keeps the
counts (``article_terms``; a feature counts once per article), how many articles hold each term (``term_df``, the store's document
frequencies, so a word is rare or common for this store and not for a fixed list) and an
inverted index of each article's names and commonest words (``term_index``).

``neighbourhood`` finds the articles alike to a batch: candidates through the index (only
terms held by at most ``MAX_DF`` articles, the rare ones that single out a story), scored with
the TF-IDF cosine of each channel, weighted as ``link.articles.DEFAULT_WEIGHTS``. The cost grows
with the batch and its candidates, never with the store.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from typing import Iterable, Optional, Sequence

from flashpoint.link import tfidf
from flashpoint.link.articles import DEFAULT_WEIGHTS
from flashpoint.link.relations import sentence_around
from flashpoint.record import Event

MAX_TERMS = 200       # per channel and article: the commonest, ties alphabetical
INDEXED_WORDS = 10    # an article is indexed under all its names and this many of its words
MAX_DF = 60           # a term more articles hold than this cannot single out one story
Vector = dict[str, float]


def article_terms(text: str, events: Sequence[Event] = ()) -> dict[str, int]:
    """Term -> count, channel-prefixed (``w:``, ``n:``, ``f:``), at most MAX_TERMS a channel."""
    # What extraction found counts once per article: an article with twenty mentions of one
    # place and actor says no more about its story than one with two, and counted, its
    # features outweigh everything else it shares with a shorter report of the same event.
    bags = {"w": tfidf.words(text), "n": tfidf.names(text),
            "f": sorted(set(_feature_tokens(events)))}
    out: dict[str, int] = {}
    for channel, bag in bags.items():
        counted = sorted(Counter(bag).items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
        out.update({f"{channel}:{t}": k for t, k in counted})
    return out


def _feature_tokens(events: Sequence[Event]) -> list[str]:
    """Places, dates and actors of the article's events. Not their types: two articles whose
    only feature is 'an assault' would look alike (a one-term channel has cosine 1)."""
    out: list[str] = []
    for e in events:
        if e.location:
            out += [f"place/{w}" for w in tfidf.words(e.location.name)]
        if e.date.start:
            out.append(f"date/{e.date.start.isoformat()}")
        for a in [*e.actors, *e.recipients]:
            out += [f"actor/{a.id}"] if a.id else [f"actor/{w}" for w in tfidf.words(a.name)]
    return out


def indexed_terms(terms: dict[str, int]) -> list[str]:
    """The terms an article is found by: all its names and its commonest words."""
    names = [t for t in terms if t.startswith("n:")]
    words = [t for t in terms if t.startswith("w:")][:INDEXED_WORDS]
    return sorted(set(names + words))


def mention_context(record: str | Event, text: str) -> tuple[int, int, str]:
    """The sentence around a mention's evidence: (start, end, text), kept with the mention."""
    m = record if isinstance(record, Event) else Event.model_validate_json(record)
    start, end = sentence_around(text, m.evidence.start, m.evidence.end)
    return start, end, text[start:end]


# ---- writing ------------------------------------------------------------------------------

def index_article(db, article_id: str, text: str, published: Optional[str],
                  events: Sequence[Event] = ()) -> None:
    """Store an article's terms, index it and count its terms (inside the caller's transaction)."""
    terms = article_terms(text, events)
    db.execute("INSERT INTO article_terms (article_id, published, terms) VALUES (?, ?, ?)",
               (article_id, published, json.dumps(terms, sort_keys=True)))
    db.executemany("INSERT INTO term_index (term, article_id) VALUES (?, ?)",
                   [(t, article_id) for t in indexed_terms(terms)])
    db.executemany("INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT (term) "
                   "DO UPDATE SET df = term_df.df + 1", [(t,) for t in sorted(terms)])


def forget_article(db, article_id: str) -> None:
    """Undo ``index_article`` (an article replaced by a new version)."""
    rows = db.rows("SELECT terms FROM article_terms WHERE article_id = ?", (article_id,))
    if not rows:
        return
    db.executemany("UPDATE term_df SET df = df - 1 WHERE term = ?",
                   [(t,) for t in sorted(json.loads(rows[0][0]))])
    db.execute("DELETE FROM term_df WHERE df <= 0")
    db.execute("DELETE FROM term_index WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM article_terms WHERE article_id = ?", (article_id,))


# ---- reading ------------------------------------------------------------------------------

def _chunks(items: Sequence, size: int = 500) -> Iterable[Sequence]:
    for k in range(0, len(items), size):
        yield items[k:k + size]


def _load_terms(db, ids: Sequence[str]) -> dict[str, dict[str, int]]:
    out = {}
    for chunk in _chunks(sorted(ids)):
        marks = ",".join("?" * len(chunk))
        for aid, terms in db.rows(f"SELECT article_id, terms FROM article_terms "
                                  f"WHERE article_id IN ({marks})", list(chunk)):
            out[aid] = json.loads(terms)
    return out


def _load_df(db, terms: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in _chunks(sorted(set(terms))):
        marks = ",".join("?" * len(chunk))
        out.update(db.rows(f"SELECT term, df FROM term_df WHERE term IN ({marks})", list(chunk)))
    return out


def _candidates(db, article_id: str, terms: dict[str, int], df: dict[str, int]) -> set[str]:
    rare = [t for t in indexed_terms(terms) if df.get(t, 0) <= MAX_DF]
    found: set[str] = set()
    for chunk in _chunks(rare):
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in db.rows(
            f"SELECT DISTINCT article_id FROM term_index WHERE term IN ({marks})", list(chunk)))
    found.discard(article_id)
    return found


class StoredTerms:
    """The store's term tables, read through their indexes (what ``neighbourhood`` reads)."""

    def __init__(self, db):
        self.db = db

    def terms(self, ids: Sequence[str]) -> dict[str, dict[str, int]]:
        return _load_terms(self.db, ids)

    def df(self, terms: Iterable[str]) -> dict[str, int]:
        return _load_df(self.db, terms)

    def candidates(self, article_id: str, terms: dict[str, int], df: dict[str, int]) -> set[str]:
        return _candidates(self.db, article_id, terms, df)

    def count(self) -> int:
        return int(self.db.rows("SELECT COUNT(*) FROM article_terms")[0][0])

    def published(self, ids: Sequence[str]) -> dict[str, Optional[str]]:
        return _published(self.db, ids)


class TermTable:
    """The same tables in memory, for articles that were never stored (the Spark engine):
    ``terms`` article id -> ``article_terms``, ``published`` article id -> ISO date or None.
    What ``index_article`` would write for these articles into an empty store, read back as
    the store reads it: indexed in ``article_terms``' order, read back with sorted keys (the
    order of the JSON column, which float sums in ``vectors`` follow)."""

    def __init__(self, terms: dict[str, dict[str, int]], published: dict[str, Optional[str]]):
        self._terms = {aid: dict(sorted(counts.items())) for aid, counts in terms.items()}
        self._published = published
        self._df = Counter(t for counts in terms.values() for t in counts)
        self._index: dict[str, set[str]] = {}
        for aid, counts in terms.items():
            for t in indexed_terms(counts):
                self._index.setdefault(t, set()).add(aid)

    def terms(self, ids: Sequence[str]) -> dict[str, dict[str, int]]:
        return {aid: self._terms[aid] for aid in ids if aid in self._terms}

    def df(self, terms: Iterable[str]) -> dict[str, int]:
        return {t: self._df[t] for t in set(terms) if t in self._df}

    def candidates(self, article_id: str, terms: dict[str, int], df: dict[str, int]) -> set[str]:
        rare = [t for t in indexed_terms(terms) if df.get(t, 0) <= MAX_DF]
        found = set().union(*(self._index.get(t, set()) for t in rare))
        found.discard(article_id)
        return found

    def count(self) -> int:
        return len(self._terms)

    def published(self, ids: Sequence[str]) -> dict[str, Optional[str]]:
        return {aid: self._published.get(aid) for aid in ids if aid in self._terms}


def vectors(terms: dict[str, dict[str, int]], df: dict[str, int], n: int
            ) -> dict[str, dict[str, Vector]]:
    """Article -> channel -> L2-normalised TF-IDF vector (sublinear tf, smoothed idf)."""
    out: dict[str, dict[str, Vector]] = {}
    for aid, counts in terms.items():
        channels: dict[str, Vector] = {}
        for term, k in counts.items():
            k = 1 if term.startswith("f:") else k    # counted once, in stores from before too
            idf = math.log((1.0 + n) / (1.0 + df.get(term, 1)))
            channels.setdefault(term[:1], {})[term] = (1.0 + math.log(k)) * idf
        out[aid] = {c: _normalised(v) for c, v in channels.items()}
    return out


def _normalised(v: Vector) -> Vector:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {t: x / norm for t, x in v.items()} if norm > 0 else {}


def similarity(a: dict[str, Vector], b: dict[str, Vector]) -> float:
    """The weighted mean of the channel cosines (channels both articles have)."""
    weights = {"w": DEFAULT_WEIGHTS["text"], "n": DEFAULT_WEIGHTS["names"],
               "f": DEFAULT_WEIGHTS["features"]}
    used = {c: w for c, w in weights.items() if a.get(c) and b.get(c)}
    total = sum(used.values())
    if not total:
        return 0.0
    return sum(w * tfidf.cosine(a[c], b[c]) for c, w in used.items()) / total


def neighbourhood(source, article_ids: Sequence[str]) -> tuple[dict[str, dict[str, Vector]],
                                                               dict[str, Optional[str]]]:
    """Vectors of the given articles and of their candidates, and every one's published date.

    ``source``: the store's tables (a backend, or ``StoredTerms``) or a ``TermTable``."""
    source = source if isinstance(source, (StoredTerms, TermTable)) else StoredTerms(source)
    own = source.terms(article_ids)
    df = source.df(t for terms in own.values() for t in terms)
    others: set[str] = set()
    for aid, terms in own.items():
        others |= source.candidates(aid, terms, df)
    found = {**own, **source.terms(sorted(others - set(own)))}
    df.update(source.df(t for aid in others - set(own) for t in found.get(aid, {})))
    published = source.published(sorted(found))
    return vectors(found, df, source.count()), published


def _published(db, ids: Sequence[str]) -> dict[str, Optional[str]]:
    out: dict[str, Optional[str]] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        out.update(db.rows(f"SELECT article_id, published FROM article_terms "
                           f"WHERE article_id IN ({marks})", list(chunk)))
    return out


def story_pairs(db, article_ids: Sequence[str], threshold: float) -> dict[tuple[str, str], float]:
    """Pairs of the given articles at least ``threshold`` alike (for ``explain``)."""
    terms = _load_terms(db, article_ids)
    df = _load_df(db, (t for counts in terms.values() for t in counts))
    n = int(db.rows("SELECT COUNT(*) FROM article_terms")[0][0])
    vecs = vectors(terms, df, n)
    ids = sorted(vecs)
    pairs = {}
    for k, a in enumerate(ids):
        for b in ids[k + 1:]:
            sim = similarity(vecs[a], vecs[b])
            if sim >= threshold:
                pairs[(a, b)] = sim
    return pairs
