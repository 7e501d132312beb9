"""hooks/preview.py: a dirty rebuild (what `nox -s serve` runs) redoes the pages an edit touches.

A tiny book is built once, then one file it depends on is edited and the book is rebuilt with
``--dirty``, with and without the hook: without it the page keeps stale content (the check can
fail), with it the page shows the edit, the untouched page is left alone, the search index still
lists every page and ``strict: true`` is not tripped by mkdocs' dirty-build notice.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pages import ROOT, load_hook

CONFIG = """site_name: tiny
strict: true
plugins: [search]
markdown_extensions:
  - pymdownx.snippets:
      base_path: ["."]
      check_paths: true
"""


def _book(tmp: Path, hook: bool) -> Path:
    book = tmp / ("with" if hook else "without")
    (book / "docs" / "figures").mkdir(parents=True)
    (book / "src").mkdir()
    hooks = f"hooks: [{ROOT / 'hooks' / 'preview.py'}]\n" if hook else ""
    (book / "mkdocs.yml").write_text(CONFIG + hooks, encoding="utf-8")
    (book / "src" / "part.txt").write_text("first version\n", encoding="utf-8")
    (book / "docs" / "figures" / "f.svg").write_text("<svg/>", encoding="utf-8")
    (book / "docs" / "index.md").write_text('# A\n\n--8<-- "src/part.txt"\n', encoding="utf-8")
    (book / "docs" / "b.md").write_text("# B\n\n![plot](figures/f.svg)\n", encoding="utf-8")
    (book / "docs" / "c.md").write_text("# C\n\nuntouched\n", encoding="utf-8")
    return book


def _build(book: Path, *options: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", *options],
        cwd=book,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr


def _later(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    future = time.time() + 60  # newer than every built page, whatever the clock's resolution
    os.utime(path, (future, future))


@pytest.mark.parametrize("hook", [True, False])
def test_dirty_rebuild_follows_includes_and_keeps_search_whole(tmp_path, hook):
    book = _book(tmp_path, hook)
    _build(book)
    site = book / "site"
    untouched = (site / "c" / "index.html").stat().st_mtime_ns
    figure_page = (site / "b" / "index.html").stat().st_mtime_ns
    _later(book / "src" / "part.txt", "second version\n")
    _later(book / "docs" / "figures" / "f.svg", '<svg width="2"/>')
    _build(book, "--dirty")
    page = (site / "index.html").read_text(encoding="utf-8")
    assert ("second version" in page) is hook
    # the page that embeds the edited figure is rebuilt (its <img> size may change)
    assert ((site / "b" / "index.html").stat().st_mtime_ns != figure_page) is hook
    assert (site / "c" / "index.html").stat().st_mtime_ns == untouched
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    if hook:
        assert pages == {"", "b/", "c/"}
    else:  # what the hook repairs: a dirty build's index lists only the pages it rebuilt
        assert "c/" not in pages


def test_dependencies_of_a_page_include_nested_includes_and_figures(tmp_path):
    preview = load_hook("preview")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "generated.md").write_text("![f](figures/g.svg)\n", encoding="utf-8")
    page = '--8<-- "docs/generated.md"\n--8<-- "src/x.py:part"\n'
    found = preview.dependencies(page, tmp_path, tmp_path / "docs")
    assert found == {
        tmp_path / "docs" / "generated.md",
        tmp_path / "docs" / "figures" / "g.svg",
        tmp_path / "src" / "x.py",
    }
    values = tmp_path / "docs" / "generated" / "values.json"
    assert values in preview.dependencies("{{ loss.w }}", tmp_path, tmp_path / "docs")


I18N = """site_name: tiny
strict: true
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: zh, name: 中文, default: true, build: true}
        - {locale: en, name: English, build: true}
markdown_extensions:
  - pymdownx.snippets:
      base_path: ["."]
      check_paths: true
"""


@pytest.mark.parametrize("hook", [True, False])
def test_dirty_rebuild_of_a_bilingual_book_redoes_both_languages(tmp_path, hook):
    # mkdocs-static-i18n replaces every File object after the other hooks' on_files: a hook
    # that marked the files too early lost the mark, and the edit never showed (the book is
    # bilingual, so the single-language book above could not catch it)
    book = tmp_path / "book"
    (book / "docs").mkdir(parents=True)
    (book / "src").mkdir()
    hooks = f"hooks: [{ROOT / 'hooks' / 'preview.py'}]\n" if hook else ""
    (book / "mkdocs.yml").write_text(I18N + hooks, encoding="utf-8")
    (book / "src" / "part.txt").write_text("first version\n", encoding="utf-8")
    for name, title in (
        ("index.md", "甲"),
        ("index.en.md", "A"),
        ("c.md", "丙"),
        ("c.en.md", "C"),
    ):
        include = '\n--8<-- "src/part.txt"\n' if name.startswith("index") else "\nuntouched\n"
        (book / "docs" / name).write_text(f"# {title}\n{include}", encoding="utf-8")
    _build(book)
    site = book / "site"
    untouched = (site / "en" / "c" / "index.html").stat().st_mtime_ns
    _later(book / "src" / "part.txt", "second version\n")
    _build(book, "--dirty")
    for page in (site / "index.html", site / "en" / "index.html"):
        assert ("second version" in page.read_text(encoding="utf-8")) is hook, page
    assert (site / "en" / "c" / "index.html").stat().st_mtime_ns == untouched
