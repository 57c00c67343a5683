"""Docs that cannot drift: the README names every route and the token's variable."""
from pathlib import Path

from flashpoint.api import create_app
from flashpoint.api.ingest import TOKEN_ENV

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_the_readme_names_every_route(db):
    paths = create_app(db).openapi()["paths"]
    for path, operations in paths.items():
        for method in operations:
            assert f"{method.upper()} {path}" in README, f"{method.upper()} {path}"
    assert TOKEN_ENV in README
