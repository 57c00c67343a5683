"""The web page: flashpoint's own files in ``static/`` (kept in git), and the third-party
files it needs in ``vendor/``, copied there from npm packages by `make install`
(``npm ci`` then ``node web/build.mjs``; see package.json). ``vendor/`` is not in git.
"""
from __future__ import annotations

from pathlib import Path

from flashpoint.errors import ConfigError

STATIC = Path(__file__).parent / "static"
# What web/build.mjs copies; the page loads each of these.
VENDOR_FILES = ("leaflet/leaflet.js", "leaflet/leaflet.css", "topojson-client.min.js",
                "countries-50m.json")


def vendor_dir() -> Path:
    return Path(__file__).parent / "vendor"


def check_assets() -> None:
    """Raise a ConfigError naming the fix when the page's npm files were not built."""
    missing = [f for f in VENDOR_FILES if not (vendor_dir() / f).is_file()]
    if missing:
        raise ConfigError(f"the web page's files are not built ({', '.join(missing)} missing "
                          f"in {vendor_dir()}); run `make install` (it runs `npm ci` and "
                          "`npm run build`)")
