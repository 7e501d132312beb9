"""Docs tests: zh/en parity, includes that resolve, no hand-typed code, no orphans."""

from __future__ import annotations

import json
import re

import pytest
from pages import DOCS, ROOT, all_pages, load_hook, parse, translation_of, zh_pages

SNIPPET_HOOK = load_hook("snippets")
PAGES = zh_pages()
NOTEBOOKS = sorted(p for p in (DOCS / "notebooks").glob("*.py") if not p.stem.endswith(".en"))


def test_there_are_pages_and_notebooks():
    assert (DOCS / "index.md") in PAGES
    assert NOTEBOOKS, "docs/notebooks/ has no notebook"


PER_LANGUAGE = re.compile(r"(?<=^docs/generated/)(.+)-(?:zh|en)\.md$")


@pytest.mark.parametrize("path", PAGES + NOTEBOOKS, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_page_has_its_english_edition(path):
    en = translation_of(path)
    assert en.exists(), f"{path.relative_to(ROOT)} has no English edition {en.relative_to(ROOT)}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_translation_parity(path):
    zh, en = parse(path), parse(translation_of(path))
    for page in (zh, en):
        assert not page.headings_without_id, (
            f"{page.rel}: headings need {{ #id }}: {page.headings_without_id}"
        )
    for attr in ("heading_ids", "tags", "figures"):
        assert getattr(zh, attr) == getattr(en, attr), (
            f"{attr} differ between {zh.rel} and {en.rel}"
        )
    # a generated file may come in one edition per language: x-zh.md here, x-en.md there
    assert [PER_LANGUAGE.sub(r"\1-{lang}.md", s) for s in zh.snippets] == [
        PER_LANGUAGE.sub(r"\1-{lang}.md", s) for s in en.snippets
    ], f"snippet includes differ between {zh.rel} and {en.rel}"
    assert not [s for s in zh.snippets if s.endswith("-en.md")], f"{zh.rel} includes English"
    assert not [s for s in en.snippets if s.endswith("-zh.md")], f"{en.rel} includes Chinese"
    assert sorted(set(zh.values)) == sorted(set(en.values)), (
        f"value tokens differ: {zh.rel} vs {en.rel}"
    )


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_heading_ids_are_unique(path):
    for page in (parse(path), parse(translation_of(path))):
        dupes = {i for i in page.heading_ids if page.heading_ids.count(i) > 1}
        assert not dupes, f"{page.rel}: duplicate heading ids {sorted(dupes)}"


@pytest.mark.parametrize("page", all_pages(), ids=lambda p: p.rel)
def test_every_snippet_include_resolves(page):
    assert page.snippets == SNIPPET_HOOK.INCLUDE.findall(page.text)
    assert not SNIPPET_HOOK.unresolved(page.text, ROOT), page.rel


@pytest.mark.parametrize("page", all_pages(), ids=lambda p: p.rel)
def test_no_python_block_that_is_not_an_include(page):
    for line, body in page.python_fences:
        lines = [s for s in body.splitlines() if s.strip()]
        assert lines and all(s.strip().startswith("--8<--") for s in lines), (
            f"{page.rel}:{line}: a python block must only include a section from src/ "
            "(or carry <!-- not-included: reason --> on the line before it)"
        )


@pytest.mark.parametrize("page", all_pages(), ids=lambda p: p.rel)
def test_every_figure_a_page_references_exists(page):
    for figure in page.figures:
        assert (DOCS / figure).is_file(), f"{page.rel}: figure {figure} does not exist"


def test_no_orphan_figures_or_generated_files():
    pages = all_pages()
    used = {f for p in pages for f in p.figures} | {
        s.removeprefix("docs/") for p in pages for s in p.snippets
    }
    produced = [p.relative_to(DOCS).as_posix() for p in (DOCS / "figures").glob("*.svg")]
    produced += [p.relative_to(DOCS).as_posix() for p in (DOCS / "generated").glob("*.md")]
    orphans = sorted(set(produced) - used)
    assert not orphans, f"generated but used by no page: {orphans}"


def test_every_value_token_resolves_and_every_value_is_used():
    values = json.loads((DOCS / "generated" / "values.json").read_text(encoding="utf-8"))
    used = set()
    for page in all_pages():
        for key in page.values:
            if key.startswith("config."):  # a site setting (hooks/values.py), e.g. repo_url
                setting = key.removeprefix("config.")
                config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
                assert re.search(rf"^{setting}:", config, re.M), f"{page.rel}: no {setting}"
                continue
            assert key in values, f"{page.rel}: unknown value {{{{ {key} }}}}"
            used.add(key)
    assert not sorted(set(values) - used), f"values used by no page: {sorted(set(values) - used)}"


def _equation_markers() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for test_file in sorted((ROOT / "tests").rglob("test_*.py")):
        for tag in re.findall(r"mark\.equation\(\s*[\"']([^\"']+)[\"']", test_file.read_text()):
            found.setdefault(tag, []).append(test_file.relative_to(ROOT).as_posix())
    return found


def test_every_tagged_equation_is_checked_by_a_sympy_test():
    markers = _equation_markers()
    tags = {tag: page.rel for page in all_pages() for tag in page.tags}
    unchecked = sorted(t for t in tags if t not in markers)
    assert not unchecked, "equations with no @pytest.mark.equation test: " + ", ".join(
        f"{t} ({tags[t]})" for t in unchecked
    )
    stale = sorted(t for t in markers if t not in tags)
    assert not stale, f"equation tests for tags no page shows: {stale}"


def test_equation_tags_are_unique_per_language():
    seen: dict[str, str] = {}
    for page in all_pages():
        lang = "en" if page.path.name.endswith(".en.md") else "zh"
        for tag in page.tags:
            key = f"{lang}:{tag}"
            assert key not in seen, f"tag {tag} appears in {seen[key]} and {page.rel}"
            seen[key] = page.rel
