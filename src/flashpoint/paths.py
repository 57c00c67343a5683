"""Where flashpoint keeps its files on the user's machine: one rule for the store and the
gazetteer, following the XDG Base Directory specification.

- ``data_dir()``: what the user made and cannot rebuild (the default store ``flashpoint.db``,
  the GeoNames files added with ``flashpoint gazetteer add``): ``$FLASHPOINT_HOME``, else
  ``$XDG_DATA_HOME/flashpoint``, else ``~/.local/share/flashpoint``.
- ``cache_dir()``: what is rebuilt when missing (the gazetteer index):
  ``$FLASHPOINT_HOME/cache``, else ``$XDG_CACHE_HOME/flashpoint``, else ``~/.cache/flashpoint``.

A ``~`` in ``FLASHPOINT_HOME`` means the home folder. An empty variable counts as unset.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional


def home() -> Optional[Path]:
    """``$FLASHPOINT_HOME``, when set: every file of flashpoint's then lives under it."""
    value = os.environ.get("FLASHPOINT_HOME")
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """Where user data lives: $FLASHPOINT_HOME, else $XDG_DATA_HOME/flashpoint."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return home() or Path(base) / "flashpoint"


def cache_dir() -> Path:
    """Where rebuildable indexes live: $FLASHPOINT_HOME/cache, else $XDG_CACHE_HOME/flashpoint."""
    if home():
        return home() / "cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "flashpoint"
