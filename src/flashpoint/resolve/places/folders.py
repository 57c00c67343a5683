"""Where the gazetteer's indexes live: the shipped sources compile to a cache folder (rebuildable),
the files a user adds to a data folder. The folder rule itself is flashpoint.paths, shared with
the store.
"""
from __future__ import annotations

from pathlib import Path

from flashpoint.paths import cache_dir, data_dir, home  # noqa: F401  (the one folder rule)


def user_index_path() -> Path:
    return data_dir() / "gazetteer" / "user-geonames.sqlite"
