"""No generated table shows a number in Python's e-notation: 9.9e-11 reads as Euler's e.

The prose writes 9.9 × 10⁻¹¹ (hooks/values.py) and so do the tables
(descent.build.table.powers_of_ten); code spans and formulas keep their own notation, and so
do logs in code blocks, which show what the code prints.
"""

from __future__ import annotations

import re

from pages import ROOT

from descent.build.table import markdown_table

E_NUMBER = re.compile(r"(?<![\w.])[-−]?\d+(?:\.\d+)?e[-+]?\d+(?![\w.])")
CODE_OR_MATH = re.compile(r"`[^`]*`|\$[^$]*\$")


def e_notation(markdown: str) -> list[str]:
    """The table cells of a Markdown text that write a number in e-notation."""
    found = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            found += [c for c in cells if E_NUMBER.search(CODE_OR_MATH.sub("", c))]
    return found


def test_the_check_finds_e_notation_in_a_cell_and_not_in_code_or_math():
    table = "| h | error |\n|---:|---:|\n| `1e-05` | 9.9e-11 |\n| $2e-3$ | 2e_1 |\n"
    assert e_notation(table) == ["9.9e-11"]


def test_tables_write_powers_of_ten():
    table = markdown_table(["$h$", "error"], [["1e-05", "9.9e-11"], ["`1e-05`", "0.0e+00"]])
    assert e_notation(table) == []
    assert "| 10⁻⁵ | 9.9 × 10⁻¹¹ |" in table and "| `1e-05` | 0 |" in table


def test_no_generated_table_cell_is_in_e_notation():
    tables = sorted((ROOT / "docs" / "generated").glob("*.md"))
    assert sum(1 for t in tables if "\n|---" in t.read_text(encoding="utf-8")) > 40
    found = [f"{t.name}: {cell}" for t in tables for cell in e_notation(t.read_text("utf-8"))]
    assert not found, "e-notation in generated tables:\n" + "\n".join(found)
