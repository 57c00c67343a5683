"""GeoVirus benchmark for the place resolver: toponym spans found, and places resolved.

Reads ../shared/data/geovirus/GeoVirus.xml (229 Wikinews articles, 2,170 gold toponyms with
coordinates; see its PROVENANCE.md) and prints:
- span precision/recall/F1 of PlaceResolver.find against the gold spans, exact and overlapping
  (demonym mentions are left out: GeoVirus annotates toponyms, not adjectives);
- resolution on gold spans (each gold span resolved with the article as context):
  accuracy within 161 km, within 25 km, mean and median error km, share left unresolved;
- end to end: the same on the found spans that overlap a gold span;
- time per run (model load, gazetteer load, articles).

Usage: .venv/bin/python benchmarks/geovirus.py [--limit N] [--shared PATH] [--errors N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load(shared: Path) -> list[dict]:
    path = shared / "data" / "geovirus" / "GeoVirus.xml"
    if not path.exists():
        sys.exit(f"GeoVirus not found at {path}; pass --shared PATH to the shared folder")
    articles = []
    for i, a in enumerate(ET.parse(path).getroot().findall("article")):
        # GeoVirus offsets count from 1: text[start - 1:end - 1] is the name.
        gold = [(int(l.findtext("start")) - 1, int(l.findtext("end")) - 1, l.findtext("name"),
                 float(l.findtext("lat")), float(l.findtext("lon")))
                for l in a.find("locations")]
        articles.append({"id": f"geovirus-{i:03d}", "text": a.findtext("text"), "gold": gold})
    return articles


def prf(tp: int, found: int, gold: int) -> tuple[float, float, float]:
    p = tp / found if found else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def errors_km(pairs) -> list[float]:
    from flashpoint.resolve.places.places import _km

    return [_km(p.lat, p.lon, lat, lon) if p else float("inf") for p, lat, lon in pairs]


def report(name: str, errs: list[float]) -> None:
    finite = [e for e in errs if e != float("inf")]
    n = len(errs)
    print(f"{name}: n={n} acc@161km={sum(e <= 161 for e in errs) / n:.3f} "
          f"acc@25km={sum(e <= 25 for e in errs) / n:.3f} unresolved={(n - len(finite)) / n:.3f} "
          f"mean_km={statistics.fmean(finite):.0f} median_km={statistics.median(finite):.0f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="print the N worst resolutions")
    ap.add_argument("--causes", action="store_true",
                    help="count the misses (> 161 km) on gold spans by cause")
    args = ap.parse_args(argv)
    articles = load(args.shared)[: args.limit or None]

    from flashpoint.nlp import load_pipeline
    from flashpoint.record import Article
    from flashpoint.resolve.places.places import PlaceResolver

    t0 = time.perf_counter()
    nlp = load_pipeline()
    t1 = time.perf_counter()
    resolver = PlaceResolver()
    t2 = time.perf_counter()
    counts = {"exact": 0, "overlap": 0, "found": 0, "gold": 0}
    on_gold, end_to_end, worst = [], [], []
    causes = Counter()
    for a in articles:
        art = Article(id=a["id"], text=a["text"])
        doc = nlp(art.masked_text())
        found = [m for m in resolver.find(art, doc) if not resolver.gazetteer.demonym(m.text)]
        gold = a["gold"]
        counts["found"] += len(found)
        counts["gold"] += len(gold)
        spans = {(m.start, m.end) for m in found}
        counts["exact"] += sum((g[0], g[1]) in spans for g in gold)
        counts["overlap"] += sum(any(m.start < g[1] and g[0] < m.end for m in found) for g in gold)
        places = resolver.resolve_spans(art, doc, [(g[0], g[1]) for g in gold])
        if args.causes:
            causes.update(_causes(resolver, art, doc, gold, places))
        on_gold += [(p, g[3], g[4]) for p, g in zip(places, gold)]
        worst += [(g[2], p, g[3], g[4], a["id"]) for p, g in zip(places, gold)]
        for g in gold:
            hit = next((m for m in found if m.start < g[1] and g[0] < m.end), None)
            if hit:
                end_to_end.append((hit.place, g[3], g[4]))
    t3 = time.perf_counter()

    print(f"GeoVirus: {len(articles)} articles, {counts['gold']} gold toponyms, "
          f"{counts['found']} found")
    for kind in ("exact", "overlap"):
        p, r, f = prf(counts[kind], counts["found"], counts["gold"])
        print(f"span {kind}: precision={p:.3f} recall={r:.3f} F1={f:.3f}")
    report("resolution on gold spans", errors_km(on_gold))
    # Areas (provinces, countries, continents) are scored against the gold's chosen centre
    # (Wikipedia's), which can lie 200+ km from another source's centre of the same area.
    report("  of which resolved to a town/base/district",
           errors_km([x for x in on_gold if x[0] and x[0].precision <= 3]))
    report("  of which resolved to a province/region/country",
           errors_km([x for x in on_gold if x[0] and x[0].precision >= 4]))
    report("end to end on matched spans", errors_km(end_to_end))
    print(f"time: model load {t1 - t0:.1f}s, gazetteer load {t2 - t1:.2f}s, "
          f"{len(articles)} articles {t3 - t2:.1f}s ({(t3 - t2) / len(articles) * 1000:.0f} ms each)")
    if args.errors:
        _print_worst(worst, args.errors)
    if args.causes:
        print("misses by cause (gold spans, error > 161 km):")
        for cause, k in causes.most_common():
            print(f"  {k:4d} {cause}")
    return 0


def _causes(resolver, art, doc, gold, places) -> Counter:
    """Why each miss missed: no answer, a wrong candidate chosen (one within 161 km existed;
    same country or not), the right area but its centre far from the gold's, or no candidate
    near the gold at all (the gazetteer lacks the place)."""
    from flashpoint.resolve.places.places import _km
    from flashpoint.resolve.places.toponyms import spots_for_spans

    spots = spots_for_spans(art, [(g[0], g[1]) for g in gold], resolver.gazetteer)
    out = Counter()
    for spot, place, g in zip(spots, places, gold):
        if place and _km(place.lat, place.lon, g[3], g[4]) <= 161:
            continue
        near = [c for c in spot.candidates if _km(c.lat, c.lon, g[3], g[4]) <= 161]
        if place is None:
            out["unresolved, a candidate was near" if near else "unresolved, none near"] += 1
        elif near:
            same = any(resolver.gazetteer.iso3(c.country) == place.country for c in near)
            out["wrong choice, same country" if same else "wrong choice, other country"] += 1
        elif place.precision >= 4 and _km(place.lat, place.lon, g[3], g[4]) < 1500:
            out[f"area centre far (precision {place.precision})"] += 1
        else:
            out["no candidate near (gazetteer lacks it)"] += 1
    return out


def _print_worst(rows, n: int) -> None:
    errs = errors_km([(p, lat, lon) for _, p, lat, lon, _ in rows])
    bad = Counter()
    for (name, p, lat, lon, aid), e in zip(rows, errs):
        if e > 161:
            bad[(name, p.name if p else None, p.country if p else None, round(lat), round(lon))] += 1
    for key, k in bad.most_common(n):
        print(k, key)


if __name__ == "__main__":
    raise SystemExit(main())
