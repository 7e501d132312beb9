"""Find every figure and generated table in the package and write them under ``docs/``.

Each chapter is a subpackage ``descent.chapters.<page>`` (the page's file name with ``-`` →
``_``). A function ``fig_<name>`` in its ``figures`` module becomes ``figures/<name>.svg``
(underscores turn into hyphens); a function ``table_<name>`` in its ``tables`` module becomes
``generated/<name>.md``, and its ``values()`` become ``{{ <page>.<key> }}`` in prose (a tables
module may keep an older prefix with ``VALUES_KEY``). A new chapter directory, or a new
function, is all it takes to publish a new artifact; a test then insists a page uses it.

Rendering is spread over the machine's cores, one chapter per task (a chapter's figures and
tables share cached runs, so they stay in one process); ``DESCENT_JOBS=1`` renders serially.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import multiprocessing
import os
import pkgutil
import re
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from descent import chapters
from descent.build.figure import svg_bytes

VALUES = "generated/values.json"  # every table module's values(), for {{ module.key }} in prose


@dataclass(frozen=True)
class Artifact:
    """One file under ``docs/`` and the function that renders its bytes."""

    path: str  # relative to docs/, with forward slashes
    render: Callable[[], bytes]
    source: str  # "module:function", for error messages


def chapter_names() -> list[str]:
    """Every chapter subpackage under :mod:`descent.chapters`, sorted (``_`` names skipped)."""
    found = pkgutil.iter_modules(chapters.__path__)
    return sorted(m.name for m in found if m.ispkg and not m.name.startswith("_"))


def _chapter_module(chapter: str, kind: str) -> object | None:
    """``descent.chapters.<chapter>.<kind>`` (figures, tables, checks), or None if it has none."""
    name = f"{chapters.__name__}.{chapter}.{kind}"
    if importlib.util.find_spec(name) is None:
        return None
    return importlib.import_module(name)


def _functions(kind: str, prefix: str) -> list[tuple[str, Callable]]:
    found = []
    for chapter in chapter_names():
        module = _chapter_module(chapter, kind)
        if module is None:
            continue
        for name, obj in sorted(vars(module).items()):
            if name.startswith(prefix) and callable(obj) and obj.__module__ == module.__name__:
                found.append((f"{module.__name__}:{name}", obj))
    return found


def _figure_renderer(function: Callable) -> Callable[[], bytes]:
    return lambda: svg_bytes(function())


def _table_renderer(function: Callable) -> Callable[[], bytes]:
    return lambda: function().encode("utf-8")


def _json_renderer(function: Callable) -> Callable[[], bytes]:
    from descent.build.stepper import to_json

    return lambda: to_json(function())


def _table_modules() -> list[str]:
    return [name for name in chapter_names() if _chapter_module(name, "tables") is not None]


def module_values(chapter: str) -> dict[str, str]:
    """The named numbers of ``descent.chapters.<chapter>.tables`` as ``{"<key>.<name>": text}``.

    ``<key>`` is the chapter's name, or the module's ``VALUES_KEY`` where pages use another.
    """
    module = _chapter_module(chapter, "tables")
    if not callable(getattr(module, "values", None)):
        return {}
    key = getattr(module, "VALUES_KEY", chapter)
    values: dict[str, str] = {}
    for name, text in module.values().items():
        if not re.fullmatch(r"[a-z0-9_]+", name):
            raise ValueError(f"{chapter}.values(): key {name!r} must match [a-z0-9_]+")
        if not isinstance(text, str):
            raise TypeError(f"{chapter}.values()[{name!r}] must be formatted text")
        values[f"{key}.{name}"] = text
    return values


def all_values() -> dict[str, str]:
    """Collect the named numbers of every table module as ``{"<module>.<name>": text}``."""
    values: dict[str, str] = {}
    for chapter in _table_modules():
        values |= module_values(chapter)
    return values


def _json(values: dict[str, str]) -> bytes:
    return (json.dumps(values, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def _values_json() -> bytes:
    return _json(all_values())


def discover() -> list[Artifact]:
    """Return every artifact, sorted by path; two functions claiming one path is an error."""
    artifacts: dict[str, Artifact] = {}
    kinds = [
        ("figures", "fig_", "figures/{}.svg", _figure_renderer),
        ("tables", "table_", "generated/{}.md", _table_renderer),
        ("figures", "stepper_", "generated/stepper-{}.json", _json_renderer),
        ("checks", "check_", "generated/check-{}.json", _json_renderer),
    ]
    for kind, prefix, pattern, renderer in kinds:
        for source, function in _functions(kind, prefix):
            path = pattern.format(source.split(":")[1][len(prefix) :].replace("_", "-"))
            if path in artifacts:
                raise ValueError(
                    f"{path} is produced by both {artifacts[path].source} and {source}"
                )
            artifacts[path] = Artifact(path, renderer(function), source)
    artifacts[VALUES] = Artifact(VALUES, _values_json, "descent.build.artifacts:all_values")
    return [artifacts[p] for p in sorted(artifacts)]


def _chapter(source: str) -> str:
    """``descent.chapters.loss.figures:fig_x`` (or ``…tables:table_y``) → ``loss``."""
    return source.split(":")[0].rsplit(".", 1)[-1]


def _render_chapter(chapter: str, paths: list[str], with_values: bool) -> tuple[dict, dict]:
    """Worker task: render one chapter's artifacts (and its values) in this process."""
    chosen = {a.path: a for a in discover() if a.path in paths}
    rendered = {path: chosen[path].render() for path in paths}
    values = module_values(chapter) if with_values and chapter in _table_modules() else {}
    return rendered, values


def render_all(selected: list[Artifact]) -> dict[str, bytes]:
    """Render ``selected``, one chapter per task on every core; values.json from all chapters."""
    jobs = int(os.environ.get("DESCENT_JOBS", os.cpu_count() or 1))
    want_values = any(a.path == VALUES for a in selected)
    groups: dict[str, list[str]] = {name: [] for name in _table_modules()} if want_values else {}
    for artifact in selected:
        if artifact.path != VALUES:
            groups.setdefault(_chapter(artifact.source), []).append(artifact.path)
    tasks = sorted(groups.items(), key=lambda item: -len(item[1]))  # big chapters first
    if jobs < 2 or len(tasks) < 2:
        results = [_render_chapter(name, paths, want_values) for name, paths in tasks]
    else:
        spawn = multiprocessing.get_context("spawn")  # no fork of a possibly threaded parent
        with ProcessPoolExecutor(min(jobs, len(tasks)), mp_context=spawn) as pool:
            futures = [pool.submit(_render_chapter, n, p, want_values) for n, p in tasks]
            results = [future.result() for future in futures]
    rendered: dict[str, bytes] = {}
    values: dict[str, str] = {}
    for files, numbers in results:
        rendered |= files
        values |= numbers
    if want_values:
        rendered[VALUES] = _json(values)
    return rendered


def write_all(docs_dir: Path, only: str | None = None) -> list[Path]:
    """Render every artifact (or those whose path contains ``only``) into ``docs_dir``."""
    written = []
    selected = [a for a in discover() if not only or only in a.path]
    for path, data in sorted(render_all(selected).items()):
        target = Path(docs_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        written.append(target)
    return written


def stale(docs_dir: Path) -> list[str]:
    """Return the paths whose committed bytes differ from a fresh rendering."""
    out = []
    for path, data in sorted(render_all(discover()).items()):
        target = Path(docs_dir) / path
        if not target.exists() or target.read_bytes() != data:
            out.append(path)
    return out


def extra(docs_dir: Path) -> list[str]:
    """Return the files under ``figures/`` and ``generated/`` that no function produces."""
    made = {a.path for a in discover()}
    found = (p for d in ("figures", "generated") for p in sorted((Path(docs_dir) / d).rglob("*")))
    return [
        rel
        for p in found
        if p.is_file() and (rel := p.relative_to(docs_dir).as_posix()) not in made
    ]
