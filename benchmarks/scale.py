"""Scale benchmark: `flashpoint ingest` of the same 100 new articles into ever larger stores.

    .venv/bin/python benchmarks/scale.py                         # 10,000 and 100,000 mentions
    .venv/bin/python benchmarks/scale.py --sizes 1000000         # the million, once
    .venv/bin/python benchmarks/scale.py --sizes 10000 100000 1000000 --workdir /tmp/fp-scale

For each size, a SQLite store is generated directly (rows written through sqlite3, the schema
made by flashpoint's own migrations): articles of five mentions each, spread evenly over three
years (2021-2023) and 2,000 towns in 50 countries, each real-world event told by two articles, with the articles' terms, term index and document frequencies as the store keeps
them. Then the real CLI, `flashpoint ingest NEW --db STORE`, runs in a subprocess on the same
100 new articles (the ten sample articles, each published on ten dates inside those years), and
the benchmark prints its wall time and its peak resident memory (the child's ru_maxrss). The
new articles are dated where the generated store is dense, so the blocks they touch are full.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from flashpoint.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXE = ROOT / ".venv" / "bin" / "flashpoint"
START = dt.date(2021, 1, 1)
DAYS = 3 * 365
PER_ARTICLE = 5
# One mention of each type per article, at towns of its own: what grouping would make of them
# is what the generator stores (article 2i and 2i+1 tell the same five events).
TYPES = ["ASSAULT", "PROTEST", "COERCE", "ACCUSE", "CONSULT"]
MODES = {"ASSAULT": "explosives", "PROTEST": "demo", "COERCE": "arrest"}
# 2,000 towns on a grid, 40 to a country (50 countries), as news of a region spreads.
TOWNS = [(f"Town{k}", 5.0 + (k % 50) * 0.8, 5.0 + (k // 50) * 1.2, f"C{k // 40:02d}")
         for k in range(2000)]
WORDS = ["attack", "killed", "police", "officials", "said", "village", "market", "forces",
         "fighters", "wounded", "residents", "army", "group", "province", "district"]


# ---- the generated store --------------------------------------------------------------------

def _article(k: int, n_articles: int, rng: random.Random) -> dict:
    published = START + dt.timedelta(days=(k - k % 2) * DAYS // n_articles)
    town = TOWNS[(k // 2) % len(TOWNS)]
    group = f"Group{(k // 2) % 300}"
    text = (f"Fighters of {group} attacked {town[0]} on Monday, officials said. "
            f"Residents of {town[0]} protested. Police arrested {group} members.")
    words = Counter([town[0].lower()] * 2 + [group.lower()] + rng.sample(WORDS, 6))
    terms = {f"w:{w}": c for w, c in words.items()}
    terms.update({f"n:{town[0].lower()}": 2, f"n:{group.lower()}": 2})
    terms.update({f"f:place/{town[0].lower()}": 1, f"f:actor/{group.lower()}": 1})
    return {"id": f"gen-{k:07d}", "published": published, "town": town, "group": group,
            "text": text, "terms": terms}


def _mention(a: dict, j: int) -> dict:
    pair = int(a["id"][4:]) // 2
    kind = TYPES[(pair + j) % len(TYPES)]
    day = (a["published"] - dt.timedelta(days=1)).isoformat()
    name, lat, lon, country = TOWNS[(pair + 401 * j) % len(TOWNS)]
    return {
        "id": f"{a['id']}-m{j}", "article_id": a["id"], "event_type": kind,
        "mode": MODES.get(kind), "actors": [{"text": a["group"], "name": a["group"]}],
        "recipients": [], "confidence": 0.7,
        "location": {"text": name, "name": name, "lat": lat, "lon": lon, "country": country,
                     "precision": 1},
        "date": {"text": "Monday", "start": day, "end": day, "precision": "day",
                 "reason": "generated"},
        "evidence": {"quote": a["text"][:60], "start": 0, "end": 60, "sentence": 0},
    }


def _rows(n_mentions: int, seed: int):
    """Yield (table, row) for every generated row, article by article."""
    rng = random.Random(seed)
    n_articles = n_mentions // PER_ARTICLE
    for k in range(n_articles):
        a = _article(k, n_articles, rng)
        pub = a["published"].isoformat()
        yield "articles", (a["id"], f"h{k}", None, None, None, pub, "en", a["text"])
        yield "article_terms", (a["id"], pub, json.dumps(a["terms"], sort_keys=True))
        for t in sorted(a["terms"]):
            if t.startswith("n:") or t.startswith("w:town"):
                yield "term_index", (t, a["id"])
        yield "df", tuple(a["terms"])
        for j in range(PER_ARTICLE):
            m = _mention(a, j)
            day, place = m["date"]["start"], m["location"]
            lat, lon, country = place["lat"], place["lon"], place["country"]
            yield "mentions", (m["id"], a["id"], json.dumps(m), m["event_type"], day, day,
                               country, lat, lon, 0, 60, a["text"][:60])
            # Articles 2i and 2i+1 tell the same events: mention j of both is one event.
            owner = f"gen-{k - k % 2:07d}-m{j}"
            yield "event_mentions", (f"ev-{owner}", m["id"])
            if k % 2 == 0:
                stored = dict(m, id=f"ev-{owner}", mentions=[m["id"], f"gen-{k + 1:07d}-m{j}"],
                              sources=[a["id"], f"gen-{k + 1:07d}"], links=[])
                yield "events", (f"ev-{owner}", json.dumps(stored), m["event_type"], day, day,
                                 country, lat, lon, a["group"].lower(), m["evidence"]["quote"])


SQL = {
    "articles": "INSERT INTO articles (id, content_hash, title, source, url, published, "
                "language, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "article_terms": "INSERT INTO article_terms (article_id, published, terms) VALUES (?, ?, ?)",
    "term_index": "INSERT INTO term_index (term, article_id) VALUES (?, ?)",
    "mentions": "INSERT INTO mentions (id, article_id, record, event_type, date_start, date_end, "
                "country, lat, lon, context_start, context_end, context) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "events": "INSERT INTO events (id, record, event_type, date_start, date_end, country, lat, "
              "lon, actor_text, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "event_mentions": "INSERT INTO event_mentions (event_id, mention_id) VALUES (?, ?)",
}


def generate(path: Path, n_mentions: int, seed: int = 7) -> None:
    """A store of ``n_mentions`` generated mentions at ``path`` (replaced if present)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    open_store(str(path)).close()                      # the schema, by the migrations
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    batch: dict[str, list] = {t: [] for t in SQL}
    df: Counter = Counter()
    for table, row in _rows(n_mentions, seed):
        if table == "df":
            df.update(row)
            continue
        batch[table].append(row)
        if len(batch[table]) >= 20000:
            conn.executemany(SQL[table], batch[table])
            batch[table] = []
    for table, rows in batch.items():
        conn.executemany(SQL[table], rows)
    conn.executemany("INSERT INTO term_df (term, df) VALUES (?, ?)", sorted(df.items()))
    conn.execute("COMMIT")
    conn.close()


# ---- the new articles and the measurement ---------------------------------------------------

def new_articles(path: Path) -> None:
    """100 articles: the ten samples, each published on ten dates inside the generated years."""
    samples = [json.loads(line) for line in (ROOT / "samples" / "articles.jsonl").open()]
    with path.open("w") as f:
        for k in range(10):
            shift = dt.timedelta(days=90 * k - 365)
            for s in samples:
                published = dt.date.fromisoformat(s["published"]) + shift
                f.write(json.dumps(dict(s, id=f"{s['id']}-v{k}", published=published.isoformat(),
                                        url=None)) + "\n")


def measure(store: Path, articles: Path) -> tuple[float, float, str]:
    """Wall seconds and peak resident MiB of `flashpoint ingest`, and its last stderr line."""
    t0 = time.perf_counter()
    child = subprocess.Popen([str(EXE), "ingest", str(articles), "--db", str(store)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - t0
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"flashpoint ingest failed ({child.returncode}): {err[-2000:]}")
    return took, usage.ru_maxrss / 1024, err.strip().splitlines()[-1]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--workdir", type=Path, default=None,
                    help="where the generated stores go (default: a temporary folder)")
    args = ap.parse_args(argv)
    if not EXE.exists():
        print(f"{EXE} is missing: run `make install` first", file=sys.stderr)
        return 2
    work = args.workdir or Path(os.environ.get("TMPDIR", "/tmp")) / f"flashpoint-scale-{os.getpid()}"
    work.mkdir(parents=True, exist_ok=True)
    try:
        articles = work / "new-articles.jsonl"
        new_articles(articles)
        print(f"{'mentions':>10} {'generate s':>11} {'ingest 100 s':>13} {'peak MiB':>9}")
        for n in args.sizes:
            store = work / f"store-{n}.db"
            t0 = time.perf_counter()
            generate(store, n)
            made = time.perf_counter() - t0
            took, peak, summary = measure(store, articles)
            print(f"{n:>10,} {made:>11.1f} {took:>13.1f} {peak:>9.0f}   {summary}", flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
