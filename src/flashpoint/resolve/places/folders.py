"""Where the gazetteer's indexes live: the shipped sources compile to a cache folder (rebuildable),
the files a user adds to a data folder. $FLASHPOINT_HOME moves both.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional


def home() -> Optional[Path]:
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


def user_index_path() -> Path:
    return data_dir() / "gazetteer" / "user-geonames.sqlite"
