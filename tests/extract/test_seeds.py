"""The two seed articles end to end (extraction only; places and dates from spaCy entities)."""
import datetime as dt
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def _seed(run, name, published):
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed article {path.resolve()} is absent (the team's shared folder is not here)")
    return run(path.read_text(encoding="utf-8"), published=published)


def test_seed_000_key_events(run):
    result = _seed(run, "000_cd5e1ed8b1a8a8d0.txt", dt.date(2020, 3, 15))
    assaults = result.of_type("ASSAULT")
    march_11 = [d for d in assaults if "March 11" in result.date_texts(d)]
    assert [(d.mode, d.fatalities.best, d.injuries.best) for d in march_11] == [("heavy-weapons", 3, 12)]
    drone = [d for d in assaults if d.mode == "drone"]
    assert [result.actors(d) for d in drone] == [["US"]]
    iran = [d for d in assaults if result.actors(d) == ["Iran"]]
    assert [(d.fatalities.best, d.injuries.best) for d in iran] == [(0, 0)]
    split = [d for d in assaults if d.mode == "aerial" and result.place_names(d)]
    assert {result.place_names(d)[0] for d in split} >= {"Jurf Al Sakhr", "Najaf"}
    assert all(result.actors(d) == ["US"] for d in split)
    threats = result.of_type("THREATEN")
    assert any(result.text(d.trigger) == "vowed" for d in threats)
    assert not any(result.text(d.trigger) in ("vowed", "respond", "action") for d in assaults)


def test_seed_003_key_events(run):
    result = _seed(run, "003_c5122276bae205d9.txt", dt.date(2019, 12, 30))
    assaults = result.of_type("ASSAULT")
    border = [d for d in assaults if d.fatalities is not None and d.fatalities.best == 4]
    assert [(d.mode, d.injuries.best, result.actors(d)) for d in border] == [("drone", 30, ["US"])]
    contractor = [d for d in assaults if d.fatalities is not None and d.fatalities.best == 1]
    assert [(d.mode, result.date_texts(d)) for d in contractor] == [("heavy-weapons", ["Friday"])]
