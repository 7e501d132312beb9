"""The answer boxes of exercise 9.1 hold what the hand-written backprop computes."""

from __future__ import annotations

import math

import sympy as sp

from descent.chapters.autograd import checks as ck
from descent.chapters.autograd.exercises import hand_backprop


def test_the_gradient_and_its_formula_are_hand_backprops():
    assert ck.check_ex9_1_grads()["answer"] == [20.0, 25.0]
    check = ck.check_ex9_1_formula()
    expr = sp.sympify(check["answer"].replace("^", "**"))
    for p in check["points"]:
        assert math.isclose(float(expr.subs(p)), hand_backprop(p["w"], p["b"])[1], abs_tol=1e-12)


def test_softplus_derivative_formula_is_the_engines_at_every_point():
    from descent.chapters.autograd.exercises import softplus
    from descent.engine import Value

    check = ck.check_ex9_2_formula()
    expr = sp.sympify(check["answer"], locals={"sigmoid": lambda z: 1 / (1 + sp.exp(-z))})
    for p in check["points"]:
        x = Value(p["x"])
        softplus(x).backward()
        assert math.isclose(float(expr.subs(p)), x.grad, rel_tol=1e-12)
    assert ck.check_ex9_2_value()["answer"] == 1 / (1 + math.exp(-0.5))
