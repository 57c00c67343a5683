"""A process killed outright (no cleanup, no rollback in Python) mid-write, then run again,
ends with exactly the data of one clean run."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flashpoint.store import open_store

from .conftest import FakeGrouper
from .test_store_ingest import _portable, corpus, run_ingest

TESTS = Path(__file__).resolve().parents[1]

# The child ingests the corpus and dies with os._exit the moment it reaches the named write.
CHILD = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {tests!r})
    from flashpoint.store.backend import Backend
    from store.test_store_ingest import corpus, run_ingest

    kill_at, nth = {kill_at!r}, {nth}
    seen = []
    real = Backend.executemany

    def executemany(self, sql, rows):
        if sql.startswith(kill_at):
            seen.append(sql)
            if len(seen) == nth:
                real(self, sql, rows[:1])   # half the write done, then the process dies
                os._exit(9)
        return real(self, sql, rows)

    Backend.executemany = executemany
    articles, events = corpus()
    run_ingest({url!r}, articles, events)
    sys.exit("the child was never killed: the kill point is wrong")
""")


@pytest.mark.parametrize("kill_at, nth, articles_left", [
    ("INSERT INTO mentions", 3, 2),        # while storing the third article: it is rolled back
    ("INSERT INTO event_mentions", 1, 4),  # while regrouping, after the old events were deleted
])
def test_killed_mid_write_then_rerun_equals_a_clean_run(store_url, tmp_path, kill_at, nth,
                                                        articles_left):
    child = CHILD.format(tests=str(TESTS), kill_at=kill_at, nth=nth, url=store_url)
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 9, done.stderr
    with open_store(store_url, grouper=FakeGrouper()) as killed:
        counts = killed.counts()
        assert counts["articles"] == articles_left and counts["mentions"] == articles_left
        assert counts["events"] == 0 and killed.needs_regroup()

    articles, events = corpus()
    run_ingest(store_url, articles, events)
    clean_url = str(tmp_path / "clean.db")
    run_ingest(clean_url, articles, events)
    with open_store(store_url, grouper=FakeGrouper()) as rerun, \
            open_store(clean_url, grouper=FakeGrouper()) as clean:
        assert _portable(rerun.dump()) == _portable(clean.dump())
