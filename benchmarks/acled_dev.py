"""Real ACLED notes through `flashpoint extract`, run exactly as a user runs it.

Run:  .venv/bin/python benchmarks/acled_dev.py [--every K] [--held-out] [--errors FIELD --show N]

Reads ../shared/data/acled_dev/acled_dev.jsonl (ACLED's notes with ACLED's own coding; see its
PROVENANCE.md: for measuring only, never for fitting anything that ships). Each note becomes one
article, published two days after ACLED's event date, and the whole set is piped through
`.venv/bin/flashpoint extract -` in a subprocess. A note's prediction is its most confident event
that carries an ACLED event type; a note with none counts as wrong on every field except
fatalities, where a missing figure counts as 0 (as ACLED's own "no fatalities" does).

Figures, each over the notes it applies to:
- type, sub-event type: equal to ACLED's event_type / sub_event_type (all notes);
- date: date.start equals ACLED's event_date (notes ACLED dates to the day, time precision 1);
- place within 25 km of ACLED's point (notes at geo precision 1), within 100 km (all notes);
- fatalities: fatalities.best (missing = 0) equals ACLED's figure (all notes);
- actor 1: the first actor shares a content word with ACLED's actor1 (its name without the
  bracketed country or years), counting the actor's text, resolved name and sector;
- no event: notes that gave no event with an ACLED type.

The notes of the region "Southern Asia" are the project's own held-out part: left out unless
--held-out is given, and then reported apart (figures only; --errors never shows them).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from flashpoint.geo import km

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "acled_dev" / "acled_dev.jsonl"
FLASHPOINT = ROOT / ".venv" / "bin" / "flashpoint"
HELD_OUT = "Southern Asia"
FIELDS = ("type", "sub", "date", "place25", "place100", "fatalities", "actor1", "no_event")
WORD = re.compile(r"[a-z][a-z'-]+")
STOP = frozenset("the of and in on at to for by with a an unidentified group forces".split())


def load(every: int) -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    for i, row in enumerate(rows):
        row["key"] = f"acled-{i:05d}"  # ACLED's own ids are not all filled in
    return rows[::every]


def extract(rows: list[dict]) -> dict[str, dict]:
    """The most confident event with an ACLED type, per note, from the real command."""
    articles = "".join(json.dumps({"id": r["key"], "text": r["text"], "published": published(r)}) + "\n"
                       for r in rows)
    done = subprocess.run([str(FLASHPOINT), "extract", "-", "--quiet"], input=articles,
                          capture_output=True, text=True, check=True)
    best: dict[str, dict] = {}
    for line in done.stdout.splitlines():
        event = json.loads(line)
        held = best.get(event["article_id"])
        if event.get("acled_event_type") and (held is None or event["confidence"] > held["confidence"]):
            best[event["article_id"]] = event
    return best


def published(row: dict) -> str:
    return (dt.date.fromisoformat(row["gold"]["event_date"]) + dt.timedelta(days=2)).isoformat()


def words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower()) if w not in STOP}


def actor_agrees(event: dict, gold_actor: str) -> bool:
    if not event.get("actors"):
        return False
    actor = event["actors"][0]
    ours = words(" ".join(filter(None, (actor.get("text"), actor.get("name"), actor.get("sector")))))
    theirs = words(re.sub(r"\(.*?\)", " ", gold_actor))
    stems = {w[:5] for w in ours}
    return bool(theirs) and any(w[:5] in stems for w in theirs)


def score(row: dict, event: dict | None) -> dict[str, bool | None]:
    """Each field: True right, False wrong, None not applicable to this note."""
    gold, event = row["gold"], event or {}
    place = event.get("location")
    dist = km(place["lat"], place["lon"], gold["latitude"], gold["longitude"]) if place else math.inf
    fatalities = (event.get("fatalities") or {}).get("best") or 0
    return {
        "type": event.get("acled_event_type") == gold["event_type"],
        "sub": event.get("acled_sub_event_type") == gold["sub_event_type"],
        "date": ((event.get("date") or {}).get("start") == gold["event_date"]
                 if gold["time_precision"] == 1 else None),
        "place25": dist <= 25 if gold["geo_precision"] == 1 else None,
        "place100": dist <= 100,
        "fatalities": fatalities == int(gold["fatalities"]),
        "actor1": actor_agrees(event, gold["actor1"]),
        "no_event": not event,
    }


def report(name: str, rows: list[dict], best: dict[str, dict]) -> None:
    scores = [score(r, best.get(r["key"])) for r in rows]
    print(f"\n{name}: {len(rows)} notes")
    for field in FIELDS:
        applicable = [s[field] for s in scores if s[field] is not None]
        share = sum(applicable) / len(applicable) if applicable else float("nan")
        print(f"  {field:<11} {share:6.3f}  ({sum(applicable)}/{len(applicable)})")


def confusion(rows: list[dict], best: dict[str, dict], top: int = 25) -> None:
    pairs = Counter((r["gold"]["sub_event_type"], (best.get(r["key"]) or {}).get("acled_sub_event_type"))
                    for r in rows)
    totals = Counter(r["gold"]["sub_event_type"] for r in rows)
    print("\nSub-event type recall (gold: right/all):")
    for sub, n in totals.most_common():
        print(f"  {sub:<45} {pairs[(sub, sub)]:4d}/{n:<4d} {pairs[(sub, sub)] / n:6.3f}")
    print(f"\nMost frequent confusions (gold -> predicted), top {top}:")
    wrong = Counter({pair: n for pair, n in pairs.items() if pair[0] != pair[1]})
    for (gold, got), n in wrong.most_common(top):
        print(f"  {n:4d}  {gold} -> {got}")


def show_errors(rows: list[dict], best: dict[str, dict], field: str, limit: int) -> None:
    shown = 0
    for row in rows:
        event = best.get(row["key"])
        wrong = True if field == "no_event" else False      # no_event is True when it failed
        if score(row, event)[field] is wrong and shown < limit:
            shown += 1
            gold, event = row["gold"], event or {}
            print(f"\n[{row['key']}] {row['text']}\n  gold: {gold['event_type']} / {gold['sub_event_type']}"
                  f", {gold['event_date']}, {gold['location']} ({gold['latitude']}, {gold['longitude']})"
                  f", fatalities {gold['fatalities']}, actor1 {gold['actor1']}")
            print(f"  ours: {event.get('acled_event_type')} / {event.get('acled_sub_event_type')}"
                  f" [{event.get('event_type')} {event.get('mode')}], {(event.get('date') or {}).get('start')}"
                  f", {(event.get('location') or {}).get('name')}, fatalities {event.get('fatalities')}"
                  f", actors {[a.get('text') for a in event.get('actors') or []]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, metavar="K", help="every K-th note only")
    parser.add_argument("--held-out", action="store_true", help=f"also run the {HELD_OUT} notes")
    parser.add_argument("--errors", choices=FIELDS, help="print notes wrong on this field")
    parser.add_argument("--show", type=int, default=20, metavar="N", help="how many errors")
    args = parser.parse_args()
    if not DATA.exists() or not FLASHPOINT.exists():
        print(f"needs {DATA} and {FLASHPOINT} (make install)", file=sys.stderr)
        return 2
    rows = load(args.every)
    dev = [r for r in rows if r["gold"]["region"] != HELD_OUT]
    held = [r for r in rows if r["gold"]["region"] == HELD_OUT] if args.held_out else []
    best = extract(dev + held)
    report("acled_dev without Southern Asia (tuning part)", dev, best)
    if held:
        report("Southern Asia (held out)", held, best)
        report("all of acled_dev", dev + held, best)
    confusion(dev, best)
    if args.errors:
        show_errors(dev, best, args.errors, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
