"""The store when the world fails: a full disk, a server that goes away mid-ingest, two
PostgreSQL ingests of the same articles at once. Each ends in a StoreError that names the fix
(never a driver traceback), and a rerun ends with the data of one clean run."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from flashpoint.errors import StoreError
from flashpoint.store import open_store

from .conftest import FakeGrouper, article, mention
from .test_store_ingest import _portable, corpus, run_ingest


def _clean_dump(tmp_path):
    articles, events = corpus()
    url = str(tmp_path / "clean.db")
    run_ingest(url, articles, events)
    with open_store(url, grouper=FakeGrouper()) as clean:
        return _portable(clean.dump())


def test_a_full_disk_is_a_store_error_that_says_to_free_space(tmp_path):
    path = tmp_path / "small.db"
    store = open_store(str(path), grouper=FakeGrouper())
    pages = store._db.rows("PRAGMA page_count")[0][0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
    big = article("big", "Rockets struck Camp Taji. " * 4000)
    with pytest.raises(StoreError) as err:
        store.ingest_result(big, [mention(big, 1)])
    store.close()
    assert str(err.value) == (
        f"[FP300] the SQLite store {path}: database or disk is full; free space on the disk "
        f"that holds {path}, then run the same command again: stored articles are kept and "
        "skipped")
    with open_store(str(path), grouper=FakeGrouper()) as after:
        assert after.counts()["articles"] == 0  # the failed write left nothing half-done


def test_sqlite_errors_name_the_fix(tmp_path):
    store = open_store(str(tmp_path / "e.db"))
    explain = store._db.explain
    readonly = explain(sqlite3.OperationalError("attempt to write a readonly database"))
    locked = explain(sqlite3.OperationalError("database is locked"))
    store.close()
    assert readonly.endswith(f"make {tmp_path / 'e.db'} and its folder {tmp_path} writable for "
                             "you, or give another --db")
    assert "another program held the store for over 30 seconds" in locked


def test_a_server_that_goes_away_mid_ingest_is_a_store_error_then_a_rerun_heals(pg_url,
                                                                                 pg_server,
                                                                                 tmp_path):
    import psycopg

    articles, events = corpus()
    store = open_store(pg_url, grouper=FakeGrouper())
    store.ingest_result(articles[0], events["a1"])
    with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (store._db._conn.info.backend_pid,))
    with pytest.raises(StoreError) as err:
        store.ingest_result(articles[1], events["a2"])
    store.close()
    message = str(err.value)
    assert message.startswith("[FP300] the connection to PostgreSQL postgresql://fp@127.0.0.1:")
    assert message.endswith("check that the server runs, then run the same command again: "
                            "stored articles are kept and skipped")
    run_ingest(pg_url, articles, events)
    with open_store(pg_url, grouper=FakeGrouper()) as rerun:
        assert _portable(rerun.dump()) == _clean_dump(tmp_path)


def test_two_postgres_ingests_of_the_same_articles_at_once_both_finish(pg_url, tmp_path):
    many = [article(f"c{i}", f"Rockets struck Camp Taji, report {i}.") for i in range(40)]
    events = {a.id: [mention(a, 1), mention(a, 2, day=12)] for a in many}
    start, failures = threading.Barrier(3), []

    def one_ingest():
        start.wait()
        try:
            run_ingest(pg_url, many, events)
        except Exception as exc:  # the test reports whatever either ingest died of
            failures.append(exc)

    workers = [threading.Thread(target=one_ingest) for _ in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    assert failures == []
    clean = str(tmp_path / "clean.db")
    run_ingest(clean, many, events)
    with open_store(pg_url, grouper=FakeGrouper()) as both, \
            open_store(clean, grouper=FakeGrouper()) as one:
        assert _portable(both.dump()) == _portable(one.dump())
