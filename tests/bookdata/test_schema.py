"""Schema of the book's data files in src/descent/bookdata/: keys, types, both languages, links.

That each link lands on a heading of both language versions is checked, page by page, in
tests/chapters/glossary/test_terms.py.
"""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files

import pytest

from descent.chapters.glossary.terms import load

GLOSSARY = tomllib.loads(files("descent.bookdata").joinpath("glossary.toml").read_text("utf-8"))
REQUIRED = {"zh": str, "en": str, "pinyin": str, "where": str, "zh_def": str, "en_def": str}
OPTIONAL = {"abbr": str}
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_the_file_has_chapters_and_terms_only():
    assert set(GLOSSARY) == {"chapters", "terms"}
    assert len(GLOSSARY["terms"]) >= 50


@pytest.mark.parametrize("page", sorted(GLOSSARY["chapters"]))
def test_a_chapter_has_a_number_and_both_titles(page):
    entry = GLOSSARY["chapters"][page]
    assert set(entry) == {"number", "zh", "en"}
    assert isinstance(entry["number"], int) and entry["number"] > 0
    assert HAN.search(entry["zh"]) and not HAN.search(entry["en"]), page


@pytest.mark.parametrize("entry", GLOSSARY["terms"], ids=lambda e: e.get("en", "?"))
def test_a_term_has_the_required_keys_with_their_types(entry):
    assert set(REQUIRED) <= set(entry), f"missing {set(REQUIRED) - set(entry)}"
    assert set(entry) <= set(REQUIRED) | set(OPTIONAL), f"unknown {set(entry) - set(REQUIRED)}"
    for key, value in entry.items():
        expected = (REQUIRED | OPTIONAL)[key]
        assert isinstance(value, expected) and value.strip() == value and value, key


@pytest.mark.parametrize("entry", GLOSSARY["terms"], ids=lambda e: e.get("en", "?"))
def test_a_term_is_written_in_both_languages(entry):
    # a Chinese term may be a name (Adam), its definition is always Chinese
    assert HAN.search(entry["zh_def"]), entry["en"]
    assert not HAN.search(entry["en"]) and not HAN.search(entry["en_def"]), entry["en"]


@pytest.mark.parametrize("entry", GLOSSARY["terms"], ids=lambda e: e.get("en", "?"))
def test_a_term_points_at_a_heading_of_a_known_chapter(entry):
    page, _, anchor = entry["where"].partition("#")
    assert page in GLOSSARY["chapters"], entry["where"]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", anchor), entry["where"]


def test_an_unknown_key_is_refused_by_name():
    text = (
        '[chapters]\n[[terms]]\nzh = "损失"\nen = "loss"\npinyin = "sun shi"\n'
        'where = "loss#loss"\nzh_def = "误差。"\nen_def = "Error."\ndefinition = "?"\n'
    )
    with pytest.raises(ValueError, match=r"unknown keys \{'definition'\}"):
        load(text)


def test_a_missing_key_is_refused():
    with pytest.raises(TypeError, match="en_def"):
        load(
            '[chapters]\n[[terms]]\nzh = "损失"\nen = "loss"\npinyin = "sun shi"\n'
            'where = "loss#loss"\nzh_def = "误差。"\n'
        )
