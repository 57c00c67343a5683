"""Match keys: spellings that must meet, and spellings that must stay apart."""
from __future__ import annotations

import pytest

from flashpoint.resolve.actors.actor_registry import load_registry
from flashpoint.resolve.actors.actor_text import clean_name, keys


@pytest.fixture(scope="module")
def variants():
    return load_registry().variants


def folded(text, variants):
    return tuple(w.folded for w in keys(text, variants))


@pytest.mark.parametrize("a, b", [
    ("Kata'ib Hizballah", "Kataib Hezbollah"),
    ("Kata’ib Hizbollah", "KATAIB HIZBULLAH"),
    ("Hashd al-Shaabi", "Hashed ash-Shaabi"),
    ("al-Hashd al-Sha'bi", "Hashd Shaabi"),
    ("Popular Mobilisation Units", "popular mobilization units"),
    ("Asa'ib Ahl al-Haq", "Asaib Ahl al Haq"),
    ("Ansarullah", "Ansar Allah"),
    ("Jabhat al-Nusrah", "Jabhat Nusra"),
    ("Médecins Sans Frontières", "Medecins Sans Frontieres"),
    ("Iraq's army", "Iraq army"),
])
def test_spellings_meet(variants, a, b):
    assert folded(a, variants) == folded(b, variants)


@pytest.mark.parametrize("a, b", [
    ("Kataeb", "Kataib"),     # Lebanon's Kataeb party is not Iraq's Kataib Hezbollah
    ("Hamas", "homes"),
    ("Niger", "Nigeria"),
])
def test_spellings_stay_apart(variants, a, b):
    assert folded(a, variants) != folded(b, variants)


def test_dotted_initials_keep_their_capitals(variants):
    assert [w.exact for w in keys("U.S. troops", variants)] == ["US", "troops"]


@pytest.mark.parametrize("raw, name", [
    ("the  Zorgon Front,", "Zorgon Front"),
    ("[Zorgon Front", "Zorgon Front"),
    ("Homeland Union (Left)", "Homeland Union (Left)"),
    ("“Mr Hoffman”", "Mr Hoffman"),
])
def test_clean_name(raw, name):
    assert clean_name(raw) == name
