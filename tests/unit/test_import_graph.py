"""The import graph of gazu/: no circle, even through imports inside functions, and no arrow from the transport
back up to the package's façade.

The graph is read from the source with ``ast``: an arrow per ``import gazu…``
or ``from gazu… import`` (relative ones too), to the module it names (``from
gazu import asset`` names ``gazu.asset``; ``from gazu.client import get`` names
``gazu.client``). Imports at a module's top level (``try`` and ``if`` blocks
included) run at import time; imports inside a function run on first call;
imports under ``if TYPE_CHECKING:`` never run and are left out. A package's
``__init__`` running first when one of its modules is imported is no arrow:
Python has it in ``sys.modules`` by then.

Run ``python -m tests.unit.test_import_graph`` to print every circle and
every private name imported across modules.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator

import pytest

PACKAGE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "gazu")
CLI = ("gazu.cli", "gazu._cli_support", "gazu._cli_app", "gazu._cli_commands", "gazu._cli_previews")
# Modules whose private names other modules may import (issue 13).
SHARED_PRIVATE = ("gazu._exchange", "gazu._api", "gazu._transfer", "gazu._auth", "gazu._config")


def _modules() -> dict[str, str]:
    """Return the file of every module of the package, by dotted name."""
    found = {}
    for folder, _, files in os.walk(PACKAGE):
        for name in files:
            if name.endswith(".py"):
                parts = os.path.relpath(os.path.join(folder, name), os.path.dirname(PACKAGE))[:-3].split(os.sep)
                found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = os.path.join(folder, name)
    return found


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, in_function: bool = False) -> Iterator[tuple[ast.stmt, bool]]:
    """Yield each import statement with whether it runs inside a function."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, in_function
        elif isinstance(node, ast.If) and _is_type_checking(node):
            yield from _imports(ast.Module(body=node.orelse, type_ignores=[]), in_function)
        else:
            nested = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            yield from _imports(node, nested)


def _base(module: str, node: ast.ImportFrom) -> str:
    """Return the module a ``from … import`` reads from, relative ones resolved."""
    if not node.level:
        return node.module or ""
    package = module if MODULES[module].endswith("__init__.py") else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return package + ("." + node.module if node.module else "")


def _targets(module: str, node: ast.stmt) -> Iterator[tuple[str, str | None]]:
    """Yield ``(module imported, name taken from it or None)`` for one import statement, within gazu only."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name in MODULES:
                yield alias.name, None
        return
    base = _base(module, node)
    if base not in MODULES:
        return
    for alias in node.names:
        submodule = base + "." + alias.name
        yield (submodule, None) if submodule in MODULES else (base, alias.name)


def import_graph() -> tuple[dict[str, set[str]], dict[str, set[str]], list[tuple[str, str, str]]]:
    """Return the arrows run at import time, the arrows run inside functions, and the private names
    imported across modules as ``(importer, module, name)``."""
    at_import = {module: set() for module in MODULES}
    in_functions = {module: set() for module in MODULES}
    private = []
    for module, path in MODULES.items():
        with open(path, encoding="utf-8") as source:
            tree = ast.parse(source.read(), path)
        for node, in_function in _imports(tree):
            for target, name in _targets(module, node):
                if target != module:
                    (in_functions if in_function else at_import)[module].add(target)
                if name and name.startswith("_") and not name.startswith("__") and target != module:
                    private.append((module, target, name))
    return at_import, in_functions, private


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


def _merged(*graphs: dict[str, set[str]]) -> dict[str, set[str]]:
    return {module: set().union(*(graph[module] for graph in graphs)) for module in MODULES}


AT_IMPORT, IN_FUNCTIONS, PRIVATE = import_graph()


def test_the_graph_sees_the_package():
    assert set(CLI) <= set(MODULES)
    assert "gazu.client" in AT_IMPORT["gazu.asset"] and "gazu._api" in AT_IMPORT["gazu.asset"]


def test_no_module_level_circle():
    assert circles(AT_IMPORT) == []


def test_no_circle_even_inside_functions():
    assert circles(_merged(AT_IMPORT, IN_FUNCTIONS)) == []


# The transport and what it stands on: the façade (gazu/__init__.py) calls them, never the other way.
TRANSPORT = ("gazu.client", "gazu._aio_client", "gazu._exchange", "gazu._requests_transport",
             "gazu._aiohttp_transport", "gazu._auth", "gazu._config")


@pytest.mark.parametrize("module", TRANSPORT)
def test_the_transport_never_imports_the_package_facade(module):
    assert "gazu" not in _merged(AT_IMPORT, IN_FUNCTIONS)[module]


@pytest.mark.parametrize("module", CLI)
def test_the_cli_imports_no_private_name_of_another_module(module):
    assert [(target, name) for importer, target, name in PRIVATE
            if importer == module and target not in SHARED_PRIVATE] == []


def test_no_module_imports_another_modules_private_names():
    """Shared pieces live in the modules made to share them."""
    assert [(importer, target, name) for importer, target, name in PRIVATE if target not in SHARED_PRIVATE] == []


def test_the_cli_stands_in_layers():
    """The façade on top; the commands on the group; the group on the support; the support on gazu."""
    cli_arrows = {module: _merged(AT_IMPORT, IN_FUNCTIONS)[module] & set(CLI) for module in CLI}
    assert cli_arrows == {
        "gazu.cli": {"gazu._cli_support", "gazu._cli_app", "gazu._cli_commands", "gazu._cli_previews"},
        "gazu._cli_commands": {"gazu._cli_support", "gazu._cli_app"},
        "gazu._cli_previews": {"gazu._cli_support", "gazu._cli_app"},
        "gazu._cli_app": {"gazu._cli_support"},
        "gazu._cli_support": set(),
    }


if __name__ == "__main__":
    print("circles at import time:", circles(AT_IMPORT) or "none")
    print("circles counting imports inside functions:", circles(_merged(AT_IMPORT, IN_FUNCTIONS)) or "none")
    for module in MODULES:
        if IN_FUNCTIONS[module] - AT_IMPORT[module]:
            print("  %s imports inside functions: %s" % (module, ", ".join(sorted(IN_FUNCTIONS[module]
                                                                                     - AT_IMPORT[module]))))
    print("private names imported across modules (outside %s):" % ", ".join(SHARED_PRIVATE))
    for importer, target, name in PRIVATE:
        if target not in SHARED_PRIVATE:
            print("  %s: from %s import %s" % (importer, target, name))
