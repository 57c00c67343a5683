"""How well flashpoint resolves actor phrases, and how fast.

Two measures:
1. PLOVER gold-standard records (../shared/data/plover_gsr, CC BY-SA 4.0, Open Event Data
   Alliance): every source/target actor span is resolved with its sentence as context and
   compared on country (ISO alpha-3; the GSR's IGO/NGO/IMG codes mean "no country") and on
   sector where the GSR gives one of ours. The GSR is 1990s-2000s CAMEO-manual news from all over
   the world and codes bare country names without a sector, so it measures the country and
   demonym machinery more than the conflict-actor registry.
2. Speed: phrases resolved per second.

Run:  .venv/bin/python benchmarks/actors.py [--misses]
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from flashpoint.resolve.actors.actors import ActorResolver, unmatched_report

GSR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "plover_gsr" / "plover_gsr.jsonl"
NO_COUNTRY = {"IGO", "NGO", "IMG", "ISM"}
# Old or non-ISO codes in the GSR, mapped to ISO 3166-1 alpha-3.
GSR_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def gsr_actors(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for side in ("source", "target"):
            actors = record.get(side) or []
            for actor in actors if isinstance(actors, list) else [actors]:
                if isinstance(actor, dict) and actor.get("actorText"):
                    yield actor, record["text"]


def score(resolver: ActorResolver, show_misses: bool) -> None:
    tally: Counter[str] = Counter()
    unmatched: Counter[str] = Counter()
    for gold, sentence in gsr_actors(GSR):
        got = resolver.resolve(gold["actorText"], sentence, unmatched=unmatched)
        code = GSR_CODES.get(gold["code"], gold["code"])
        want_country = None if code in NO_COUNTRY else code
        tally["actors"] += 1
        tally["matched"] += got.sector is not None or got.country is not None
        ok = got.country == want_country
        tally["country ok"] += ok
        if not ok and show_misses:
            print(f"  country  {gold['actorText']!r}: want {want_country}, got {got.country} ({got.name})")
        sector = gold.get("sector")
        if sector and len(sector) == 3 and sector != "***":
            tally["sector cases"] += 1
            tally["sector ok"] += got.sector == sector
            if got.sector != sector and show_misses:
                print(f"  sector   {gold['actorText']!r}: want {sector}, got {got.sector} ({got.name})")
    n = tally["actors"]
    print(f"PLOVER GSR actors: {n}")
    print(f"  resolved (any code): {tally['matched'] / n:.1%}")
    print(f"  country accuracy:    {tally['country ok'] / n:.1%}")
    print(f"  sector accuracy:     {tally['sector ok'] / tally['sector cases']:.1%} "
          f"of {tally['sector cases']} spans with a plain sector code")
    print(f"  top unmatched: {unmatched_report(unmatched)[:8]}")


PHRASES = ["Kata'ib Hizballah fighters", "American troops", "an Iraqi policeman", "Washington",
           "unidentified gunmen", "the Houthis", "Hashd Brigade 45", "Iran-backed Iraqi militias",
           "the 46th Brigade of the PMF", "Jonathan Hoffman, assistant to the US defence secretary"]


def speed(resolver: ActorResolver, rounds: int = 2000) -> None:
    start = time.perf_counter()
    for _ in range(rounds):
        for phrase in PHRASES:
            resolver.resolve(phrase, "Iraq's Popular Mobilization Forces said on Sunday.")
    elapsed = time.perf_counter() - start
    total = rounds * len(PHRASES)
    print(f"speed, phrases seen before: {total / elapsed:,.0f} phrases/s ({elapsed / total * 1e6:.1f} us each)")
    start = time.perf_counter()
    for _ in range(rounds // 10):
        resolver._keys.cache_clear()  # every phrase and context keyed afresh
        for phrase in PHRASES:
            resolver.resolve(phrase, "Iraq's Popular Mobilization Forces said on Sunday.")
    elapsed = time.perf_counter() - start
    total = rounds // 10 * len(PHRASES)
    print(f"speed, new phrases:         {total / elapsed:,.0f} phrases/s ({elapsed / total * 1e6:.1f} us each)")
    start = time.perf_counter()
    ActorResolver()
    print(f"load: registry and index built in {time.perf_counter() - start:.3f} s")


def main() -> int:
    resolver = ActorResolver()
    print(f"registry: {len(resolver.registry.entries)} named actors, "
          f"{len(resolver.registry.countries)} countries, "
          f"{len(resolver.registry.categories)} generic categories")
    if GSR.exists():
        score(resolver, "--misses" in sys.argv)
    else:
        print(f"skipping the PLOVER GSR score: {GSR} is absent")
    speed(ActorResolver())
    return 0


if __name__ == "__main__":
    sys.exit(main())
