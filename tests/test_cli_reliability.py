"""The command line under hostile use: exit codes a script can rely on, one-line messages
instead of tracebacks, no password on standard error, no store made from nothing."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.cli import main

RAID = ("On Friday, a rocket struck a base near Baghdad, killing one contractor, officials said.")
FLASHPOINT = str(Path(sys.executable).with_name("flashpoint"))


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def shell(command: str, **kw) -> subprocess.CompletedProcess:
    """Run a shell line with the installed flashpoint, as a script would."""
    return subprocess.run(["bash", "-c", command.replace("flashpoint", FLASHPOINT)],
                          capture_output=True, text=True, timeout=120, **kw)


# ---- exit codes: 0 all good, 1 some inputs failed, 2 nothing could be done

def test_ingest_of_only_missing_inputs_exits_2_and_creates_no_store(tmp_path, capsys):
    db = tmp_path / "events.db"
    code, _, err = run(capsys, "ingest", str(tmp_path / "gone.jsonl"), str(tmp_path / "no.txt"),
                       "--db", str(db))
    assert code == 2 and not db.exists()
    assert "nothing to ingest: 2 inputs failed and none could be read; the store was not opened" \
        in err


def test_extract_of_only_missing_inputs_exits_2(tmp_path, capsys):
    code, out, err = run(capsys, "extract", str(tmp_path / "gone.txt"))
    assert code == 2 and out == "" and "does not exist" in err


def test_ingest_with_one_good_and_one_missing_input_exits_1(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": RAID, "published": "2019-12-30"}) + "\n")
    code, _, err = run(capsys, "ingest", str(tmp_path / "gone.txt"), str(src),
                       "--db", str(tmp_path / "e.db"))
    assert code == 1 and "1 articles added" in err and "1 failed" in err


def test_the_help_documents_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Exit codes: 0 all inputs processed; 1 some inputs failed" in out
    assert "2 nothing could be done" in out


# ---- messages, not tracebacks

def test_extract_with_closed_stdin_is_one_line_and_exit_2():
    done = shell("flashpoint extract - <&-")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "standard input is closed" in done.stderr


def test_plain_text_piped_to_extract_is_one_article():
    done = shell(f"echo '{RAID}' | flashpoint extract - --published 2019-12-30 --quiet")
    assert done.returncode == 0, done.stderr
    [event] = [json.loads(line) for line in done.stdout.splitlines()]
    assert event["event_type"] == "ASSAULT" and event["evidence"]["quote"] == RAID


def test_a_foreign_sqlite_file_is_refused_and_left_unchanged(tmp_path, capsys):
    path = tmp_path / "shop.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE articles (sku TEXT, price REAL)")
    before = path.read_bytes()
    code, _, err = run(capsys, "events", "--db", str(path))
    assert code == 2 and path.read_bytes() == before
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert err == (f"flashpoint: [FP300] {path} is an SQLite file of another program (its tables: "
                   "articles) and not a flashpoint store; it was left unchanged. Give --db a new "
                   "file name\n")


@pytest.mark.parametrize("url", [
    "PostgreSQL://fp:Hunter2pw@127.0.0.1:1/db",
    "postgresql://fp:Hunter2pw%zz@127.0.0.1:5432/db",
    "postgresql://fp:Hunter2pw and more@127.0.0.1:5432/db",
    "postgresql://fp:Hunter2pw@127.0.0.1:54x2/db",
    "postgresql://fp:Hunter2pw@127.0.0.1:99999/db",
    "postgresql://fp:Hunter2pw@[::1/db",
    "postgresql://fp:Hunt@er2pw@127.0.0.1:1/db",
])
def test_a_malformed_postgres_url_never_shows_its_password(url, capsys):
    code, _, err = run(capsys, "events", "--db", url)
    assert code == 2 and err.count("\n") == 1 and err.startswith("flashpoint: [FP300] ")
    assert "Hunter2pw" not in err and "er2pw" not in err and "Traceback" not in err


def test_the_summary_of_an_empty_store_ends_its_sentence(tmp_path):
    from flashpoint.cli import store_summary
    from flashpoint.store import open_store

    with open_store(str(tmp_path / "e.db")) as store:
        assert store_summary(store, touched=[]) == "The store holds 0 events."


# ---- a store you may not write (root writes anywhere, so the permission check is stood in for)

def test_events_in_a_read_only_folder_says_to_make_the_folder_writable(tmp_path, capsys,
                                                                       monkeypatch):
    from flashpoint.store import backend, open_store

    folder = tmp_path / "shared"
    folder.mkdir()
    open_store(str(folder / "e.db")).close()
    real = os.access
    monkeypatch.setattr(backend.os, "access",
                        lambda p, mode: False if Path(p) == folder else real(p, mode))
    code, _, err = run(capsys, "events", "--db", str(folder / "e.db"))
    assert code == 2 and "Traceback" not in err
    assert err == (f"flashpoint: [FP300] the folder {folder} is read-only for you, and SQLite "
                   f"writes there even to read the store {folder / 'e.db'} (its -wal and -shm "
                   f"files); make it writable (chmod u+w {folder}), or copy the store to a folder "
                   "of yours and give --db the copy\n")


def test_a_full_disk_under_standard_output_is_one_line_not_a_traceback():
    done = shell(f"echo '{RAID}' | flashpoint extract - --published 2019-12-30 --quiet >/dev/full")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("flashpoint: cannot write standard output: No space left on "
                                  "device; free space")
