"""Tables of the glossary page: one per language, from the single term list.

The glossary tables are the one place where generated text is in a language: each page gets
its own table from the term list in :mod:`descent.chapters.glossary.terms`.
"""

from __future__ import annotations

from descent.build.table import markdown_table
from descent.chapters.glossary.terms import CHAPTERS, Term, sorted_en, sorted_zh


def _text_table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table whose columns are left-aligned (they hold words, not numbers)."""
    lines = markdown_table(headers, rows).splitlines()
    lines[1] = "|" + "|".join("---" for _ in headers) + "|"
    return "\n".join(lines) + "\n"


def _glossary_rows(terms: list[Term], zh: bool) -> list[list[str]]:
    rows = []
    for t in terms:
        number, title_zh, title_en = CHAPTERS[t.page]
        abbr = f"（{t.abbr}）" if zh else f" ({t.abbr})"
        name, other = (t.zh, t.en) if zh else (t.en, t.zh)
        head = f"**{name}**" + (abbr if t.abbr else "")
        where = f"[第 {number} 章 {title_zh}]" if zh else f"[Ch. {number} {title_en}]"
        rows.append([head, other, t.zh_def if zh else t.en_def, f"{where}({t.link})"])
    return rows


def table_glossary_zh() -> str:
    """The glossary in pinyin order, with Chinese definitions."""
    return _text_table(["术语", "英文", "定义", "出处"], _glossary_rows(sorted_zh(), zh=True))


def table_glossary_en() -> str:
    """The glossary in English alphabetical order, with English definitions."""
    headers = ["Term", "Chinese", "Definition", "Defined in"]
    return _text_table(headers, _glossary_rows(sorted_en(), zh=False))
