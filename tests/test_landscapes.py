"""Tests for descent.landscapes, and sympy checks of equations 4.1–4.7 and 4.10."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st
from pages import central_difference

from descent import landscapes as ls
from descent.optim import GD

x, y, t, d1, d2, g1, g2, x0 = sp.symbols("x y t d_1 d_2 g_1 g_2 x_0", real=True)
eta = sp.Symbol("eta", positive=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
coord = st.floats(min_value=-3.0, max_value=3.0, allow_nan=False)
H = 1e-5


def same(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    # powsimp joins q·q^(k−1) into q^k, which holds for the integer k used here
    return sp.simplify(sp.powsimp(lhs - rhs)) == 0


# ---- the functions and their gradients ----------------------------------------------------


@given(coord)
def test_square_gradient_matches_central_difference(v: float) -> None:
    theta = np.array([v])
    assert ls.square(theta) == pytest.approx(v * v)
    np.testing.assert_allclose(
        ls.square_grad(theta), central_difference(ls.square, theta, H), atol=1e-8
    )


@given(coord, coord)
def test_sin_bowl_gradient_matches_central_difference(a: float, b: float) -> None:
    theta = np.array([a, b])
    assert ls.sin_bowl(theta) == pytest.approx(a * a + math.sin(b) ** 2)
    np.testing.assert_allclose(
        ls.sin_bowl_grad(theta), central_difference(ls.sin_bowl, theta, H), atol=1e-8
    )


@given(coord)
def test_double_well_gradient_matches_central_difference(v: float) -> None:
    theta = np.array([v])
    np.testing.assert_allclose(
        ls.double_well_grad(theta),
        central_difference(ls.double_well, theta, H),
        rtol=1e-7,
        atol=1e-7,
    )


@given(
    st.lists(st.floats(0.1, 50.0), min_size=1, max_size=3).flatmap(
        lambda cs: st.tuples(
            st.just(tuple(cs)), st.lists(coord, min_size=len(cs), max_size=len(cs))
        )
    )
)
def test_quadratic_gradient_matches_central_difference(case) -> None:
    curvatures, point = case
    bowl, theta = ls.Quadratic(curvatures), np.array(point)
    direct = sum(c * p * p for c, p in zip(curvatures, point, strict=True)) / 2
    assert bowl(theta) == pytest.approx(direct)
    np.testing.assert_allclose(
        bowl.grad(theta), central_difference(bowl, theta, H), rtol=1e-6, atol=1e-6
    )
    assert bowl.L == max(curvatures)


def test_minimum_values_are_where_the_gradient_vanishes() -> None:
    assert ls.square([0.0]) == 0.0 and ls.square_grad([0.0])[0] == 0.0
    for n in (-1, 0, 1):  # J = x² + sin²y is 0 at (0, nπ), and nowhere below 0
        p = np.array([0.0, n * math.pi])
        assert ls.sin_bowl(p) == pytest.approx(0.0, abs=1e-30)
        np.testing.assert_allclose(ls.sin_bowl_grad(p), 0.0, atol=1e-15)


def test_double_well_stationary_points_match_sympy() -> None:
    J = x**4 - 3 * x**2 + x
    roots = sorted(float(r) for r in sp.real_roots(sp.Poly(sp.diff(J, x), x)))
    assert len(roots) == 3
    np.testing.assert_allclose(ls.double_well_stationary(), roots, rtol=1e-12)
    curvature = [float(sp.diff(J, x, 2).subs(x, r)) for r in roots]
    # left and right are minima (J'' > 0), the middle one a maximum (J'' < 0)
    assert curvature[0] > 0 > curvature[1] and curvature[2] > 0
    # the left valley is the deeper one: it is the global minimum
    assert ls.double_well([roots[0]]) < ls.double_well([roots[2]])


@pytest.mark.parametrize(
    "call",
    [
        lambda: ls.square([math.nan]),
        lambda: ls.square_grad([1.0, 2.0]),
        lambda: ls.sin_bowl([1.0]),
        lambda: ls.sin_bowl_grad([1.0, math.inf]),
        lambda: ls.double_well([]),
        lambda: ls.Quadratic((1.0, 0.0)),
        lambda: ls.Quadratic(()),
        lambda: ls.Quadratic((1.0, 2.0))([1.0]),
    ],
)
def test_bad_input_raises_naming_the_argument(call) -> None:
    with pytest.raises(ValueError, match=r"theta|curvatures"):
        call()


# ---- the page's equations, step by step ------------------------------------------------


@pytest.mark.equation("4.1")
def test_update_rule() -> None:
    # θ_{k+1} = θ_k − η·∇J(θ_k): GD.step is exactly this, coordinate by coordinate
    theta, g = np.array([0.75, -2.5]), np.array([4.0, -1.0])
    np.testing.assert_array_equal(GD(0.25).step(theta, g), [0.75 - 1.0, -2.5 + 0.25])
    # on J = x² the rule reads x − η·2x
    assert same(x - eta * sp.diff(x**2, x), x - 2 * eta * x)


@pytest.mark.equation("4.2")
def test_first_order_taylor_expansion() -> None:
    J = sp.Function("J")
    series = sp.series(J(x + t * d1, y + t * d2), t, 0, 2).removeO().subs(t, 1).doit()
    linear = J(x, y) + sp.Derivative(J(x, y), x) * d1 + sp.Derivative(J(x, y), y) * d2
    assert same(series, linear)
    # on the sin bowl the error of the linear model shrinks like |Δ|²
    p, g = np.array([1.5, 0.7]), np.array(ls.sin_bowl_grad([1.5, 0.7]))
    errors = [abs(ls.sin_bowl(p + s * g) - ls.sin_bowl(p) - s * g @ g) for s in (1e-2, 1e-3)]
    assert errors[0] / errors[1] == pytest.approx(100, rel=0.05)


@pytest.mark.equation("4.3")
def test_minus_gradient_lowers_the_loss() -> None:
    g_dot_step = g1 * (-eta * g1) + g2 * (-eta * g2)
    assert same(g_dot_step, -eta * (g1**2 + g2**2))
    assert (-eta * (g1**2 + g2**2)).is_nonpositive
    # and the true J does go down by about η‖g‖² for a small η
    p = np.array([1.5, 0.7])
    g = np.array(ls.sin_bowl_grad(p))
    drop = ls.sin_bowl(p) - ls.sin_bowl(p - 1e-4 * g)
    assert drop == pytest.approx(1e-4 * (g @ g), rel=1e-3)


@pytest.mark.equation("4.4")
def test_square_update() -> None:
    step = x - eta * sp.diff(x**2, x)
    assert same(step, x - eta * 2 * x)
    assert same(x - eta * 2 * x, (1 - 2 * eta) * x)


@pytest.mark.equation("4.5")
def test_square_closed_form() -> None:
    closed = (1 - 2 * eta) ** k * x0
    # each step multiplies by (1 − 2η): x_k = (1 − 2η)·x_{k−1} = (1 − 2η)²·x_{k−2}
    assert same(closed, (1 - 2 * eta) * closed.subs(k, k - 1))
    assert same(closed, (1 - 2 * eta) ** 2 * closed.subs(k, k - 2))
    assert closed.subs(k, 0) == x0
    # and the recurrence unrolled 6 times by sympy agrees
    xs = [x0]
    for _ in range(6):
        xs.append(sp.expand(xs[-1] - eta * 2 * xs[-1]))
    assert all(same(v, closed.subs(k, i)) for i, v in enumerate(xs))


@pytest.mark.equation("4.6")
def test_sin_bowl_partial_derivatives() -> None:
    J = x**2 + sp.sin(y) ** 2
    assert same(sp.diff(J, x), 2 * x)
    assert same(sp.diff(J, y), 2 * sp.sin(y) * sp.cos(y))
    assert same(2 * sp.sin(y) * sp.cos(y), sp.sin(2 * y))


@pytest.mark.equation("4.7")
def test_sin_bowl_update() -> None:
    J = x**2 + sp.sin(y) ** 2
    new_x, new_y = x - eta * sp.diff(J, x), y - eta * sp.diff(J, y)
    assert same(new_x, x - 2 * eta * x) and same(new_x, (1 - 2 * eta) * x)
    assert same(new_y, y - 2 * eta * sp.sin(y) * sp.cos(y))
    assert same(new_y, y - eta * sp.sin(2 * y))


@pytest.mark.equation("4.10")
def test_double_well_derivatives() -> None:
    J = x**4 - 3 * x**2 + x
    assert same(sp.diff(J, x), 4 * x**3 - 6 * x + 1)
    assert same(sp.diff(J, x, 2), 12 * x**2 - 6)
    # the cubic's discriminant is positive: three distinct real stationary points
    assert sp.discriminant(4 * x**3 - 6 * x + 1, x) > 0


def test_sin_bowl_curvatures_match_the_page() -> None:
    # the page: J_xx = 2 and J_yy = 2·cos 2y ≈ 2 near the bottom, so the η limit is 2/2 = 1
    J = x**2 + sp.sin(y) ** 2
    assert same(sp.diff(J, x, 2), 2)
    assert same(sp.diff(J, y, 2), 2 * sp.cos(2 * y))
    assert sp.diff(J, y, 2).subs(y, 0) == 2
