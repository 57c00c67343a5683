"""Finding place names in a parsed article: spaCy's GPE/LOC/FAC entities, demonyms (NORP),
and a gazetteer phrase match for names the small model misses ('Jurf Al Sakhr', 'Camp Taji').

A Spot is a span of article text that names a place, with what the words around it say about
how exactly it is meant ('near Baghdad' is within ~25 km of Baghdad; 'northern Iraq' is a part
of Iraq; 'Babil province' is the province, not a town called Babil).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span

from flashpoint.record import Article
from flashpoint.resolve.places.gazetteer import Entry, Gazetteer, normalise
from flashpoint.resolve.places.place_hierarchy import hierarchy_spots, read_hierarchy

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Lower-case words allowed inside a multi-word name ("Ain al-Asad", "Bab el-Mandeb").
CONNECTORS = {"al", "el", "as", "ash", "ad", "ar", "at", "az", "an", "of", "de", "du", "la", "-",
              "del", "los", "las", "do", "da", "dos", "das", "di", "des", "le", "les", "sur",
              "bin", "ibn", "abu", "bani", "'s", "'", "’"}
MAX_TOKENS = 6
# Capitalised words that are also place names somewhere but mostly mean something else in news.
COMMON_CAPITALISED = {
    "a", "an", "the", "he", "she", "it", "we", "they", "i", "you", "said", "says", "will", "may",
    "march", "april", "june", "july", "august", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "police", "army", "state", "city", "new", "north", "south",
    "east", "west", "central", "president", "minister", "government", "forces", "officials",
    "health", "university", "hospital", "district", "province", "region", "county", "union",
    "victory", "strip", "base", "camp", "mr", "mrs", "dr", "world", "national", "international",
    "islamic", "post", "times", "news", "reuters", "sources", "friday's", "most", "more", "many",
    "some", "this", "that", "these", "those", "after", "before", "during", "while", "when",
}
FACILITY_WORDS = {"base", "airbase", "air", "military", "camp", "crossing", "airport", "garrison",
                  "airfield", "border"}
NEAR = re.compile(r"(?:\bnear(?:by)?|\boutside(?: of)?|\bclose to|\boutskirts of|\bvicinity of|"
                  r"\b(?:km|kilometres|kilometers|miles|mi)\b[^.;]{0,20}?\b(?:of|from)|"
                  r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|"
                  r"north-east|north-west|south-east|south-west)(?:ern)? of)\s+(?:the\s+)?"
                  r"(?:town of\s+|city of\s+|village of\s+)?$", re.I)
PART = re.compile(r"\b(?:north|south|east|west|central|northern|southern|eastern|western|"
                  r"north-?eastern|north-?western|south-?eastern|south-?western|upper|lower)\s+$",
                  re.I)
UPSTATE = re.compile(r"\b(?:upstate|downstate|the state of)\s+$", re.I)
ADMIN_AFTER = re.compile(r"^\s+(?:military\s+|air\s+|army\s+)?(province|governorate|state|oblast|"
                         r"region|prefecture|district|county|municipality|sub-?district|city|"
                         r"town|village|base|airbase|airport|airfield|camp|garrison|crossing)\b",
                         re.I)
KIND_WORDS = {"province": "province", "governorate": "province", "state": "province",
              "oblast": "province", "prefecture": "province", "region": "province",
              "department": "province",
              "district": "district", "county": "district", "municipality": "district",
              "subdistrict": "district", "sub-district": "district",
              "city": "locality", "town": "locality", "village": "locality",
              "base": "base", "airbase": "base", "airport": "base", "airfield": "base",
              "camp": "base", "garrison": "base", "crossing": "crossing"}


@dataclass
class Spot:
    start: int
    end: int
    text: str
    label: str                       # spaCy label, or GAZ for a gazetteer phrase match
    key: str
    demonym: Optional[str] = None    # ISO alpha-2 when the words are a demonym ('Iraqi')
    near: bool = False               # 'near X', '10 km north of X'
    part: bool = False               # 'northern X'
    kind_hint: Optional[str] = None  # 'X province' -> province
    candidates: list[Entry] = field(default_factory=list)
    locative: bool = False           # introduced by 'in', 'at', 'near'... ('strikes on Iraqi bases')
    speaker: bool = False            # subject of a speech verb: 'Washington blames', 'Tehran said'
    border: bool = False             # 'near the Syrian border', 'the border with Syria': a frontier
    parents: list[str] = field(default_factory=list)  # keys of the units named after it:
    # 'Napula (Macomia, Cabo Delgado)', 'Kafr Nabl, Idlib province' -> ['macomia', 'cabo delgado']
    child: Optional["Spot"] = None    # the place it names the unit of, when it is such a unit
    parent_spots: list["Spot"] = field(default_factory=list, repr=False, compare=False)
    dateline: bool = False           # 'BEIRUT (Reuters) -': where the report was filed
    after_in: bool = False           # right after 'in', 'at', 'near'... in the text itself
    quarter: bool = False            # 'X neighbourhood', 'Colonia X': a part of a town


def find_spots(article: Article, doc: Doc, gazetteer: Gazetteer) -> list[Spot]:
    """Every place-like span in text order, with its gazetteer candidates attached."""
    spots = _entity_spots(article, doc, gazetteer)
    taken = [(s.start, s.end) for s in spots]
    phrases = _phrase_spots(article, doc, gazetteer, taken)
    spots = [s for s in spots if not any(p.start <= s.start and s.end <= p.end for p in phrases)]
    spots = sorted(spots + phrases, key=lambda s: s.start)
    spots = sorted(spots + _list_members(article, doc, gazetteer, spots), key=lambda s: s.start)
    units = [Spot(a, b, t, "HIER", k)
             for a, b, t, k in hierarchy_spots(article, gazetteer, spots, doc.text)]
    spots = sorted(spots + units, key=lambda s: s.start)
    found = gazetteer.lookup_keys(s.key for s in spots if not s.demonym)
    text = doc.text  # the parsed text: the article's, or its copy with capitals restored
    for s in spots:
        s.text = article.text[s.start:s.end]  # as written, whatever case the parse saw
        s.candidates = found.get(s.key, []) if not s.demonym else _country(gazetteer, s.demonym)
        _read_context(s, text)
        _read_role(s, doc)
    _fall_back(spots, gazetteer)
    read_hierarchy(spots, text)
    return spots


def spots_for_spans(article: Article, spans: list[tuple[int, int]],
                    gazetteer: Gazetteer) -> list[Spot]:
    """Spots for spans chosen elsewhere, with candidates and context read as for found ones."""
    spots = []
    for start, end in spans:
        text = article.text[start:end]
        iso2 = gazetteer.demonym(text)
        spots.append(Spot(start, end, text, "GIVEN", "" if iso2 else normalise(text), demonym=iso2))
    found = gazetteer.lookup_keys(s.key for s in spots if s.key)
    for s in spots:
        s.candidates = _country(gazetteer, s.demonym) if s.demonym else found.get(s.key, [])
        _read_context(s, article.text)
    _fall_back(spots, gazetteer)
    return spots


# Words around a name that the gazetteer's own names leave out: 'Nyanza Province' is filed as
# 'Nyanza', 'North Dallas' is a part of Dallas, 'Greater Manchester' is around Manchester.
_SUFFIX = re.compile(r"\s+(province|governorate|state|oblast|region|prefecture|district|county|"
                     r"department|municipality|city|town|village)$", re.I)
_PREFIX = re.compile(r"^(?:north|south|east|west|central|northern|southern|eastern|western|"
                     r"north-?eastern|north-?western|south-?eastern|south-?western|upper|lower|"
                     r"greater|inner|outer|downtown|uptown|metropolitan|metro)\s+", re.I)


def _fall_back(spots: list[Spot], gazetteer: Gazetteer) -> None:
    """Names the gazetteer lacks are looked up once more without an administrative suffix (as
    that kind of unit) or a directional prefix (as a part of the place)."""
    tries = {}
    for s in spots:
        if s.candidates or s.demonym:
            continue
        m, p = _SUFFIX.search(s.text), _PREFIX.match(s.text)
        if m and normalise(s.text[:m.start()]):
            tries[id(s)] = (normalise(s.text[:m.start()]), KIND_WORDS[m.group(1).lower()], False)
        elif p and normalise(s.text[p.end():]):
            tries[id(s)] = (normalise(s.text[p.end():]), None, True)
    if not tries:
        return
    found = gazetteer.lookup_keys(k for k, _, _ in tries.values())
    for s in spots:
        key, kind, part = tries.get(id(s), ("", None, False))
        if found.get(key):
            s.candidates = found[key]
            s.kind_hint = kind or s.kind_hint
            s.part = s.part or part


def _country(gazetteer: Gazetteer, iso2: str) -> list[Entry]:
    entry = gazetteer.country(iso2)
    return [entry] if entry else []


def _entity_spots(article: Article, doc: Doc, gazetteer: Gazetteer) -> list[Spot]:
    spots = []
    for span in (part for ent in doc.ents for part in _parts(ent)):
        ent = span
        if article.is_marked(span.start_char, span.end_char):
            continue
        iso2 = gazetteer.demonym(span.text)
        if ent.label_ == "NORP" and iso2:
            spots.append(Spot(span.start_char, span.end_char, span.text, "NORP", "", demonym=iso2))
        elif ent.label_ in PLACE_LABELS:
            spots.append(Spot(span.start_char, span.end_char, span.text, ent.label_,
                              normalise(span.text), demonym=iso2))
    return spots


def _parts(ent: Span) -> list[Span]:
    """The entity, trimmed, or its parts when the model ran it across brackets or commas
    ('Gahemba (Ruyigi, Ruyigi' -> 'Gahemba', 'Ruyigi', 'Ruyigi')."""
    parts, start = [], ent.start
    for tok in [*ent, None]:
        if tok is None or tok.text in ("(", ")", ",", ";"):
            end = tok.i if tok is not None else ent.end
            part = _trim(ent.doc[start:end]) if end > start else None
            if part is not None:
                part.label_ = ent.label_
                parts.append(part)
            start = end + 1
    return parts


def _trim(ent: Span) -> Optional[Span]:
    """Drop a leading 'the' and a trailing possessive: 'the Gaza Strip's' -> 'Gaza Strip'."""
    start, end = ent.start, ent.end
    if ent.doc[start].lower_ == "the":
        start += 1
    if end - 1 > start and ent.doc[end - 1].text in ("'s", "’s", "'"):
        end -= 1
    return ent.doc[start:end] if end > start else None


def _phrase_spots(article: Article, doc: Doc, gazetteer: Gazetteer,
                  taken: list[tuple[int, int]]) -> list[Spot]:
    """Capitalised word sequences the gazetteer knows, where spaCy saw no place."""
    options = list(_phrase_options(doc))
    found = gazetteer.lookup_keys(normalise(doc[i:j].text) for i, j in options)
    spots, used = [], set()
    for i, j in sorted(options, key=lambda o: (o[0], -(o[1] - o[0]))):
        span = doc[i:j]
        key = normalise(span.text)
        if key not in found or any(t in used for t in range(i, j)):
            continue
        if _crosses(span, taken) or article.is_marked(span.start_char, span.end_char):
            continue
        if not _plausible(span, found[key], doc):
            continue
        used.update(range(i, j))
        spots.append(Spot(span.start_char, span.end_char, span.text, "GAZ", key))
    return spots


def _phrase_options(doc: Doc):
    for i, tok in enumerate(doc):
        if not _capitalised(tok):
            continue
        for j in range(i + 1, min(i + MAX_TOKENS, len(doc)) + 1):
            last = doc[j - 1]
            if j - 1 > i and not (_capitalised(last) or last.lower_ in CONNECTORS):
                break
            if _capitalised(last) and last.lower_ not in COMMON_CAPITALISED:
                yield i, j


def _capitalised(tok) -> bool:
    if not (tok.is_alpha and tok.text[0].isupper()):
        return False
    return not tok.is_sent_start or tok.pos_ == "PROPN"


def _crosses(span: Span, taken: list[tuple[int, int]]) -> bool:
    """Overlaps a found entity without holding it whole: 'Barra de Santo Antonio' holds the
    entity 'Antonio' and replaces it; 'Stari' would cross 'Belgrade-Stari Grad'."""
    return any(span.start_char < e and s < span.end_char
               and not (span.start_char <= s and e <= span.end_char and (s, e) != (span.start_char, span.end_char))
               for s, e in taken)


def _overlaps(span: Span, taken: list[tuple[int, int]]) -> bool:
    return any(span.start_char < e and s < span.end_char for s, e in taken)


def _plausible(span: Span, candidates: list[Entry], doc: Doc) -> bool:
    """A phrase match must look like a name. One the model took for a person or organisation
    counts only when it is that whole entity, several words long, and a curated or sizeable
    place ('Al Musayyib' tagged ORG), never a part of one ('Baghdad Operations Command')."""
    labels = {t.ent_type_ for t in span} - {""}
    if _kind_follows(span, candidates, doc):
        return True  # 'in Ghazni city', 'Kaduna State': the kind word says it is a place
    curated = any(c.source.startswith("supplement") for c in candidates)
    if curated and span.end < len(doc) and doc[span.end].lower_ in FACILITY_WORDS:
        return True  # 'strikes on Taji military base', whatever the model took Taji for
    if labels & {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "NORP"}:
        ent = span[0].ent_iob_ == "B" and (span.end == len(doc) or doc[span.end].ent_iob_ != "I")
        return ent and len(span) > 1 and any(
            c.source.startswith("supplement") or c.population >= 10_000 for c in candidates)
    if len(span) == 1:
        tok = span[0]
        if tok.pos_ != "PROPN" or tok.lower_ in COMMON_CAPITALISED or tok.ent_type_:
            return False
        if any(c.source.startswith("supplement") for c in candidates):
            return True
        # A lone word in capitals ('AL' in a byline) or a small town's name is too often
        # something else; only well-known places pass on their own.
        return len(tok) > 2 and not tok.is_upper and any(
            c.primary and (c.population >= 50_000 or c.kind in ("country", "province", "capital"))
            for c in candidates)
    return True


# Kind words that, right after a name, make it a place of that kind whatever the parser thought.
UNIT_KINDS = {"city": ("locality", "capital"), "town": ("locality",), "village": ("locality",),
              "district": ("district", "locality"), "province": ("province",),
              "state": ("province",), "governorate": ("province",), "county": ("district",)}


def _kind_follows(span: Span, candidates: list[Entry], doc: Doc) -> bool:
    if span.end >= len(doc) or not span[0].is_title:
        return False
    kinds = UNIT_KINDS.get(doc[span.end].lower_, ())
    return any(c.kind in kinds for c in candidates)


QUARTER_AFTER = re.compile(r"^\s+(?:neighbou?rhoods?|community|quarter|suburb|district of)\b", re.I)
QUARTER_BEFORE = re.compile(r"\b(?:colonia|barangay|barrio|bairro)\s+$", re.I)
QUARTER_NAME = re.compile(r"(?:colonia|barangay|barrio|bairro|zona)\b", re.I)


def _read_context(spot: Spot, text: str) -> None:
    before = text[max(0, spot.start - 60):spot.start]
    after = text[spot.end:spot.end + 25]
    spot.near = bool(NEAR.search(before))
    spot.part = bool(PART.search(before))
    m = ADMIN_AFTER.match(after)
    spot.kind_hint = KIND_WORDS.get(m.group(1).lower()) if m else None
    spot.quarter = bool(QUARTER_AFTER.match(after) or QUARTER_BEFORE.search(before)
                        or QUARTER_NAME.match(spot.text))
    if UPSTATE.search(before):
        spot.kind_hint = "province"  # 'upstate New York' is the state, not the city


# Prepositions that put an event at a place ('strikes in Iraq', 'attack near Taji').
LOCATIVE = {"in", "at", "near", "outside", "on", "across", "inside", "into", "onto", "around",
            "within", "throughout", "over", "along", "nearby", "toward", "towards", "upon"}
# Verbs whose subject, when a place, is its government speaking ('Tehran said').
SPEECH = {"say", "blame", "accuse", "warn", "claim", "deny", "announce", "condemn", "threaten",
          "urge", "demand", "insist", "vow", "tell", "state", "confirm", "reject", "call",
          "protest", "pledge", "promise", "allege", "add", "report", "declare", "ask",
          "criticise", "criticize", "dismiss"}
# Nouns that make a demonym name a place: 'Iraqi bases' are in Iraq, 'Iraqi militias' need not be.
PLACE_NOUNS = {"base", "bases", "soil", "territory", "territories", "border", "borders", "city",
               "cities", "town", "towns", "village", "villages", "airspace", "waters", "positions",
               "province", "provinces", "capital", "camp", "camps", "port", "ports", "coast",
               "side", "region", "regions", "airport", "airports", "oilfield", "oilfields"}
_LIST_GLUE = re.compile(r"^\s*(?:,|,?\s*and|,?\s*or)\s*$")


def _read_role(spot: Spot, doc: Doc) -> None:
    span = doc.char_span(spot.start, spot.end, alignment_mode="expand")
    if span is None or not len(span):
        return
    root = span.root
    spot.speaker = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH
    spot.border = _names_border(root)
    if spot.demonym and not (root.dep_ == "amod" and root.head.lower_ in PLACE_NOUNS):
        return  # 'Iraqi militias' says who, not where; 'on Iraqi bases' says where
    spot.after_in = bool(LOCATIVE_BEFORE.search(doc.text[max(0, spot.start - 30):spot.start]))
    spot.locative = _under_locative(root) or spot.after_in


# 'in X', 'at the X', 'near X': a place right after a locative preposition, whatever the parse.
LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|around|across|on the outskirts of)"
                             r"\s+(?:the\s+)?(?:(?:town|city|village|district|province|state|"
                             r"region|area|locality|camp|neighbou?rhood) of\s+)?$", re.I)


BORDER_NOUNS = {"border", "borders", "frontier", "frontiers", "boundary"}


def _names_border(root) -> bool:
    """'the Syrian border', 'the border with Syria': the name says which frontier, not that the
    place lies in that country."""
    if root.dep_ in ("amod", "compound", "nmod") and root.head.lower_ in BORDER_NOUNS:
        return True
    return (root.dep_ == "pobj" and root.head.lower_ == "with"
            and root.head.head.lower_ in BORDER_NOUNS)


def _under_locative(tok) -> bool:
    """Climb from a name to the preposition that governs it: 'at the wing of the Taji base'."""
    for _ in range(8):
        if tok.dep_ == "pobj":
            prep = tok.head
            if prep.lower_ in LOCATIVE:
                return True
            if prep.lower_ != "of":
                return False
            tok = prep.head
        elif tok.dep_ in ("compound", "amod", "nmod", "appos", "conj", "poss") and tok.head is not tok:
            tok = tok.head
        else:
            return False
    return False


def _list_members(article: Article, doc: Doc, gazetteer: Gazetteer, spots: list[Spot]) -> list[Spot]:
    """Names the model took for people or organisations that stand in a list with found places
    ('in Jurf Al Sakhr, Al Musayyib, Alexandria and Najaf'): in such a list, a name the
    gazetteer knows is a place too."""
    ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "NORP")
            and not _overlaps(e, [(s.start, s.end) for s in spots])
            and not article.is_marked(e.start_char, e.end_char)]
    found = gazetteer.lookup_keys(normalise(e.text) for e in ents)
    known = [e for e in ents if normalise(e.text) in found and not gazetteer.demonym(e.text)]
    bounds = sorted((s.start, s.end) for s in spots if not s.demonym)
    added: list[Spot] = []
    changed = True
    while changed:  # a chain 'A, B, C and D' grows one neighbour at a time
        changed = False
        for e in known:
            if any(a.start == e.start_char for a in added) or not _next_to(e, bounds, article.text):
                continue
            added.append(Spot(e.start_char, e.end_char, e.text, "LIST", normalise(e.text)))
            bounds.append((e.start_char, e.end_char))
            changed = True
    return added


def _next_to(ent: Span, bounds: list[tuple[int, int]], text: str) -> bool:
    return any(_LIST_GLUE.match(text[end:ent.start_char]) for _, end in bounds
               if end <= ent.start_char) or any(
        _LIST_GLUE.match(text[ent.end_char:start]) for start, _ in bounds if start >= ent.end_char)
