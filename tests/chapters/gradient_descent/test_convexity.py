"""The convexity section: the Hessian test on least squares and on the double well, checked
with sympy and numpy independently of the chapter's code."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

from descent import landscapes as ls
from descent.chapters.gradient_descent import convexity as cvx
from descent.data import SAMPLE_1_1

V = cvx.convexity_values()


def number(text: str) -> float:
    return float(text.replace("−", "-"))


def test_least_squares_hessian_by_sympy_and_its_eigenvalues():
    w, b = sp.symbols("w b", real=True)
    J = sum(
        (w * sp.Float(x) + b - sp.Float(y)) ** 2
        for x, y in zip(SAMPLE_1_1.x, SAMPLE_1_1.y, strict=False)
    )
    H = np.array(sp.hessian(J, (w, b)), dtype=float)
    np.testing.assert_array_equal(H, cvx.ls_hessian())
    assert [number(V[k]) for k in ("cvx_h_ww", "cvx_h_wb", "cvx_h_bb")] == [
        H[0, 0],
        H[0, 1],
        H[1, 1],
    ]
    low, high = np.linalg.eigvalsh(H)
    assert number(V["cvx_lam_max"]) == pytest.approx(high, abs=5e-5)
    assert number(V["cvx_lam_min"]) == pytest.approx(low, abs=5e-5)
    assert low > 0


def test_u_h_u_is_twice_a_squared_length():
    X = sp.Matrix(3, 2, sp.symbols("x0:6", real=True))
    u = sp.Matrix(sp.symbols("u1 u2", real=True))
    theta = sp.Matrix(sp.symbols("t1 t2", real=True))
    y = sp.Matrix(sp.symbols("y0:3", real=True))
    J = ((X * theta - y).T * (X * theta - y))[0]
    H = sp.hessian(J, tuple(theta))
    assert sp.expand(H - 2 * X.T * X) == sp.zeros(2, 2)
    assert sp.expand((u.T * H * u)[0] - 2 * ((X * u).T * (X * u))[0]) == 0


def test_double_well_is_concave_exactly_on_the_shaded_band():
    x = sp.symbols("x", real=True)
    J = x**4 - 3 * x**2 + x
    band = sp.solve_univariate_inequality(sp.diff(J, x, 2) < 0, x, relational=False)
    assert band == sp.Interval.open(-1 / sp.sqrt(2), 1 / sp.sqrt(2))
    assert number(V["cvx_edge"]) == pytest.approx(1 / math.sqrt(2), abs=5e-5)
    _, top, _ = ls.double_well_stationary()
    assert number(V["cvx_top_curv"]) == pytest.approx(12 * top**2 - 6, abs=5e-5)
    assert 12 * top**2 - 6 < 0


def test_chords_below_the_double_well_and_above_least_squares():
    left, top, right = ls.double_well_stationary()
    J = lambda s: ls.double_well([s])  # noqa: E731
    t = (top - left) / (right - left)
    chord = (1 - t) * J(left) + t * J(right)
    assert number(V["cvx_top_chord"]) == pytest.approx(chord, abs=5e-5)
    assert number(V["cvx_top_j"]) == pytest.approx(J(top), abs=5e-5)
    assert chord < J(top)  # the definition of convexity fails
    rng = np.random.default_rng(7)
    for _ in range(200):  # and holds for least squares on random segments
        p, q, s = rng.normal(size=2) * 5, rng.normal(size=2) * 5, rng.uniform()
        f = lambda th: float(np.sum((th[0] * SAMPLE_1_1.x + th[1] - SAMPLE_1_1.y) ** 2))  # noqa: E731
        assert f((1 - s) * p + s * q) <= (1 - s) * f(p) + s * f(q) + 1e-9
    for s in np.linspace(0, 1, 11):
        value, chord = cvx.ls_slice(float(s))
        assert value <= chord + 1e-9
