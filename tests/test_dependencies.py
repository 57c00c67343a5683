"""Every package the code imports is declared, pinned, in pyproject.toml (issue 8): a fresh
`pip install flashpoint` must not depend on what happens to be installed beside it."""
import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "flashpoint"


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> dict[str, str]:
    """Distribution name -> its requirement, over the dependencies and every extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    return {normalised(re.split(r"[\[=<>~!; ]", r, maxsplit=1)[0]): r for r in requirements}


def imported_modules() -> set[str]:
    found = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"flashpoint", "__future__"}


def test_every_imported_package_is_declared_and_pinned():
    distributions = importlib.metadata.packages_distributions()
    requirements = declared()
    for module in sorted(imported_modules()):
        # An optional extra that is not installed here (pyspark) is known by its module name.
        names = [normalised(d) for d in distributions.get(module, [module])]
        assert any(n in requirements for n in names), (
            f"src/flashpoint imports {module!r} but pyproject.toml does not declare it")
        requirement = next(requirements[n] for n in names if n in requirements)
        assert "==" in requirement, f"{requirement!r} is not pinned with =="
