"""The error tree. Every error has a stable code users can search and says what to do next.

Secrets never reach a message: every FlashpointError masks, at construction, the passwords of
URLs in its text and every secret registered with ``remember_secret`` (a store URL's password
is registered when the URL is read, so a driver message that repeats the password alone, as
libpq does for a malformed URL, is masked too). The CLI masks whatever else it prints.
"""
from __future__ import annotations

import re

MASK = "***"
_SECRETS: set[str] = set()
# scheme://user:password@host  (the password may hold anything but a line end, even "@": it
# ends at the last "@" before the host)
_URL_PASSWORD = re.compile(r"(?i)(\b[a-z][a-z0-9+.\-]*://[^/@\s:]*:)([^\n]*?)(@)"
                           r"(?=[^@\s/]*(?:[/:\s'\"?]|$))")
# libpq key=value connection strings: password=... or password='...'
_KEY_PASSWORD = re.compile(r"(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)")


def remember_secret(secret: str | None) -> None:
    """Mask ``secret`` in every later message (short ones too: a password is a password)."""
    if secret:
        _SECRETS.add(secret)


def mask_secrets(text: str) -> str:
    """``text`` with URL passwords, password=... pairs and remembered secrets replaced."""
    text = _URL_PASSWORD.sub(_mask_url_password, text)
    text = _KEY_PASSWORD.sub(lambda m: m.group(1) + MASK, text)
    for secret in sorted(_SECRETS, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def _mask_url_password(m: re.Match) -> str:
    # "user:password@host" in a usage example is not a secret
    return m.group(0) if m.group(2) == "password" else m.group(1) + MASK + m.group(3)


class FlashpointError(Exception):
    """Base class: ``code`` is stable across versions; the message names the fix."""

    code = "FP000"

    def __init__(self, message: str):
        message = mask_secrets(message)
        super().__init__(f"[{self.code}] {message}")
        self.message = message

    def __reduce__(self):
        # Errors travel between worker processes: rebuild from the message, not the coded text.
        return type(self), (self.message,), self.__dict__


class InputError(FlashpointError):
    """An input file or line that cannot be read as an article."""

    code = "FP100"


class UnsupportedInput(InputError):
    code = "FP101"


class BadArticleLine(InputError):
    code = "FP102"


class NotEnglish(InputError):
    code = "FP103"


class DuplicateArticle(InputError):
    """A second article with an id that an earlier input of the same run already used."""

    code = "FP104"


class ModelError(FlashpointError):
    """The spaCy pipeline cannot be loaded."""

    code = "FP200"


class StoreError(FlashpointError):
    """A store URL or database problem."""

    code = "FP300"


class GazetteerError(FlashpointError):
    code = "FP400"


class ConfigError(FlashpointError):
    code = "FP500"
