"""Place names as the gazetteer keys them: one lookup key for every spelling that folds together
(accents, apostrophes, "the", the Arabic article, "St."), and which names it reads (Latin script:
the resolver reads English text). The index builder and the gazetteer's lookups share them.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_APOSTROPHES = str.maketrans("", "", "'’‘`´ʿʾʻʼ\"")
# Transliterations of the Arabic article vary (al, el, as-, ash-, ad-...): one key for all.
_ARTICLES = {"al", "el", "as", "ash", "at", "ath", "ad", "adh", "ar", "az", "an", "ul", "ud"}
_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@functools.lru_cache(maxsize=200_000)
def normalise(name: str) -> str:
    """The lookup key of a name: ASCII-folded, lower case, punctuation as spaces."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().translate(_APOSTROPHES)
    tokens = re.sub(r"[\W_]+", " ", s).split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join("al" if t in _ARTICLES and i else _WORDS.get(t, t)
                    for i, t in enumerate(tokens))


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` is Latin script (the resolver reads English text)."""
    return not _NON_LATIN.search(unicodedata.normalize("NFKD", name))


# Letters outside Basic Latin, Latin-1, Latin Extended A/B, IPA and Latin Extended Additional;
# modifier letters such as the ayn mark (U+02BF) count as punctuation here.
_NON_LATIN = re.compile(r"[^\W\d_\u0000-\u02FF\u1E00-\u1EFF]")
