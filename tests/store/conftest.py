"""Store fixtures: a throwaway PostgreSQL server, a store per backend, and hand-built records.

Every store test runs twice, against an SQLite file and against a real PostgreSQL server
that this file starts (initdb + pg_ctl on a temporary folder and a free localhost port) and
stops. Without the PostgreSQL binaries the PostgreSQL half skips, saying what to install,
except in CI (CI=true), where it fails, so CI proves the PostgreSQL path.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Iterator, Optional

import pytest

from flashpoint.record import (
    Actor, Article, Count, Event, Evidence, Link, Place, StoredEvent, When,
)

INSTALL_HINT = "install PostgreSQL (Debian: apt-get install -y postgresql)"
SERVER_USER = "postgres"   # PostgreSQL refuses to run as root; as root we run it as this user


# ---- a throwaway PostgreSQL server

def pg_bin_dir() -> Optional[Path]:
    """The folder with initdb and pg_ctl: $FLASHPOINT_PG_BIN when set, else on PATH, else
    Debian's newest /usr/lib/postgresql/*/bin."""
    chosen = os.environ.get("FLASHPOINT_PG_BIN")
    if chosen:
        return Path(chosen) if (Path(chosen) / "pg_ctl").exists() else None
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).resolve().parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    return Path(found[-1]).parent if found else None


class PgServer:
    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="flashpoint-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_user = _server_user()
        if self.as_user:
            info = pwd.getpwnam(self.as_user)
            os.chown(self.root, info.pw_uid, info.pw_gid)

    @property
    def admin_url(self) -> str:
        return self.url("postgres")

    def url(self, dbname: str) -> str:
        return f"postgresql://fp@127.0.0.1:{self.port}/{dbname}"

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", "fp", "--auth=trust", "-E", "UTF8",
                  "--no-locale", "-N")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c full_page_writes=off -c synchronous_commit=off")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def _run(self, program: str, *args: str) -> None:
        cmd = [str(self.bin / program), *args]
        if self.as_user:
            # util-linux's runuser lives in /usr/sbin, which a plain user's PATH may lack
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            cmd = [runuser, "-u", self.as_user, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}\n"
                               f"{done.stderr}\n{tail}")


def _server_user() -> Optional[str]:
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise RuntimeError(f"running as root, and there is no user {SERVER_USER!r} to run "
                           f"PostgreSQL as; {INSTALL_HINT} (it creates the user)") from None
    return SERVER_USER


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bin_dir = pg_bin_dir()
    if bin_dir is None:
        message = (f"PostgreSQL binaries (initdb, pg_ctl) not found; {INSTALL_HINT}, or set "
                   "FLASHPOINT_PG_BIN to the folder that holds them")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message}. CI must run the PostgreSQL store tests.")
        pytest.skip(message)
    server = PgServer(bin_dir)
    server.start()
    yield server
    server.stop()


_schema_counter = iter(range(1, 1_000_000))


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:
    """An empty schema of its own on the throwaway server (the URL sets search_path to it),
    dropped after the test. Schemas, unlike databases, cost milliseconds to create."""
    import psycopg

    name = f"fp_test_{next(_schema_counter)}"
    with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    yield pg_server.url("postgres") + f"?options=-csearch_path%3D{name}"
    with psycopg.connect(pg_server.admin_url, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> str:
    """The URL of an empty store, once per backend."""
    if request.param == "sqlite":
        return str(tmp_path / "events.db")
    return request.getfixturevalue("pg_url")


# ---- a grouper that needs no model: same type, day and place = same event

class FakeGrouper:
    """Stands in for flashpoint.link: plain, deterministic rules a test can predict."""

    def __init__(self):
        self.calls = 0

    def group_mentions(self, mentions: list[Event], alike=None) -> list[list[int]]:
        self.calls += 1
        clusters: dict[tuple, list[int]] = {}
        for i, m in enumerate(mentions):
            key = (m.event_type, m.date.start, m.location.name if m.location else m.id)
            clusters.setdefault(key, []).append(i)
        return list(clusters.values())

    def may_join(self, batch: list[Event], others: list[Event], stories=None) -> list[int]:
        keys = {(m.event_type, m.date.start, m.location.name if m.location else m.id)
                for m in batch}
        return [k for k, m in enumerate(others)
                if (m.event_type, m.date.start, m.location.name if m.location else m.id) in keys]

    def reconcile(self, mentions: list[Event], published) -> StoredEvent:
        base = mentions[0]
        counts = [m.fatalities for m in mentions if m.fatalities]
        fatalities = (Count(low=min(c.low for c in counts), best=max(c.best for c in counts),
                            high=max(c.high for c in counts)) if counts else None)
        fields = base.model_dump()
        fields.update(id="unset", fatalities=fatalities, links=[])
        return StoredEvent(**fields)

    def find_links(self, events, mentions_by_event, sentences, answering=None
                   ) -> dict[str, list[Link]]:
        # Stored events name their mentions; events outside the batch come without them.
        owner = {mid: e.id for e in events for mid in e.mentions}
        out: dict[str, list[Link]] = {}
        for eid, ms in mentions_by_event.items():
            for m in ms:
                for link in m.links:
                    target = owner.get(link.event_id)
                    if target and target != eid:
                        out.setdefault(eid, []).append(Link(type=link.type, event_id=target))
        return out


@pytest.fixture
def grouper() -> FakeGrouper:
    return FakeGrouper()


# ---- hand-built records

PLACES = {
    "Taji": Place(text="Taji", name="Camp Taji", geonames_id=98245, lat=33.53, lon=44.25,
                  country="IRQ", admin1="Baghdad", precision=1),
    "Karbala": Place(text="Karbala", name="Karbala", geonames_id=94824, lat=32.61, lon=44.02,
                     country="IRQ", admin1="Karbala", precision=1),
    "Suva": Place(text="Suva", name="Suva", geonames_id=2198148, lat=-18.14, lon=178.44,
                  country="FJI", admin1="Central", precision=1),
}


def article(aid: str, text: str = "Rockets struck Camp Taji on Wednesday.",
            published: Optional[dt.date] = dt.date(2020, 3, 12), **kw) -> Article:
    return Article(id=aid, text=text, published=published, **kw)


def mention(art: Article, n: int, event_type: str = "ASSAULT", day: Optional[int] = 11,
            place: Optional[str] = "Taji", actor: str = "Kataib Hezbollah",
            recipient: Optional[str] = "US forces", killed: Optional[int] = None,
            links: tuple[tuple[str, str], ...] = ()) -> Event:
    """The n-th mention in ``art``: its quote is the article's text."""
    start = dt.date(2020, 3, day) if day else None
    return Event(
        id=f"{art.id}-m{n}", article_id=art.id, event_type=event_type,
        mode="heavy-weapons" if event_type == "ASSAULT" else None,
        actors=[Actor(text=actor, name=actor, country="IRQ", sector="PRM")],
        recipients=[Actor(text=recipient, name=recipient, country="USA", sector="MIL")]
        if recipient else [],
        location=PLACES[place] if place else None,
        date=When(text="Wednesday" if start else None, start=start, end=start,
                  precision="day" if start else None,
                  reason="weekday before publication" if start else "no date in the text"),
        fatalities=Count.exactly(killed) if killed is not None else None,
        evidence=Evidence(quote=art.text, start=0, end=len(art.text), sentence=0),
        links=[Link(type=t, event_id=target) for t, target in links],
        confidence=0.8)


class Result:
    """What flashpoint.pipeline yields, reduced to what the store reads."""

    def __init__(self, article=None, events=(), error=None, skipped=None):
        self.article, self.events, self.error, self.skipped = article, list(events), error, skipped


class FakePipeline:
    """Returns the hand-built events registered for each article id; loads no model."""

    def __init__(self, events_by_article: dict[str, list[Event]], fail_after: Optional[int] = None):
        self.events_by_article = events_by_article
        self.fail_after = fail_after
        self.seen: list[str] = []

    def run(self, items):
        for item in items:
            if self.fail_after is not None and len(self.seen) >= self.fail_after:
                raise KeyboardInterrupt("killed mid-run")
            if isinstance(item, Exception):
                yield Result(error=item)
                continue
            self.seen.append(item.id)
            yield Result(article=item, events=self.events_by_article.get(item.id, []))


def fake_reader(articles: list[Article]):
    """A reader over hand-built articles, with the signature of read_inputs."""

    def read(paths, published=None, stdin=None):
        wanted = set(paths)
        yield from (a for a in articles if a.id in wanted)

    return read
