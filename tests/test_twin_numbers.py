"""Twins say the same numbers: per section, the same numerals and the same part references.

A translation can drift by one word — 前两部分 where the English says Part II — and the
structural parity test cannot see it. This compares, section by section (split at the
``{ #id }`` headings), the set of numerals written in the text (value tokens, links and
includes left out) and how often each "Part N" / 第N部分 is referred to.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from pages import DOCS, translation_of, zh_pages

NUMERAL = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")
SECTION = re.compile(r"^#{1,6}\s.*\{[^}]*#([\w-]+)[^}]*\}\s*$")
DROP = [
    re.compile(r"\{\{[^}]*\}\}"),  # value tokens: the parity test compares them already
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"!\[[^\]]*\]"),  # alt text (checked with the figures)
    re.compile(r"^[ \t]*-{1,}8<-{1,}.*$", re.M),  # includes
]
ROMAN = {"一": "I", "二": "II", "三": "III", "四": "IV", "五": "V", "六": "VI"}
ZH_PART = re.compile(r"第([一二三四五六])部分")
ZH_FIRST = re.compile(r"前([两三四])部分")
EN_PART = re.compile(r"\bParts? ([IVX]+)\b(?:(?:,| and| to) ([IVX]+)\b)?")
# Sections where one edition writes a numeral as a word (or splits a step of algebra
# differently); each entry names the numerals that may differ there.
KNOWN = {
    ("autograd.md", "matmul"): {"1", "2"},  # 维数超过 2 / "more than one dimension"
    ("computation-graph.md", "convergence"): {"10"},  # 10 的指数 / "order of magnitude"
    ("mistakes.md", "loss-cost-objective"): {"10"},
    ("mistakes.md", "half-factor"): {"2"},  # 2 倍 / "twice"
    ("pytorch.md", "minibatch-fit"): {"5"},
    ("sin-cubic.md", "_top"): {"2"},  # the description's 2/λ_max is in English only
    ("layers.md", "softmax-head"): {"0"},  # the Chinese leaves "0 elsewhere" implicit
    ("loss.md", "sse-mse-half-mse"): {"4"},  # 2 份、4 份 / "two and four copies"
}


def sections(text: str) -> dict[str, str]:
    """The page's text keyed by section id ("_top" before the first heading with an id)."""
    out: dict[str, list[str]] = {"_top": []}
    current = "_top"
    for line in text.splitlines():
        match = SECTION.match(line)
        if match:
            current = match.group(1)
            out[current] = []
        else:
            out[current].append(line)
    return {key: "\n".join(lines) for key, lines in out.items()}


def numerals(text: str) -> set[str]:
    for pattern in DROP:
        text = pattern.sub(" ", text)
    return set(NUMERAL.findall(text))


def parts_zh(text: str) -> Counter[str]:
    """How often each part is referred to: 第二部分 -> II, 前两部分 -> I and II."""
    found = Counter(ROMAN[m] for m in ZH_PART.findall(text))
    for count in ZH_FIRST.findall(text):
        found.update(list(ROMAN.values())[: "一两三四".index(count) + 1])
    return found


def parts_en(text: str) -> Counter[str]:
    return Counter(p for match in EN_PART.findall(text) for p in match if p)


def test_the_part_patterns_read_both_languages():
    assert parts_zh("训练第二部分的模型，见第三部分") == Counter({"II": 1, "III": 1})
    assert parts_zh("第二部分，前两部分") == Counter({"I": 1, "II": 2})
    assert parts_en("Part II; Parts I and III") == Counter({"I": 1, "II": 1, "III": 1})
    assert parts_zh("第一部分，前两部分") != parts_en("Part I, Part II")
    assert numerals("η = 0.05 {{ a.b }} [x](p.md#k2) 第 7 章") == {"0.05", "7"}


@pytest.mark.parametrize("path", zh_pages(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_twins_quote_the_same_numerals_and_parts(path):
    zh = sections(path.read_text(encoding="utf-8"))
    en = sections(translation_of(path).read_text(encoding="utf-8"))
    rel = path.relative_to(DOCS).as_posix()
    for key, text in zh.items():
        other = en.get(key, "")
        assert parts_zh(text) == parts_en(other), f"{rel}#{key}: part references differ"
        differ = numerals(text) ^ numerals(other)
        allowed = KNOWN.get((rel, key), set())
        assert differ <= allowed, f"{rel}#{key}: numerals only in one edition: {sorted(differ)}"


def test_every_known_difference_is_still_there():
    """An allowance that no longer matches anything must be removed."""
    for (rel, key), allowed in KNOWN.items():
        zh = sections((DOCS / rel).read_text(encoding="utf-8"))[key]
        en = sections(translation_of(DOCS / rel).read_text(encoding="utf-8"))[key]
        assert allowed <= numerals(zh) ^ numerals(en), f"{rel}#{key}: drop {allowed} from KNOWN"
