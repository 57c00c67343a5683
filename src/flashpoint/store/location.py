"""Where a store lives: the accepted URL forms, and the embedded default file.

Accepted (contract events-v1, "Stores"): no URL (the default file), a plain file path,
``sqlite:///path`` (SQLAlchemy's convention: ``sqlite:///rel.db`` is relative,
``sqlite:////abs/file.db`` absolute; ``sqlite:///:memory:`` keeps nothing), and
``postgresql://user:password@host:port/dbname`` (``postgres://`` is the same; the scheme may be
written in any case).

A PostgreSQL URL is checked here, before libpq sees it: libpq repeats a malformed URL (or the
password alone) in its messages, so a bad port, host or %-escape is refused with a message of
our own, and the password is registered with ``remember_secret`` so no message shows it.

Each URL scheme registers its parser with ``@url_scheme``, which also gives the form the
messages show; the connection itself is ``backend.connect``'s (its registry is by ``kind``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import unquote, urlsplit

from flashpoint.errors import StoreError, mask_secrets, remember_secret
from flashpoint.paths import data_dir

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
    """The default store: flashpoint.db in the user data folder (``paths.data_dir``:
    $FLASHPOINT_HOME, else $XDG_DATA_HOME/flashpoint, else ~/.local/share/flashpoint)."""
    return data_dir() / DEFAULT_NAME


def locate(url: Optional[str]) -> StoreLocation:
    """Turn what the user gave as --db into a StoreLocation, or say which forms are accepted."""
    if url is None or url.strip() == "":
        return StoreLocation("sqlite", str(default_path()), is_default=True)
    url = url.strip()
    if "://" not in url:
        return StoreLocation("sqlite", url)
    scheme = url.split("://", 1)[0].lower()
    if scheme not in _SCHEMES:
        raise StoreError(f"store URL {_safe(url)!r} uses the scheme {scheme!r}, which flashpoint "
                         f"cannot open; give {accepted_forms()}")
    return _SCHEMES[scheme](url)


_SCHEMES: dict[str, Callable[[str], StoreLocation]] = {}   # URL scheme -> its parser
_FORMS: list[str] = ["a file path"]                           # what the messages offer


def url_scheme(*schemes: str, form: str) -> Callable:
    """Register the decorated parser for URLs of these schemes (``form``: one for messages)."""
    def register(parse: Callable[[str], StoreLocation]) -> Callable[[str], StoreLocation]:
        _SCHEMES.update(dict.fromkeys(schemes, parse))
        _FORMS.append(form)
        return parse
    return register


def url_schemes() -> tuple[str, ...]:
    """Every URL scheme a --db value may use (besides a plain file path)."""
    return tuple(_SCHEMES)


def accepted_forms() -> str:
    """'a file path, X, or Y': every form a --db value may take."""
    return ", ".join(_FORMS[:-1]) + ", or " + _FORMS[-1]


@url_scheme("sqlite", form="sqlite:///path/to/file.db")
def _sqlite(url: str) -> StoreLocation:
    if not url.lower().startswith("sqlite:///") or url.rstrip("/").lower() == "sqlite:":
        raise StoreError(f"store URL {url!r} names no file; write sqlite:///relative/path.db or "
                         "sqlite:////absolute/path.db (three slashes, then the path)")
    return StoreLocation("sqlite", url[len("sqlite:///"):])


@url_scheme("postgresql", "postgres", form="postgresql://user:password@host:port/dbname")
def _postgres(url: str) -> StoreLocation:
    url = url.split("://", 1)[0].lower() + "://" + url.split("://", 1)[1]
    remember_secret(_raw_password(url))
    _check_escapes(url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (reading it checks it)
    except ValueError as exc:
        raise StoreError(f"store URL {_safe(url)!r} has a malformed host or port ({exc}); write "
                         "postgresql://user:password@host:port/dbname with a port from 1 to "
                         "65535 and an IPv6 host in brackets, such as [::1]") from None
    if parts.password is not None:
        remember_secret(unquote(parts.password))
    if parts.netloc.count("@") > 1:
        raise StoreError(f"store URL {_safe(url)!r} has more than one @ before the host; write "
                         "an @ in a user name or password as %40")
    if " " in parts.netloc:
        raise StoreError(f"store URL {_safe(url)!r} has a space in its user, password or host; "
                         "write a space as %20")
    if not parts.hostname and not parts.path.strip("/"):
        raise StoreError(f"store URL {_safe(url)!r} names no server or database; write "
                         "postgresql://user:password@host:port/dbname")
    return StoreLocation("postgresql", url)


_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _check_escapes(url: str) -> None:
    if _BAD_ESCAPE.search(url.split("?", 1)[0]):
        raise StoreError(f"store URL {_safe(url)!r} has a % that is not followed by two hex "
                         "digits; write a literal % in a password as %25")


def _raw_password(url: str) -> str | None:
    """The password as written, found even in a URL too malformed for urlsplit."""
    netloc = url.split("://", 1)[1].split("/", 1)[0]
    if "@" not in netloc:
        return None
    userinfo = netloc.rsplit("@", 1)[0]
    return userinfo.split(":", 1)[1] if ":" in userinfo else None


def _safe(url: str) -> str:
    """The URL without its password, for error messages."""
    password = _raw_password(url)
    if password:
        url = url.replace(f":{password}@", ":***@", 1)
    return mask_secrets(url)


ACCEPTED_FORMS = accepted_forms()
