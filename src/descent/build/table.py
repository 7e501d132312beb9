"""Generated tables and logs: one ``table_<name>()`` function per ``docs/generated/<name>.md``.

Each submodule holds the tables of one chapter. A table function returns Markdown text
computed by tested functions; pages include the file with snippets, so no number on a
page is typed by hand. Tables hold numbers and symbols, so one file serves both languages.
"""

from __future__ import annotations

from collections.abc import Sequence


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Return a Markdown table; numbers must already be formatted as strings.

    >>> print(markdown_table(["$w$", "$b$"], [["1", "2"]]), end="")
    | $w$ | $b$ |
    |---:|---:|
    | 1 | 2 |
    """
    for i, row in enumerate(rows):
        if len(row) != len(headers):
            raise ValueError(f"row {i} has {len(row)} cells, expected {len(headers)}")
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---:" for _ in headers) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def fmt(value: float, digits: int = 4) -> str:
    """Format a number with at most ``digits`` decimals, trailing zeros and −0 removed.

    >>> fmt(2.50), fmt(-0.0), fmt(-1e-15), fmt(-20.4)
    ('2.5', '0', '0', '−20.4')
    """
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return ("0" if text in ("-0", "") else text).replace("-", "−")


def linear_text(slope: float, intercept: float, var: str = "x", digits: int = 6) -> str:
    """Write ``slope·var + intercept`` as LaTeX with the signs folded in (never ``+ (−3)``).

    >>> linear_text(3.0, -3.25), linear_text(-2.0, 3.0)
    ('3x − 3.25', '−2x + 3')
    >>> linear_text(1.0, 0.0), linear_text(-1.0, 0.5), linear_text(0.0, -5.0)
    ('x', '−x + 0.5', '−5')
    """

    def g(value: float) -> str:
        text = f"{value:.{digits}g}"
        return "0" if text == "-0" else text.replace("-", "−")

    terms = []
    if slope != 0:
        coef = {"1": "", "-1": "-"}.get(f"{slope:.{digits}g}", f"{slope:.{digits}g}")
        terms.append(f"{coef.replace('-', '−')}{var}")
    if intercept != 0 or not terms:
        if not terms:
            return g(intercept)
        terms.append(f"{'−' if intercept < 0 else '+'} {g(abs(intercept))}")
    return " ".join(terms)
