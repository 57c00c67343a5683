"""Test files share one import namespace (tests import their sibling helpers by name)."""
from collections import Counter
from pathlib import Path


def test_test_file_names_are_unique_across_folders():
    names = Counter(p.name for p in Path(__file__).parent.rglob("test_*.py"))
    assert [n for n, count in names.items() if count > 1] == [], (
        "two test files share a name: pytest cannot import both; rename one")
