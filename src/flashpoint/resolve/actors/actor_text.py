"""Turn an actor phrase into match keys that survive transliteration and punctuation.

Both the registry's aliases and the phrases being resolved go through `keys()`, so a rule
here can never make an alias unreachable: "Kata'ib Hizballah", "Kataib Hezbollah" and
"KATA’IB HIZBOLLAH" all become ("kataib", "hezbolah").

Each word yields two keys: `folded` (lowercase, transliteration variants unified, doubled
letters collapsed) for ordinary matching, and `exact` (original case, punctuation only
dropped) for aliases that must match case, such as "US" (not "us") or "IS" (not "is").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping

# Apostrophe-like marks used for the Arabic ayn/hamza and for English elision.
_APOSTROPHES = "'’‘`´ʿʾʼʻ′"
_POSSESSIVE = re.compile(r"(?<=\w)[" + _APOSTROPHES + r"]s\b")
_APOSTROPHE = re.compile("[" + _APOSTROPHES + "]")
# "U.S." -> "US", "U.N." -> "UN": dotted initialisms are written both ways.
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
# The Arabic article glued by a hyphen, including sun-letter forms ("ash-Shaabi").
_ARTICLE = re.compile(
    r"\b(?:al|el|ul|ad|adh|an|ar|as|ash|at|ath|az|ed|en|er|es|esh|et|ez)-(?=[A-Za-z])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9]+")
_DOUBLED = re.compile(r"([a-z])\1+")
# Words that never decide a match: English articles and the free-standing Arabic article.
_DROPPED = frozenset({"the", "a", "an", "al", "el"})


@dataclass(frozen=True)
class Word:
    folded: str   # key for case-insensitive matching
    exact: str    # key for case-sensitive aliases ("US", "IS", "KH")


def ascii_fold(text: str) -> str:
    """Strip accents and non-ASCII letters (NFKD), keeping apostrophes for the next step."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (c for c in decomposed if not unicodedata.combining(c))
    return "".join(c if c.isascii() or c in _APOSTROPHES else " " for c in kept)


def _prepare(text: str) -> str:
    text = ascii_fold(text)
    text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHE.sub("", text)
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)
    return _ARTICLE.sub("", text)


def fold_word(word: str, variants: Mapping[str, str]) -> list[str]:
    """One lowercase word as its folded key(s); a variant may expand to several words."""
    lower = word.lower()
    lower = variants.get(lower, lower)
    out = []
    for part in lower.split():
        out.append(_DOUBLED.sub(r"\1", part) if part.isalpha() else part)
    return out


def keys(text: str, variants: Mapping[str, str]) -> list[Word]:
    """The match keys of a phrase, in order, with articles dropped."""
    words: list[Word] = []
    for raw in _WORD.findall(_prepare(text)):
        if raw.lower() in _DROPPED:
            continue
        for folded in fold_word(raw, variants):
            words.append(Word(folded=folded, exact=raw))
    return words


def clean_name(text: str) -> str:
    """A readable form of an unmatched phrase: one line, single spaces, no leading article."""
    words = text.split()
    while words and words[0].lower() in {"the", "a", "an", "some", "several"}:
        words = words[1:]
    name = " ".join(words).strip(" ,.;:\"'“”‘’")
    for opening, closing in ("()", "[]"):
        # Drop a bracket the span cut in half ("[Kata'ib"), keep a whole one ("Union (Left)").
        if name.count(opening) != name.count(closing):
            name = name.strip(opening + closing + " ")
    return name
