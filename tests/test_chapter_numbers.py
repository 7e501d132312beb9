"""Chapters carry their number where a reader sees them (nav and title, both languages), and
every "chapter N" / "第 N 章" in the pages, notebooks and glossary names a chapter that shows
that number; equation tags N.k sit in chapter N."""

from __future__ import annotations

import re

import pytest
import yaml
from pages import DOCS, ROOT, parse

ZH_NAV = re.compile(r"第 (\d+) 章 (\S.*)")
EN_NAV = re.compile(r"(\d+)\. (\S.*)")
ZH_H1 = re.compile(r"第 (\d+) 章　\S")
EN_H1 = re.compile(r"Chapter (\d+)\. \S")
# 第 7 章, 第 7、8 章, 第 7 和 8 章; chapter 7, chapters 7 and 8, chapters 10–11, Ch. 7
ZH_REF = re.compile(r"第\s*(\d+(?:\s*(?:、|和|与|至|～|–|-)\s*\d+)*)\s*章")
EN_REF = re.compile(r"\b(?:chapters?|ch\.)\s+(\d+(?:\s*(?:,|and|to|–|-)\s*\d+)*)", re.I)
HAN_NUMERAL_REF = re.compile(r"第[一二三四五六七八九十百]+章")
LINK = re.compile(r"\[([^\]]*)\]\(([a-z0-9-]+)\.md[^)]*\)")


def _config() -> dict:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"!!python/\S+", "", text)  # the slugify tag is not plain YAML
    return yaml.load(text.replace("!ENV", ""), Loader=yaml.SafeLoader)


def nav_chapters() -> dict[str, tuple[int, str, str]]:
    """page -> (position among the numbered parts' pages, zh nav label, en nav label)."""
    config = _config()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    english = next(lang for lang in i18n["languages"] if lang["locale"] == "en")
    translations = english["nav_translations"]
    found: dict[str, tuple[int, str, str]] = {}
    for part in [p for p in config["nav"] if re.fullmatch(r"第.部分 .*", next(iter(p)))]:
        for entry in next(iter(part.values())):
            ((title, path),) = entry.items()
            found[path.removesuffix(".md")] = (len(found) + 1, title, translations[title])
    return found


NAV = nav_chapters()
SOURCES = sorted(
    [p for p in DOCS.rglob("*.md") if "generated" not in p.relative_to(DOCS).parts]
    + list((DOCS / "generated").glob("glossary-*.md"))
    + list((DOCS / "notebooks").glob("*.py"))
)


def _english(path) -> bool:
    return path.name.endswith((".en.md", ".en.py", "-en.md"))


def _numbers(group: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", group)]


def _h1(page: str, lang: str) -> str:
    path = DOCS / (f"{page}.md" if lang == "zh" else f"{page}.en.md")
    return next(m.group(1) for m in re.finditer(r"^# (.+)$", path.read_text("utf-8"), re.M))


def test_there_are_fifteen_numbered_chapters():
    assert [n for n, _, _ in NAV.values()] == list(range(1, 16))


@pytest.mark.parametrize("page", sorted(NAV))
def test_nav_and_title_carry_the_chapter_number(page):
    number, zh, en = NAV[page]
    assert (m := ZH_NAV.fullmatch(zh)) and int(m.group(1)) == number, zh
    assert (m := EN_NAV.fullmatch(en)) and int(m.group(1)) == number, en
    assert (m := ZH_H1.match(_h1(page, "zh"))) and int(m.group(1)) == number
    assert (m := EN_H1.match(_h1(page, "en"))) and int(m.group(1)) == number


@pytest.mark.parametrize("page", sorted(NAV))
def test_equation_tags_carry_their_chapters_number(page):
    number = NAV[page][0]
    for path in (DOCS / f"{page}.md", DOCS / f"{page}.en.md"):
        for tag in parse(path).tags:
            assert tag.split(".")[0] == str(number), f"{path.name}: tag {tag} in chapter {number}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_chapter_reference_names_a_numbered_chapter(path):
    text = path.read_text(encoding="utf-8")
    pattern = EN_REF if _english(path) else ZH_REF
    assert not HAN_NUMERAL_REF.search(text), f"{path.name}: write chapter numbers in digits"
    numbers = {n for _, (n, _, _) in NAV.items()}
    for match in pattern.finditer(text):
        for n in _numbers(match.group(1)):
            assert n in numbers, f"{path.name}: {match.group(0)!r} names no numbered chapter"
    for link in LINK.finditer(text):
        refs = [n for m in pattern.finditer(link.group(1)) for n in _numbers(m.group(1))]
        if refs and link.group(2) in NAV:
            assert refs == [NAV[link.group(2)][0]], f"{path.name}: {link.group(0)!r}"


def test_the_patterns_find_references():
    # the test above must be able to fail: each pattern finds what it is meant to find
    assert _numbers(ZH_REF.search("见第 7、8 章的例子").group(1)) == [7, 8]
    assert _numbers(ZH_REF.search("第 1～5 章只用到").group(1)) == [1, 5]
    assert _numbers(EN_REF.search("as in chapters 10–11").group(1)) == [10, 11]
    assert _numbers(EN_REF.search("[Ch. 9 Autograd](autograd.md#x)").group(1)) == [9]
    assert HAN_NUMERAL_REF.search("见第三章")
