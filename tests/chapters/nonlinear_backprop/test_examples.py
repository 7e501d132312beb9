"""Tests for chapter 8 (nonlinear_backprop/examples.py): sympy checks of equations 8.1–8.9,
the chain's derivatives against sympy and central differences, every run against a plain loop."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from descent.chapters.nonlinear_backprop import examples as nl
from descent.numdiff import derivative

x, a, b, c, t, eta = sp.symbols("x a b c t eta", positive=True)
dc, db, da = sp.symbols("Delta_c Delta_b Delta_a", real=True)
A = x**2
B = sp.log(A)
C = sp.sqrt(B)
T = sp.Rational(213, 100)


def same(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    return sp.simplify(lhs - rhs) == 0


def c_of(x_: float) -> float:
    return math.sqrt(math.log(x_ * x_))


# ---- equations -----------------------------------------------------------------------------


@pytest.mark.equation("8.1")
def test_eq_8_1_local_derivative_of_the_square() -> None:
    assert same(sp.diff(x**2, x), 2 * x)


@pytest.mark.equation("8.2")
def test_eq_8_2_local_derivative_of_the_log() -> None:
    assert same(sp.diff(sp.log(a), a), 1 / a)


@pytest.mark.equation("8.3")
def test_eq_8_3_local_derivative_of_the_root() -> None:
    assert same(sp.diff(sp.sqrt(b), b), 1 / (2 * sp.sqrt(b)))


@pytest.mark.equation("8.4")
def test_eq_8_4_the_chain_product() -> None:
    product = (1 / (2 * sp.sqrt(b))) * (1 / a) * (2 * x)
    step2 = (1 / (2 * c)) * (1 / x**2) * (2 * x)  # √b = c, a = x²
    assert same(product.subs({b: B, a: A}), step2.subs(c, C))
    assert same(step2, 1 / (x * c))
    assert same((1 / (x * c)).subs(c, C), sp.diff(C, x))


@pytest.mark.equation("8.5")
def test_eq_8_5_exact_solution() -> None:
    xr = sp.Symbol("x", real=True, nonzero=True)
    # √(ln x²) = t ⟺ ln x² = t²: both sides are ≥ 0, so squaring can be undone
    assert same(sp.sqrt(sp.log(xr**2) ** 2), sp.Abs(sp.log(xr**2))) and same(sp.sqrt(T**2), T)
    # ln x² = t² ⟺ x² = e^{t²}: exp undoes ln
    assert same(sp.exp(sp.log(sp.exp(T**2))), sp.exp(T**2))
    # x² = e^{t²} ⟺ x = ±e^{t²/2}
    sols = sp.solve(sp.Eq(xr**2, sp.exp(T**2)), xr)
    assert {sp.simplify(s) for s in sols} == {sp.exp(T**2 / 2), -sp.exp(T**2 / 2)}
    for s in sols:
        assert same(sp.sqrt(sp.log(s**2)), T)
    assert nl.exact_x() == pytest.approx((-math.exp(2.13**2 / 2), math.exp(2.13**2 / 2)))


@pytest.mark.equation("8.6")
def test_eq_8_6_passing_the_error_back() -> None:
    assert same(dc / sp.diff(sp.sqrt(b), b), dc * 2 * sp.sqrt(b))
    assert same(db / sp.diff(sp.log(a), a), db * a)
    assert same(da / sp.diff(x**2, x), da / (2 * x))


@pytest.mark.equation("8.7")
def test_eq_8_7_the_passed_error_is_a_newton_step() -> None:
    passed = ((dc * 2 * sp.sqrt(b)) * a) / (2 * x)
    product = dc / ((1 / (2 * sp.sqrt(b))) * (1 / a) * (2 * x))
    assert same(passed, product)
    at = {a: A, b: B}
    assert same(product.subs(at), dc / sp.diff(C, x))
    assert same((dc / sp.diff(C, x)), (dc * x * c).subs(c, C))


@pytest.mark.equation("8.8")
def test_eq_8_8_gradient_of_the_loss() -> None:
    J = sp.Rational(1, 2) * (C - t) ** 2
    step1 = (C - t) * sp.diff(C, x)
    assert same(sp.diff(J, x), step1)
    assert same(step1, (C - t) / (x * C))


@pytest.mark.equation("8.9")
def test_eq_8_9_the_rate_that_copies_newton() -> None:
    (solution,) = sp.solve(sp.Eq(eta * dc / (x * c), dc * x * c), eta)
    assert same(solution, (x * c) ** 2)


# ---- the module ----------------------------------------------------------------------------


@given(st.floats(1.05, 50) | st.floats(-50, -1.05))
def test_the_chain_matches_sympy_and_central_differences(x_: float) -> None:
    c_, xv = nl.forward(x_)
    c_.backward()
    assert c_.data == pytest.approx(c_of(x_), rel=1e-14)
    assert xv.grad == pytest.approx(1 / (x_ * c_of(x_)), rel=1e-12)
    assert xv.grad == pytest.approx(derivative(c_of, x_), rel=1e-5)


def test_divide_error_chain_matches_a_plain_newton_loop() -> None:
    rounds = nl.divide_error_chain()
    x_, xs = 2.0, []
    while True:
        xs.append(x_)
        d = c_of(x_) - 2.13
        if abs(d) < 1e-3:
            break
        x_ -= d * x_ * c_of(x_)  # Δx = Δc·x·c, eq. 8.7
    assert [r.x for r in rounds] == pytest.approx(xs, rel=1e-13)
    for r in rounds[:-1]:  # each Δ is the one below it divided by that edge's local derivative
        assert r.delta_b == pytest.approx(r.delta_c * 2 * math.sqrt(r.b), rel=1e-13)
        assert r.delta_a == pytest.approx(r.delta_b * r.a, rel=1e-13)
        assert r.delta_x == pytest.approx(r.delta_a / (2 * r.x), rel=1e-13)
    assert rounds[-1].delta_x is None and abs(rounds[-1].delta_c) < 1e-3


def test_newton_step_is_one_round() -> None:
    rounds = nl.divide_error_chain()
    assert nl.newton_step(rounds[0].x) == pytest.approx(rounds[1].x, rel=1e-14)


def test_a_negative_start_finds_the_negative_root() -> None:
    pos, neg = nl.divide_error_chain(2.0), nl.divide_error_chain(-2.0)
    assert [r.x for r in neg] == pytest.approx([-r.x for r in pos], rel=1e-14)


@pytest.mark.parametrize("lr", [10.0, 100.0])
def test_descend_on_chain_matches_plain_gradient_descent(lr: float) -> None:
    run = nl.descend_on_chain(lr)
    x_, xs = 2.0, [2.0]
    while abs(c_of(x_) - 2.13) >= 1e-3:
        x_ -= lr * (c_of(x_) - 2.13) / (x_ * c_of(x_))  # eq. 8.8
        xs.append(x_)
    assert run.thetas[:, 0] == pytest.approx(xs, rel=1e-12)


def test_unreachable_targets_and_bad_starts_are_refused() -> None:
    for target in (0.0, -1.0):
        with pytest.raises(ValueError, match="unreachable"):
            nl.divide_error_chain(2.0, target)
        with pytest.raises(ValueError, match="unreachable"):
            nl.exact_x(target)
        with pytest.raises(ValueError, match="unreachable"):
            nl.descend_on_chain(1.0, target=target)
    for start in (1.0, 0.5, -1.0, 0.0):
        with pytest.raises(ValueError, match=r"x must satisfy \|x\| > 1"):
            nl.divide_error_chain(start)
    with pytest.raises(ValueError, match="x must be finite"):
        nl.forward(math.nan)
    with pytest.raises(ValueError, match="target must be finite"):
        nl.divide_error_chain(2.0, math.inf)
    with pytest.raises(ValueError, match="tol must be > 0"):
        nl.divide_error_chain(2.0, 2.13, 0.0)
    with pytest.raises(ValueError, match="lr must be > 0"):
        nl.descend_on_chain(0.0)


def test_an_overshoot_out_of_the_domain_is_refused() -> None:
    # find x where one step lands at x·(1 − (c − t)·c) = 0, i.e. |x_next| < 1: bisection
    def landing(x_: float) -> float:
        return x_ * (1 - (c_of(x_) - 2.13) * c_of(x_))

    lo, hi = 20.0, 30.0
    assert landing(lo) > 0 > landing(hi)
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if landing(mid) > 0 else (lo, mid)
    with pytest.raises(ValueError, match=r"x must satisfy \|x\| > 1"):
        nl.divide_error_chain(lo)


def test_zero_local_derivative_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from descent.graph import GraphNode

    def flat(root):  # a chain whose middle edge has slope 0
        nodes = [
            GraphNode(0, "", "x", 2.0, 0.0, (), ()),
            GraphNode(1, "f", "a", 3.0, 0.0, (0,), (0.0,)),
        ]
        return [
            *nodes,
            GraphNode(2, "g", "b", 1.0, 0.0, (1,), (1.0,)),
            GraphNode(3, "h", "c", 1.0, 0.0, (2,), (1.0,)),
        ]

    monkeypatch.setattr(nl, "graph", flat)
    with pytest.raises(ZeroDivisionError, match="∂a/∂x = 0"):
        nl.divide_error_chain(2.0)
    assert np.isfinite(c_of(2.0))
