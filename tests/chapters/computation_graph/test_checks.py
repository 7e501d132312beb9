"""The answer boxes of chapter 7 hold what the graph's backward pass computes."""

from __future__ import annotations

import math

import sympy as sp

from descent.chapters.computation_graph import checks as ck
from descent.chapters.computation_graph import examples as bp


def test_the_formula_is_the_backward_pass_at_every_point():
    check = ck.check_ex7_1_formula()
    expr = sp.sympify(check["answer"].replace("^", "**"))
    for p in check["points"]:
        assert math.isclose(float(expr.subs(p)), bp.partials(p["w"], p["b"])[2], rel_tol=1e-12)


def test_each_one_path_hint_is_one_of_the_two_paths():
    check = ck.check_ex7_1_formula()
    w, b = sp.symbols("w b")
    x, y = 2 * w + 3 * b, 2 * b + 1  # z = x·y
    paths = {sp.expand(sp.diff(x, b) * y), sp.expand(sp.diff(y, b) * x)}
    hints = {sp.expand(sp.sympify(h["answer"])) for h in check["hints"]}
    assert hints == paths and sp.expand(sum(paths) - sp.sympify(check["answer"])) == 0


def test_the_errors_after_two_steps():
    assert math.isclose(ck.check_ex7_2_fixed()["answer"], 0.00797, rel_tol=1e-3)
    assert 0 < ck.check_ex7_2_recomputed()["answer"] < 1e-4  # recomputing f_b: far smaller
