"""Answer checks: an exercise's reference answer as JSON for the page's answer box.

A check is a number, a vector or a formula in named variables, computed by the tested exercise
code. The box (docs/javascripts/check.js, a small parser of its own, no ``eval``) compares the
reader's number within a relative tolerance, and a formula by evaluating both at seeded random
points. ``hints`` are common wrong answers, each with its kind, so the box can name the slip:
"sign" (sign flipped), "factor2" (a factor 2 missing or extra), "index" (components swapped),
"unit" (a direction not made a unit vector), "mean" (the sum where the mean was asked: not
divided by n), "path" (a path of the graph left out). A label is language-neutral text, or
``{"zh": …, "en": …}``. ``mutations`` makes wrong answers from the reference; the tests type
each of them, and the equivalent forms, into every box.

>>> check = number("f′(2)", 9.0)
>>> check["kind"], check["answer"], [m for _, m in mutations(check)]
('number', 9.0, [-9.0, 18.0, 4.5, 10.0])
>>> [m for _, m in mutations(formula("g", "a*b^2", {"a": (1, 2), "b": (1, 2)}))]
['-(a*b^2)', '2*(a*b^2)', '(a*b^2)/2', 'b*a^2']
"""

from __future__ import annotations

import random
import re

from descent.validate import finite_number

KINDS = ("sign", "factor2", "index", "unit", "mean", "path")
REL_TOL = 5e-3  # a reader may round to three significant digits
FORMULA_TOL = 1e-9  # two forms of one formula agree to rounding at the same point
POINTS = 6
NAME = re.compile(r"[a-z]+")
FUNCTIONS = ("exp", "log", "ln", "sin", "cos", "tanh", "sqrt", "sigmoid")  # check.js reads them


def _label(label: str | dict[str, str]) -> str | dict[str, str]:
    both = isinstance(label, dict) and set(label) == {"zh", "en"}
    if both or (isinstance(label, str) and label):
        return label
    raise ValueError(f"label: expected text or {{'zh': …, 'en': …}}, got {label!r}")


def _hints(hints: list[tuple[str, object]]) -> list[dict]:
    for kind, _ in hints:
        if kind not in KINDS:
            raise ValueError(f"hints: unknown kind {kind!r}; expected one of {KINDS}")
    return [{"kind": kind, "answer": answer} for kind, answer in hints]


def number(label, answer: float, *, tol: float = REL_TOL, hints=()) -> dict:
    """A check whose answer is one number, accepted within ``tol`` relative (absolute near 0)."""
    value = finite_number("answer", answer)
    hints = [(k, finite_number("hints", v)) for k, v in hints]
    out = {"kind": "number", "label": _label(label), "answer": value, "tol": tol}
    return out | {"hints": _hints(hints)}


def count(label, answer: int) -> dict:
    """A check whose answer is a whole number (a step, a count), accepted only exactly.

    >>> count("k", 266)["answer"], count("k", 266)["tol"]
    (266.0, 0.0)
    """
    if isinstance(answer, bool) or int(answer) != answer:
        raise ValueError(f"answer: a count must be a whole number, got {answer!r}")
    return number(label, float(answer), tol=0.0)


def vector(label, answer, *, tol: float = REL_TOL, hints=()) -> dict:
    """A check whose answer is a vector, typed ``(a, b)``; each entry compared as a number.

    >>> vector("∇f", [4, 1.5])["answer"]
    [4.0, 1.5]
    """
    values = [finite_number("answer", v) for v in answer]
    if len(values) < 2:
        raise ValueError(f"answer: a vector needs two entries or more, got {answer!r}")
    hints = [(k, [finite_number("hints", x) for x in v]) for k, v in hints]
    out = {"kind": "vector", "label": _label(label), "answer": values, "tol": tol}
    return out | {"hints": _hints(hints)}


def formula(label, text: str, ranges: dict[str, tuple[float, float]], *, hints=(), seed=0):
    """A check whose answer is a formula in the variables of ``ranges``.

    The box evaluates both formulas at ``POINTS`` points drawn from ``ranges`` with ``seed``.
    """
    unknown = sorted(set(NAME.findall(text)) - set(ranges) - set(FUNCTIONS))
    if unknown:
        raise ValueError(f"text: names {unknown} are neither variables nor functions")
    rng = random.Random(seed)
    points = [
        {v: round(rng.uniform(*ranges[v]), 3) for v in sorted(ranges)} for _ in range(POINTS)
    ]
    return {
        "kind": "formula",
        "label": _label(label),
        "answer": text,
        "vars": sorted(ranges),
        "points": points,
        "tol": FORMULA_TOL,
        "hints": _hints(list(hints)),
    }


def _swap(text: str, a: str, b: str) -> str:
    return NAME.sub(lambda m: {a: b, b: a}.get(m.group(0), m.group(0)), text)


def _shifted(a: float) -> float:
    return a + max(1.0, abs(a) / 10)  # off by one, or by a tenth where one is within tolerance


def mutations(check: dict) -> list[tuple[str, object]]:
    """Wrong answers made from the reference: sign flipped, factor 2, shifted, wrong index."""
    a, kind = check["answer"], check["kind"]
    if kind == "number":
        return [("sign", -a), ("factor2", 2 * a), ("factor2", a / 2), ("shift", _shifted(a))]
    if kind == "vector":
        out = [("sign", [-x for x in a]), ("factor2", [2 * x for x in a])]
        out += [("factor2", [x / 2 for x in a]), ("shift", [_shifted(a[0]), *a[1:]])]
        rotated = a[1:] + a[:1]
        return out + ([("index", rotated)] if rotated != a else [])
    out = [("sign", f"-({a})"), ("factor2", f"2*({a})"), ("factor2", f"({a})/2")]
    names = check["vars"]
    return [*out, ("index", _swap(a, names[0], names[1]))] if len(names) > 1 else out


def typed(answer) -> str:
    """How a reader types a reference answer: a vector as ``(a, b)``, numbers as Python prints.

    >>> typed([4.0, -0.5]), typed(9.0), typed("3*x^2")
    ('(4.0, -0.5)', '9.0', '3*x^2')
    """
    if isinstance(answer, list):
        return "(" + ", ".join(repr(x) for x in answer) + ")"
    return answer if isinstance(answer, str) else repr(answer)
