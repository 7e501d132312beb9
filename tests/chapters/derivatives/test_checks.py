"""The answer boxes of chapter 3 hold what the exercise code computes."""

from __future__ import annotations

import math

import numpy as np
import sympy as sp

from descent import calculus as c
from descent.chapters.derivatives import checks as ck
from descent.chapters.derivatives import tables as t
from descent.numdiff import derivative

LOCALS = {"sigmoid": lambda z: 1 / (1 + sp.exp(-z))}


def at_points(check: dict) -> list[tuple[dict, float]]:
    expr = sp.sympify(check["answer"].replace("^", "**"), locals=LOCALS)
    return [(p, float(expr.subs(p))) for p in check["points"]]


def test_numbers_and_vectors():
    assert ck.check_ex3_1_slope()["answer"] == 9.0 == t.ex1_df(2.0)
    assert abs(derivative(t.ex1_f, 2.0) - 9.0) < 1e-6
    assert ck.check_ex3_2_gradient()["answer"] == [4.0, 4.0]
    assert ck.check_ex3_2_directional()["answer"] == 5.6  # (4·3 + 4·4)/5
    assert ck.check_ex3_3_value()["answer"] == c.sigmoid(2.0) - 1.0


def test_formulas_equal_the_code_at_every_point():
    for p, v in at_points(ck.check_ex3_1_derivative()):
        assert math.isclose(v, derivative(t.ex1_f, p["x"]), rel_tol=1e-7, abs_tol=1e-7)
    for p, v in at_points(ck.check_ex3_1_tangent()):
        assert math.isclose(v, t.ex1_f(2.0) + t.ex1_df(2.0) * (p["x"] - 2.0), abs_tol=1e-12)
    for p, v in at_points(ck.check_ex3_3_formula()):
        assert math.isclose(v, derivative(c.neg_log_sigmoid, p["z"]), abs_tol=1e-7)
    for p, v in at_points(ck.check_ex3_4_fixed()):
        along_y = derivative(lambda y, x=p["x"]: t.ex4_g(np.array([x, y])), p["y"])
        assert math.isclose(v, along_y, abs_tol=1e-7)
