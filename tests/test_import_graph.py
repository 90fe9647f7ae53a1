"""No import cycle among argmap's modules.

The graph is read from the source (ast): every import, at the top of a module, inside a
function or under `if TYPE_CHECKING:`, relative imports resolved. `from package import name`
is an edge to `package.name` when that is a module, else to the package. To check more of
argmap's subsets, change `CHECKED_PREFIXES` (today: the whole package).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent.parent / "argmap"
#: modules whose cycles fail the test (a cycle counts if all its modules are under one)
CHECKED_PREFIXES: tuple[str, ...] = ("argmap",)


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    """Module name -> the modules of the same package it imports (anywhere in its source)."""
    package_dir = Path(package_dir)
    root = package_dir.parent
    paths = {_module_name(path, root): path for path in sorted(package_dir.rglob("*.py"))}
    graph: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    module = ".".join([*base, node.module] if node.module else base)
                else:
                    module = node.module or ""
                targets = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in paths
                           else module for alias in node.names]
            else:
                continue
            for target in targets:
                while target and target not in paths:  # `import a.b.c`: the deepest module
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of `graph` with more than one module (or a module
    importing itself), each sorted; found with Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(start: str) -> None:
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in graph.get(node, ()):
                        cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(cycles)


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def restricted(graph: dict[str, set[str]], prefix: str) -> dict[str, set[str]]:
    """The part of `graph` among the modules under `prefix`."""
    return {name: {t for t in targets if _under(t, prefix)}
            for name, targets in graph.items() if _under(name, prefix)}


def test_the_graph_and_the_cycle_finder() -> None:
    assert find_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert find_cycles({"a": {"b"}, "b": set()}) == []
    graph = import_graph(PACKAGE_DIR)
    assert "argmap.tui.screens" in graph["argmap.tui.app"]  # a top-level relative import
    assert "argmap.tui.widgets.outline_tree" in graph["argmap.tui.widgets"]  # from a package
    assert "argmap.analyze" in graph["argmap.tui.overlay"]  # inside a function


def test_no_import_cycle() -> None:
    graph = import_graph(PACKAGE_DIR)
    cycles = [cycle for prefix in CHECKED_PREFIXES
              for cycle in find_cycles(restricted(graph, prefix))]
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)
