"""Extraction against the PLOVER gold standard records, and what it finds in the two seeds.

Run:  .venv/bin/python benchmarks/plover_gsr.py [--errors N]

Reads ../shared/data/plover_gsr/plover_gsr.jsonl (PLOVER 0.5b1 names, mapped to 2021 ones:
DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT; DOCUMENT dropped).
Each sentence is one article; its prediction is the highest-confidence draft (none = wrong).

Span matching, printed with the figures:
- overlap: a predicted span matches a gold span when they share a content word
  (case-folded, determiners and function words ignored); one-to-one, greedy.
- exact: the two spans are equal after case-folding and stripping leading determiners.
Actor (source) and recipient (target) P/R/F1 are micro-averaged over all sentences.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GSR = SHARED / "data" / "plover_gsr" / "plover_gsr.jsonl"
SEEDS = {"000_cd5e1ed8b1a8a8d0.txt": dt.date(2020, 3, 15), "003_c5122276bae205d9.txt": dt.date(2019, 12, 30)}
RENAME = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
FUNCTION = frozenset("the a an of and in on at to for by with 's s".split())
WORD = re.compile(r"[\w'-]+")


def load_gold() -> list[dict]:
    records = []
    for line in GSR.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        event = RENAME.get(rec["event"], rec["event"])
        if event == "DOCUMENT":
            continue
        rec["event"] = event
        records.append(rec)
    return records


def gold_spans(text: str, actors) -> list[tuple[int, int]]:
    """Locate each gold actorText in the sentence (the file gives text, not offsets)."""
    spans = []
    for actor in actors if isinstance(actors, list) else []:
        name = (actor.get("actorText") or "").strip()
        for piece in re.split(r"\s*\.\.+\s*", name):
            at = text.lower().find(piece.lower()) if piece else -1
            if at >= 0:
                spans.append((at, at + len(piece)))
                break
    return spans


def content(text: str) -> set[str]:
    return {w for w in (m.group().lower().strip("'") for m in WORD.finditer(text)) if w and w not in FUNCTION}


def exact_key(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text.lower().strip(" .,;:\"'()")).strip()


def match(pred: list[str], gold: list[str], same) -> int:
    used, hits = set(), 0
    for g in gold:
        for k, p in enumerate(pred):
            if k not in used and same(p, g):
                used.add(k)
                hits += 1
                break
    return hits


class SpanScore:
    def __init__(self):
        self.pred = self.gold = self.overlap = self.exact = 0

    def add(self, pred: list[str], gold: list[str]) -> None:
        self.pred += len(pred)
        self.gold += len(gold)
        self.overlap += match(pred, gold, lambda p, g: bool(content(p) & content(g)))
        self.exact += match(pred, gold, lambda p, g: exact_key(p) == exact_key(g))

    def line(self, name: str) -> str:
        def prf(hit):
            p = hit / self.pred if self.pred else 0.0
            r = hit / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)
        o, e = prf(self.overlap), prf(self.exact)
        return (f"{name:<22} overlap P={o[0]:.3f} R={o[1]:.3f} F1={o[2]:.3f} | "
                f"exact P={e[0]:.3f} R={e[1]:.3f} F1={e[2]:.3f}  (pred {self.pred}, gold {self.gold})")


def macro_f1(pairs: list[tuple[str, str]]) -> tuple[float, dict]:
    types = sorted({g for g, _ in pairs})
    table = {}
    for t in types:
        tp = sum(1 for g, p in pairs if g == t and p == t)
        fp = sum(1 for g, p in pairs if g != t and p == t)
        fn = sum(1 for g, p in pairs if g == t and p != t)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        table[t] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0, tp + fn)
    return sum(v[2] for v in table.values()) / len(table), table


BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))


def calibration(scored: list[tuple[float, bool]]) -> str:
    """Type accuracy of the top draft by its confidence band: higher bands must be more accurate."""
    lines = ["calibration: type accuracy by confidence band (sentences with a draft)"]
    for lo, hi in BANDS:
        hits = [ok for conf, ok in scored if lo <= conf < hi]
        acc = f"{sum(hits) / len(hits):.3f}" if hits else "  -  "
        label = f"<{hi:.2f}" if lo == 0.0 else (f">={lo:.2f}" if hi > 1 else f"{lo:.2f}-{hi:.2f}")
        lines.append(f"  {label:<10} accuracy {acc}  n={len(hits)}")
    return "\n".join(lines)


def run_gsr(nlp, show_errors: int) -> None:
    from flashpoint.extract import entity_mentions, extract
    from flashpoint.record import Article

    records = load_gold()
    pairs, actors, recipients, errors, scored = [], SpanScore(), SpanScore(), [], []
    for rec in records:
        text = rec["text"]
        article = Article(id=rec["id"], text=text)
        doc = nlp(article.masked_text())
        drafts = extract(article, doc, *entity_mentions(article, doc))
        best = max(drafts, key=lambda d: d.confidence, default=None)
        predicted = best.event_type if best else "NONE"
        pairs.append((rec["event"], predicted))
        if best is not None:
            scored.append((best.confidence, predicted == rec["event"]))
        said = (lambda spans: [text[a:b] for a, b in spans])
        actors.add(said(best.actors) if best else [], said(gold_spans(text, rec.get("source"))))
        recipients.add(said(best.recipients) if best else [], said(gold_spans(text, rec.get("target"))))
        if predicted != rec["event"]:
            errors.append(f"  gold {rec['event']:<9} pred {predicted:<9} | {text[:150]}")
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    macro, table = macro_f1(pairs)
    print(f"PLOVER GSR: {len(pairs)} sentences (old names mapped; DOCUMENT dropped)")
    print(f"type accuracy   {accuracy:.3f}   (target >= 0.80)")
    print(f"macro-F1 types  {macro:.3f}   (target >= 0.70)")
    print(actors.line("actor (source) spans") + "   (target overlap F1 >= 0.75)")
    print(recipients.line("recipient (target)"))
    print("per type: P / R / F1 / gold count")
    for t, (p, r, f, n) in table.items():
        print(f"  {t:<10} {p:.2f} {r:.2f} {f:.2f} {n}")
    print(f"no draft at all: {sum(p == 'NONE' for _, p in pairs)}")
    print(calibration(scored))
    for line in errors[:show_errors]:
        print(line)


def seed_mentions(article, doc):
    """The project's own place and date finders, as the pipeline runs them."""
    from flashpoint.resolve.places.places import PlaceResolver
    from flashpoint.resolve.time.time import find_dates

    return PlaceResolver().find(article, doc), find_dates(article, doc)


def run_seeds(nlp) -> None:
    from flashpoint.extract import extract
    from flashpoint.ingest.clean import clean
    from flashpoint.record import Article

    for name, published in SEEDS.items():
        path = SHARED / "seeds" / name
        article = Article(id=path.stem, text=path.read_text(encoding="utf-8"), published=published)
        article = clean(article)
        doc = nlp(article.masked_text())
        places, dates = seed_mentions(article, doc)
        print(f"\nseed {name} (published {published}):")
        for d in extract(article, doc, places, dates):
            print("  " + describe(d, article.text, places, dates))


def describe(d, text, places, dates) -> str:
    cut = lambda s: text[s[0]:s[1]].replace("\n", " ")
    count = lambda c: "-" if c is None else str(c.best)
    when = [dates[k].when.start.isoformat() if dates[k].when.start else dates[k].text for k in d.dates]
    return (f"{d.event_type}/{d.mode or '-'} [{d.acled_sub_event_type or '-'}; CAMEO {d.cameo}] "
            f"conf={d.confidence:.2f}{' BACKGROUND' if d.background else ''} "
            f"trigger={cut(d.trigger)!r} actors={[cut(a) for a in d.actors]} "
            f"recipients={[cut(r) for r in d.recipients]} places={[places[k].text for k in d.places]} "
            f"dates={when} killed={count(d.fatalities)} injured={count(d.injuries)}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many wrongly typed sentences")
    parser.add_argument("--no-seeds", action="store_true")
    opts = parser.parse_args(argv)
    if not GSR.exists():
        print(f"{GSR} is absent: the benchmark needs the team's shared data folder", file=sys.stderr)
        return 1
    from flashpoint.nlp import load_pipeline

    nlp = load_pipeline()
    run_gsr(nlp, opts.errors)
    if not opts.no_seeds:
        run_seeds(nlp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
