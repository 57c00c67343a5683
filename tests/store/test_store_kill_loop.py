"""The kill loop: `ingest` killed with SIGKILL at random points, again and again, and every
rerun ends with exactly the data of one clean run, on SQLite and on PostgreSQL.

A child process (forked, so no import per trial) ingests the corpus and sends itself SIGKILL
at the n-th store call (execute, executemany, rows, transaction), n drawn at random over the
calls a clean run makes; each trial then kills the rerun too, at another random point (a kill
point past the end of a shorter rerun lets it finish: not counted as a kill). Then a rerun
completes and its dump must equal the clean run's. Trials go on until the wanted number of
kills has been survived.

    FLASHPOINT_KILLS=20      kills per backend (20 by default, quick enough for CI)
    FLASHPOINT_KILLS=500     the long run:
        FLASHPOINT_KILLS=500 .venv/bin/python -m pytest tests/store/test_store_kill_loop.py -q -s
    FLASHPOINT_KILL_SEED=N   replay one sequence of kill points

The real command is killed too: `flashpoint ingest samples/` with the real model, SIGKILLed
after a random time within a clean run's duration, then run again:

    FLASHPOINT_CLI_KILLS=1   kills of the real command per backend (1 by default: each run
                             loads the model, so these cost seconds each)

With ``-s`` each backend prints its figures: trials, kills survived, failures.
"""
from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import pytest

from flashpoint.store import open_store
from flashpoint.store.backend import Backend

from .conftest import FakeGrouper, article, mention
from .test_store_ingest import _portable, run_ingest

KILLS = int(os.environ.get("FLASHPOINT_KILLS", "20"))
SEED = int(os.environ.get("FLASHPOINT_KILL_SEED", str(random.SystemRandom().randrange(10**6))))
_CALLS = ("execute", "executemany", "rows", "transaction")


def corpus():
    """Twelve articles: reports of shared attacks (so grouping merges them) and a protest."""
    places = ["Taji", "Karbala", "Suva"]
    articles, events = [], {}
    for i in range(12):
        a = article(f"k{i:02d}", f"Report {i}: rockets struck the base, killing {i % 4}.")
        articles.append(a)
        events[a.id] = [mention(a, 1, day=10 + i % 3, place=places[i % 3], killed=i % 4),
                        mention(a, 2, event_type="PROTEST", day=11, place="Suva",
                                actor="protesters", recipient=None)]
    return articles, events


def _instrument(kill_at=None) -> list:
    """Count store calls; at call number ``kill_at`` the process SIGKILLs itself."""
    calls = []
    for name in _CALLS:
        real = getattr(Backend, name)

        def counted(self, *args, _real=real, **kw):
            calls.append(1)
            if kill_at is not None and len(calls) == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
            return _real(self, *args, **kw)

        setattr(Backend, name, counted)
    return calls


def _child(url: str, kill_at: int) -> None:
    _instrument(kill_at)
    articles, events = corpus()
    run_ingest(url, articles, events)
    os._exit(0)  # finished before the kill point


def _killed_run(url: str, kill_at: int) -> bool:
    """Run ingest in a child killed at call ``kill_at``; True when it was killed."""
    child = multiprocessing.get_context("fork").Process(target=_child, args=(url, kill_at))
    child.start()
    child.join(timeout=60)
    assert child.exitcode is not None, "the child hung"
    return child.exitcode == -signal.SIGKILL


def _calls_of_a_clean_run(url: str) -> int:
    saved = {name: getattr(Backend, name) for name in _CALLS}
    try:
        calls = _instrument()
        run_ingest(url, *corpus())
        return len(calls)
    finally:
        for name, real in saved.items():
            setattr(Backend, name, real)


def _dump(url: str):
    with open_store(url, grouper=FakeGrouper()) as store:
        return _portable(store.dump())


def _fresh_sqlite(tmp_path):
    counter = iter(range(10**6))
    return lambda: str(tmp_path / f"trial{next(counter)}.db")


def _fresh_postgres(pg_server):
    import psycopg

    counter = iter(range(10**6))

    def make() -> str:
        name = f"fp_kill_{os.getpid()}_{next(counter)}"
        with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
            admin.execute(f"CREATE SCHEMA {name}")
        return pg_server.url("postgres") + f"?options=-csearch_path%3D{name}"

    return make


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_store(request, tmp_path):
    if request.param == "sqlite":
        return request.param, _fresh_sqlite(tmp_path)
    return request.param, _fresh_postgres(request.getfixturevalue("pg_server"))


def test_sigkill_at_random_points_then_rerun_equals_a_clean_run(fresh_store):
    backend, fresh = fresh_store
    clean_url = fresh()
    total = _calls_of_a_clean_run(clean_url)
    clean = _dump(clean_url)
    rng = random.Random(SEED)
    trials = kills = failures = 0
    while kills < KILLS:
        url = fresh()
        trials += 1
        for _ in range(2):  # kill the run, then kill its rerun at another point
            kills += _killed_run(url, rng.randint(1, total))
        run_ingest(url, *corpus())
        failures += _dump(url) != clean
    print(f"\nkill loop on {backend} (seed {SEED}): {trials} trials, {kills} kills survived, "
          f"{failures} failures; a clean run makes {total} store calls")
    assert failures == 0, f"seed {SEED}: {failures} reruns differ from the clean run"


# ---- the real command: `flashpoint ingest samples/` killed by the clock, with the real model

CLI_KILLS = int(os.environ.get("FLASHPOINT_CLI_KILLS", "1"))
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FLASHPOINT = str(Path(sys.executable).with_name("flashpoint"))


def _cli_ingest(url: str, kill_after: Optional[float] = None) -> bool:
    """Run `flashpoint ingest samples/`; SIGKILL it after ``kill_after`` s. True when killed."""
    child = subprocess.Popen([FLASHPOINT, "ingest", str(SAMPLES), "--db", url, "--quiet"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        child.wait(timeout=kill_after if kill_after is not None else 300)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
        return True
    assert child.returncode == 0, child.stderr.read().decode()
    return False


def _real_dump(url: str):
    with open_store(url) as store:
        return _portable(store.dump())


def test_the_real_ingest_killed_by_the_clock_then_rerun_equals_a_clean_run(fresh_store):
    backend, fresh = fresh_store
    clean_url = fresh()
    started = time.monotonic()
    _cli_ingest(clean_url)
    duration = time.monotonic() - started
    clean = _real_dump(clean_url)
    rng = random.Random(SEED)
    kills = failures = 0
    while kills < CLI_KILLS:
        url = fresh()
        kills += _cli_ingest(url, kill_after=rng.uniform(0.2, duration))
        _cli_ingest(url)
        failures += _real_dump(url) != clean
    print(f"\nreal `flashpoint ingest samples/` on {backend} (seed {SEED}): {kills} kills "
          f"survived, {failures} failures; a clean run takes {duration:.1f} s")
    assert failures == 0
