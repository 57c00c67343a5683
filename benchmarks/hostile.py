"""Hostile inputs through the real command line: what a crawler, a script or a careless user
sends. Each case runs `flashpoint` as a user would and checks the exit code, that no traceback
and no password reaches standard error, and the case's own promise. Prints the counts.

    .venv/bin/python benchmarks/hostile.py

The kill loop has its own figures:
    .venv/bin/python -m pytest tests/store/test_store_kill_loop.py -q -s
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

FLASHPOINT = str(Path(sys.executable).with_name("flashpoint"))
SECRET = "Hunter2pw"
ATTACK = "Gunmen killed five soldiers near Kirkuk on Monday, police said."


@dataclass
class Case:
    name: str
    shell: str                      # a bash line; "fp" is the flashpoint command
    code: int                       # the exit code a script should see
    check: Optional[Callable[[subprocess.CompletedProcess], bool]] = None
    notes: list[str] = field(default_factory=list)


def cases(tmp: Path) -> list[Case]:
    _files(tmp)
    db = tmp / "store.db"
    urls = [f"PostgreSQL://fp:{SECRET}@127.0.0.1:1/db", f"postgresql://fp:{SECRET}%zz@h:5432/db",
            f"postgresql://fp:{SECRET} x@h:5432/db", f"postgresql://fp:{SECRET}@h:54x2/db",
            f"postgresql://fp:{SECRET}@h:99999/db", f"postgresql://fp:{SECRET}@[::1/db",
            "postgresql://fp:Hun@ter2pw@127.0.0.1:1/db"]
    return [
        Case("missing file (extract)", f"fp extract {tmp}/gone.txt", 2),
        Case("missing files (ingest) make no store",
             f"fp ingest {tmp}/gone.txt {tmp}/no.jsonl --db {tmp}/never.db", 2,
             lambda r: not (tmp / "never.db").exists()),
        Case("closed standard input", "fp extract - <&-", 2),
        Case("empty standard input", "fp extract - </dev/null", 2),
        Case("plain text on standard input", f"echo '{ATTACK}' | fp extract - --published "
             "2024-05-07", 0, lambda r: ATTACK in r.stdout),
        Case("one bad JSON line among good", f"fp extract {tmp}/mixed.jsonl", 1),
        Case("UTF-16 with byte-order mark", f"fp extract {tmp}/wide.txt --published 2024-05-07",
             0, lambda r: "Kirkuk" in r.stdout),
        Case("UTF-16 without byte-order mark", f"fp extract {tmp}/wide-le.txt --published "
             "2024-05-07", 0, lambda r: "Kirkuk" in r.stdout),
        Case("Latin-1 bytes", f"fp extract {tmp}/latin1.txt", 2),
        Case("symbolic link loop", f"fp extract {tmp}/loop.txt", 2,
             lambda r: "loops" in r.stderr),
        Case("HTML nested 270 levels", f"fp extract {tmp}/deep.html --published 2024-05-07",
             0, lambda r: "Kirkuk" in r.stdout),
        Case("right-to-left marks between sentences",
             f"fp extract {tmp}/rtl.txt --published 2024-05-07", 0,
             lambda r: len(r.stdout.splitlines()) == 2),
        Case("a 10 MB line next to a good one", f"fp extract {tmp}/long-line.jsonl", 1,
             lambda r: "Kirkuk" in r.stdout),
        Case("one name in two folders", f"fp ingest {tmp}/mon {tmp}/tue --db {db}", 1,
             lambda r: "FP104" in r.stderr),
        Case("repeated id, first ingest", f"fp ingest {tmp}/repeat.jsonl --db {tmp}/r.db", 1),
        Case("repeated id, second ingest changes nothing",
             f"fp ingest {tmp}/repeat.jsonl --db {tmp}/r.db", 1,
             lambda r: "0 articles added, 0 replaced, 1 unchanged" in r.stderr),
        Case("formula cells in CSV", f"fp ingest {tmp}/formula.jsonl --db {tmp}/f.db && "
             f"fp events --db {tmp}/f.db --format csv && fp events --db {tmp}/f.db --format acled",
             0, _no_formula),
        Case("a store with no events", f"fp ingest {tmp}/calm.txt --db {tmp}/calm.db", 0,
             lambda r: "The store holds 0 events." in r.stderr),
        Case("another program's SQLite file", f"fp events --db {tmp}/shop.db", 2,
             lambda r: sqlite3.connect(tmp / "shop.db").execute("PRAGMA journal_mode")
             .fetchone() == ("delete",)),
        Case("a text file as the store", f"fp events --db {tmp}/notes.db", 2),
        Case("an unknown store scheme", f"fp events --db 'mysql://root:{SECRET}@h/db'", 2),
        *[Case(f"malformed PostgreSQL URL {i + 1}", f"fp events --db '{u}'", 2)
          for i, u in enumerate(urls)],
        Case("unknown export format", f"fp events --db {db} --format xlsx", 2),
        Case("bad --published", f"fp extract {tmp}/calm.txt --published 30/12/2019", 2),
        Case("explain an unknown id", f"fp explain nope --db {db}", 2),
    ]


def _no_formula(r: subprocess.CompletedProcess) -> bool:
    import csv
    import io

    parts = r.stdout.split("event_id_cnty,")  # the csv export, then the acled export
    cells = [c for part in (parts[0], "event_id_cnty," + parts[1])
             for row in csv.reader(io.StringIO(part)) for c in row]
    return not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")
                or c[:1] == "-" and not _number(c)] and any(c.startswith("'=") for c in cells)


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _files(tmp: Path) -> None:
    (tmp / "mixed.jsonl").write_text(json.dumps({"id": "m1", "text": ATTACK}) + "\n{bad\n")
    (tmp / "wide.txt").write_bytes(ATTACK.encode("utf-16"))
    (tmp / "wide-le.txt").write_bytes(ATTACK.encode("utf-16-le"))
    (tmp / "latin1.txt").write_bytes("Soldats tués à Kirkouk.".encode("latin-1"))
    os.symlink(tmp / "loop.txt", tmp / "loop.txt")
    (tmp / "deep.html").write_text(f"<html><body>{'<div>' * 270}<p>{ATTACK}</p>"
                                   f"{'</div>' * 270}</body></html>")
    (tmp / "rtl.txt").write_text(ATTACK + "\u200f Militants shelled a market in Mosul on "
                                 "Tuesday, killing three people.")
    (tmp / "long-line.jsonl").write_text(
        json.dumps({"id": "huge", "text": "Rain fell. " * 1_000_000}) + "\n"
        + json.dumps({"id": "ok", "text": ATTACK, "published": "2024-05-07"}) + "\n")
    for day in ("mon", "tue"):
        (tmp / day).mkdir()
        (tmp / day / "report.txt").write_text(f"{day}: {ATTACK}")
    (tmp / "repeat.jsonl").write_text(json.dumps({"id": "x", "text": ATTACK}) + "\n"
                                      + json.dumps({"id": "x", "text": "Edited. " + ATTACK}) + "\n")
    (tmp / "formula.jsonl").write_text(json.dumps({
        "id": "=1+2", "source": "@SUM(A1)", "published": "2024-05-07",
        "text": '=HYPERLINK("http://x.example") ' + ATTACK}) + "\n")
    (tmp / "calm.txt").write_text("Rain fell on the quiet town.")
    with sqlite3.connect(tmp / "shop.db") as con:
        con.execute("CREATE TABLE articles (sku TEXT)")
    (tmp / "notes.db").write_text("shopping list " * 100)


def run(case: Case, tmp: Path) -> list[str]:
    """The case's problems: empty when it held."""
    line = case.shell.replace("fp ", f"{FLASHPOINT} ")
    done = subprocess.run(["bash", "-c", line], capture_output=True, text=True, cwd=tmp,
                          timeout=600, env={**os.environ, "FLASHPOINT_HOME": str(tmp / "home")})
    problems = []
    if done.returncode != case.code:
        problems.append(f"exit {done.returncode}, expected {case.code}")
    if "Traceback" in done.stderr:
        problems.append("a traceback")
    if SECRET in done.stderr or "ter2pw" in done.stderr:
        problems.append("the password shown")
    if case.check is not None and not case.check(done):
        problems.append("its own check failed")
    return problems


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="flashpoint-hostile-") as folder:
        tmp = Path(folder)
        battery = cases(tmp)
        failed = 0
        for case in battery:
            problems = run(case, tmp)
            failed += bool(problems)
            print(f"{'ok  ' if not problems else 'FAIL'}  {case.name}"
                  f"{': ' + '; '.join(problems) if problems else ''}")
    print(f"inputs tried: {len(battery)}; held: {len(battery) - failed}; failures: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
