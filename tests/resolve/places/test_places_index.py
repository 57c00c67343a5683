"""The gazetteer index is built into a temporary file and renamed into place, so processes
building it at the same time (two test workers, the CLI during a test run) never corrupt it."""
from __future__ import annotations

import multiprocessing
import sqlite3

from flashpoint.resolve.places.gazetteer_index import build_index


def _build(path: str) -> None:
    build_index(__import__("pathlib").Path(path), installed=False)


def test_concurrent_builds_leave_one_whole_index(tmp_path):
    path = tmp_path / "shared.sqlite"
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_build, args=(str(path),)) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(30)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM places WHERE kind = 'country'").fetchone()[0] > 200
    assert [p.name for p in tmp_path.iterdir()] == ["shared.sqlite"]  # no temporary files left


def test_a_country_sits_at_its_published_label_point(tmp_path):
    conn = sqlite3.connect(build_index(tmp_path / "centres.sqlite", installed=False))
    lat, lon, source = conn.execute(
        "SELECT lat, lon, source FROM places WHERE kind = 'country' AND country = 'CN'").fetchone()
    assert (lat, lon) == (35, 103)
    assert source.startswith("centre: Wikipedia: China")
