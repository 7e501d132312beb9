"""Hook: a quick preview that stays right. Under ``mkdocs serve --dirty`` (what ``nox -s serve``
runs), rebuild a page when it or anything it depends on changed, and keep the search index whole.

Why: ``--dirty`` rebuilds only pages whose own source is newer than their HTML, which is what
makes an edit show in seconds (notebooks are not re-executed, formulas not re-typeset). But a
page also shows the code sections it includes, the figures it embeds and the numbers of
``{{ module.key }}``; and the search index of a dirty build holds only the rebuilt pages. A clean
build (``mkdocs build``, ``nox -s docs``) is unaffected: every hook here returns at once.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

INCLUDE = re.compile(r'^[ \t]*-{1,}8<-{1,}[ \t]+"([^":]+)', re.M)
FIGURE = re.compile(r"\]\((?:\.\./)*(figures/[\w./-]+\.svg)")
EVERYTHING = ("mkdocs.yml", "hooks", "overrides")  # a change here restyles every page
# the other language's build runs inside this one's on_post_build: "depth" tells them apart
_state: dict = {"dirty": False, "indexes": {}, "depth": 0}


def _not_the_dirty_notice(record: logging.LogRecord) -> bool:
    # mkdocs warns that a dirty build may leave stale navigation; this hook is the answer to
    # that, and the warning would otherwise abort the preview under `strict: true`
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command, dirty):
    _state["dirty"] = dirty
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_notice)


def _newest(path: Path) -> float:
    if path.is_dir():
        return max((_newest(p) for p in path.rglob("*") if p.is_file()), default=0.0)
    return path.stat().st_mtime if path.exists() else 0.0


def dependencies(
    markdown: str, root: Path, docs: Path, seen: set[Path] | None = None
) -> set[Path]:
    """Files a page's HTML depends on besides its own source: includes (recursively), figures,
    and generated/values.json when the page shows ``{{ module.key }}`` values (the hook reads
    them from there; ``python -m descent generate`` rewrites it when the package changes).

    >>> page = '--8<-- "src/a.py:part"\\n![x](figures/f.svg)\\n{{ loss.w }}'
    >>> sorted(p.as_posix() for p in dependencies(page, Path("/r"), Path("/r/docs")))
    ['/r/docs/figures/f.svg', '/r/docs/generated/values.json', '/r/src/a.py']
    """
    seen = set() if seen is None else seen
    found = {root / path for path in INCLUDE.findall(markdown)}
    found |= {docs / path for path in FIGURE.findall(markdown)}
    if "{{" in markdown:
        found.add(docs / "generated" / "values.json")
    for path in found - seen:
        seen.add(path)
        if path.suffix == ".md" and path.is_file():
            found |= dependencies(path.read_text(encoding="utf-8"), root, docs, seen)
    return found


@event_priority(-100)  # after mkdocs-static-i18n has replaced the files with its own
def on_files(files, config):
    """In a dirty build, mark pages whose dependencies are newer than their HTML as modified."""
    if not _state["dirty"]:
        return files
    root, docs = Path(config.config_file_path).parent, Path(config.docs_dir)
    everything = max(_newest(root / name) for name in EVERYTHING)
    for file in files.documentation_pages():
        built = Path(file.abs_dest_path)
        if not built.is_file():
            continue
        source = Path(file.abs_src_path)
        deps = dependencies(source.read_text(encoding="utf-8"), root, docs)
        if source.suffix == ".py":  # a notebook imports the package
            deps.add(root / "src" / "descent")
        newest = max([everything, *(_newest(p) for p in deps)])
        if newest > built.stat().st_mtime:
            file.is_modified = lambda: True
    return files


def on_pre_build(config):
    """Remember the search indexes of the previous build before this one overwrites them."""
    _state["depth"] += 1
    if _state["dirty"] and _state["depth"] == 1:
        site = Path(config.site_dir)
        _state["indexes"] = {p: p.read_text("utf-8") for p in site.rglob("search_index.json")}


@event_priority(-100)  # after the search plugin (and the other language's build) wrote theirs
def on_post_build(config):
    """Put back the entries of the pages this dirty build did not rebuild."""
    _state["depth"] -= 1
    if not _state["dirty"] or _state["depth"]:
        return
    for path, before in _state["indexes"].items():
        if not path.is_file():
            continue
        index = json.loads(path.read_text(encoding="utf-8"))
        rebuilt = {doc["location"].split("#")[0] for doc in index["docs"]}
        kept = [
            d for d in json.loads(before)["docs"] if d["location"].split("#")[0] not in rebuilt
        ]
        index["docs"] = kept + index["docs"]
        path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
