"""Language check: flashpoint reads English only, and says so instead of extracting nonsense.

A declared ``language`` decides. Otherwise a cheap detector looks at the first ~2000 characters:
the writing system first (Arabic, Cyrillic, CJK... cannot be English), then, for Latin script,
the share of words that are common function words of each language. Function words make up a
third or more of running text in any of these languages and rarely overlap, so a few hundred
characters are enough; no model or package is needed.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

from flashpoint.errors import NotEnglish
from flashpoint.record import Article

SAMPLE_CHARS = 2000
MIN_WORDS = 12          # fewer words than this: too little to judge, so the article goes on
MIN_SHARE = 0.10        # a language's function words must make up at least this share
NON_LATIN_SHARE = 0.30  # this share of letters in another script means not English

# Common function words, written for this project from general knowledge of each language.
# Words shared with English ("a", "on", "in", "to", "die"...) are left out of the others.
FUNCTION_WORDS = {
    "English": "the of and to in a is that for on was with as by at from it he his said were "
               "are be has have had which who this an not but their they its after been also "
               "or would will two killed there than when about into more over",
    "French": "le la les des du de et est une un dans pour pas qui que sur au aux par ce cette "
              "ont été sont avec il elle ils leur selon mais ou plus été lors deux ses son",
    "Spanish": "el los las del de y en que por con para una un es su sus se al como más pero "
               "fue han sido este esta según dos entre sobre tras muertos",
    "Portuguese": "o os as do da dos das de e em que por com para uma um é seu sua se ao como "
                  "mais mas foi foram não segundo dois entre sobre após no na nos",
    "Italian": "il lo gli della delle dei di e che per con una un è suo sua si al come più ma "
               "sono stato nel nella secondo due tra dopo non",
    "German": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem nach "
              "wurde wurden bei aus sind zwei auch",
    "Dutch": "de het een van en is dat op te zijn niet met voor door ook bij naar werd zijn "
             "twee na",
    "Indonesian": "yang dan di ke dari ini itu untuk dengan tidak dalam pada akan oleh juga "
                  "telah karena atau",
    "Turkish": "ve bir bu da de için ile olarak daha çok gibi ama sonra iki olan kadar",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in FUNCTION_WORDS.items()}
_ANY_FUNCTION = frozenset().union(*_WORDS.values())

# Scripts that rule English out, by the first word of the Unicode character name.
SCRIPTS = {
    "ARABIC": "Arabic", "CYRILLIC": "Russian", "CJK": "Chinese", "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese", "HANGUL": "Korean", "HEBREW": "Hebrew", "DEVANAGARI": "Hindi",
    "GREEK": "Greek", "THAI": "Thai", "ARMENIAN": "Armenian", "GEORGIAN": "Georgian",
    "BENGALI": "Bengali", "ETHIOPIC": "Amharic", "TAMIL": "Tamil",
}
# Letters that tell Persian, Urdu, Pashto from Arabic, and Ukrainian from Russian.
_SCRIPT_REFINE = (
    ("Arabic", "ٹڈڑںےۓ", "Urdu"), ("Arabic", "ښڅځډړږګ", "Pashto"), ("Arabic", "پچژگکی", "Persian"),
    ("Russian", "іїєґ", "Ukrainian"),
)
LANGUAGE_NAMES = {
    "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "ps": "Pashto", "ru": "Russian",
    "uk": "Ukrainian", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "he": "Hebrew",
    "hi": "Hindi", "fr": "French", "es": "Spanish", "pt": "Portuguese", "it": "Italian",
    "de": "German", "nl": "Dutch", "id": "Indonesian", "tr": "Turkish", "ku": "Kurdish",
    "so": "Somali", "sw": "Swahili", "am": "Amharic", "el": "Greek",
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_problem(article: Article) -> Optional[NotEnglish]:
    """NotEnglish when the article is declared or detected as another language, else None."""
    if article.language:
        return _declared_problem(article)
    language, how = detect_language(article.masked_text()[:SAMPLE_CHARS])
    if language in (None, "English"):
        return None
    return NotEnglish(
        f"article {article.id!r} skipped: it looks like {language} ({how}), and flashpoint "
        'only supports English. Translate it to English first, or set "language": "en" on the '
        "input line if it is English.")


def _declared_problem(article: Article) -> Optional[NotEnglish]:
    code = article.language.strip().lower().replace("_", "-")
    if code == "en" or code.startswith("en-") or code == "english":
        return None
    name = LANGUAGE_NAMES.get(code.split("-")[0], code)
    return NotEnglish(
        f"article {article.id!r} skipped: its language is given as {article.language!r} "
        f"({name}), and flashpoint only supports English. Translate it to English first, or "
        'correct its "language" field if it is English.')


def detect_language(sample: str) -> tuple[Optional[str], str]:
    """(language name or None when too little text, how it was told)."""
    script = dominant_script(sample)
    if script is not None:
        return script, "from its writing system"
    # Capitalised words are mostly names (places, people, groups) that belong to no language;
    # a short report full of them is no less English. Function words count however written.
    words = [w.lower() for w in _WORD.findall(sample) if not w[:1].isupper() or w.lower() in _ANY_FUNCTION]
    if len(words) < MIN_WORDS:
        return None, "too little text to judge"
    shares = {lang: sum(w in vocab for w in words) / len(words) for lang, vocab in _WORDS.items()}
    best = max(shares, key=shares.get)
    if shares[best] < MIN_SHARE:
        english = round(100 * shares["English"])
        return "an unrecognised language", f"only {english}% of its words are common English words"
    return best, f"{round(100 * shares[best])}% of its words are common {best} words"


def dominant_script(sample: str) -> Optional[str]:
    """The language of the non-Latin script that holds a large share of the letters, if any."""
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return None
    counts: dict[str, int] = {}
    for char in letters:
        if ord(char) >= 0x0370:  # below: Latin and its accents, never a reason to skip
            script = SCRIPTS.get(unicodedata.name(char, "").split(" ")[0])
            if script:
                counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    if "Japanese" in counts and "Chinese" in counts:  # Japanese writes kanji beside kana
        counts["Japanese"] += counts.pop("Chinese")
    script = max(counts, key=counts.get)
    if counts[script] < NON_LATIN_SHARE * len(letters):
        return None
    return _refine(script, sample)


def _refine(script: str, sample: str) -> str:
    for base, letters, language in _SCRIPT_REFINE:
        if script == base and any(c in sample for c in letters):
            return language
    return script
