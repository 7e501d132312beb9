"""Find every figure and generated table in the package and write them under ``docs/``.

A function ``fig_<name>`` in a submodule of :mod:`descent.figures` becomes
``figures/<name>.svg`` (underscores turn into hyphens); a function ``table_<name>`` in a
submodule of :mod:`descent.tables` becomes ``generated/<name>.md``. Adding a function is
all it takes to publish a new artifact; a test then insists a page uses it.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from descent import figures, tables


@dataclass(frozen=True)
class Artifact:
    """One file under ``docs/`` and the function that renders its bytes."""

    path: str  # relative to docs/, with forward slashes
    render: Callable[[], bytes]
    source: str  # "module:function", for error messages


def _functions(package: ModuleType, prefix: str) -> list[tuple[str, Callable]]:
    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, obj in sorted(vars(module).items()):
            if name.startswith(prefix) and callable(obj) and obj.__module__ == module.__name__:
                found.append((f"{module.__name__}:{name}", obj))
    return found


def _figure_renderer(function: Callable) -> Callable[[], bytes]:
    return lambda: figures.svg_bytes(function())


def _table_renderer(function: Callable) -> Callable[[], bytes]:
    return lambda: function().encode("utf-8")


def all_values() -> dict[str, str]:
    """Collect the named numbers of every table module as ``{"<module>.<name>": text}``."""
    values: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(tables.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{tables.__name__}.{info.name}")
        if callable(getattr(module, "values", None)):
            for name, text in module.values().items():
                if not re.fullmatch(r"[a-z0-9_]+", name):
                    raise ValueError(f"{info.name}.values(): key {name!r} must match [a-z0-9_]+")
                if not isinstance(text, str):
                    raise TypeError(f"{info.name}.values()[{name!r}] must be formatted text")
                values[f"{info.name}.{name}"] = text
    return values


def _values_json() -> bytes:
    return (json.dumps(all_values(), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def discover() -> list[Artifact]:
    """Return every artifact, sorted by path; two functions claiming one path is an error."""
    artifacts: dict[str, Artifact] = {}
    kinds = [
        (figures, "fig_", "figures/{}.svg", _figure_renderer),
        (tables, "table_", "generated/{}.md", _table_renderer),
    ]
    for package, prefix, pattern, renderer in kinds:
        for source, function in _functions(package, prefix):
            path = pattern.format(source.split(":")[1][len(prefix) :].replace("_", "-"))
            if path in artifacts:
                raise ValueError(
                    f"{path} is produced by both {artifacts[path].source} and {source}"
                )
            artifacts[path] = Artifact(path, renderer(function), source)
    artifacts["generated/values.json"] = Artifact(
        "generated/values.json", _values_json, "descent.artifacts:all_values"
    )
    return [artifacts[p] for p in sorted(artifacts)]


def write_all(docs_dir: Path, only: str | None = None) -> list[Path]:
    """Render every artifact (or those whose path contains ``only``) into ``docs_dir``."""
    written = []
    for artifact in discover():
        if only and only not in artifact.path:
            continue
        target = Path(docs_dir) / artifact.path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = artifact.render()
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        written.append(target)
    return written


def stale(docs_dir: Path) -> list[str]:
    """Return the paths whose committed bytes differ from a fresh rendering."""
    out = []
    for artifact in discover():
        target = Path(docs_dir) / artifact.path
        if not target.exists() or target.read_bytes() != artifact.render():
            out.append(artifact.path)
    return out
