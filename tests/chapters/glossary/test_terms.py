"""Tests for the glossary data and its two generated tables: every entry points at a heading
that exists in both languages, names a term its target page really uses, and the tables say
exactly what the data says, in the promised order."""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml
from pages import DOCS, ROOT, parse
from pages import table_rows as rows

from descent.chapters.glossary import tables as reference
from descent.chapters.glossary.terms import CHAPTERS, TERMS, Term, by_en, sorted_en, sorted_zh

HAN = re.compile(r"[\u4e00-\u9fff]")
SYLLABLE = re.compile(r"[a-z]+")


def page(name: str, lang: str):
    return parse(DOCS / (f"{name}.md" if lang == "zh" else f"{name}.en.md"))


def nav_chapters() -> dict[str, tuple[int, str, str]]:
    """Chapter number and titles straight from mkdocs.yml: nav order and nav_translations."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"!!python/\S+", "", text)  # the slugify tag is not plain YAML
    config = yaml.load(text.replace("!ENV", ""), Loader=yaml.SafeLoader)
    languages = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    english = next(lang for lang in languages["languages"] if lang["locale"] == "en")
    translations = english["nav_translations"]
    found: dict[str, tuple[int, str, str]] = {}
    parts = [p for p in config["nav"] if re.fullmatch(r"第.部分 .*", next(iter(p)))]
    for part in parts:  # the numbered parts hold the chapters, in order
        for entry in next(iter(part.values())):
            ((title, path),) = entry.items()
            number = len(found) + 1  # the nav shows it: "第 7 章 …" and "7. …"
            zh = title.removeprefix(f"第 {number} 章 ")
            en = translations[title].removeprefix(f"{number}. ")
            found[path.removesuffix(".md")] = (number, zh, en)
    return found


def test_there_are_between_fifty_and_a_hundred_terms():
    assert 50 <= len(TERMS) <= 100


def test_no_duplicate_terms():
    for field in ("zh", "en", "pinyin"):
        names = [getattr(t, field).casefold() for t in TERMS]
        assert len(names) == len(set(names)), f"duplicate {field}: {names}"


def test_chapter_numbers_and_titles_are_the_navs():
    nav = nav_chapters()
    assert {k: nav[k] for k in CHAPTERS} == CHAPTERS


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.en)
def test_entry_points_at_a_heading_in_both_languages(term: Term):
    assert term.page in CHAPTERS
    for lang in ("zh", "en"):
        assert term.anchor in page(term.page, lang).heading_ids, (term.where, lang)


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.en)
def test_target_pages_use_the_terms(term: Term):
    zh, en = page(term.page, "zh").text, page(term.page, "en").text
    assert term.zh in zh, f"{term.zh!r} not in {term.page}.md"
    assert term.en.casefold() in en.casefold(), f"{term.en!r} not in {term.page}.en.md"
    if term.abbr:
        assert term.abbr in zh and term.abbr in en


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.en)
def test_definitions_are_one_line_table_cells(term: Term):
    for text in (term.zh_def, term.en_def):
        assert text and "|" not in text and "\n" not in text
        assert text.count("$") % 2 == 0, f"unbalanced math in {text!r}"
    assert not HAN.search(term.en_def) and HAN.search(term.zh_def)


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.en)
def test_pinyin_has_one_syllable_per_character(term: Term):
    """The sort key is typed by hand, so check its shape: one syllable per Han character,
    Latin words kept as they are, lowercase."""
    expected = []
    for chunk in re.findall(r"[A-Za-z0-9]+|[\u4e00-\u9fff]", term.zh):
        expected.append(chunk.lower() if chunk.isascii() else None)
    syllables = term.pinyin.split()
    assert len(syllables) == len(expected), (term.zh, term.pinyin)
    for want, got in zip(expected, syllables, strict=True):
        assert SYLLABLE.fullmatch(got) and (want is None or got == want), (term.zh, got)


def test_zh_order_is_syllable_by_syllable_pinyin():
    keys = [t.pinyin.split() for t in sorted_zh()]
    assert keys == sorted(keys)
    assert {t.zh for t in sorted_zh()} == {t.zh for t in TERMS}


def test_en_order_is_alphabetical_ignoring_case():
    names = [t.en for t in sorted_en()]
    assert names == sorted(names, key=str.casefold)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_generated_table_matches_the_data(lang: str):
    text = (DOCS / "generated" / f"glossary-{lang}.md").read_text(encoding="utf-8")
    assert text == getattr(reference, f"table_glossary_{lang}")()
    table = rows(text)
    ordered = sorted_zh() if lang == "zh" else sorted_en()
    assert len(table) == len(TERMS)
    nav = nav_chapters()
    for (head, other, definition, where), t in zip(table, ordered, strict=True):
        name = t.zh if lang == "zh" else t.en
        assert head.startswith(f"**{name}**") and (
            t.abbr in head if t.abbr else head.endswith("**")
        )
        assert other == (t.en if lang == "zh" else t.zh)
        assert definition == (t.zh_def if lang == "zh" else t.en_def)
        number, zh_title, en_title = nav[t.page]
        label = f"第 {number} 章 {zh_title}" if lang == "zh" else f"Ch. {number} {en_title}"
        assert where == f"[{label}]({t.page}.md#{t.anchor})"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_glossary_page_includes_its_own_table(lang: str):
    parsed = page("glossary", lang)
    assert parsed.snippets == [f"docs/generated/glossary-{lang}.md"]


def test_left_aligned_columns():
    for lang in ("zh", "en"):
        separator = getattr(reference, f"table_glossary_{lang}")().splitlines()[1]
        assert separator == "|---|---|---|---|"


def test_by_en_names_a_missing_term():
    assert by_en("chain rule").zh == "链式法则"
    with pytest.raises(KeyError, match="no glossary entry"):
        by_en("flux capacitor")


def test_every_term_is_a_display_string():
    for t in TERMS:
        for text in (t.zh, t.en):
            assert text == text.strip() and unicodedata.is_normalized("NFC", text)
