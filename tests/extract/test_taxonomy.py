"""The PLOVER -> CAMEO / ACLED codes: complete, spelled as the codebooks spell it. No model.

The table itself is flashpoint.ontology (tests/test_ontology.py checks it whole); these tests
read it as the coding stage does, through codes_for."""
import pytest

from flashpoint.extract import lexicon as lx
from flashpoint.extract.taxonomy import codes_for, is_acled_pair
from flashpoint.ontology import ACLED_SUB_EVENTS, TYPES
from flashpoint.record import PLOVER_TYPES

# (type, mode) -> (CAMEO, ACLED type, sub-event type), as the table's rows give them.
TABLE = {(t.name, m.name): (m.cameo, m.acled, m.acled_sub) for t in TYPES.values() for m in t.modes}

ASSAULT_MODES = [m.name for m in TYPES["ASSAULT"].modes if m.name is not None]


def test_every_plover_type_has_a_row():
    assert {t for t, _ in TABLE} == set(PLOVER_TYPES)


@pytest.mark.parametrize("mode", ASSAULT_MODES)
def test_every_assault_mode_has_cameo_and_acled(mode):
    codes = codes_for("ASSAULT", mode)
    assert codes.cameo is not None and codes.acled_event_type is not None
    assert is_acled_pair(codes.acled_event_type, codes.acled_sub_event_type)


@pytest.mark.parametrize("key", sorted(TABLE, key=str))
def test_codes_for_gives_each_row_of_the_table(key):
    cameo, acled, sub = TABLE[key]
    codes = codes_for(*key)
    # With nothing from the text to refine it (no target, territory or weapon), the row as written.
    assert (codes.cameo, codes.acled_event_type, codes.acled_sub_event_type) == (cameo, acled, sub)
    assert is_acled_pair(codes.acled_event_type, codes.acled_sub_event_type)


def test_air_strike_codes():
    codes = codes_for("ASSAULT", "aerial")
    assert (codes.cameo, codes.acled_event_type, codes.acled_sub_event_type) == (
        "195", "Explosions/Remote violence", "Air/drone strike")


def test_one_sided_shooting_of_civilians_is_violence_against_civilians():
    assert codes_for("ASSAULT", "firearms", civilian_target=True).acled_event_type == "Violence against civilians"
    assert codes_for("ASSAULT", "firearms", two_sided=True, civilian_target=True).acled_sub_event_type == "Armed clash"


def test_territory_and_grenade_refinements():
    assert codes_for("ASSAULT", None, territory="government").acled_sub_event_type == "Government regains territory"
    assert codes_for("ASSAULT", "explosives", weapon="grenade").acled_sub_event_type == "Grenade"


def test_all_acled_sub_event_types_are_25():
    assert sum(len(v) for v in ACLED_SUB_EVENTS.values()) == 25


def test_lexicon_uses_only_plover_types_and_known_modes():
    senses = list(lx.VERBS.values()) + list(lx.NOUNS.values()) + list(lx.PHRASES.values())
    senses += list(lx.NOUN_COMPOUNDS.values())
    senses += [s for table in lx.BY_OBJECT.values() for s in table.values() if s is not None]
    assert {s.type for s in senses} == set(PLOVER_TYPES)
    for sense in senses:      # a mode the words give and the table forgot fails here
        assert (sense.type, sense.mode) in TABLE, f"{sense.type}/{sense.mode} is not a row of the table"
    assert {m for m, _ in lx.MODE_WORDS} <= set(ASSAULT_MODES)
