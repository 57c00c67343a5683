"""Store backends and --db URL schemes are registries: connect and locate read them."""
import pytest

from flashpoint.errors import StoreError
from flashpoint.store import ACCEPTED_FORMS
from flashpoint.store.backend import backend_kinds, connect
from flashpoint.store.location import StoreLocation, accepted_forms, url_schemes


def test_the_registered_backends_and_schemes():
    assert backend_kinds() == ("sqlite", "postgresql")
    assert url_schemes() == ("sqlite", "postgresql", "postgres")


def test_the_accepted_forms_come_from_the_schemes():
    assert accepted_forms() == ACCEPTED_FORMS == (
        "a file path, sqlite:///path/to/file.db, or postgresql://user:password@host:port/dbname")


def test_a_location_of_a_kind_no_backend_opens_is_refused():
    with pytest.raises(StoreError, match="no store backend opens 'duckdb' stores; flashpoint "
                                         "opens sqlite, postgresql"):
        connect(StoreLocation("duckdb", "events.duckdb"))
