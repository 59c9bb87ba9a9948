"""The package's modules import each other without circles, at any level (inside functions too).

A module that imports one that imports it back (directly or through others) only works as long as
the imports happen in the right order; a lazy import inside a function hides such a circle rather than
removing it. The graph is read from the source with :mod:`ast`, so every import statement counts:
module level, inside functions, under ``if TYPE_CHECKING``. Importing ``declutter.a.b`` also runs the
packages' ``__init__`` modules; those implicit edges are left out (every module would otherwise be in a
circle with ``declutter/__init__.py``, which re-exports the public API), but an explicit
``from declutter.html import x`` inside ``declutter/html/`` is an edge to ``declutter.html`` like any other.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "declutter"


def _modules(package: Path) -> dict[str, Path]:
    """Dotted module name to file, for every module of the package (``__init__`` names its package)."""
    found = {}
    for file in sorted(package.rglob("*.py")):
        parts = (package.name, *file.relative_to(package).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = file
    return found


def _imports(name: str, file: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its source."""
    package = name if file.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), filename=str(file))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: ``from . import x``, ``from ..y import z``
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, base] if base else parents)
            for alias in node.names:  # a submodule named is imported; any other name comes from ``base``
                submodule = f"{base}.{alias.name}"
                if submodule in modules:
                    found.add(submodule)
                elif base in modules:
                    found.add(base)
    found.discard(name)
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    modules = _modules(package)
    return {name: _imports(name, file, modules) for name, file in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as ``[a, b, …, a]``, or None when the graph has none."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(node: str) -> list[str] | None:
        path.append(node)
        on_path.add(node)
        for target in sorted(graph.get(node, ())):
            if target in on_path:
                return [*path[path.index(target) :], target]
            if target not in done and (cycle := visit(target)):
                return cycle
        path.pop()
        on_path.discard(node)
        done.add(node)
        return None

    for start in sorted(graph):
        if start not in done and (cycle := visit(start)):
            return cycle
    return None


def test_the_graph_sees_every_kind_of_import(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from pkg.sub.b import f\n")
    (package / "a.py").write_text("def g():\n    from pkg.sub import b\n")
    (package / "sub" / "b.py").write_text("from .. import a\nfrom . import c\n")
    (package / "sub" / "c.py").write_text("import pkg.a\nfrom pkg.sub import f\n")
    graph = import_graph(package)
    assert graph == {
        "pkg": set(),
        "pkg.a": {"pkg.sub.b"},
        "pkg.sub": {"pkg.sub.b"},
        "pkg.sub.b": {"pkg.a", "pkg.sub.c"},
        "pkg.sub.c": {"pkg.a", "pkg.sub"},
    }
    assert find_cycle(graph) == ["pkg.a", "pkg.sub.b", "pkg.a"]
    del graph["pkg.a"]
    assert find_cycle(graph) == ["pkg.sub", "pkg.sub.b", "pkg.sub.c", "pkg.sub"]
    assert find_cycle({"x": {"y"}, "y": set()}) is None


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = import_graph()
    assert len(graph) > 30, "the package's modules were not found"
    cycle = find_cycle(graph)
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])
