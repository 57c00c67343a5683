"""Killed and injured counts from one sentence, as UCDP-style (low, best, high) figures.

Conventions (the same everywhere, so a figure can be traced back to the words):
- best is the figure the text states; when it states two (a range), the lower one, as ACLED
  keeps the most conservative figure. low and high are the bounds the words allow; when the
  words set no other bound, they equal best: "at least 30" is (30, 30, 30) and "more than 100"
  is (101, 101, 101), because nothing above is stated and nothing is invented.
- "up to 15" / "as many as 15" is (1, 15, 15): the statement says people were hit, at most 15.
  "fewer than 10" is (1, 9, 9). "about", "nearly", "some" and similar keep the stated figure.
- Quantity words with no figure take the least value they allow as best: several, a number of
  (3, 3, 9); a few, a handful (2, 2, 5); a couple (2, 2, 2); tens (20, 20, 99); dozens
  (24, 24, 99); scores (40, 40, 199); hundreds (200, 200, 999); thousands (2000, 2000, 9999).
  "many" and "numerous" bound nothing, so they give no count.
- Coordinated victims add up, bounds included: "three troops and several members" is
  (3+3, 3+3, 3+9). A bare plural among them ("soldiers") makes the group's count unknown.
- "casualties" means killed and wounded together. "no casualties" is 0 for both. A figure of
  N casualties fills only a slot the sentence leaves empty, as (0, 0, N): up to N of each.
- A death toll states the total, so it replaces the sum of the other death figures.
- Negated, modal, conditional, intended or narrowly missed killing ("did not say how many
  were killed", "could kill hundreds", "threatened to kill", "were nearly killed") gives no
  count; "no one was hurt", "did not kill anyone" and "without causing casualties" are zero.
- A named person or a singular noun ("a policeman", "Suleimani") is one; descriptions in
  apposition ("Williams, actress and swimmer"; "three people, a man and two women") add none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from flashpoint.record import Count

Range = tuple[int, int, int]
DEATH, INJURY, CASUALTY = "death", "injury", "casualty"

_VERB_KIND = {
    "kill": DEATH, "die": DEATH, "slay": DEATH, "murder": DEATH, "assassinate": DEATH,
    "behead": DEATH, "perish": DEATH, "massacre": DEATH,
    "wound": INJURY, "injure": INJURY, "hurt": INJURY, "maim": INJURY,
}
_NOUN_KIND = {"death": DEATH, "fatality": DEATH, "injury": INJURY, "casualty": CASUALTY}
_INTRANSITIVE = {"die", "perish"}
# Verbs of violence that "to death" completes ("shot to death"; not "sentenced to death").
_TO_DEATH = {"shoot", "stab", "beat", "hack", "burn", "stone", "club", "bludgeon", "crush", "torture",
             "lynch", "batter", "kick", "strangle", "choke", "starve", "trample", "whip", "flog", "shot"}
_SUFFER_VERBS = {"suffer", "sustain", "receive", "incur"}
_COLLECTIVE = {"family", "group", "convoy", "unit", "crowd", "population", "crew", "team"}
_SINGLE_PRONOUNS = {"he", "him", "she", "her", "himself", "herself"}
_ZERO_PRONOUNS = {"anyone", "anybody", "nobody", "none", "noone"}
# Heads under which a killing is only intended, feared or denied, not reported as done.
_IRREALIS = {
    "threaten", "vow", "plan", "try", "attempt", "aim", "intend", "seek", "want", "warn",
    "fear", "risk", "deny", "threat", "plot", "hope", "expect", "could", "may", "conspire",
}
_CLIMB = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "attr", "dobj", "nsubj", "nsubjpass",
          "acomp", "oprd", "compound", "acl"}
_QUANTITY_NOUNS = {"dozen", "score", "hundred", "thousand", "million", "number", "handful",
                   "couple", "few", "several", "ten", "dozens", "scores", "hundreds", "thousands"}
_QUANTITY_PREPS = {"between", "over", "about", "around", "under", "nearly"}
_QUANTITY_MODIFIERS = {"more", "fewer", "less", "several", "few", "least", "most", "estimated",
                       "additional", "further", "other", "no"}
_GENERIC = {"people", "person", "victim", "other", "one"}  # "three people, a man and two women"

# ---------------------------------------------------------------- numbers in plain text

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_MULTIPLIERS = {"dozen": 12, "score": 20, **_SCALES}


def _phrases(spec: str) -> list[tuple[str, ...]]:
    return [tuple(p.split()) for p in spec.split("|")]


_VAGUE: dict[tuple[str, ...], Range] = {tuple(k.split()): v for k, v in {
    "several": (3, 3, 9), "a number of": (3, 3, 9), "a number": (3, 3, 9), "a few": (2, 2, 5),
    "few": (2, 2, 5), "a handful": (2, 2, 5), "a couple": (2, 2, 2), "couple": (2, 2, 2),
    "both": (2, 2, 2), "tens": (20, 20, 99), "dozens": (24, 24, 99), "scores": (40, 40, 199),
    "hundreds": (200, 200, 999), "thousands": (2000, 2000, 9999),
    "millions": (2_000_000, 2_000_000, 9_999_999)}.items()}
_HEDGES = (  # each maps the quantity it precedes to the range the words state
    (_phrases("at least|no fewer than|no less than|not less than|a minimum of"), lambda r: r),
    (_phrases("more than|over|upwards of|in excess of"),
     lambda r: (r[0] + 1, r[1] + 1, max(r[2], r[1] + 1))),
    (_phrases("up to|as many as|at most|no more than|not more than"),
     lambda r: (min(1, r[2]), r[2], r[2])),
    (_phrases("fewer than|less than|under"),
     lambda r: (min(1, max(r[0] - 1, 0)), max(r[0] - 1, 0), max(r[0] - 1, 0))),
    (_phrases("about|around|approximately|roughly|some|nearly|almost|close to|an estimated|"
              "estimated"), lambda r: r),
)
_ZERO = _phrases("no one|no|none|nobody|noone|zero|not a single")
_ZERO_RANGE: Range = (0, 0, 0)


def parse_number(text: str) -> Optional[Range]:
    """The first quantity in ``text`` as (low, best, high), or None when there is none.

    Words that are not part of a quantity are skipped ("at least 30 people" is (30, 30, 30)).
    """
    words = _words(text)
    for i in range(len(words)):
        found = _hedged(words, i)
        if found:
            return found[0]
    return None


def _words(text: str) -> list[str]:
    text = re.sub(r"(\d)\s*[-\u2013]\s*(\d)", r"\1 to \2", text.lower())  # "10-20" is a range
    out = []
    for raw in text.split():
        word = raw.strip(".,;:()\"'\u2018\u2019\u201c\u201d")
        if word.replace("-", "").isalpha() and all(p in _UNITS or p in _TENS for p in word.split("-")):
            out.extend(word.split("-"))  # "twenty-five"; "12-year-old" stays one word
        elif word.endswith("+") and word[:-1].isdigit():
            out.extend([word[:-1], "or", "more"])
        elif word and word not in ("-", "\u2013"):
            out.append(word)
    return out


def _starts(words: list[str], i: int, phrases) -> int:
    """Length of the first phrase found at words[i], 0 when none."""
    for p in phrases:
        if tuple(words[i:i + len(p)]) == p:
            return len(p)
    return 0


def _hedged(words: list[str], i: int) -> Optional[tuple[Range, int]]:
    """A quantity at words[i] with its hedge, and the index after it."""
    for phrases, shape in _HEDGES:
        n = _starts(words, i, phrases)
        core = _ranged(words, i + n) if n else None
        if core:
            return shape(core[0]), core[1]
    core = _ranged(words, i)
    if core:
        more = tuple(words[core[1]:core[1] + 2]) == ("or", "more")
        return core[0], core[1] + (2 if more else 0)
    n = _starts(words, i, _ZERO)
    return (_ZERO_RANGE, i + n) if n else None


def _ranged(words: list[str], i: int) -> Optional[tuple[Range, int]]:
    """'between A and B', 'from A to B', 'A to B', 'A or B', or a single quantity."""
    opener = words[i] if i < len(words) and words[i] in ("between", "from") else ""
    joints = {"between": ("and",), "from": ("to",)}.get(opener, ("to", "or"))
    first = _quantity(words, i + 1 if opener else i)
    if first and first[1] < len(words) and words[first[1]] in joints:
        second = _quantity(words, first[1] + 1)
        if second and (opener or second[0][1] > first[0][1]):  # "2 to 5", not "1 to 1"
            return _span(first[0], second[0]), second[1]
    return None if opener else first


def _span(a: Range, b: Range) -> Range:
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2])


def _quantity(words: list[str], i: int) -> Optional[tuple[Range, int]]:
    """A number or a quantity word at words[i], scaled by what follows ('several dozen')."""
    n = _starts(words, i, _VAGUE)
    if n:
        return _scaled(_VAGUE[tuple(words[i:i + n])], words, i + n)
    article = _starts(words, i, _phrases("half a|a|an"))
    if article and i + article < len(words) and words[i + article] in _MULTIPLIERS:
        value = _MULTIPLIERS[words[i + article]] // (2 if words[i] == "half" else 1)
        return (value, value, value), i + article + 1  # "a dozen", "half a dozen", "a hundred"
    found = _cardinal(words, i)
    if not found:
        return None
    scaled, j = _scaled((found[0],) * 3, words, found[1])
    if not float(scaled[0]).is_integer():
        return None  # "1.5" alone is a measure, not a head count
    return tuple(int(v) for v in scaled), j  # type: ignore[return-value]


def _scaled(base, words: list[str], j: int) -> tuple[Range, int]:
    """Multiply by a following unit: 'two dozen', 'several hundred', 'tens of thousands'."""
    unit = words[j] if j < len(words) else ""
    if unit in _MULTIPLIERS:
        return tuple(v * _MULTIPLIERS[unit] for v in base), j + 1
    if unit == "of" and j + 1 < len(words) and words[j + 1] in ("hundreds", "thousands", "millions"):
        m = _MULTIPLIERS[words[j + 1][:-1]]
        return tuple(v * m for v in base), j + 2
    return base, j


def _cardinal(words: list[str], i: int) -> Optional[tuple[float, int]]:
    """Digits or number words ('1,200', '1.5', 'two hundred and fifty'), index after them."""
    if i < len(words) and re.fullmatch(r"\d{1,3}(,\d{3})+|\d+(\.\d+)?", words[i]):
        return float(words[i].replace(",", "")), i + 1
    total, current, j = 0, 0, i
    while j < len(words):
        w = words[j]
        if w in _UNITS or w in _TENS:
            current += _UNITS.get(w, 0) + _TENS.get(w, 0)
        elif w in _SCALES and j > i:
            scale = _SCALES[w]
            total, current = (total, current * 100) if scale == 100 else (total + current * scale, 0)
        elif not (w == "and" and j > i and words[j - 1] in _SCALES and j + 1 < len(words)
                  and (words[j + 1] in _UNITS or words[j + 1] in _TENS)):
            break  # "and" only inside a number: "two hundred and fifty"
        j += 1
    return (total + current, j) if j > i else None


# ---------------------------------------------------------------- counts in a parsed sentence

@dataclass(frozen=True)
class _Finding:
    kind: str                    # DEATH, INJURY or CASUALTY
    victims: tuple[int, ...]     # token indices of the counted heads, so a group counts once
    count: Range
    total: bool = False          # a toll: the whole figure, not one more group


def casualties(span) -> tuple[Optional[Count], Optional[Count]]:
    """(fatalities, injuries) stated in ``span`` (a spaCy Span or Doc); None where none is."""
    findings = _shared_as_casualties([f for tok in span if (f := _finding(tok))])
    deaths, injuries, either = (_total(findings, kind) for kind in (DEATH, INJURY, CASUALTY))
    if either is not None:  # N casualties, split between killed and wounded in no stated way
        deaths, injuries = (r if r is not None else (0, 0, either[2]) for r in (deaths, injuries))
    return tuple(None if r is None else Count(low=r[0], best=r[1], high=r[2])
                 for r in (deaths, injuries))  # type: ignore[return-value]


def _total(findings: list[_Finding], kind: str) -> Optional[Range]:
    mine = [f for f in findings if f.kind == kind]
    tolls = [f.count for f in mine if f.total]
    if tolls:
        return max(tolls, key=lambda r: r[1])
    groups = {f.victims or (id(f),): f.count for f in mine}  # a group named twice counts once
    return _sum(list(groups.values()))


def _sum(ranges: list[Optional[Range]]) -> Optional[Range]:
    if not ranges or any(r is None for r in ranges):
        return None
    return tuple(sum(r[k] for r in ranges) for k in range(3))  # type: ignore[return-value]


def _shared_as_casualties(findings: list[_Finding]) -> list[_Finding]:
    """'were killed or wounded' says one figure for both: it counts as casualties."""
    kinds: dict[tuple[int, ...], set[str]] = {}
    for f in findings:
        kinds.setdefault(f.victims, set()).add(f.kind)
    shared = {v for v, k in kinds.items() if v and {DEATH, INJURY} <= k}
    out = [f for f in findings if f.victims not in shared or f.total]
    return out + [_Finding(CASUALTY, v, next(f.count for f in findings if f.victims == v))
                  for v in shared]


def _finding(tok) -> Optional[_Finding]:
    kind, role = _trigger(tok)
    if kind is None:
        return None
    if any(a.lower_ == "without" for a in list(tok.ancestors)[:3]):
        return _Finding(kind, (), _ZERO_RANGE)
    heads = role(tok)
    count = _sum([_member_count(h) for h in heads])
    if count is None:
        return None
    if not _asserted(tok):
        # "did not kill anyone" reports zero; any other negated or modal figure says nothing.
        negated = any(c.dep_ == "neg" for c in tok.children)
        return _Finding(kind, (), _ZERO_RANGE) if negated and count == _ZERO_RANGE else None
    return _Finding(kind, tuple(h.i for h in heads), count, total=role is _toll_victims)


def _trigger(tok):
    """The kind of harm a word names and the function that finds whom it names, or None."""
    lemma = tok.lemma_.lower()
    if lemma == "toll":
        kinds = [_NOUN_KIND.get(c.lemma_.lower()) for c in _children(tok, "compound")]
        return next((k for k in kinds if k), DEATH), _toll_victims
    if lemma == "dead":
        return DEATH, _noun_victims if tok.pos_ == "NOUN" else _adjective_victims
    if lemma == "death" and tok.dep_ == "pobj" and tok.head.lower_ == "to" and \
            tok.head.head.lemma_.lower() in _TO_DEATH:
        return DEATH, lambda t: _verb_victims(t.head.head)      # "shot to death", "beaten to death"
    if lemma in ("body", "corpse") and tok.dep_ in ("dobj", "nsubjpass") and \
            tok.head.lemma_.lower() in ("find", "discover", "recover"):
        return DEATH, _remains_victims                           # "the bodies of two men were found"
    if lemma == "lose" and any(c.lemma_.lower() == "life" for c in _children(tok, "dobj")):
        return DEATH, _subject_victims
    if tok.dep_ == "compound" or (lemma == "die" and tok.tag_ == "VBG"):
        return None, None  # "death squad", "casualty figures"; "she is dying": not yet dead
    if lemma in _NOUN_KIND or (lemma == "killing" and tok.pos_ == "NOUN"):
        return _NOUN_KIND.get(lemma, DEATH), _noun_victims
    if lemma in _VERB_KIND:  # as a noun: "the wounded", "30 injured"
        role = _subject_victims if lemma in _INTRANSITIVE else _verb_victims
        return _VERB_KIND[lemma], _noun_victims if tok.pos_ == "NOUN" else role
    return None, None


def _children(tok, *deps: str) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def _verb_victims(tok, intransitive: bool = False) -> list:
    """Who a verb kills or wounds: its object, else its passive or reduced-passive subject."""
    # "and five people wounded" after a passive is passive too, however the tagger reads it
    reduced = tok.tag_ == "VBN" or (tok.dep_ == "conj" and _children(tok.head, "auxpass"))
    found = ([] if intransitive else _children(tok, "dobj")) or _children(tok, "nsubjpass") \
        or (_children(tok, "nsubj") if intransitive or reduced else [])
    if found:
        return _group(_antecedent(found[0], tok))
    if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
        return _group(tok.head)  # "three killed in ...", "12 wounded soldiers"
    if tok.dep_ in ("acomp", "oprd", "xcomp"):
        found = _children(tok.head, "nsubjpass", "nsubj")  # "were slain", "were reported killed"
        return _group(_antecedent(found[0], tok.head)) if found else []
    hedged = [p for p in _children(tok, "prep") if p.lower_ in _QUANTITY_PREPS and _children(p, "pobj")]
    return hedged[:1] or _coordinated_victims(tok)  # "killed between 10 and 20 people"


def _subject_victims(tok) -> list:
    return _verb_victims(tok, intransitive=True)  # "seven people died", "lost their lives"


def _coordinated_victims(tok) -> list:
    """'were killed and wounded', 'killed and wounded dozens': the partner verb's victims."""
    partners = ([tok.head] if tok.dep_ == "conj" else []) + _children(tok, "conj")
    for p in partners:
        found = _children(p, "dobj", "nsubjpass") if p.lemma_.lower() in _VERB_KIND else []
        if found and p.pos_ == "VERB":
            return _group(_antecedent(found[0], p))
    return []


def _adjective_victims(tok) -> list:
    if parse_number(_prefix_text(tok)):
        return [tok]  # "left 12 dead"
    if tok.dep_ == "amod":
        return _group(tok.head)
    head = tok.head
    found = _children(head, "dobj") or _children(head, "nsubjpass") or _children(head, "nsubj")
    return _group(_antecedent(found[0], head)) if found and head is not tok else []


def _noun_victims(tok) -> list:
    if parse_number(_prefix_text(tok)):
        return [tok]  # "12 deaths", "no casualties"
    owner = tok.head
    if tok.dep_ == "pobj" and owner.lower_ == "of" and _is_quantity(owner.head):
        return [owner.head]  # "dozens of casualties"
    found = [o for p in _children(tok, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]
    if not found and tok.dep_ == "dobj" and owner.lemma_.lower() in _SUFFER_VERBS:
        found = _children(owner, "nsubj")  # "three soldiers suffered injuries"
    return _group(found[0]) if found else []  # "the deaths of two guards"


def _remains_victims(tok) -> list:
    """"the bodies of two men" count the men; "two bodies", "a body" count themselves."""
    found = [o for p in _children(tok, "prep") if p.lower_ == "of" for o in _children(p, "pobj")]
    return _group(found[0]) if found else [tok]


def _toll_victims(tok) -> list:
    """The figure of 'the toll rose to 12', 'stood at 35', 'is 12', 'a toll of 12'."""
    places = [(tok.head, ("to", "at")), (tok, ("of",))]
    for owner, preps in places:
        for prep in _children(owner, "prep"):
            figures = _children(prep, "pobj")
            if prep.lower_ in preps and figures and _is_quantity(figures[0]):
                return [figures[0]]
    figures = [c for c in _children(tok.head, "attr", "dobj") if _is_quantity(c)]
    return figures[:1]


def _is_quantity(tok) -> bool:
    return tok.like_num or tok.lemma_.lower() in _QUANTITY_NOUNS


def _antecedent(subject, verb):
    """'the soldiers who were killed': the relative pronoun stands for the noun it follows."""
    if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head
    return subject


def _group(head) -> list:
    """The head and the heads coordinated with it: 'two soldiers, a policeman and a civilian'."""
    members = [head]
    for c in head.children:
        if c.like_num and (head.like_num or head.pos_ == "PROPN"):
            continue  # "10 and 20" is one range; "Kafoury, 63" gives an age
        if not (c.is_alpha or c.like_num) or _after_hyphen(c):
            continue  # a piece of a hyphenated word the parser split: "ex-girlfriend"
        if c.dep_ == "conj" or (c.dep_ == "appos" and _counts_list(head, c)):
            members += _group(c)
        elif c.dep_ == "appos" and c.i == head.i + 1:  # "sister Katie and mother Alice"
            members += [m for conj in _children(c, "conj") for m in _group(conj)]
    return members


def _after_hyphen(tok) -> bool:
    return tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 2].whitespace_


def _counts_list(head, appos) -> bool:
    """'two soldiers, a policeman and a civilian' adds people; 'three people, a man and two
    women' and 'Williams, actress and swimmer' describe the ones already counted."""
    return head.tag_ == "NNS" and head.lemma_.lower() not in _GENERIC and bool(_children(appos, "conj"))


def _member_count(tok) -> Optional[Range]:
    """How many people one coordinated head stands for."""
    if tok.dep_ == "prep":
        return parse_number("".join(t.text_with_ws for t in tok.subtree))
    if tok.lower_ in _ZERO_PRONOUNS or tok.lower_ in _SINGLE_PRONOUNS:
        return _ZERO_RANGE if tok.lower_ in _ZERO_PRONOUNS else (1, 1, 1)
    found = parse_number(_prefix_text(tok))
    if found:
        return found
    of = [p for p in _children(tok, "prep") if p.lower_ == "of" and _children(p, "pobj")]
    if of and tok.lemma_.lower() in _COLLECTIVE | {"total"}:
        return _member_count(_children(of[0], "pobj")[0])  # "a total of 10 people"
    if tok.tag_ in ("NN", "NNP") and tok.lemma_.lower() not in _COLLECTIVE:
        return (1, 1, 1)  # "a policeman", "Suleimani": one person
    return None


def _prefix_text(tok) -> str:
    """The words before a head that can hold its quantity, without descriptions that hold
    numbers of other things ('a 12-year-old boy', "Iraq's two neighbours")."""
    kept = []
    for c in tok.lefts:
        if not _is_description(c):
            kept.extend(c.subtree)
    kept.append(tok)
    return "".join(t.text_with_ws for t in kept)


def _is_description(c) -> bool:
    if c.ent_type_ == "DATE" and re.fullmatch(r"1[89]\d\d|20\d\d", c.text):
        return True  # "the 1967 killings"
    if c.like_num or c.ent_type_ == "CARDINAL" or c.lower_ in _QUANTITY_MODIFIERS:
        return False
    return c.dep_ in {"poss", "amod", "compound", "npadvmod", "nmod", "acl", "relcl", "appos",
                      "prep", "punct"}


def _asserted(tok) -> bool:
    """False when the clause, or one it is the complement of, is negated, modal, conditional
    or only intended ('did not say how many were killed', 'threatened to kill')."""
    if any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in tok.children):
        return False  # "nearly killed": a narrow escape
    node = tok
    for _ in range(10):
        if _blocks(node, node is tok):
            return False
        if node.dep_ == "conj":  # "could kill and wound", "if anyone was hurt or killed"
            return node is not tok or not _blocks(node.head, True, shared_only=True)
        if node.dep_ not in _CLIMB or node.head is node:
            return True
        node = node.head
    return True


def _blocks(node, is_trigger: bool, shared_only: bool = False) -> bool:
    if not is_trigger and node.lemma_.lower() in _IRREALIS:
        return True
    return any((c.dep_ == "neg" and not shared_only) or (c.dep_ == "aux" and c.tag_ == "MD")
               or (c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"))
               for c in node.children)
