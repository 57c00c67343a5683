"""The one place where SQLite and PostgreSQL differ.

Store code writes portable SQL with ``?`` placeholders and ``INSERT ... ON CONFLICT``
(both engines speak it); a Backend runs it, translating placeholders for psycopg, and
opens transactions. Write transactions serialise the way each engine needs: SQLite takes
its write lock up front (``BEGIN IMMEDIATE``); PostgreSQL takes an advisory lock, shared
for article writes (many ingests may run at once) and exclusive for regrouping and
migrations (which must see every article write finished); a write keyed by an article id also
takes that article's own lock, so two ingests of the same article serialize instead of one
dying on a unique-key violation.

Every driver error (sqlite3, psycopg) leaves a Backend as a StoreError that names the store
and the next step (a full disk, a read-only file, a lost server), with secrets masked. An
SQLite file that another program made is refused before anything in it is changed.

Each Backend class registers itself under its ``kind`` with ``@store_backend``; ``connect``
opens a location with the class registered for the location's kind (``location.url_scheme``
registers the URL forms that lead to it).
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

from flashpoint.errors import StoreError
from flashpoint.store.location import MEMORY, StoreLocation

# Any fixed number: the key of the advisory lock that flashpoint writers share.
_LOCK_KEY = 7_340_211
_ARTICLE_LOCKS = 7_340_212  # the first half of the two-part key of an article's own lock
SHARED, EXCLUSIVE = "shared", "exclusive"
FIRST_MIGRATION = "0001_initial_schema"  # every flashpoint store records it


class Backend:
    """A connection plus the dialect: ``execute``, ``rows``, ``transaction``."""

    kind = ""

    def __init__(self, location: StoreLocation):
        self.location = location
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self.driver_errors():
            self._cursor().execute(self.translate(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.driver_errors():
                self._cursor().executemany(self.translate(sql), [tuple(r) for r in rows])

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.driver_errors():
            cur = self._cursor()
            cur.execute(self.translate(sql), tuple(params))
            return cur.fetchall()

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple]:
        """Rows one by one, so a large export never sits in memory at once."""
        with self.driver_errors():
            cur = self._cursor()
            cur.execute(self.translate(sql), tuple(params))
            yield from cur

    @contextmanager
    def driver_errors(self) -> Iterator[None]:
        """Turn the driver's errors into a StoreError that says what to do."""
        try:
            yield
        except self.driver_error as exc:
            raise StoreError(self.explain(exc)) from None

    driver_error: type = Exception

    def explain(self, exc: Exception) -> str:
        return f"{self.location.describe()} failed: {_first_line(exc)}"

    def translate(self, sql: str) -> str:
        return sql

    @contextmanager
    def transaction(self, lock: str = SHARED, key: Optional[str] = None) -> Iterator[None]:
        """All or nothing: commits when the block ends, rolls back when it raises.

        ``key`` (an article id) serializes the writers of that one article.
        """
        if self._depth:
            raise StoreError("a store transaction was opened inside another one; this is a bug "
                             "in flashpoint, please report it")
        self._depth = 1
        try:
            with self.driver_errors(), self._begin(lock, key):
                yield
        finally:
            self._depth = 0

    def close(self) -> None:
        with self.driver_errors():
            self._conn.close()

    def _cursor(self):
        return self._conn.cursor()


_BACKENDS: dict[str, type[Backend]] = {}   # kind -> the class that opens it


def store_backend(cls: type[Backend]) -> type[Backend]:
    """Register a Backend class under its ``kind``."""
    _BACKENDS[cls.kind] = cls
    return cls


def backend_kinds() -> tuple[str, ...]:
    """The kinds of store flashpoint can open ("sqlite", "postgresql")."""
    return tuple(_BACKENDS)


@store_backend
class SqliteBackend(Backend):
    kind = "sqlite"
    driver_error = sqlite3.Error

    def __init__(self, location: StoreLocation):
        super().__init__(location)
        path = location.target
        if path != MEMORY:
            _check_folder(Path(path), create=location.is_default)
            _check_writable(Path(path))
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so nothing commits by surprise.
            self._conn = sqlite3.connect(path, isolation_level=None, timeout=30)
            _refuse_foreign(self._conn, path)
            self._conn.execute("PRAGMA foreign_keys = ON")
            if path != MEMORY:
                # WAL keeps every committed transaction when a process is killed, and lets
                # readers (exports) run while an ingest writes. synchronous=NORMAL skips the
                # fsync per commit: a killed process loses nothing; a power cut may lose the
                # last commits, which the next ingest redoes (it skips only stored articles).
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError("cannot open " + self.explain(exc)) from None

    def explain(self, exc: Exception) -> str:
        path, text = self.location.target, str(exc)
        for cue, hint in _SQLITE_HINTS:
            if cue in text:
                return f"the SQLite store {path}: {text}; " + hint.format(path=path,
                                                                          folder=_folder(path))
        return f"the SQLite store {path}: {text}; check the file, or give another --db"

    @contextmanager
    def _begin(self, lock: str, key: Optional[str]) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")  # the one write lock serializes every writer
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:  # SQLite may already have rolled back on its own
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")


_AGAIN = "run the same command again: stored articles are kept and skipped"
_SQLITE_HINTS = (
    ("disk is full", "free space on the disk that holds {path}, then " + _AGAIN),
    ("readonly", "make {path} and its folder {folder} writable for you, or give another --db"),
    ("unable to open", "check that the folder {folder} exists and is writable for you: SQLite "
                       "writes {path}-wal and {path}-shm next to the store, even to read it"),
    ("locked", "another program held the store for over 30 seconds; wait for it, then "
               + _AGAIN),
    ("not a database", "check that the file is a flashpoint store, or give --db a new file "
                       "name"),
    ("malformed", "the file is damaged; restore it from a copy, or give --db a new file name"),
)


@store_backend
class PostgresBackend(Backend):
    kind = "postgresql"

    def __init__(self, location: StoreLocation):
        super().__init__(location)
        import psycopg

        self.driver_error = psycopg.Error
        try:
            self._conn = psycopg.connect(location.target, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {location.describe()}: {_first_line(exc)}; "
                             "check that the server runs and that the URL's user, password "
                             "and database are right") from None

    def explain(self, exc: Exception) -> str:
        import psycopg

        where = self.location.describe()
        if isinstance(exc, psycopg.errors.DiskFull):
            return f"{where} has no disk space left ({_first_line(exc)}); free space, then {_AGAIN}"
        if isinstance(exc, psycopg.OperationalError):
            return (f"the connection to {where} was lost ({_first_line(exc)}); check that the "
                    f"server runs, then {_AGAIN}")
        return f"{where} failed: {_first_line(exc)}; check the server's log, then {_AGAIN}"

    def translate(self, sql: str) -> str:
        # Portable SQL uses ? placeholders and no literal percent signs.
        return sql.replace("%", "%%").replace("?", "%s")

    @contextmanager
    def _begin(self, lock: str, key: Optional[str]) -> Iterator[None]:
        with self._conn.transaction():
            fn = "pg_advisory_xact_lock" if lock == EXCLUSIVE else "pg_advisory_xact_lock_shared"
            self._conn.execute(f"SELECT {fn}({_LOCK_KEY})")
            if key is not None:
                self._conn.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                                   (_ARTICLE_LOCKS, key))
            yield


def connect(location: StoreLocation) -> Backend:
    if location.kind not in _BACKENDS:
        raise StoreError(f"no store backend opens {location.kind!r} stores; flashpoint opens "
                         f"{', '.join(backend_kinds())}")
    return _BACKENDS[location.kind](location)


def _check_folder(path: Path, create: bool) -> None:
    folder = path.parent
    if folder.is_dir():
        return
    if create:
        folder.mkdir(parents=True, exist_ok=True)
        return
    raise StoreError(f"the folder {folder} for the store {path} does not exist; create it, or "
                     "give another --db")


def _check_writable(path: Path) -> None:
    """A store flashpoint cannot write is refused up front, with the fix, not mid-run."""
    for target in (path, path.parent):
        if target.exists() and not os.access(target, os.W_OK):
            what = "file" if target == path else "folder"
            raise StoreError(
                f"the {what} {target} is read-only for you, and SQLite writes there even to "
                f"read the store {path} (its -wal and -shm files); make it writable "
                f"(chmod u+w {target}), or copy the store to a folder of yours and give --db "
                "the copy")


def _refuse_foreign(conn: sqlite3.Connection, path: str) -> None:
    """Refuse an SQLite file that holds another program's tables, before changing anything."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and not _has_our_ledger(conn, tables):
        conn.close()
        shown = ", ".join(sorted(tables)[:5])
        raise StoreError(f"{path} is an SQLite file of another program (its tables: {shown}) "
                         "and not a flashpoint store; it was left unchanged. Give --db a new "
                         "file name")


def _has_our_ledger(conn: sqlite3.Connection, tables: set[str]) -> bool:
    """True when the file's migrations table is flashpoint's and records the first migration."""
    if "migrations" not in tables:
        return False
    try:
        return bool(conn.execute("SELECT 1 FROM migrations WHERE name = ?", (FIRST_MIGRATION,))
                    .fetchall())
    except sqlite3.OperationalError:  # another program's table of that name (other columns)
        return False


def _folder(path: str) -> str:
    return str(Path(path).resolve().parent)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def first(rows: list[tuple], default: Optional[Any] = None) -> Any:
    """The first column of the first row, or ``default`` when there is none."""
    return rows[0][0] if rows else default
