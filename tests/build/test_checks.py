"""Answer checks (descent.build.checks): every box's mutations are wrong answers, its hints
are wrong answers of the kind they name, and its formula points are where the box compares.

Formulas are evaluated with sympy here (check.js has its own parser, tested in the browser):
a mutation must differ from the reference at one of the check's points at least, or the box
could not reject it.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from pathlib import Path

import pytest
import sympy as sp

from descent.build.artifacts import discover
from descent.build.checks import KINDS, count, formula, mutations, number, typed, vector

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "javascripts" / "check.js"
LOCALS = {"sigmoid": lambda z: 1 / (1 + sp.exp(-z)), "ln": sp.log}


def all_checks() -> dict[str, dict]:
    return {a.path: a.render for a in discover() if a.path.startswith("generated/check-")}


CHECKS = all_checks()


def sympy_formula(text: str) -> sp.Expr:
    return sp.sympify(text.replace("^", "**"), locals=LOCALS)


def values(check: dict, answer) -> list[float]:
    """The numbers the box compares: the answer itself, or the formula at the check's points."""
    if check["kind"] == "formula":
        expr = sympy_formula(answer)
        return [float(expr.subs({sp.Symbol(k): v for k, v in p.items()})) for p in check["points"]]
    return [float(x) for x in (answer if isinstance(answer, list) else [answer])]


def agrees(check: dict, answer) -> bool:
    """What check.js decides: every compared number within the tolerance (relative)."""
    mine, ref = values(check, answer), values(check, check["answer"])
    floor = 1.0 if check["kind"] == "formula" else 0.0
    return len(mine) == len(ref) and all(
        abs(a - b) <= check["tol"] * max(abs(b), floor if b else 1.0)
        for a, b in zip(mine, ref, strict=True)
    )


def load(path: str) -> dict:
    return json.loads(CHECKS[path]())


def test_the_book_has_answer_boxes_of_every_kind():
    kinds = {load(p)["kind"] for p in CHECKS}
    assert kinds == {"number", "vector", "formula"}, kinds
    assert len(CHECKS) >= 10


@pytest.mark.parametrize("path", sorted(CHECKS))
def test_the_reference_agrees_with_itself_and_its_typed_form(path):
    check = load(path)
    assert agrees(check, check["answer"])
    if check["kind"] != "formula":
        assert agrees(check, eval_typed(typed(check["answer"])))  # what a reader types


def eval_typed(text: str):
    parts = [float(sp.sympify(p)) for p in text.strip("()").split(",")]
    return parts if len(parts) > 1 else parts[0]


@pytest.mark.parametrize("path", sorted(CHECKS))
def test_every_box_has_three_wrong_answers_made_by_mutating_the_reference(path):
    check = load(path)
    wrong = [m for _, m in mutations(check) if not agrees(check, m)]
    assert len(wrong) >= 3, (path, mutations(check))
    assert len(wrong) == len(mutations(check)), "a mutation the box would accept"


@pytest.mark.parametrize("path", sorted(CHECKS))
def test_every_hint_is_a_wrong_answer(path):
    check = load(path)
    for hint in check["hints"]:
        assert not agrees(check, hint["answer"]), hint
        assert all(math.isfinite(v) for v in values(check, hint["answer"]))


@pytest.mark.parametrize("path", [p for p in sorted(CHECKS) if load(p)["kind"] == "formula"])
def test_a_formulas_expanded_and_factored_forms_agree(path):
    check = load(path)
    expr = sympy_formula(check["answer"])
    for form in (sp.expand(expr), sp.factor(expr)):
        assert agrees(check, str(form).replace("**", "^")), form


def test_mutations_of_each_kind():
    assert mutations(number("x", 2.0)) == [
        ("sign", -2.0), ("factor2", 4.0), ("factor2", 1.0), ("shift", 3.0)
    ]  # fmt: skip
    kinds = [k for k, _ in mutations(vector("v", [1.0, 2.0]))]
    assert kinds == ["sign", "factor2", "factor2", "shift", "index"]
    assert ("index", [2.0, 1.0]) in mutations(vector("v", [1.0, 2.0]))
    assert "index" not in [k for k, _ in mutations(vector("v", [3.0, 3.0]))]
    f = formula("g", "x*y^2", {"x": (0, 1), "y": (0, 1)})
    assert mutations(f)[-1] == ("index", "y*x^2")
    assert "index" not in [k for k, _ in mutations(formula("g", "x^2", {"x": (0, 1)}))]


def test_formula_points_are_seeded_and_inside_the_ranges():
    a = formula("g", "x", {"x": (1.0, 2.0)}, seed=5)
    assert a == formula("g", "x", {"x": (1.0, 2.0)}, seed=5)
    assert all(1.0 <= p["x"] <= 2.0 for p in a["points"])
    assert a["points"] != formula("g", "x", {"x": (1.0, 2.0)}, seed=6)["points"]


def test_bad_checks_are_refused_naming_the_argument():
    with pytest.raises(ValueError, match="hints"):
        number("x", 1.0, hints=[("typo", 2.0)])
    with pytest.raises(ValueError, match="answer"):
        number("x", float("nan"))
    with pytest.raises(ValueError, match="answer"):
        vector("v", [1.0])
    with pytest.raises(ValueError, match="text"):
        formula("g", "x + q", {"x": (0, 1)})
    with pytest.raises(ValueError, match="answer"):
        count("k", 2.5)
    with pytest.raises(ValueError, match="label"):
        number({"zh": "步数"}, 1.0)  # a label in one language only
    with pytest.raises(ValueError, match="label"):
        vector("", [1.0, 2.0])


def test_a_count_is_accepted_only_exactly():
    check = count("k", 266)
    assert agrees(check, 266.0)
    assert not agrees(check, 265.0) and not agrees(check, 266.5)


def test_the_script_names_every_kind_of_slip_in_both_languages():
    script = SCRIPT.read_text(encoding="utf-8")
    blocks = re.findall(r"hint: \{(.*?)\}", script, flags=re.S)
    assert len(blocks) == 2  # ZH and EN
    for block in blocks:
        assert sorted(re.findall(r"^\s*(\w+):", block, flags=re.M)) == sorted(KINDS), block


@pytest.mark.parametrize("path", sorted(CHECKS))
def test_every_label_is_text_or_both_languages(path):
    label = load(path)["label"]
    assert (isinstance(label, str) and label) or sorted(label) == ["en", "zh"], label


def test_the_script_fits_the_budget():
    size = len(gzip.compress(SCRIPT.read_bytes(), 9))
    assert size <= 15_000, f"check.js is {size} bytes gzipped"
