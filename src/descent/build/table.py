"""Generated tables and logs: one ``table_<name>()`` function per ``docs/generated/<name>.md``.

Each submodule holds the tables of one chapter. A table function returns Markdown text
computed by tested functions; pages include the file with snippets, so no number on a
page is typed by hand. Tables hold numbers and symbols, so one file serves both languages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# a number as Python writes it in e-notation, outside code spans and formulas
_E_NUMBER = re.compile(r"(?<![\w.])([-−]?\d+(?:\.\d+)?)e([-+]?)(\d+)(?![\w.])")
_CODE_OR_MATH = re.compile(r"(`[^`]*`|\$[^$]*\$)")
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


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
    lines += ["| " + " | ".join(powers_of_ten(str(cell)) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def powers_of_ten(text: str) -> str:
    """Write each number in e-notation as a reader does, outside code spans and formulas.

    In a table cell ``9.9e-11`` reads as a formula with Euler's e; the prose writes
    9.9 × 10⁻¹¹. Code (what Python prints) and TeX keep their own notation.

    >>> powers_of_ten("9.9e-11"), powers_of_ten("-4.5091e-05, 1.0327e+08"), powers_of_ten("1e-05")
    ('9.9 × 10⁻¹¹', '-4.5091 × 10⁻⁵, 1.0327 × 10⁸', '10⁻⁵')
    >>> powers_of_ten("0.0e+00"), powers_of_ten("2.5e+00"), powers_of_ten("-1e-05")
    ('0', '2.5', '-10⁻⁵')
    >>> powers_of_ten("`1e-05` and $2e-3$")
    '`1e-05` and $2e-3$'
    >>> powers_of_ten("x1e-5 or 2e_1 or inf")
    'x1e-5 or 2e_1 or inf'
    """

    def one(m: re.Match) -> str:
        mantissa, sign, digits = m.groups()
        if float(mantissa.replace("−", "-")) == 0:
            return "0"
        exponent = int(digits)
        if exponent == 0:
            return mantissa
        power = ("-" if sign == "-" else "") + str(exponent)
        factor = {"1": "", "-1": "-", "−1": "−"}.get(mantissa, f"{mantissa} × ")
        return f"{factor}10{power.translate(_SUPERSCRIPT)}"

    parts = _CODE_OR_MATH.split(text)
    return "".join(p if i % 2 else _E_NUMBER.sub(one, p) for i, p in enumerate(parts))


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
