"""No import cycles among flashpoint's modules.

The graph is built from the source with ast, from every import statement between flashpoint's
own modules, those inside functions too: an import deferred into a function to dodge a cycle is
the cycle, hidden (it makes the order of imports matter, and the layers unreadable). Only imports
under ``if TYPE_CHECKING:`` are left out: they never run. Imports deferred for speed (spaCy, the
gazetteer, loaded on first use) are fine as long as they close no cycle. The test names the
modules of each cycle it finds.
"""
import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def module_name(path: Path, src: Path = SRC) -> str:
    parts = path.relative_to(src).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def runtime_imports(tree: ast.Module):
    """Every import statement that can run: anywhere but under ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
        else:
            stack.extend(ast.iter_child_nodes(node))


def _absolute(node: ast.ImportFrom, here: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = here.split(".") if is_package else here.split(".")[:-1]
    base = base[:len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def targets(node, here: str, is_package: bool, modules: set[str]) -> set[str]:
    """flashpoint modules one import statement loads (a name imported from a package counts as
    its submodule when there is one)."""
    if isinstance(node, ast.Import):
        found = {alias.name for alias in node.names}
    else:
        base = _absolute(node, here, is_package)
        found = {f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names}
    return {name for name in found if name in modules}


def import_graph(src: Path = SRC) -> dict[str, set[str]]:
    files = {module_name(p, src): p for p in (src / "flashpoint").rglob("*.py")}
    graph = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = path.name == "__init__.py"
        graph[name] = set().union(*[targets(n, name, package, set(files))
                                    for n in runtime_imports(tree)]) - {name}
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_source_has_no_import_cycle():
    cycles = find_cycles(import_graph())
    assert cycles == [], "modules that import each other (break the cycle, do not defer it):\n" + "\n".join(
        " <-> ".join(c) for c in cycles)


def test_a_cycle_is_found_and_named(tmp_path):
    package = tmp_path / "flashpoint"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from flashpoint.b import thing\n")
    (package / "b.py").write_text("from flashpoint import c\n")
    (package / "c.py").write_text("import flashpoint.a\n")
    (package / "d.py").write_text("def late():\n    from flashpoint import e\n")
    (package / "e.py").write_text("from typing import TYPE_CHECKING\n"
                                  "if TYPE_CHECKING:\n    from flashpoint import d\n")
    graph = import_graph(tmp_path)
    assert find_cycles(graph) == [["flashpoint.a", "flashpoint.b", "flashpoint.c"]]
    assert graph["flashpoint.d"] == {"flashpoint.e"} and graph["flashpoint.e"] == set()
