"""Which --db values open which store, and what a user reads when one cannot be opened."""
import pytest

from flashpoint.errors import StoreError
from flashpoint.store import locate, open_store

from .conftest import FakeGrouper


def test_without_a_url_the_store_is_the_default_file_under_flashpoint_home(tmp_path,
                                                                           monkeypatch):
    monkeypatch.setenv("FLASHPOINT_HOME", str(tmp_path / "home"))
    with open_store(None, grouper=FakeGrouper()) as store:
        assert store.location.target == str(tmp_path / "home" / "flashpoint.db")
        assert store.describe() == (f"SQLite file {tmp_path}/home/flashpoint.db (the default "
                                    "store): 0 articles, 0 mentions, 0 events")
    assert (tmp_path / "home" / "flashpoint.db").exists()


def test_without_flashpoint_home_the_default_is_under_local_share(monkeypatch, tmp_path):
    monkeypatch.delenv("FLASHPOINT_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert locate(None).target == str(tmp_path / ".local/share/flashpoint/flashpoint.db")


@pytest.mark.parametrize("url, kind, target", [
    ("events.db", "sqlite", "events.db"),
    ("sqlite:///data/events.db", "sqlite", "data/events.db"),
    ("sqlite:////srv/events.db", "sqlite", "/srv/events.db"),
    ("sqlite:///:memory:", "sqlite", ":memory:"),
    ("postgresql://fp:pw@db:5432/events", "postgresql", "postgresql://fp:pw@db:5432/events"),
    ("postgres://fp@db/events", "postgresql", "postgres://fp@db/events"),
])
def test_accepted_url_forms(url, kind, target):
    where = locate(url)
    assert (where.kind, where.target) == (kind, target)


def test_an_unknown_scheme_names_the_accepted_forms():
    with pytest.raises(StoreError) as err:
        locate("mysql://root:secret@localhost/events")
    assert str(err.value) == (
        "[FP300] store URL 'mysql://root:***@localhost/events' uses the scheme 'mysql', which "
        "flashpoint cannot open; give a file path, sqlite:///path/to/file.db, or "
        "postgresql://user:password@host:port/dbname")


def test_a_missing_folder_is_reported_not_created(tmp_path):
    with pytest.raises(StoreError, match="the folder .*nowhere for the store .* does not exist; "
                                         "create it, or give another --db"):
        open_store(str(tmp_path / "nowhere" / "events.db"))


def test_a_file_that_is_not_a_store_is_reported(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("shopping list: bread, milk, eggs and more " * 50)
    with pytest.raises(StoreError, match="cannot open the SQLite store .*notes.db: file is not a "
                                         "database; check that the file is a flashpoint store"):
        open_store(str(junk))


def test_an_unreachable_server_is_reported_without_its_password():
    with pytest.raises(StoreError) as err:
        open_store("postgresql://fp:secret@127.0.0.1:1/events")
    message = str(err.value)
    assert message.startswith("[FP300] cannot connect to PostgreSQL postgresql://fp@127.0.0.1:1/"
                              "events: ")
    assert "check that the server runs" in message and "secret" not in message


def test_the_postgres_description_hides_the_password():
    where = locate("postgresql://fp:secret@db:5432/events")
    assert where.describe() == "PostgreSQL postgresql://fp@db:5432/events"


def test_an_in_memory_store_works_and_keeps_nothing():
    from .conftest import article, mention

    a = article("a1")
    with open_store("sqlite:///:memory:", grouper=FakeGrouper()) as store:
        store.ingest_result(a, [mention(a, 1)])
        assert store.regroup() == 1
        assert store.describe() == "SQLite in memory: 1 articles, 1 mentions, 1 events"
