"""The glossary, read from ``descent/bookdata/glossary.toml``: each term in both languages, a
one-line definition in each, and the section of the book that defines it. Both glossary pages
render tables from this one list.

>>> term = by_en("gradient")
>>> term.zh, term.link
('梯度', 'derivatives.md#gradient-vector')
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import NamedTuple


class Term(NamedTuple):
    """One glossary entry; ``where`` is ``page#heading-id`` of the defining section."""

    zh: str
    en: str
    pinyin: str  # toneless, one syllable per character, spaces between: the zh sort key
    where: str
    zh_def: str
    en_def: str
    abbr: str = ""  # an abbreviation used in both languages, such as MSE

    @property
    def page(self) -> str:
        return self.where.partition("#")[0]

    @property
    def anchor(self) -> str:
        return self.where.partition("#")[2]

    @property
    def link(self) -> str:
        return f"{self.page}.md#{self.anchor}"


DATA = files("descent.bookdata").joinpath("glossary.toml")


def load(text: str) -> tuple[dict[str, tuple[int, str, str]], tuple[Term, ...]]:
    """Parse the glossary's TOML into (chapters, terms); a missing or unknown key is an error.

    >>> chapters, terms = load('''
    ... [chapters]
    ... loss = { number = 2, zh = "损失函数", en = "Loss functions" }
    ... [[terms]]
    ... zh = "损失"
    ... en = "loss"
    ... pinyin = "sun shi"
    ... where = "loss#loss"
    ... zh_def = "误差的度量。"
    ... en_def = "A measure of error."
    ... ''')
    >>> chapters["loss"], terms[0].link
    ((2, '损失函数', 'Loss functions'), 'loss.md#loss')
    """
    data = tomllib.loads(text)
    chapters = {
        page: (entry["number"], entry["zh"], entry["en"])
        for page, entry in data["chapters"].items()
    }
    terms = []
    for i, entry in enumerate(data["terms"]):
        unknown = set(entry) - set(Term._fields)
        if unknown:
            raise ValueError(f"glossary term {i} ({entry.get('en')!r}): unknown keys {unknown}")
        terms.append(Term(**entry))
    return chapters, tuple(terms)


# Chapter number and title of each page a term can point to, in both languages; the terms.
CHAPTERS, TERMS = load(DATA.read_text(encoding="utf-8"))


def by_en(en: str) -> Term:
    """Return the entry whose English term is ``en`` (a KeyError names a missing one).

    >>> by_en("Hessian").zh
    '黑塞矩阵'
    """
    for term in TERMS:
        if term.en == en:
            return term
    raise KeyError(f"no glossary entry with English term {en!r}")


def sorted_zh() -> list[Term]:
    """Entries in pinyin order, syllable by syllable; ties keep the Chinese term's order."""
    return sorted(TERMS, key=lambda t: (t.pinyin.split(), t.zh))


def sorted_en() -> list[Term]:
    """Entries in English alphabetical order, ignoring case."""
    return sorted(TERMS, key=lambda t: (t.en.casefold(), t.en))
