"""Grouping benchmark: article clustering on ECB+, mention grouping speed and quality, samples.

    .venv/bin/python benchmarks/grouping.py                 # everything
    .venv/bin/python benchmarks/grouping.py --skip-samples  # no extraction run on the seeds
    .venv/bin/python benchmarks/grouping.py --sizes 1000 10000 50000

1. ECB+ topics 1-35 (../shared/data/ecbplus_dev, read in place): cluster the 772 articles
   with flashpoint.link.articles.cluster_articles and score against the seminal events
   (B-cubed P/R/F1, pairwise P/R/F1), over all articles and within each topic (the hard
   part: two different events of the same kind). Two settings: "text only" (the article text)
   and "gold mentions" (text plus the annotated action, time, place and participant mention
   strings standing in for our extractor's output; the annotation's coreference ids and
   descriptors are never read). The source URL line of ecbplus documents is dropped, since
   only that sub-corpus has one and it would give the sub-corpus away.
2. group_mentions on synthetic mention streams: seconds per 1,000 mentions, comparisons made,
   and B-cubed against the synthetic truth.
3. The seed articles (../shared/seeds): extracted with `flashpoint extract`, grouped and linked.
4. The sample articles (samples/): run through the pipeline and grouped as the store groups them,
   then scored against the four real events samples/README.md lists (hand-coded below as data):
   B-cubed P/R/F1 of the mention clusters, over the ASSAULT/COERCE/PROTEST mentions that belong
   to those events, and how many stored events each real event became (1 is right).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from flashpoint.link.articles import ArticleDoc, cluster_articles
from flashpoint.link.blocking import candidate_pairs
from flashpoint.link.group import group_mentions, merge_reasons, reconcile
from flashpoint.link.relations import find_link_details
from flashpoint.record import Actor, Count, Event, Evidence, Place, When

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ECB = SHARED / "data" / "ecbplus_dev" / "ecbplus_dev.jsonl"
SEEDS = {"000_cd5e1ed8b1a8a8d0.txt": "2020-03-15", "003_c5122276bae205d9.txt": "2019-12-30"}
MENTION_CHANNEL = {"ACTION": "event", "NEG_ACTION": "event", "LOC": "place", "TIME": "date",
                   "HUMAN": "actor", "NON_HUMAN": "actor"}


# ---- scores -------------------------------------------------------------------------------

def bcubed(clusters: list[list[int]], gold: list[str]) -> tuple[float, float, float]:
    label = {i: k for k, c in enumerate(clusters) for i in c}
    by_gold: dict[str, set[int]] = defaultdict(set)
    for i, g in enumerate(gold):
        by_gold[g].add(i)
    p = r = 0.0
    for c in clusters:
        members = set(c)
        for i in c:
            same = len(members & by_gold[gold[i]])
            p += same / len(members)
            r += same / len(by_gold[gold[i]])
    n = len(label)
    p, r = p / n, r / n
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def pairwise(clusters: list[list[int]], gold: list[str], keep=lambda i, j: True) -> tuple[float, float, float]:
    """Pairwise P/R/F1 over the pairs ``keep`` admits (e.g. only pairs within one topic)."""
    label = {i: k for k, c in enumerate(clusters) for i in c}
    tp = fp = fn = 0
    n = len(gold)
    for i in range(n):
        for j in range(i + 1, n):
            if not keep(i, j):
                continue
            sys_same, gold_same = label[i] == label[j], gold[i] == gold[j]
            tp += sys_same and gold_same
            fp += sys_same and not gold_same
            fn += gold_same and not sys_same
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def fmt(name: str, scores: tuple[float, float, float]) -> str:
    return f"{name:<34} P {scores[0]:.3f}  R {scores[1]:.3f}  F1 {scores[2]:.3f}"


# ---- ECB+ ---------------------------------------------------------------------------------

def ecb_doc(row: dict, with_mentions: bool) -> ArticleDoc:
    url_line = 0 if row["subcorpus"] == "ecbplus" else None
    text = "\n".join(s["text"] for s in row["sentences"] if s["sid"] != url_line)
    feats: dict[str, list[str]] = defaultdict(list)
    if with_mentions:
        for m in row["mentions"]:
            kind = next((c for p, c in MENTION_CHANNEL.items() if m["type"].startswith(p)), None)
            if kind and m["sentence"] != url_line:
                feats[kind] += m["text"].lower().split()
    return ArticleDoc(id=row["doc_id"], text=text, features=dict(feats))


def ecb_report(rows: list[dict], with_mentions: bool) -> None:
    docs = [ecb_doc(r, with_mentions) for r in rows]
    gold = [r["seminal_event"] for r in rows]
    topic = [r["topic"] for r in rows]
    t0 = time.perf_counter()
    clusters = cluster_articles(docs)
    took = time.perf_counter() - t0
    print(f"  all {len(docs)} articles at once: {len(clusters)} clusters "
          f"(gold {len(set(gold))}), {took:.2f} s")
    print("   ", fmt("B-cubed", bcubed(clusters, gold)))
    print("   ", fmt("pairwise, all pairs", pairwise(clusters, gold)))
    print("   ", fmt("pairwise, within-topic pairs", pairwise(clusters, gold, lambda i, j: topic[i] == topic[j])))
    crossed = sum(len({topic[i] for i in c}) > 1 for c in clusters)
    print(f"    clusters mixing topics: {crossed}")
    within: list[list[int]] = []
    by_topic: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(topic):
        by_topic[t].append(i)
    for idx in by_topic.values():
        rest = [d for i, d in enumerate(docs) if topic[i] != topic[idx[0]]]
        within += [[idx[k] for k in c] for c in cluster_articles([docs[i] for i in idx], background=rest)]
    one_per_topic = [idx for idx in by_topic.values()]
    print("  each topic clustered on its own (two events of one kind to separate):")
    print("   ", fmt("B-cubed", bcubed(sorted(within), gold)))
    print("   ", fmt("pairwise", pairwise(sorted(within), gold)))
    print("   ", fmt("baseline: one cluster per topic", bcubed(one_per_topic, gold)))


def ecb_section() -> None:
    print("== ECB+ topics 1-35: articles grouped by seminal event ==")
    if not ECB.exists():
        print(f"  skipped: {ECB} is absent (only the team checkout has ../shared)")
        return
    rows = [json.loads(line) for line in ECB.read_text().splitlines() if line.strip()]
    for label, flag in (("text only", False), ("gold mentions (annotated spans as extractor output)", True)):
        print(f" setting: {label}")
        ecb_report(rows, flag)


# ---- synthetic mention streams --------------------------------------------------------------

TOWNS = [(f"Town{k}", 30 + (k % 40) * 0.9, 35 + (k // 40) * 0.9, ["IRQ", "SYR", "YEM", "NGA", "MLI"][k % 5])
         for k in range(200)]
SIDES = [Actor(text=f"Group {k}", name=f"Group {k}", id=f"G{k}", country=["IRQ", "SYR", "YEM", "NGA", "MLI"][k % 5])
         for k in range(60)]
MODES = ["aerial", "drone", "firearms", "explosives", "heavy-weapons"]


def _report(rng: random.Random, article: str, day: dt.date, town, actors, mode, killed, k: int) -> Event:
    name, lat, lon, country = town
    coarse = rng.random() < 0.2
    place = Place(text=name, name=country if coarse else name, lat=lat, lon=lon, country=country,
                  precision=6 if coarse else 1)
    # Some reports put the event a day late ("yesterday" read against the wrong day).
    shift = dt.timedelta(days=rng.choice([0, 0, 0, 0, 1]))
    date = When(text="day", start=day + shift, end=day + shift, precision="day", reason="synthetic")
    told = max(0, killed + rng.choice([0, 0, 0, 1, -1, 2]))
    return Event(id=f"m{k}", article_id=article, event_type="ASSAULT",
                 mode=mode if rng.random() < 0.8 else None, actors=actors[:1], recipients=actors[1:],
                 location=place if rng.random() < 0.9 else None, date=date,
                 fatalities=Count.exactly(told), evidence=Evidence(quote="x", start=0, end=1, sentence=0),
                 confidence=0.6)


def synthetic(n: int, per_day: int, seed: int = 11) -> tuple[list[Event], list[str]]:
    """About ``per_day`` mentions a day: events reported 1-5 times each, with noisy fields."""
    rng = random.Random(seed)
    start = dt.date(2020, 1, 1)
    mentions, truth, t = [], [], 0
    while len(mentions) < n:
        day = start + dt.timedelta(days=len(mentions) // per_day)
        town, mode = rng.choice(TOWNS), rng.choice(MODES)
        actors = rng.sample([a for a in SIDES if a.country == town[3]], 2)
        killed = rng.randint(0, 12)
        # Each report in another article; an article of the day reports a few events.
        articles = rng.sample(range(per_day), min(rng.randint(1, 5), n - len(mentions)))
        for a in articles:
            article = f"{day.isoformat()}-{a}"
            mentions.append(_report(rng, article, day, town, actors, mode, killed, len(mentions)))
            truth.append(f"e{t}")
        t += 1
    order = list(range(n))
    rng.shuffle(order)
    return [mentions[i] for i in order], [truth[i] for i in order]


def speed_section(sizes: list[int], per_day: int) -> None:
    print(f"== group_mentions on synthetic streams ({per_day} mentions a day) ==")
    for n in sizes:
        mentions, truth = synthetic(n, per_day)
        t0, c0 = time.perf_counter(), time.process_time()
        clusters = group_mentions(mentions)
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        pairs = len(candidate_pairs(mentions))
        p, r, f = bcubed(clusters, truth)
        print(f"  {n:>7} mentions: {took:7.2f} s wall, {cpu:7.2f} s CPU = {1000 * cpu / n:.3f} s CPU "
              "per 1,000 mentions; "
              f"{pairs} pairs compared ({pairs / (n * (n - 1) / 2):.2e} of all); "
              f"B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")


# ---- seed articles --------------------------------------------------------------------------

def extract_seeds() -> list[Event]:
    exe = ROOT / ".venv" / "bin" / "flashpoint"
    events = []
    for name, published in SEEDS.items():
        path = SHARED / "seeds" / name
        done = subprocess.run([str(exe), "extract", str(path), "--published", published],
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or not done.stdout.strip():
            raise RuntimeError(f"flashpoint extract {name} failed: {done.stderr.strip()[-300:]}")
        events += [Event.model_validate_json(line) for line in done.stdout.splitlines() if line.strip()]
    return events


# Hand-coded mentions of the seed articles: (article, quote, type, mode, actors, recipients,
# place (name, lat, lon, precision), date (start, end, precision), killed, injured, gold event).
# Coordinates from GeoNames; dates as the articles give them against their publication dates.
US, KH, IRAN = ("US", "USA"), ("Kata'ib Hizballah", "IRQ"), ("Iran", "IRN")
IRAQ, TAJI, JURF, BORDER = ("Iraq", 33.0, 44.0, 6), ("Taji", 33.52, 44.27, 1), \
    ("Jurf al-Sakhar", 32.87, 44.20, 1), ("Iraq-Syria border", 34.38, 40.99, 5)
HAND = [
    ("000", "the US killed Qassem Suleimani", "drone", [US], [IRAN], ("Baghdad", 33.34, 44.40, 2),
     ("2020-01-03",) * 2 + ("day",), None, None, "soleimani"),
    ("000", "Iran retaliated a week later with missile strikes", "heavy-weapons", [IRAN], [US], IRAQ,
     ("2020-01-07", "2020-01-13", "week"), 0, None, "iran-missiles"),
    ("000", "fired rockets at the international wing of the Taji military base", "heavy-weapons",
     [KH], [US], TAJI, ("2020-03-11",) * 2 + ("day",), 3, 12, "taji"),
    ("000", "The US retaliated two days later with air strikes", "aerial", [US], [KH], IRAQ,
     ("2020-03-13",) * 2 + ("day",), None, None, "us-march"),
    ("000", "the strikes hit military headquarters in Jurf Al Sakhr", "aerial", [US], [KH], JURF,
     ("2020-03-13",) * 2 + ("day",), None, None, "us-march"),
    ("000", "Two Iraqi soldiers, a policeman and a civilian were killed", None, [US], [], IRAQ,
     ("2020-03-13",) * 2 + ("day",), 4, 7, "us-march"),
    ("003", "The US has bombed a Shia paramilitary group", "aerial", [US], [KH], IRAQ,
     ("2019-12-29",) * 2 + ("day",), None, None, "us-december"),
    ("003", "a rocket attack in Iraq on Friday during which an American civilian contractor was killed",
     "heavy-weapons", [KH], [US], IRAQ, ("2019-12-27",) * 2 + ("day",), 1, None, "rocket-december"),
    ("003", "US forces had conducted five", "aerial", [US], [KH], IRAQ, ("2019-12-29",) * 2 + ("day",),
     None, None, "us-december"),
    ("003", "one of the US strikes had hit a base run by Hashd Brigade 45", "aerial", [US], [KH], BORDER,
     ("2019-12-29",) * 2 + ("day",), 4, 30, "us-december"),
    ("003", "The US used drones to attack", "drone", [US], [KH], BORDER, ("2019-12-29",) * 2 + ("day",),
     None, None, "us-december"),
]


def hand_mentions(texts: dict[str, str]) -> tuple[list[Event], list[str]]:
    out, gold = [], []
    for k, (art, quote, mode, acts, recs, (pname, lat, lon, prec), (d0, d1, dp), killed, hurt, ev) \
            in enumerate(HAND):
        text = texts[art]
        start = text.index(quote)
        actor = lambda a: Actor(text=a[0], name=a[0], id=f"{a[1]}:{a[0]}", country=a[1])  # noqa: E731
        out.append(Event(
            id=f"h{k}", article_id=art, event_type="ASSAULT", mode=mode,
            actors=[actor(a) for a in acts], recipients=[actor(r) for r in recs],
            location=Place(text=pname, name=pname, lat=lat, lon=lon, country="IRQ", precision=prec),
            date=When(text=quote, start=dt.date.fromisoformat(d0), end=dt.date.fromisoformat(d1),
                      precision=dp, reason="hand-coded"),
            fatalities=Count.exactly(killed) if killed is not None else None,
            injuries=Count.exactly(hurt) if hurt is not None else None,
            evidence=Evidence(quote=quote, start=start, end=start + len(quote), sentence=0),
            confidence=0.6))
        gold.append(ev)
    return out, gold


def run_samples(mentions: list[Event], published: dict, texts: dict) -> list[list[int]]:
    t0 = time.perf_counter()
    clusters = group_mentions(mentions)
    events, by_event = [], {}
    for c in clusters:
        ms = [mentions[i] for i in c]
        e = reconcile(ms, published, event_id=f"E{len(events)}")
        events.append(e)
        by_event[e.id] = ms
    links = find_link_details(events, by_event, texts)
    took = time.perf_counter() - t0
    print(f"  {len(mentions)} mentions -> {len(events)} events, {len(links)} links, {took:.3f} s")
    for e, c in zip(events, clusters):
        when = e.date.start.isoformat() if e.date.start else "undated"
        where = e.location.name if e.location else "?"
        toll = f" killed {e.fatalities.low}/{e.fatalities.best}/{e.fatalities.high}" if e.fatalities else ""
        print(f"  {e.id}: {e.event_type}/{e.mode} {when} {where}{toll} sources={e.sources} mentions={c}")
        for line in merge_reasons(mentions, c):
            print(f"      merged: {line}")
    for f in links:
        print(f"  link {f.source} {f.link.type} {f.link.event_id}: {f.reason}")
    return clusters


def samples_section() -> None:
    print("== seed articles (../shared/seeds) ==")
    if not (SHARED / "seeds").exists():
        print("  skipped: ../shared/seeds is absent")
        return
    published = {Path(n).stem: dt.date.fromisoformat(d) for n, d in SEEDS.items()}
    texts = {Path(n).stem: (SHARED / "seeds" / n).read_text() for n in SEEDS}
    print(" hand-coded mentions (grouping and linking alone, extraction taken as right):")
    mentions, gold = hand_mentions({k[:3]: v for k, v in texts.items()})
    clusters = run_samples(mentions, {m.article_id: published[next(p for p in published if p.startswith(m.article_id))]
                                      for m in mentions}, {k[:3]: v for k, v in texts.items()})
    print("   ", fmt("B-cubed against the hand-coded events", bcubed(clusters, gold)))
    print(" mentions from `flashpoint extract`:")
    try:
        extracted = extract_seeds()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        print(f"  skipped: {exc}")
        return
    run_samples(extracted, published, texts)


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


def sample_mentions() -> list[Event]:
    from flashpoint.ingest.readers import read_inputs
    from flashpoint.pipeline import Pipeline

    items = list(read_inputs([str(ROOT / "samples")]))
    return [e for r in Pipeline().run(items) for e in r.events]


def sample_articles_section() -> None:
    print("== sample articles (samples/) against the events samples/README.md lists ==")
    mentions = sample_mentions()
    clusters = group_mentions(mentions)
    owner = {i: k for k, c in enumerate(clusters) for i in c}
    kept = [i for i, m in enumerate(mentions) if sample_event_of(m)]
    gold = [sample_event_of(mentions[i]) for i in kept]
    local: dict[int, list[int]] = defaultdict(list)
    for pos, i in enumerate(kept):
        local[owner[i]].append(pos)
    print(f"  {len(mentions)} mentions -> {len(clusters)} events; {len(kept)} mentions of the 4 events")
    print("   ", fmt("B-cubed", bcubed(list(local.values()), gold)))
    for name in SAMPLE_EVENTS:
        mine = [i for i, g in zip(kept, gold) if g == name]
        stored = sorted({owner[i] for i in mine})
        print(f"  {name}: {len(mine)} mentions in {len(stored)} stored events")
        for k in stored:
            ms = [mentions[i] for i in clusters[k]]
            dates = sorted({m.date.start.isoformat() if m.date.start else "undated" for m in ms})
            places = sorted({m.location.name if m.location else "?" for m in ms})
            print(f"      event {k}: {len(ms)} mentions, {dates}, {places}, "
                  f"{sorted({m.article_id[:28] for m in ms})}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    ap.add_argument("--per-day", type=int, default=100)
    ap.add_argument("--skip-samples", action="store_true")
    ap.add_argument("--skip-ecb", action="store_true")
    args = ap.parse_args(argv)
    if not args.skip_ecb:
        ecb_section()
    speed_section(args.sizes, args.per_day)
    if not args.skip_samples:
        samples_section()
        sample_articles_section()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
