"""Answer boxes of the derivatives chapter's exercises (3.1–3.4), from the tested code.

>>> check_ex3_2_directional()["answer"], check_ex3_2_directional()["hints"][0]["answer"]
(5.6, 28.0)
"""

from __future__ import annotations

import math

from descent import calculus as c
from descent import numdiff
from descent.build.checks import formula, number, vector
from descent.chapters.derivatives import tables as t
from descent.numdiff import unit


def check_ex3_1_slope() -> dict:
    slope = t.ex1_df(t.EX1_X0)
    return number("f′(2)", slope, hints=[("sign", -slope)])


def check_ex3_1_derivative() -> dict:
    return formula("f′(x)", "3*x^2 - 3", {"x": (-2.0, 2.0)}, seed=31)


def check_ex3_1_tangent() -> dict:
    slope, intercept = c.tangent_line(t.ex1_f, t.ex1_df, t.EX1_X0)
    return formula("y", f"{slope:g}*x + ({intercept:g})", {"x": (-2.0, 2.0)}, seed=311)


def _ex2_gradient() -> list[float]:
    x, y = t.EX2_P
    return [2 * x * y, x**2 + 3.0]  # ∂f/∂x = 2xy, ∂f/∂y = x² + 3


def check_ex3_2_gradient() -> dict:
    g = _ex2_gradient()
    return vector("∇f(p)", g, hints=[("sign", [-v for v in g])])


def check_ex3_2_directional() -> dict:
    g, u = _ex2_gradient(), unit(t.EX2_U)
    along_v = float(g[0] * t.EX2_U[0] + g[1] * t.EX2_U[1])  # ∇f·v: v not made a unit vector
    return number("Dᵤf(p)", float(g[0] * u[0] + g[1] * u[1]), hints=[("unit", along_v)])


def check_ex3_3_value() -> dict:
    grad = c.neg_log_sigmoid_grad(t.EX3_Z)
    return number("ℓ′(2)", grad, hints=[("sign", -grad)])


def check_ex3_3_formula() -> dict:
    return formula(
        "ℓ′(z)", "sigmoid(z) - 1", {"z": (-3.0, 3.0)}, hints=[("sign", "1 - sigmoid(z)")], seed=33
    )


def check_ex3_4_fixed() -> dict:
    ranges = {"x": (-2.0, 2.0), "y": (-2.0, 2.0)}
    return formula("∂g/∂y", "2*y*sin(x)", ranges, hints=[("factor2", "y*sin(x)")], seed=34)


def check_ex3_2_steepest() -> dict:
    g = _ex2_gradient()
    return vector("∇f(p)/|∇f(p)|", [float(v) for v in unit(g)], hints=[("unit", g)])


def check_ex3_2_max() -> dict:
    g = _ex2_gradient()
    return number("|∇f(p)|", math.hypot(*g))


def check_ex3_4_rel() -> dict:
    return number("r", numdiff.check_gradient(t.ex4_g, t.ex4_claimed, t.EX4_P).rel_error)
