"""Which code sections the pages can run in the browser, and what each needs to run.

A page shows code by including a named section of a module (``# --8<-- [start:name]`` …
``[end:name]``). The browser runs CPython without numpy or matplotlib, so a section is
runnable when everything it uses comes, transitively through the package, from the standard
library. Its *preamble* is what it needs from its module: the imports it uses and the
module-level names defined outside the section (imported from the module itself).

>>> s = analyse(SRC / "descent" / "engine.py", "value-node")
>>> s.module, s.blocker
('descent.engine', None)
>>> analyse(SRC / "descent" / "linear.py", "loss-over-parameters").blocker
'numpy'
"""

from __future__ import annotations

import ast
import builtins
import functools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"^[ \t]*# --8<-- \[(start|end):([\w-]+)\][ \t]*$", re.M)
INCLUDE = re.compile(r'--8<-- "(src/[\w/]+\.py):([\w-]+)"')
STDLIB = frozenset(sys.stdlib_module_names)


@dataclass(frozen=True)
class Section:
    """A named section of a module: its code, its module's name, and what it needs."""

    path: Path
    name: str
    module: str
    code: str
    preamble: str
    blocker: str | None  # the first non-stdlib package it needs (None: runnable)


def module_name(path: Path) -> str:
    """``src/descent/engine.py`` → ``descent.engine``.

    >>> module_name(SRC / "descent" / "chapters" / "loss" / "__init__.py")
    'descent.chapters.loss'
    """
    parts = list(Path(path).resolve().relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sections(path: Path) -> dict[str, str]:
    """Every ``[start:name]``…``[end:name]`` section of a file, dedented, as the pages show it."""
    text = Path(path).read_text(encoding="utf-8")
    found, opened = {}, {}
    for match in MARKER.finditer(text):
        kind, name = match.groups()
        if kind == "start":
            opened[name] = match.end() + 1
        elif name in opened:
            body = text[opened.pop(name) : match.start()]
            found[name] = _dedent(body)
    return found


def _dedent(body: str) -> str:
    lines = body.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    indent = min((len(s) - len(s.lstrip()) for s in lines if s.strip()), default=0)
    return "\n".join(s[indent:] for s in lines) + "\n"


def _module_path(name: str) -> Path | None:
    base = SRC.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(tree: ast.AST) -> list[str]:
    """Absolute names of every module imported anywhere in ``tree`` (not TYPE_CHECKING-only)."""
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{a.name}" for a in node.names]
    return names


def _statements(body: list[ast.stmt]) -> list[ast.stmt]:
    """The statements that run when the module is imported: those of ``body`` and of the
    ``try:`` and ``if``/``with`` blocks in it (an optional ``try: import torch`` counts); not
    function or class bodies, not ``if TYPE_CHECKING:`` blocks, not ``except`` handlers."""
    found = []
    for node in body:
        found.append(node)
        if isinstance(node, ast.Try):
            found += _statements(node.body + node.orelse + node.finalbody)
        elif isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
            found += _statements(node.body + node.orelse)
        elif isinstance(node, ast.With):
            found += _statements(node.body)
    return found


@functools.cache
def blocker(module: str) -> str | None:
    """The first package outside the standard library that importing ``module`` needs."""
    top = module.split(".")[0]
    if top in STDLIB or top == "__future__":
        return None
    if top != "descent":
        return top
    path = _module_path(module)
    if path is None:  # ``from descent.x import name``: name is not a module
        return None
    parents = [".".join(module.split(".")[:i]) for i in range(1, module.count(".") + 1)]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in _statements(tree.body):  # TYPE_CHECKING and imports in functions don't count
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for name in _imports(node):
                if name != module and (found := blocker(name)):
                    return found
    return next((b for p in parents if (b := blocker(p))), None)


def _bindings(tree: ast.Module) -> dict[str, ast.stmt]:
    """Module-level name → the statement that binds it (imports, defs, assignments)."""
    bound: dict[str, ast.stmt] = {}
    for node in _statements(tree.body):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound[(alias.asname or alias.name).split(".")[0]] = node
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound[node.name] = node
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for sub in ast.walk(target):
                    if isinstance(sub, ast.Name):
                        bound[sub.id] = node
    return bound


def _import_line(node: ast.Import | ast.ImportFrom, name: str) -> str:
    alias = next(a for a in node.names if (a.asname or a.name).split(".")[0] == name)
    clause = alias.name + (f" as {alias.asname}" if alias.asname else "")
    if isinstance(node, ast.Import):
        return f"import {clause}"
    return f"from {node.module} import {clause}"


def analyse(path: Path, name: str) -> Section:
    """The section ``name`` of ``path``: its code, its preamble, and whether it can run."""
    path = Path(path).resolve()
    code, module = sections(path)[name], module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    body = ast.parse(code)
    own = set(_bindings(body))
    used = {n.id for n in ast.walk(body) if isinstance(n, ast.Name)} - own - set(dir(builtins))
    lines, needs = [], [name for name in _imports(body)]
    if any(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in tree.body):
        lines.append("from __future__ import annotations")
    own_module = []
    for used_name, node in sorted(_bindings(tree).items()):
        if used_name not in used:
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            lines.append(_import_line(node, used_name))
            needs += _imports(node)
        else:
            own_module.append(used_name)
    if own_module:
        lines.append(f"from {module} import {', '.join(own_module)}")
        needs.append(module)
    found = next((b for b in map(blocker, needs) if b), None)
    return Section(path, name, module, code, "\n".join(lines) + "\n", found)


def included(page: Path) -> list[Section]:
    """Every section of the package that the page ``docs/<page>.md`` includes, in page order.

    >>> [s.name for s in included(SRC.parent / "docs" / "nonlinear-backprop.en.md")][:2]
    ['chain-forward', 'divide-error-chain']
    """
    text = Path(page).read_text(encoding="utf-8")
    return [analyse(SRC.parent / path, name) for path, name in INCLUDE.findall(text)]
