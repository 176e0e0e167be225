"""The shape of the package, held by an AST walk over src/agenda (DESIGN.md):

- no import cycle anywhere, also inside a package, lazy imports in functions included;
- pendulum and zoneinfo are imported only by the modules that answer wall-clock
  questions (the list below only ever shrinks);
- ``import agenda.cli`` loads neither icalendar nor ``dateutil.rrule``;
- every public name reports ``agenda`` as its module.
"""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import agenda
from conftest import ROOT

SRC = Path(agenda.__file__).resolve().parent

# The modules that may import pendulum or zoneinfo. DESIGN.md's target is the time module,
# the layout, the model, the timetable and the VTIMEZONE writer; the others are to move
# their wall-clock questions there, and none may be added.
TIME_HOMES = frozenset({
    "agenda._time", "agenda._model", "agenda._timetable",
    "agenda._layout._place", "agenda._layout._repeat", "agenda._layout._series",
    "agenda._ical.vtimezone",
})


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def _imports(name: str, path: Path) -> Iterator[str]:
    """Every module `name` imports (absolute names), at any depth of its code, except
    under ``if TYPE_CHECKING``."""
    yield from _imported(name, path)


@functools.cache
def _imported(name: str, path: Path) -> tuple[str, ...]:
    return tuple(_walk_imports(name, path))


def _walk_imports(name: str, path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text("utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: {m for m in _imports(name, path) if m in modules and m != name}
            for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _without_package_inits(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Edges into a package's ``__init__`` from its own modules are how Python imports a
    submodule, not a dependency of the code; the package's re-exports are the other way."""
    return {name: {m for m in deps if not (name.startswith(f"{m}.") and
                                            (SRC.parent / m.replace(".", "/")).is_dir())}
            for name, deps in graph.items()}


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_anywhere() -> None:
    graph = _without_package_inits(_graph())
    assert _cycles(graph) == []


def test_pendulum_and_zoneinfo_stay_in_their_homes() -> None:
    outside = sorted(name for name, path in _modules().items()
                     if {"pendulum", "zoneinfo"} & {m.split(".")[0]
                                                    for m in _imports(name, path)}
                     and name not in TIME_HOMES)
    assert outside == []


def test_the_cli_starts_without_icalendar_or_rrule() -> None:
    code = ("import sys, agenda.cli; print(sorted(m for m in sys.modules "
            "if m.split('.')[0] == 'icalendar' or m == 'dateutil.rrule'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_every_public_name_reports_agenda_as_its_module() -> None:
    for name in agenda.__all__:
        value = getattr(agenda, name)
        if isinstance(value, type) or (callable(value) and hasattr(value, "__qualname__")):
            assert value.__module__ == "agenda", name


def test_every_public_name_is_listed_once_and_reachable() -> None:
    assert len(set(agenda.__all__)) == len(agenda.__all__)
    assert set(agenda.__all__) <= set(dir(agenda))


LONGEST = 600
"""Lines a module may hold: a longer one is two concerns that want their own names."""


def test_no_module_is_longer_than_the_limit() -> None:
    lengths = {name: len(path.read_text("utf-8").splitlines())
               for name, path in _modules().items()}
    assert {name: n for name, n in lengths.items() if n > LONGEST} == {}


def _documented_tree() -> set[str]:
    """The modules docs/architecture.md lists in its tree, as dotted names."""
    page = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    block = page.split("<!-- tree -->", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    lines = block.splitlines()
    assert lines[0] == "src/agenda/"
    named: set[str] = set()
    for line in lines[1:]:
        first, *rest = line.split()
        if first.endswith("/"):
            package = f"agenda.{first.rstrip('/')}"
            named |= {package, *(f"{package}.{module}" for module in rest)}
        else:
            named |= {"agenda" if f == "__init__.py" else f"agenda.{f.removesuffix('.py')}"
                      for f in (first, *rest)}
    return named


def test_the_documented_tree_is_the_tree() -> None:
    documented = _documented_tree()
    actual = set(_modules())
    assert (sorted(actual - documented), sorted(documented - actual)) == ([], [])
