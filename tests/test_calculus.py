"""Tests for descent.calculus, and sympy checks of every tagged equation on derivatives.md."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from descent import calculus as c
from descent.numdiff import check_gradient, derivative

x, y, h, t, x0 = sp.symbols("x y h t x_0", real=True)
u1, u2, w, b, z = sp.symbols("u_1 u_2 w b z", real=True)
coord = st.floats(min_value=-3.0, max_value=3.0, allow_nan=False)


def same(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    return sp.simplify(lhs - rhs) == 0


def sigma(v: sp.Expr) -> sp.Expr:
    return 1 / (1 + sp.exp(-v))


# Each rule of the derivative table as sympy: f, and the f' the table claims.
RULE_SYMPY = [
    (sp.Integer(3), sp.Integer(0)),
    (x**3, 3 * x**2),
    (sp.exp(x), sp.exp(x)),
    (sp.log(x), 1 / x),
    (sp.sin(x), sp.cos(x)),
    (sp.cos(x), -sp.sin(x)),
    (sigma(x), sigma(x) * (1 - sigma(x))),
]


# ---- the module's functions ---------------------------------------------------------------


@given(coord)
def test_parabola_slope_is_its_derivative(v: float) -> None:
    assert c.parabola_slope(v) == pytest.approx(derivative(c.parabola, v), abs=1e-8)


@given(coord)
def test_tangent_touches_the_curve_and_has_its_slope(v: float) -> None:
    slope, intercept = c.tangent_line(c.parabola, c.parabola_slope, v)
    assert slope * v + intercept == pytest.approx(c.parabola(v))
    assert slope == c.parabola_slope(v)
    # a parabola lies above every tangent: f(x) − tangent(x) = (x − x0)² ≥ 0
    assert c.parabola(v + 0.5) >= slope * (v + 0.5) + intercept


@given(st.floats(min_value=-3.0, max_value=3.0).filter(lambda v: abs(v - 1.0) > 1e-2))
def test_a_small_step_downhill_lowers_f(v: float) -> None:
    step = 1e-3 * c.downhill(c.parabola_slope(v))
    assert c.parabola(v + step) < c.parabola(v)


def test_downhill_is_zero_at_the_minimum_and_rejects_nan() -> None:
    assert c.downhill(c.parabola_slope(1.0)) == 0
    with pytest.raises(ValueError, match="slope must be finite"):
        c.downhill(math.nan)


@pytest.mark.parametrize("rule", c.RULES, ids=lambda r: r.f_tex)
def test_rule_derivative_matches_central_difference(rule: c.Rule) -> None:
    for v in c.RULE_POINTS:
        assert float(rule.df(v)) == pytest.approx(derivative(rule.f, v), abs=1e-8)


@pytest.mark.parametrize("i", range(len(RULE_SYMPY)))
def test_rule_is_right_symbolically_and_matches_the_code(i: int) -> None:
    f, df = RULE_SYMPY[i]
    assert same(sp.diff(f, x), df)
    rule = c.RULES[i]
    for v in c.RULE_POINTS:
        assert float(rule.f(v)) == pytest.approx(float(f.subs(x, v)), rel=1e-12)
        assert float(rule.df(v)) == pytest.approx(float(df.subs(x, v)), rel=1e-12, abs=1e-15)


@given(coord)
def test_sin_of_square_gradient(v: float) -> None:
    assert c.sin_of_square_grad(v) == pytest.approx(derivative(c.sin_of_square, v), abs=1e-7)


@given(coord, coord, st.floats(-2, 2), st.floats(0, 1))
def test_neuron_gradient_matches_finite_difference(wv, bv, xv, yv) -> None:
    result = check_gradient(
        lambda q: c.neuron_loss(q[0], q[1], xv, yv),
        lambda q: np.array(c.neuron_loss_grad(q[0], q[1], xv, yv)),
        [wv, bv],
    )
    assert np.allclose(result.analytic, result.numeric, atol=1e-8)


def test_neuron_bug_is_caught() -> None:
    result = check_gradient(
        lambda q: c.neuron_loss(q[0], q[1], 1.5, 1.0),
        lambda q: np.array(c.neuron_loss_grad_no_sigma_prime(q[0], q[1], 1.5, 1.0)),
        [0.5, -0.25],
    )
    assert not result.ok


@given(coord)
def test_neg_log_sigmoid_gradient(v: float) -> None:
    assert c.neg_log_sigmoid(v) == pytest.approx(math.log1p(math.exp(-v)))
    assert c.neg_log_sigmoid_grad(v) == pytest.approx(derivative(c.neg_log_sigmoid, v), abs=1e-8)


@given(coord, coord)
def test_bowl_gradient(xv: float, yv: float) -> None:
    result = check_gradient(c.bowl, c.bowl_grad, [xv, yv])
    assert np.allclose(result.analytic, result.numeric, atol=1e-8)


def test_bowl_rejects_bad_points() -> None:
    with pytest.raises(ValueError, match="p contains a non-finite"):
        c.bowl([1.0, math.nan])


def test_difference_errors_and_best_step() -> None:
    forward, central = c.difference_errors(math.exp, math.exp, 1.0, [1e-2, 1e-3])
    # leading terms of (3.17): f''·h/2 and f'''·h²/6, with f'' = f''' = e
    np.testing.assert_allclose(forward, [math.e * 1e-2 / 2, math.e * 1e-3 / 2], rtol=0.01)
    np.testing.assert_allclose(central, [math.e * 1e-4 / 6, math.e * 1e-6 / 6], rtol=0.01)
    eps = np.finfo(float).eps
    assert c.best_central_step(math.e, math.e) == pytest.approx((3 * eps) ** (1 / 3))


# ---- the page's equations, step by step ------------------------------------------------


def parabola_sym(v: sp.Expr) -> sp.Expr:
    return (v - 1) ** 2 + 2


@pytest.mark.equation("3.1")
def test_eq_3_1_the_limit_of_the_difference_quotient_is_the_derivative() -> None:
    for f in (parabola_sym(x), x**3, sp.sin(x), sp.exp(x), sigma(x)):
        q = (f.subs(x, x + h) - f) / h
        assert same(sp.limit(q, h, 0), sp.diff(f, x))


@pytest.mark.equation("3.2")
def test_eq_3_2_parabola_quotient() -> None:
    steps = [
        (parabola_sym(x0 + h) - parabola_sym(x0)) / h,
        ((x0 + h - 1) ** 2 + 2 - ((x0 - 1) ** 2 + 2)) / h,
        ((x0 - 1) ** 2 + 2 * (x0 - 1) * h + h**2 - (x0 - 1) ** 2) / h,
        (2 * (x0 - 1) * h + h**2) / h,
        2 * (x0 - 1) + h,
    ]
    for a, b_ in itertools.pairwise(steps):
        assert same(a, b_)
    assert sp.limit(steps[-1], h, 0) == sp.diff(parabola_sym(x), x).subs(x, x0)
    assert c.parabola_slope(2.5) == 2 * (2.5 - 1)


@pytest.mark.equation("3.3")
def test_eq_3_3_tangent_line() -> None:
    f = parabola_sym(x)
    slope = sp.diff(f, x).subs(x, x0)
    tangent = f.subs(x, x0) + slope * (x - x0)
    # the tangent meets the curve at x0 with the same slope; the gap is (x − x0)²
    assert same(tangent.subs(x, x0), f.subs(x, x0))
    assert same(sp.diff(tangent, x), slope)
    assert same(f - tangent, (x - x0) ** 2)
    for v in (0.0, 2.5):
        s, i = c.tangent_line(c.parabola, c.parabola_slope, v)
        assert same(sp.Float(s) * x + sp.Float(i), tangent.subs(x0, v))


@pytest.mark.equation("3.4")
def test_eq_3_4_partial_derivatives_are_limits() -> None:
    for f in (x**2 + y**2, x**2 * y + 3 * y, sp.sin(x) * y**2):
        assert same(sp.limit((f.subs(x, x + h) - f) / h, h, 0), sp.diff(f, x))
        assert same(sp.limit((f.subs(y, y + h) - f) / h, h, 0), sp.diff(f, y))


@pytest.mark.equation("3.5")
def test_eq_3_5_partial_of_the_bowl() -> None:
    f = x**2 + y**2
    s1 = (f.subs(x, x + h) - f) / h
    s2 = ((x + h) ** 2 + y**2 - (x**2 + y**2)) / h
    s3 = (2 * x * h + h**2) / h
    s4 = 2 * x + h
    assert same(s1, s2) and same(s2, s3) and same(s3, s4)
    assert sp.limit(s4, h, 0) == 2 * x == sp.diff(f, x)


@pytest.mark.equation("3.6")
def test_eq_3_6_gradient_of_the_bowl() -> None:
    f = x**2 + y**2
    assert [sp.diff(f, x), sp.diff(f, y)] == [2 * x, 2 * y]
    assert list(c.bowl_grad([1.0, 0.5])) == [2 * 1.0, 2 * 0.5]


@pytest.mark.equation("3.7")
def test_eq_3_7_directional_derivative_definition() -> None:
    # with u = (1, 0) or (0, 1) the definition gives the partial derivatives (3.4)
    f = x**2 * y + sp.sin(y)
    for (a, b_), var in (((1, 0), x), ((0, 1), y)):
        q = (f.subs({x: x + t * a, y: y + t * b_}, simultaneous=True) - f) / t
        assert same(sp.limit(q, t, 0), sp.diff(f, var))


@pytest.mark.equation("3.8")
def test_eq_3_8_directional_derivative_of_the_bowl() -> None:
    f = lambda p, q: p**2 + q**2  # noqa: E731
    s1 = (f(x + t * u1, y + t * u2) - f(x, y)) / t
    s2 = ((x + t * u1) ** 2 + (y + t * u2) ** 2 - x**2 - y**2) / t
    s3 = (2 * t * (x * u1 + y * u2) + t**2 * (u1**2 + u2**2)) / t
    s4 = 2 * x * u1 + 2 * y * u2 + t
    assert same(s1, s2) and same(s2, s3)
    assert same(s3.subs(u2, sp.sqrt(1 - u1**2)), s4.subs(u2, sp.sqrt(1 - u1**2)))
    assert sp.limit(s4, t, 0) == 2 * x * u1 + 2 * y * u2


@pytest.mark.equation("3.9")
def test_eq_3_9_directional_derivative_is_gradient_dot_u() -> None:
    g = sp.Function("f")
    whole = (g(x + t * u1, y + t * u2) - g(x, y)) / t
    split = (g(x + t * u1, y + t * u2) - g(x, y + t * u2)) / t + (g(x, y + t * u2) - g(x, y)) / t
    scaled = u1 * (g(x + t * u1, y + t * u2) - g(x, y + t * u2)) / (t * u1) + u2 * (
        g(x, y + t * u2) - g(x, y)
    ) / (t * u2)
    assert same(whole, split) and same(split, scaled)
    # the limit, for concrete functions with continuous partial derivatives
    for f in (x**2 * y + 3 * y, sp.sin(x) * y**2, sp.exp(x - y) + x * y**3):
        q = (f.subs({x: x + t * u1, y: y + t * u2}, simultaneous=True) - f) / t
        assert same(sp.limit(q, t, 0), sp.diff(f, x) * u1 + sp.diff(f, y) * u2)


@pytest.mark.equation("3.10")
def test_eq_3_10_steepest_ascent() -> None:
    r, alpha, phi = sp.symbols("r alpha phi", real=True)
    grad = sp.Matrix([r * sp.cos(alpha), r * sp.sin(alpha)])
    u = sp.Matrix([sp.cos(phi), sp.sin(phi)])
    # ∇f·u = |∇f||u|cos θ with θ = φ − α, and |u| = 1
    assert same(grad.dot(u), r * 1 * sp.cos(phi - alpha))
    assert same(sp.sqrt(u.dot(u)), 1)
    # |∇f| cos θ ≤ |∇f|, with equality at θ = 0
    assert sp.maximum(sp.cos(phi), phi, sp.Interval(0, 2 * sp.pi)) == 1


@pytest.mark.equation("3.11")
def test_eq_3_11_lagrange_identity() -> None:
    a1, a2, b1, b2 = sp.symbols("a_1 a_2 b_1 b_2", real=True)
    s1 = (a1**2 + a2**2) * (b1**2 + b2**2) - (a1 * b1 + a2 * b2) ** 2
    assert sp.expand(s1 - (a1 * b2 - a2 * b1) ** 2) == 0


@pytest.mark.equation("3.12")
def test_eq_3_12_chain_rule() -> None:
    for outer, inner in ((sp.sin, x**2), (sp.exp, sp.sin(x)), (sp.log, 1 + x**2), (sigma, 3 * x)):
        v = sp.Symbol("v")
        lhs = sp.diff(outer(inner), x)
        rhs = sp.diff(outer(v), v).subs(v, inner) * sp.diff(inner, x)
        assert same(lhs, rhs)


@pytest.mark.equation("3.13")
def test_eq_3_13_sin_of_square() -> None:
    v = sp.Symbol("u")
    s0 = sp.diff(sp.sin(x**2), x)
    s1 = (sp.cos(v) * sp.diff(v**1, v)).subs(v, x**2) * sp.diff(x**2, x)
    s2 = sp.cos(x**2) * 2 * x
    assert same(s0, s1) and same(s1, s2)
    assert c.sin_of_square_grad(1.5) == pytest.approx(float(s2.subs(x, 1.5)), rel=1e-12)


@pytest.mark.equation("3.14")
def test_eq_3_14_sigmoid_derivative() -> None:
    e = sp.exp(-x)
    steps = [
        sp.diff(sigma(x), x),
        -((1 + e) ** -2) * (-e),
        e / (1 + e) ** 2,
        1 / (1 + e) * e / (1 + e),
        1 / (1 + e) * (1 - 1 / (1 + e)),
        sigma(x) * (1 - sigma(x)),
    ]
    for a, b_ in itertools.pairwise(steps):
        assert same(a, b_)
    assert same(e / (1 + e), ((1 + e) - 1) / (1 + e)) and same(e / (1 + e), 1 - 1 / (1 + e))


@pytest.mark.equation("3.15")
def test_eq_3_15_neuron_gradient() -> None:
    yv = sp.Symbol("y", real=True)
    zz = w * x + b
    a = sigma(zz)
    loss = (a - yv) ** 2
    dL_da, da_dz = 2 * (a - yv), sigma(z).diff(z).subs(z, zz)
    assert same(sp.diff(loss, w), dL_da * da_dz * sp.diff(zz, w))
    assert same(dL_da * da_dz * x, 2 * (a - yv) * a * (1 - a) * x)
    assert same(sp.diff(loss, b), dL_da * da_dz * sp.diff(zz, b))
    assert same(dL_da * da_dz * 1, 2 * (a - yv) * a * (1 - a))
    subs = {w: 0.5, b: -0.25, x: 1.5, yv: 1}
    gw, gb = c.neuron_loss_grad(0.5, -0.25, 1.5, 1.0)
    assert gw == pytest.approx(float(sp.diff(loss, w).subs(subs)), rel=1e-12)
    assert gb == pytest.approx(float(sp.diff(loss, b).subs(subs)), rel=1e-12)


f_ = sp.Function("f")


def taylor(sign: int, order: int = 5) -> sp.Expr:
    return sum(sp.diff(f_(x), x, k) * (sign * h) ** k / sp.factorial(k) for k in range(order))


@pytest.mark.equation("3.16")
def test_eq_3_16_taylor_expansion() -> None:
    for sign in (1, -1):
        series = f_(x + sign * h).series(h, 0, 4).removeO().doit()
        claimed = (
            f_(x)
            + sign * sp.diff(f_(x), x) * h
            + sp.diff(f_(x), x, 2) / 2 * h**2
            + sign * sp.diff(f_(x), x, 3) / 6 * h**3
        )
        assert same(series, claimed)
        assert same(taylor(sign, 4), claimed)


@pytest.mark.equation("3.17")
def test_eq_3_17_central_and_forward_errors() -> None:
    d1, d2, d3, d4 = (sp.diff(f_(x), x, k) for k in range(1, 5))
    central = (taylor(1) - taylor(-1)) / (2 * h)
    assert same(taylor(1) - taylor(-1), 2 * d1 * h + d3 / 3 * h**3)
    assert same(central, d1 + d3 / 6 * h**2)
    forward = (taylor(1) - f_(x)) / h
    assert same(forward - (d1 + d2 / 2 * h), d3 / 6 * h**2 + d4 / 24 * h**3)
    # the same error terms for a concrete function, straight from its series
    for g in (sp.exp(x), sp.sin(x)):
        c_err = ((g.subs(x, x + h) - g.subs(x, x - h)) / (2 * h)).series(h, 0, 3).removeO()
        assert same(c_err, sp.diff(g, x) + sp.diff(g, x, 3) / 6 * h**2)


@pytest.mark.equation("3.18")
def test_eq_3_18_best_step() -> None:
    m, eps, fv = sp.symbols("M varepsilon F", positive=True)
    hh = sp.Symbol("h", positive=True)
    err = m / 6 * hh**2 + eps * fv / hh
    derr = sp.diff(err, hh)
    assert same(derr, m / 3 * hh - eps * fv / hh**2)
    (root,) = sp.solve(sp.Eq(derr, 0), hh)
    assert same(root, (3 * eps * fv / m) ** sp.Rational(1, 3))
    assert sp.diff(err, hh, 2).subs(hh, root).is_positive  # a minimum, not a maximum
    assert c.best_central_step(2.0, 3.0, eps=1e-16) == pytest.approx(
        float(root.subs({m: 3, fv: 2, eps: sp.Float(1e-16)}))
    )


@pytest.mark.equation("3.19")
def test_eq_3_19_relative_error_is_symmetric_and_scale_free() -> None:
    g1, g2, d1_, d2_ = sp.symbols("g_1 g_2 d_1 d_2", real=True)
    k = sp.Symbol("k", positive=True)

    def r(a: sp.Matrix, b_: sp.Matrix) -> sp.Expr:
        return (a - b_).norm() / sp.Max(a.norm(), b_.norm())

    gv, dv = sp.Matrix([g1, g2]), sp.Matrix([d1_, d2_])
    assert same(r(gv, dv), r(dv, gv))
    # scaling by k > 0 multiplies every length by k ...
    for v in (gv - dv, gv, dv):
        assert same((k * v).norm(), k * v.norm())
    # ... and the larger of two lengths stays the larger (write the larger as B + c, c ≥ 0)
    big, gap = sp.symbols("B c", positive=True)
    assert sp.Max(k * (big + gap), k * big) == k * (big + gap) == k * sp.Max(big + gap, big)
    # so k cancels from numerator and denominator
    assert same((k * (gv - dv)).norm() / (k * gv.norm()), (gv - dv).norm() / gv.norm())


@pytest.mark.equation("3.20")
def test_eq_3_20_neg_log_sigmoid_derivative() -> None:
    s = sigma(z)
    steps = [
        sp.diff(-sp.log(s), z),
        -1 / s * sp.diff(s, z),
        -(s * (1 - s)) / s,
        -(1 - s),
        s - 1,
    ]
    for a, b_ in itertools.pairwise(steps):
        assert same(a, b_)
