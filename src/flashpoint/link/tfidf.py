"""Sparse TF-IDF vectors and the pairs of documents worth comparing, with the standard library.

Vectors are dicts (term -> weight), L2-normalised, with sublinear term frequency
(1 + log tf) and smoothed idf (log((1 + n) / (1 + df))). Candidate pairs come from an inverted
index over each document's ``top_terms`` heaviest terms, skipping terms so common they say
nothing (``max_bucket``): the cost grows with the number of documents, not with its square.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from typing import Iterable, Sequence

Vector = dict[str, float]

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours out over own same
she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why
will with would you your yours said says say told according reported report reports new one two
""".split())
WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-cased word tokens, without stop words and one-letter tokens."""
    return [w for w in WORD.findall(text.lower()) if len(w) > 1 and w not in STOPWORDS]


def names(text: str) -> list[str]:
    """Capitalised words not opening a sentence: a cheap stand-in for the names in a text."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        tokens = sentence.split()
        for tok in tokens[1:]:
            word = tok.strip(".,;:!?\"'()[]\u201c\u201d\u2018\u2019")
            if word[:1].isupper() and len(word) > 1 and word.lower() not in STOPWORDS:
                out.append(word.lower())
    return out


def vectors(bags: Sequence[Iterable[str]], background: Sequence[Iterable[str]] = ()) -> list[Vector]:
    """One vector per bag; ``background`` bags only add to the document frequencies (so a few
    documents can be weighed against a whole collection's statistics)."""
    counts = [Counter(b) for b in bags]
    df = Counter(t for c in counts for t in c)
    df.update(t for b in background for t in set(b))
    n = len(counts) + len(background)
    out = []
    for c in counts:
        v = {t: (1.0 + math.log(k)) * math.log((1.0 + n) / (1.0 + df[t])) for t, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        out.append({t: x / norm for t, x in v.items()} if norm > 0 else {})
    return out


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def candidate_pairs(vecs: Sequence[Vector], top_terms: int = 25,
                    max_bucket: int = 200) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, sharing one of their heaviest terms, a term held by at most
    ``max_bucket`` documents as a heavy term (commoner terms cannot single out one event)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vecs):
        for t, _ in sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:top_terms]:
            index[t].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if 1 < len(members) <= max_bucket:
            pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1:])
    return pairs
