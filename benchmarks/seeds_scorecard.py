"""Scorecard for the two seed articles: the events a human ACLED/PLOVER coder would record,
hand-coded below as data, against what the full pipeline finds.

Run:  .venv/bin/python benchmarks/seeds_scorecard.py [--verbose]

Matching (one-to-one, greedy in gold order): same PLOVER type, date within one day (a gold
date of None is an undated statement: any predicted date inside the reporting window, or no
date, is accepted), and a compatible place (gold places empty = any; else the predicted
location's name is one of the gold names, or it is a region/country in the gold country),
and no conflicting actor (a prediction whose actors all carry another country is not it).
Optional gold events (``core=False``) are ones a coder might or might not keep: a prediction
matching one is not spurious, but missing one does not lower recall.

Figures: event recall (core only) and precision, casualty accuracy on matched events (only
where the gold gives a count; None predicted is wrong), actor-country accuracy on matched
events (some predicted actor has the gold country), then the missed and spurious lists.
The coding reads only the article text (e.g. "a week later" than January 3 is January 10).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
D = dt.date


@dataclass
class Gold:
    type: str
    mode: Optional[str]
    actor: Optional[str]            # ISO3 country of the actor (None: not scored)
    sector: Optional[str]
    recipient: str                  # who it was done to, in words
    places: tuple[str, ...]         # acceptable location names; empty: any
    country: Optional[str]          # ISO3 of the location
    date: Optional[dt.date]
    killed: Optional[int] = None    # None: not scored
    injured: Optional[int] = None
    core: bool = True
    note: str = ""
    any_date: bool = False          # background recalled from years before: date not scored


A000 = "000_cd5e1ed8b1a8a8d0.txt"
A003 = "003_c5122276bae205d9.txt"
PUBLISHED = {A000: D(2020, 3, 15), A003: D(2019, 12, 30)}
TAJI = ("Camp Taji", "Taji")

GOLD: dict[str, list[Gold]] = {
    A000: [
        Gold("REQUEST", None, "USA", "GOV", "Iraqi government", (), "IRQ", None,
             note="Washington demanding Iraqi action against the militia (standfirst)"),
        Gold("CONSULT", None, "GBR", "GOV", "Iraqi Shiite political forces", (), "IRQ", None,
             note="Britain in talks with Iraqi Shiite political forces"),
        Gold("ASSAULT", "drone", "USA", "GOV", "Suleimani, Al Muhandis", ("Baghdad",), "IRQ", D(2020, 1, 3),
             killed=2, note="US drone strike near Baghdad airport (background)"),
        Gold("ASSAULT", "heavy-weapons", "IRN", "GOV", "Iraqi bases housing US troops", (), "IRQ",
             D(2020, 1, 10), killed=0, injured=0, note="Iran missile strikes a week later, no casualties"),
        Gold("ASSAULT", "heavy-weapons", "IRQ", "PRM", "US and UK advisers at Taji", TAJI, "IRQ",
             D(2020, 3, 11), killed=3, injured=12, note="militia rockets on Taji, 3 killed 12 wounded"),
        Gold("ASSAULT", "aerial", "USA", "GOV", "Iraqi Army / PMF 46th Brigade",
             ("Jurf al-Sakhr", "Jurf Al Sakhr"), "IRQ", D(2020, 3, 13), killed=4, injured=7,
             note="US air strikes, Jurf Al Sakhr (toll told for all sites; the most serious strike)"),
        Gold("ASSAULT", "aerial", "USA", "GOV", "Iraqi forces / PMF", ("Al-Musayab", "Al Musayyib", "Musayyib"),
             "IRQ", D(2020, 3, 13), note="US air strikes, Al Musayyib"),
        Gold("ASSAULT", "aerial", "USA", "GOV", "Iraqi forces / PMF", ("Iskandariya", "Alexandria"),
             "IRQ", D(2020, 3, 13), note="US air strikes, Alexandria (Iskandariya)"),
        Gold("ASSAULT", "aerial", "USA", "GOV", "Iraqi forces / PMF", ("Najaf",), "IRQ", D(2020, 3, 13),
             note="US air strikes, Najaf"),
        Gold("ACCUSE", None, "USA", "GOV", "Kataib Hezbollah", (), "IRQ", D(2020, 3, 13),
             note="Washington pointed the finger at Kataib Hezbollah"),
        Gold("ASSAULT", "heavy-weapons", None, None, "US and Iraqi troops at Taji", TAJI, "IRQ",
             D(2020, 3, 14), injured=3, note="next-day rocket barrage on Taji, 3 US troops + several Iraqis hurt"),
        Gold("THREATEN", None, "USA", "GOV", "Kataib Hezbollah", (), None, None,
             note="US vowed to respond with more strikes against KH"),
        Gold("CONSULT", None, "IRQ", "PRM", "Americans", (), None, None,
             note="negotiations through Iraqi mediators between the militia and the Americans"),
        Gold("REQUEST", None, "IRQ", "PRM", "American forces", (), None, None,
             note="Shiite faction leaders incl. KH demanding removal of American forces"),
        Gold("ACCUSE", None, "USA", "GOV", "Iraqi government", (), None, None, core=False,
             note="US officials: Iraqi government doing little to prevent attacks"),
        Gold("RETREAT", None, "IRQ", "PRM", "", (), None, None, core=False,
             note="KH leaders abandoned their headquarters after the strikes"),
        Gold("REQUEST", None, "GBR", "GOV", "", (), None, None, core=False,
             note="UK pushing hard for diplomatic options"),
        Gold("COERCE", None, "IRQ", "PRM", "residents of Jurf Al Sakhr", (), None, None, core=False,
             note="militia preventing people from returning home"),
        Gold("REQUEST", None, "USA", "GOV", "Iraqi government", (), None, None, core=False,
             note="US demands that the Iraqi government disband the militias; expects a response"),
        Gold("THREATEN", None, "USA", "GOV", "Iraq", (), None, None, core=False,
             note="US will likely take further action otherwise"),
    ],
    A003: [
        Gold("ASSAULT", "aerial", "USA", "GOV", "Kata'ib Hizbollah", (), "IRQ", D(2019, 12, 29),
             killed=4, injured=30, note="US strikes on KH in Iraq; base on the Iraq-Syria border, 4 killed 30 hurt"),
        Gold("ASSAULT", "aerial", "USA", "GOV", "Kata'ib Hizbollah", (), "SYR", D(2019, 12, 29), core=False,
             note="the two US strikes in Syria (no place named beyond the country)"),
        Gold("ASSAULT", "heavy-weapons", "IRQ", "PRM", "US contractor", (), "IRQ", D(2019, 12, 27), killed=1,
             note="Friday rocket attack in Iraq killing an American civilian contractor"),
        Gold("ACCUSE", None, "USA", "GOV", "Kata'ib Hizbollah", (), None, None,
             note="Washington blames KH for the rocket attack"),
        Gold("REQUEST", None, "USA", "GOV", "Iran, Kata'ib Hizbollah", (), None, None,
             note="Hoffman: Iran and KH must cease their attacks"),
        Gold("ASSAULT", None, "IRQ", "PRM", "American troops", (), "IRQ", None, core=False, any_date=True,
             note="background: KH fought American troops during the post-2003 occupation"),
        Gold("PROTEST", "demo", "IRQ", "CVL", "political elite", (), "IRQ", None, core=False,
             note="mass protests against the political elite (ongoing context)"),
    ],
}


def _window_ok(when, gold: Optional[dt.date], published: dt.date) -> bool:
    """A predicted range ("a week later": a week) matches when gold lies within a day of it."""
    start, end = when.start, when.end or when.start
    if gold is None:
        return start is None or published - dt.timedelta(days=4) <= start <= published
    one = dt.timedelta(days=1)
    return start is not None and start - one <= gold <= end + one


def _actor_ok(event, gold: Gold) -> bool:
    """An event whose actors all name another country is some other actor's event."""
    countries = {a.country for a in event.actors if a.country}
    return gold.actor is None or not countries or gold.actor in countries


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _place_ok(event, gold: Gold) -> bool:
    if not gold.places:
        loc = event.location
        return gold.country is None or loc is None or loc.country in (gold.country, None)
    loc = event.location
    if loc is None:
        return False
    names = {_norm(p) for p in gold.places}
    if _norm(loc.name) in names or _norm(loc.text) in names:
        return True
    return loc.precision >= 4 and loc.country == gold.country


def matches(event, gold: Gold, published: dt.date) -> bool:
    return (event.event_type == gold.type and (gold.any_date or _window_ok(event.date, gold.date, published))
            and _place_ok(event, gold) and _actor_ok(event, gold))


def pair(events, golds: list[Gold], published: dt.date) -> dict[int, int]:
    """gold index -> event index; core events pick first, exact place names before countries."""
    taken: dict[int, int] = {}
    order = sorted(range(len(golds)), key=lambda g: not golds[g].core)
    for g in order:
        options = [i for i, e in enumerate(events) if i not in taken.values() and matches(e, golds[g], published)]
        if options:
            named = [i for i in options if events[i].location is not None and golds[g].places
                     and _norm(events[i].location.name) in {_norm(p) for p in golds[g].places}]
            taken[g] = (named or options)[0]
    return taken


def run_article(name: str):
    from flashpoint.ingest.readers import read_inputs
    from flashpoint.pipeline import Pipeline

    results = list(Pipeline().run(read_inputs([str(SEEDS / name)], published=PUBLISHED[name])))
    return [e for r in results for e in r.events]


def describe(e) -> str:
    loc = e.location.name if e.location is not None else "-"
    actors = ",".join(f"{a.text}[{a.country}]" for a in e.actors) or "-"
    recips = ",".join(a.text for a in e.recipients) or "-"
    k = e.fatalities.best if e.fatalities else None
    i = e.injuries.best if e.injuries else None
    return (f"{e.event_type}/{e.mode} {actors} -> {recips} @ {loc} {e.date.start} k={k} i={i}"
            f"{' bg' if e.background else ''} | {e.evidence.quote[:80]!r}")


def score(verbose: bool = False) -> dict:
    tot = {"core": 0, "hit": 0, "pred": 0, "pred_ok": 0, "cas": 0, "cas_ok": 0, "act": 0, "act_ok": 0}
    for name, golds in GOLD.items():
        events = run_article(name)
        taken = pair(events, golds, PUBLISHED[name])
        print(f"\n== {name} (published {PUBLISHED[name]}): {len(events)} events predicted")
        _tally(tot, golds, events, taken)
        _print_lists(golds, events, taken, verbose)
    return tot


def _tally(tot: dict, golds: list[Gold], events, taken: dict[int, int]) -> None:
    tot["core"] += sum(g.core for g in golds)
    tot["hit"] += sum(golds[g].core for g in taken)
    tot["pred"] += len(events)
    tot["pred_ok"] += len(taken)
    for g, i in taken.items():
        gold, e = golds[g], events[i]
        for want, got in ((gold.killed, e.fatalities), (gold.injured, e.injuries)):
            if want is not None:
                tot["cas"] += 1
                tot["cas_ok"] += got is not None and got.best == want
        if gold.actor is not None:
            tot["act"] += 1
            tot["act_ok"] += any(a.country == gold.actor for a in e.actors)


def _print_lists(golds: list[Gold], events, taken: dict[int, int], verbose: bool) -> None:
    for g, gold in enumerate(golds):
        if g not in taken and gold.core:
            print(f"  MISSED   {gold.type}/{gold.mode} {gold.date} {gold.note}")
    used = set(taken.values())
    for i, e in enumerate(events):
        if i not in used:
            print(f"  SPURIOUS {describe(e)}")
    if verbose:
        for g, i in sorted(taken.items()):
            print(f"  matched  {golds[g].note}\n           {describe(events[i])}")


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="also list the matched pairs")
    opts = parser.parse_args(argv)
    if not SEEDS.is_dir():
        print(f"seeds scorecard skipped: {SEEDS} is absent (the shared folder next to the repo)")
        return 0
    tot = score(opts.verbose)
    print("\nSEEDS SCORECARD")
    print(f"event recall (core)        {_ratio(tot['hit'], tot['core'])}")
    print(f"event precision            {_ratio(tot['pred_ok'], tot['pred'])}")
    print(f"casualty accuracy (matched) {_ratio(tot['cas_ok'], tot['cas'])}")
    print(f"actor-country acc (matched) {_ratio(tot['act_ok'], tot['act'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
