"""The one place where SQLite and PostgreSQL differ.

Store code writes portable SQL with ``?`` placeholders and ``INSERT ... ON CONFLICT``
(both engines speak it); a Backend runs it, translating placeholders for psycopg, and
opens transactions. Write transactions serialise the way each engine needs: SQLite takes
its write lock up front (``BEGIN IMMEDIATE``); PostgreSQL takes an advisory lock, shared
for article writes (many ingests may run at once) and exclusive for regrouping and
migrations (which must see every article write finished).
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from flashpoint.errors import StoreError
from flashpoint.store.location import MEMORY, StoreLocation

# Any fixed number: the key of the advisory lock that flashpoint writers share.
_LOCK_KEY = 7_340_211
SHARED, EXCLUSIVE = "shared", "exclusive"


class Backend:
    """A connection plus the dialect: ``execute``, ``rows``, ``transaction``."""

    kind = ""

    def __init__(self, location: StoreLocation):
        self.location = location
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._cursor().execute(self.translate(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._cursor().executemany(self.translate(sql), [tuple(r) for r in rows])

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self._cursor()
        cur.execute(self.translate(sql), tuple(params))
        return cur.fetchall()

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
        """Rows one by one, so a large export never sits in memory at once."""
        cur = self._cursor()
        cur.execute(self.translate(sql), tuple(params))
        yield from cur

    def translate(self, sql: str) -> str:
        return sql

    @contextmanager
    def transaction(self, lock: str = SHARED) -> Iterator[None]:
        """All or nothing: commits when the block ends, rolls back when it raises."""
        if self._depth:
            raise StoreError("a store transaction was opened inside another one; this is a bug "
                             "in flashpoint, please report it")
        self._depth = 1
        try:
            with self._begin(lock):
                yield
        finally:
            self._depth = 0

    def close(self) -> None:
        self._conn.close()

    def _cursor(self):
        return self._conn.cursor()


class SqliteBackend(Backend):
    kind = "sqlite"

    def __init__(self, location: StoreLocation):
        super().__init__(location)
        path = location.target
        if path != MEMORY:
            _check_folder(Path(path), create=location.is_default)
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so nothing commits by surprise.
            self._conn = sqlite3.connect(path, isolation_level=None, timeout=30)
            self._conn.execute("PRAGMA foreign_keys = ON")
            if path != MEMORY:
                # WAL keeps every committed transaction when a process is killed, and lets
                # readers (exports) run while an ingest writes. synchronous=NORMAL skips the
                # fsync per commit: a killed process loses nothing; a power cut may lose the
                # last commits, which the next ingest redoes (it skips only stored articles).
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the SQLite store {path}: {exc}; check that the file "
                             "is a flashpoint store, or give another --db") from exc

    @contextmanager
    def _begin(self, lock: str) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:  # SQLite may already have rolled back on its own
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")


class PostgresBackend(Backend):
    kind = "postgresql"

    def __init__(self, location: StoreLocation):
        super().__init__(location)
        import psycopg

        try:
            self._conn = psycopg.connect(location.target, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {location.describe()}: {reason}; check that the "
                             "server runs and that the URL's user, password and database "
                             "are right") from exc

    def translate(self, sql: str) -> str:
        # Portable SQL uses ? placeholders and no literal percent signs.
        return sql.replace("%", "%%").replace("?", "%s")

    @contextmanager
    def _begin(self, lock: str) -> Iterator[None]:
        with self._conn.transaction():
            fn = "pg_advisory_xact_lock" if lock == EXCLUSIVE else "pg_advisory_xact_lock_shared"
            self._conn.execute(f"SELECT {fn}({_LOCK_KEY})")
            yield


def connect(location: StoreLocation) -> Backend:
    if location.kind == "postgresql":
        return PostgresBackend(location)
    return SqliteBackend(location)


def _check_folder(path: Path, create: bool) -> None:
    folder = path.parent
    if folder.is_dir():
        return
    if create:
        folder.mkdir(parents=True, exist_ok=True)
        return
    raise StoreError(f"the folder {folder} for the store {path} does not exist; create it, or "
                     "give another --db")


def first(rows: list[tuple], default: Optional[Any] = None) -> Any:
    """The first column of the first row, or ``default`` when there is none."""
    return rows[0][0] if rows else default
