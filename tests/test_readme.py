"""The README names every command, export format, input type and store the code offers.

Like datasette's documentation tests: the lists come from the CLI's parser and the registries,
so a command, format, reader or backend added without a word in the README fails here, by name.
"""
import argparse
import re
from pathlib import Path

import pytest

import flashpoint.export  # noqa: F401  (importing the package registers every format)
from flashpoint.cli import build_parser
from flashpoint.export.registry import format_names
from flashpoint.ingest.readers import accepted_suffixes
from flashpoint.store.backend import backend_kinds
from flashpoint.store.location import url_schemes

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    """Every command line the parser takes: 'extract', ..., 'gazetteer add'."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = commands(sub, f"{prefix}{name} ")
                found += nested or [f"{prefix}{name}"]
    return found


def test_the_lists_are_not_empty():
    assert "gazetteer add" in commands(build_parser()) and len(commands(build_parser())) >= 11
    assert format_names()[0] == "jsonl" and ".jsonl" in accepted_suffixes()
    assert set(backend_kinds()) >= {"sqlite", "postgresql"}


@pytest.mark.parametrize("command", commands(build_parser()))
def test_the_readme_shows_every_command(command):
    assert f"flashpoint {command}" in README, f"README.md never shows `flashpoint {command}`"


@pytest.mark.parametrize("name", format_names())
def test_the_readme_names_every_export_format(name):
    assert f"`{name}`" in README or f"--format {name}" in README, (
        f"README.md never names the export format `{name}`")


@pytest.mark.parametrize("suffix", accepted_suffixes())
def test_the_readme_names_every_input_type(suffix):
    assert f"`{suffix}`" in README, f"README.md never names the input type `{suffix}`"


@pytest.mark.parametrize("kind", backend_kinds())
def test_the_readme_names_every_store_backend(kind):
    assert re.search(rf"\b{re.escape(kind)}\b", README, re.IGNORECASE), (
        f"README.md never names the store backend {kind!r}")


@pytest.mark.parametrize("scheme", url_schemes())
def test_the_readme_shows_every_store_url_scheme(scheme):
    assert f"{scheme}://" in README, f"README.md never shows a --db URL of the form {scheme}://"
