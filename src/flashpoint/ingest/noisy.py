"""Noisy text: broken encoding, and text that has lost its capitals.

Encoding. Text decoded with the wrong code page ('itâ€™s' for 'it’s', 'cafÃ©' for 'café') is
repaired with ftfy when an article is read; the repaired text becomes the article's text, so
every offset the pipeline reports points into it.

Case. The parser finds names by their capitals; in text written all in lower case ('gunmen
killed two soldiers in kabul on monday') it finds none, and with them go places, actors and
often dates. ``CaseRestorer.restore`` writes a copy of the text with capitals put back where
English puts them: sentence starts, 'I', days and months, the names of the actor registry
(with the registry's own spelling: 'ISIS', 'al-Shabaab'), countries and their demonyms, and
places the gazetteer knows that are big enough to be meant and are not common English words.
Only the case of letters changes, never the length, so the copy is parsed and every offset
into it is an offset into the article's own text.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

import ftfy

from flashpoint.resolve.places.gazetteer import Gazetteer, normalise

# Only the encoding is repaired: quotes, ligatures, widths, control characters and Unicode
# normalisation stay as the source wrote them, so text without mojibake is returned unchanged.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, normalization=None,
                             unescape_html=False, remove_control_chars=False,
                             fix_latin_ligatures=False, fix_character_width=False,
                             remove_terminal_escapes=False, explain=False)


def repair_encoding(text: str) -> str:
    """The text with mojibake undone ('â€™' -> '’'); text without it comes back unchanged."""
    return ftfy.fix_text(text, config=_FTFY)


# Text counts as having lost its case when fewer than this share of its letters are capitals
# (English news runs at 3-5%), over at least MIN_LETTERS letters.
CAPS_SHARE = 0.005
MIN_LETTERS = 40


def lacks_case(text: str) -> bool:
    letters = sum(c.isalpha() for c in text)
    capitals = sum(c.isupper() for c in text)
    return letters >= MIN_LETTERS and capitals < CAPS_SHARE * letters


WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
MAX_WORDS = 6
DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
MONTHS = {"january", "february", "april", "june", "july", "august", "september", "october",
          "november", "december"}
# 'may' and 'march' are months only beside a day number: 'on 3 may', 'may 3'.
AMBIGUOUS_MONTHS = {"may", "march"}
_DAY_NUMBER = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
SENTENCE_END = re.compile(r"(?:^|[.!?:]['\"’”)]?\s+|\n\s*)(?=[^\W\d_])")
CONNECTORS = {"al", "el", "de", "du", "da", "do", "dos", "das", "del", "la", "le", "of", "bin",
              "ibn", "the", "and", "ul", "ad", "an", "as", "ash", "ar", "az", "at"}
# A one-word place name is capitalised only when it is this populous (or a country or first-
# order division), and not an English word in its own right.
MIN_POPULATION = 100_000
# ... or before a kind word or a bracket: 'napula village', 'napula (macomia, ...)'.
PLACE_KIND_AFTER = re.compile(r"\s*\(|\s+(?:village|town|city|district|province|state|county|"
                              r"region|governorate|municipality|camp|area)\b", re.I)
# Where a smaller place may stand: after a locative preposition, 'village of', or a bracket.
PLACE_CONTEXT = re.compile(r"(?:\b(?:in|at|near|outside|around|from|to)|\b(?:village|town|city|"
                           r"district|province|region|state|county|area|outskirts) of|[(,])\s+$"
                           r"|\($", re.I)
BIG_KINDS = ("country", "province", "capital", "region", "continent", "sea")
ENGLISH = frozenset("""
a an and are as at be but by for from had has have he her his in is it its of on or our she
that the their they this to was we were what when where which who will with would you said
says say after before during while over under near into onto upon about against between
among police army forces troops militants rebels government officials people killed wounded
attack attacks attacked strike strikes clashes protest protesters city town village district
province state region capital border north south east west central new old great little
mobile split nice reading surprise independence victoria providence concord male normal
orange bath temple union liberty hope paradise eden garden lincoln jackson chester columbia
buffalo aurora phoenix hollywood university college mount cape port bay lake river valley
springfield florence marion madison trinity salem bethlehem nazareth zion sale hull derby
bar van tours troy sparta rome """.split())


class CaseRestorer:
    """Puts capitals back into lower-case text; see the module docstring."""

    def __init__(self, gazetteer: Gazetteer, names: Iterable[str] = (),
                 dictionary: Iterable[str] = ()):
        from spacy.lang.en.stop_words import STOP_WORDS  # here: reading articles needs no spaCy

        self.gazetteer = gazetteer
        self.dictionary = frozenset(dictionary)  # English words, for small places after 'in'
        self.stop = STOP_WORDS
        self.names: dict[str, str] = {}
        for name in names:
            low = name.lower()
            if any(c.isupper() for c in name) and len(low) == len(name) and low not in self.stop:
                self.names.setdefault(low, name)  # never 'US' for 'us' nor 'IS' for 'is'


    def restore(self, text: str) -> str:
        """A same-length copy of ``text`` with capitals where English writes them."""
        chars = list(text)
        words = [m.span() for m in WORD.finditer(text)]
        taken = self._apply_names(text, words, chars)
        self._apply_places(text, words, taken, chars)
        self._apply_words(text, words, chars)
        for m in SENTENCE_END.finditer(text):
            _upper(chars, m.end())
        return "".join(chars)

    def _apply_names(self, text: str, words: list[tuple[int, int]], chars: list[str]) -> set[int]:
        """Registry names, longest first, in the registry's spelling."""
        taken: set[int] = set()
        for n in range(MAX_WORDS, 0, -1):
            for i in range(len(words) - n + 1):
                if any(k in taken for k in range(i, i + n)):
                    continue
                a, b = words[i][0], words[i + n - 1][1]
                spelled = self.names.get(text[a:b].lower())
                if spelled is not None:
                    chars[a:b] = list(spelled)
                    taken.update(range(i, i + n))
        return taken

    def _apply_places(self, text: str, words: list[tuple[int, int]], taken: set[int],
                      chars: list[str]) -> None:
        """Places the gazetteer knows, longest first; see ``_place_like``."""
        options = [(i, n) for n in range(min(3, MAX_WORDS), 0, -1)
                   for i in range(len(words) - n + 1)
                   if not any(k in taken for k in range(i, i + n))]
        keys = {(i, n): normalise(text[words[i][0]:words[i + n - 1][1]]) for i, n in options}
        found = self.gazetteer.lookup_keys(keys.values())
        for i, n in options:
            span = range(i, i + n)
            phrase = [text[a:b].lower() for a, b in words[i:i + n]]
            entries = found.get(keys[i, n])
            end = words[i + n - 1][1]
            after = PLACE_CONTEXT.search(text, max(0, words[i][0] - 30), words[i][0]) \
                or PLACE_KIND_AFTER.match(text, end)
            if any(k in taken for k in span) or not (self._place_like(phrase, entries) or (
                    after and self._small_place(phrase, entries))):
                continue
            for k, (a, b) in zip(span, words[i:i + n]):
                if k == i or text[a:b].lower() not in CONNECTORS:
                    _title(chars, a, b)
            taken.update(span)

    def _place_like(self, phrase: list[str], entries: Optional[list]) -> bool:
        """A known place that is surely a name: a one-word name must be a demonym, or a
        country, first-order division, capital or city of MIN_POPULATION under its own name,
        and not an English word; a longer name must hold no English word unless it is that big."""
        if not entries or phrase[0] in CONNECTORS or phrase[-1] in CONNECTORS:
            return False
        big = any(c.kind in BIG_KINDS or c.population >= MIN_POPULATION for c in entries
                  if c.primary or len(phrase) > 1)
        if len(phrase) > 1:
            return big or not any(w in ENGLISH for w in phrase)
        word = phrase[0]
        if word in ENGLISH or word in self.stop or len(word) < 3:
            return False
        return big or self.gazetteer.demonym(word) is not None

    def _small_place(self, phrase: list[str], entries: Optional[list]) -> bool:
        """After 'in', 'near', 'village of', '(': a place of any size whose words are not
        English ('in kafr nabl', 'near napula'), as the dictionary knows English."""
        return bool(entries) and bool(self.dictionary) and not any(
            w in self.dictionary or w in self.stop or w in ENGLISH or len(w) < 3
            for w in phrase if w not in CONNECTORS) and phrase[0] not in CONNECTORS

    def _apply_words(self, text: str, words: list[tuple[int, int]], chars: list[str]) -> None:
        """'I', days, months; 'may' and 'march' only beside a day number."""
        for a, b in words:
            word = text[a:b].lower()
            if word == "i" or word in DAYS or word in MONTHS:
                _upper(chars, a)
            elif word in AMBIGUOUS_MONTHS and (_DAY_NUMBER.fullmatch(_word_after(text, b))
                                               or _DAY_NUMBER.fullmatch(_word_before(text, a))):
                _upper(chars, a)


def _word_after(text: str, end: int) -> str:
    return text[end:end + 12].split()[0] if text[end:end + 12].split() else ""


def _word_before(text: str, start: int) -> str:
    return text[max(0, start - 12):start].split()[-1] if text[max(0, start - 12):start].split() else ""


def _upper(chars: list[str], i: int) -> None:
    if i < len(chars) and len(chars[i].upper()) == 1:
        chars[i] = chars[i].upper()


def _title(chars: list[str], a: int, b: int) -> None:
    """Capitalise a word and each part after a hyphen ('kafr-nabl' -> 'Kafr-Nabl')."""
    _upper(chars, a)
    for i in range(a + 1, b):
        if chars[i - 1] in "-" and chars[i].isalpha():
            _upper(chars, i)


def case_restorer(gazetteer: Gazetteer, nlp=None) -> CaseRestorer:
    """A CaseRestorer with the actor registry's names (actors, countries, their adjectives,
    peoples and capitals) and, from the spaCy pipeline's lemmatizer when given, its English
    word list (WordNet's index)."""
    from flashpoint.resolve.actors.actor_registry import load_registry

    reg = load_registry()
    names = [n for e in reg.entries.values() for n in (e.name, *e.aliases, *e.exact)]
    names += [n for c in reg.countries.values()
              for n in (c.name, *c.names, *c.adjectives, *c.people, *c.capitals)]
    return CaseRestorer(gazetteer, names, english_words(nlp) if nlp is not None else ())


def english_words(nlp) -> set[str]:
    """The base forms in the lemmatizer's index (WordNet): nouns, verbs, adjectives, adverbs."""
    if "lemmatizer" not in nlp.pipe_names:
        return set()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if "lemma_index" not in lookups.tables:
        return set()
    return {w for words in lookups.get_table("lemma_index").values() for w in words}
