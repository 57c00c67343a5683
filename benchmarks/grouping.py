"""Grouping benchmark, on the product path: `flashpoint ingest`, then `flashpoint events`.

    .venv/bin/python benchmarks/grouping.py                # ECB+ dev topics and the samples
    .venv/bin/python benchmarks/grouping.py --skip-ecb     # the samples only

Both sections run the real CLI in a subprocess, each into a fresh SQLite store of its own:

1. ECB+ topics 1-35 (../shared/data/ecbplus_dev): the 772 articles, as given (no publication
   dates), written to one JSONL file (text only; the source URL line of ecbplus documents is
   dropped, as it gives the sub-corpus away) and ingested in one run. Articles are scored
   against their seminal event with B-cubed P/R/F1 (an article with no stored event is a
   cluster of its own), in two readings of the stored events:
   - "linked": two articles are together when they are sources of one stored event (and so on,
     transitively); a cluster mixing topics is counted and printed;
   - "main event": each article is placed in the stored event holding most of its mentions.
   Any stored event whose sources span two topics is counted as mixing topics. Both readings
   are scored over all articles and over the articles that yield an event at all (an article
   with none cannot be grouped by any event grouping; that is extraction's recall).
2. The sample articles (samples/): ingested, and their mentions (from `flashpoint extract`, the
   same pipeline, so the same mention ids) scored against the four real events that
   samples/README.md lists (hand-coded below as data): B-cubed P/R/F1, how many stored events
   each real event became (1 is right), and the retaliation link the README describes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from flashpoint.link.articles import components
from flashpoint.record import Event, StoredEvent

ROOT = Path(__file__).resolve().parents[1]
EXE = ROOT / ".venv" / "bin" / "flashpoint"
ECB = ROOT.parent / "shared" / "data" / "ecbplus_dev" / "ecbplus_dev.jsonl"


# ---- scores -------------------------------------------------------------------------------

def bcubed(clusters: list[list[int]], gold: list[str]) -> tuple[float, float, float]:
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, g in enumerate(gold):
        by_gold[g].add(i)
    p = r = 0.0
    n = 0
    for c in clusters:
        members = set(c)
        for i in c:
            same = len(members & by_gold[gold[i]])
            p += same / len(members)
            r += same / len(by_gold[gold[i]])
            n += 1
    p, r = p / n, r / n
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def fmt(name: str, scores: tuple[float, float, float]) -> str:
    return f"{name:<30} P {scores[0]:.3f}  R {scores[1]:.3f}  F1 {scores[2]:.3f}"


# ---- the CLI --------------------------------------------------------------------------------

def cli(*args: str, timeout: int = 3600) -> str:
    done = subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"flashpoint {' '.join(args)} failed: {done.stderr[-2000:]}")
    return done.stdout


def ingest_and_list(inputs: list[str], db: Path) -> list[StoredEvent]:
    cli("ingest", *inputs, "--db", str(db), "--quiet")
    out = cli("events", "--db", str(db), "--format", "jsonl")
    return [StoredEvent.model_validate_json(line) for line in out.splitlines() if line.strip()]


# ---- ECB+ ---------------------------------------------------------------------------------

def ecb_rows() -> list[dict]:
    return [json.loads(line) for line in ECB.read_text().splitlines() if line.strip()]


def ecb_input(rows: list[dict], path: Path) -> None:
    with path.open("w") as f:
        for r in rows:
            url_line = 0 if r["subcorpus"] == "ecbplus" else None
            text = "\n".join(s["text"] for s in r["sentences"] if s["sid"] != url_line)
            f.write(json.dumps({"id": r["doc_id"], "text": text}) + "\n")


def ecb_clusters(events: list[StoredEvent], ids: list[str]) -> tuple[list, list]:
    """Article clusters in the two readings: linked through shared events, and main event."""
    pos = {a: k for k, a in enumerate(ids)}
    linked = components(len(ids), [(pos[a], pos[b]) for e in events
                                   for a, b in zip(e.sources, e.sources[1:])])
    return linked, _main_event(events, ids)


def _main_event(events: list[StoredEvent], ids: list[str]) -> list[list[int]]:
    """Each article in the stored event with most of its mentions (ties: more sources, id)."""
    count: dict[str, Counter] = defaultdict(Counter)
    for e in events:
        for a in e.sources:
            # Mention ids do not name their article; an event counts once per article.
            count[a][e.id] += len(e.sources)
    main = {a: min(c, key=lambda eid: (-c[eid], eid)) for a, c in count.items()}
    groups: dict[str, list[int]] = defaultdict(list)
    for k, a in enumerate(ids):
        groups[main.get(a, f"alone:{a}")].append(k)
    return sorted(groups.values())


def _restricted(clusters: list[list[int]], gold: list[str], keep: list[int]):
    """The clusters and gold labels of the articles in ``keep`` alone, renumbered."""
    new = {k: n for n, k in enumerate(keep)}
    kept = [[new[k] for k in c if k in new] for c in clusters]
    return [c for c in kept if c], [gold[k] for k in keep]


def ecb_section() -> None:
    print("== ECB+ topics 1-35 through `flashpoint ingest` (no dates, as given) ==")
    if not ECB.exists():
        print(f"  skipped: {ECB} is absent (only the team checkout has ../shared)")
        return
    rows = ecb_rows()
    ids = [r["doc_id"] for r in rows]
    gold = [r["seminal_event"] for r in rows]
    topic = {r["doc_id"]: r["topic"] for r in rows}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "ecbplus_dev.jsonl"
        ecb_input(rows, src)
        events = ingest_and_list([str(src)], Path(tmp) / "ecb.db")
    print(f"  {len(rows)} articles, {len(events)} stored events")
    linked, main = ecb_clusters(events, ids)
    found = {a for e in events for a in e.sources}
    keep = [k for k, a in enumerate(ids) if a in found]
    for name, clusters in (("linked through shared events", linked), ("main event", main)):
        mixed = [c for c in clusters if len({topic[ids[k]] for k in c}) > 1]
        print(f"  {name}: clusters mixing topics: {len(mixed)}")
        print("    ", fmt(f"all {len(ids)} articles", bcubed(clusters, gold)))
        print("    ", fmt(f"the {len(keep)} with an event", bcubed(*_restricted(clusters, gold,
                                                                             keep))))
        for c in mixed[:5]:
            print("      mixed:", sorted(Counter(topic[ids[k]] for k in c).items()))
    crossing = [e for e in events if len({topic[a] for a in e.sources}) > 1]
    print(f"  stored events whose sources span two topics: {len(crossing)}")
    for e in crossing[:5]:
        print(f"      {e.id[:8]} {e.event_type}: {sorted(e.sources)[:6]}")


# ---- sample articles (samples/) -------------------------------------------------------------

# The real events of samples/README.md: the articles that report each, its day, its types, and
# the words (in a mention's mode, place, actors or recipients) that tell it from the other
# events those articles mention. A mention belongs to an event when it comes from one of its
# articles, has one of its types, names one of its cues and is not dated more than a week away.
SAMPLE_EVENTS = {
    "ain-al-asad-rockets": (
        {"article", "baghdadwire-2022-04-06-ain-al-asad", "meridian-2022-04-06-anbar-rockets",
         "levantobserver-2022-04-07-ayn-al-asad", "meridian-2022-04-08-qaim-strikes",
         "baghdadwire-2022-04-08-qaim-funerals", "levantobserver-2022-04-09-strikes-toll"},
        "2022-04-05", {"ASSAULT"}, ("heavy-weapons", "asad")),
    "al-qaim-strikes": (
        {"meridian-2022-04-08-qaim-strikes", "baghdadwire-2022-04-08-qaim-funerals",
         "levantobserver-2022-04-09-strikes-toll"},
        "2022-04-07", {"ASSAULT"}, ("aerial", "qa", "united states")),
    "basra-protest": (
        {"shattdaily-2022-04-10-basra-protest", "meridian-2022-04-10-basrah-clashes"},
        "2022-04-09", {"ASSAULT", "PROTEST"}, ("crowd-control", "demo", "basra", "protest")),
    "katari-abduction": (
        {"sahelcourier-2022-04-12-kaduna-abduction", "northerndispatch-2022-04-12-katari-kidnap"},
        "2022-04-11", {"ASSAULT", "COERCE"}, ("abduct", "katari", "kaduna", "traveller", "passenger")),
}
SAMPLE_TYPES = {"ASSAULT", "COERCE", "PROTEST"}


def sample_event_of(m: Event) -> str | None:
    """The real event a sample mention reports, or None (background, threats, other events)."""
    if m.event_type not in SAMPLE_TYPES:
        return None
    words = " ".join([m.mode or "", m.location.name if m.location else "",
                      *(a.name for a in [*m.actors, *m.recipients])]).lower()
    for name, (articles, day, types, cues) in SAMPLE_EVENTS.items():
        if m.article_id not in articles or m.event_type not in types:
            continue
        if m.date.start is not None and abs((m.date.start - dt.date.fromisoformat(day)).days) > 7:
            continue
        if any(c in words for c in cues):
            return name
    return None




def samples_section() -> None:
    print("== sample articles (samples/) through `flashpoint ingest` ==")
    with tempfile.TemporaryDirectory() as tmp:
        events = ingest_and_list([str(ROOT / "samples")], Path(tmp) / "samples.db")
    mentions = [Event.model_validate_json(line) for line in
                cli("extract", str(ROOT / "samples")).splitlines() if line.strip()]
    owner = {m: e.id for e in events for m in e.mentions}
    missing = [m.id for m in mentions if m.id not in owner]
    if missing:
        raise RuntimeError(f"{len(missing)} extracted mentions are in no stored event, e.g. "
                           f"{missing[:3]}: extract and ingest disagree")
    kept = [m for m in mentions if sample_event_of(m)]
    gold = [sample_event_of(m) for m in kept]
    groups: dict[str, list[int]] = defaultdict(list)
    for k, m in enumerate(kept):
        groups[owner[m.id]].append(k)
    print(f"  {len(mentions)} mentions -> {len(events)} stored events; {len(kept)} mentions "
          "of the 4 events")
    print("   ", fmt("B-cubed", bcubed(sorted(groups.values()), gold)))
    by_id = {e.id: e for e in events}
    for name in SAMPLE_EVENTS:
        stored = sorted({owner[m.id] for m, g in zip(kept, gold) if g == name})
        print(f"  {name}: {sum(g == name for g in gold)} mentions in {len(stored)} stored events")
        for eid in stored:
            for link in by_id[eid].links:
                target = by_id.get(link.event_id)
                what = target.event_type if target else "?"
                print(f"      {eid[:8]} {link.type} -> {link.event_id[:8]} ({what})")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-samples", action="store_true")
    ap.add_argument("--skip-ecb", action="store_true")
    args = ap.parse_args(argv)
    if not EXE.exists():
        print(f"{EXE} is missing: run `make install` first", file=sys.stderr)
        return 2
    if not args.skip_ecb:
        ecb_section()
    if not args.skip_samples:
        samples_section()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
