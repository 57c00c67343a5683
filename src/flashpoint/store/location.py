"""Where a store lives: the accepted URL forms, and the embedded default file.

Accepted (contract events-v1, "Stores"): no URL (the default file), a plain file path,
``sqlite:///path`` (SQLAlchemy's convention: ``sqlite:///rel.db`` is relative,
``sqlite:////abs/file.db`` absolute; ``sqlite:///:memory:`` keeps nothing), and
``postgresql://user:password@host:port/dbname`` (``postgres://`` is the same).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from flashpoint.errors import StoreError

ACCEPTED_FORMS = ("a file path, sqlite:///path/to/file.db, or "
                  "postgresql://user:password@host:port/dbname")
DEFAULT_NAME = "flashpoint.db"
MEMORY = ":memory:"


@dataclass(frozen=True)
class StoreLocation:
    kind: str                 # "sqlite" or "postgresql"
    target: str               # the file path (sqlite) or the connection URL (postgresql)
    is_default: bool = False

    def describe(self) -> str:
        """The location for messages: never shows a password."""
        if self.kind == "sqlite":
            return f"SQLite file {self.target}" if self.target != MEMORY else "SQLite in memory"
        parts = urlsplit(self.target)
        user = f"{parts.username}@" if parts.username else ""
        port = f":{parts.port}" if parts.port else ""
        return f"PostgreSQL {parts.scheme}://{user}{parts.hostname or ''}{port}{parts.path}"


def default_path() -> Path:
    """$FLASHPOINT_HOME/flashpoint.db, else ~/.local/share/flashpoint/flashpoint.db."""
    home = os.environ.get("FLASHPOINT_HOME")
    base = Path(home) if home else Path.home() / ".local" / "share" / "flashpoint"
    return base / DEFAULT_NAME


def locate(url: Optional[str]) -> StoreLocation:
    """Turn what the user gave as --db into a StoreLocation, or say which forms are accepted."""
    if url is None or url.strip() == "":
        return StoreLocation("sqlite", str(default_path()), is_default=True)
    url = url.strip()
    if "://" not in url:
        return StoreLocation("sqlite", url)
    scheme = url.split("://", 1)[0].lower()
    if scheme in ("postgresql", "postgres"):
        return _postgres(url)
    if scheme == "sqlite":
        return _sqlite(url)
    raise StoreError(f"store URL {_safe(url)!r} uses the scheme {scheme!r}, which flashpoint "
                     f"cannot open; give {ACCEPTED_FORMS}")


def _sqlite(url: str) -> StoreLocation:
    if not url.lower().startswith("sqlite:///") or url.rstrip("/").lower() == "sqlite:":
        raise StoreError(f"store URL {url!r} names no file; write sqlite:///relative/path.db or "
                         "sqlite:////absolute/path.db (three slashes, then the path)")
    return StoreLocation("sqlite", url[len("sqlite:///"):])


def _postgres(url: str) -> StoreLocation:
    parts = urlsplit(url)
    if not parts.hostname and not parts.path.strip("/"):
        raise StoreError(f"store URL {_safe(url)!r} names no server or database; write "
                         "postgresql://user:password@host:port/dbname")
    return StoreLocation("postgresql", url)


def _safe(url: str) -> str:
    """The URL without its password, for error messages."""
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return url
