"""Tests for descent.regularize: penalised gradients, soft-thresholding, exact minima; 5.9–5.13."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from descent.data import SAMPLE_1_1
from descent.linear import grad_mse
from descent.regularize import (
    ProximalL1,
    centred_moments,
    fit_penalised,
    grad_l2,
    penalised_minimum,
    soft_threshold,
    subgrad_l1,
)

w, b, lam, eta, g, u, v = sp.symbols("w b lambda eta g u v", real=True)
N = 3
xs, ys = sp.symbols("x1:4", real=True), sp.symbols("y1:4", real=True)
pairs = list(zip(xs, ys, strict=True))
J = sum((w * xi + b - yi) ** 2 for xi, yi in pairs) / N
xbar, ybar = sum(xs) / N, sum(ys) / N
S_xx = sum((xi - xbar) ** 2 for xi in xs) / N
S_xy = sum((xi - xbar) * (yi - ybar) for xi, yi in pairs) / N
X, Y = SAMPLE_1_1.x, SAMPLE_1_1.y
floats = st.floats(-3, 3, allow_nan=False)


def chain_holds(*steps: sp.Expr) -> None:
    for left, right in itertools.pairwise(steps):
        assert sp.simplify(left - right) == 0, (left, right)


@pytest.mark.equation("5.9")
def test_eq_5_9_l2_gradient() -> None:
    J2 = J + lam * w**2
    inner = sum((w * xi + b - yi) * xi for xi, yi in pairs)
    chain_holds(sp.diff(J2, w), sp.Rational(2, N) * inner + 2 * lam * w)
    chain_holds(sp.diff(J2, b), sp.Rational(2, N) * sum(w * xi + b - yi for xi, yi in pairs))


@pytest.mark.equation("5.10")
def test_eq_5_10_l2_minimum() -> None:
    J2 = J + lam * w**2
    chain_holds(sp.diff(J2, b), 2 * (w * xbar + b - ybar))
    b_star = ybar - w * xbar
    for xi, yi in pairs:
        chain_holds(w * xi + b_star - yi, w * (xi - xbar) - (yi - ybar))
    # Σ(x_i − x̄)·x̄ = 0, so the sums with x_i equal the centred ones
    chain_holds(sum((xi - xbar) * xi for xi in xs) / N, S_xx)
    chain_holds(sum((yi - ybar) * xi for xi, yi in pairs) / N, S_xy)
    dw = sp.diff(J2, w).subs(b, b_star)
    chain_holds(
        dw,
        sp.Rational(2, N) * sum((w * (xi - xbar) - (yi - ybar)) * xi for xi, yi in pairs)
        + 2 * lam * w,
        2 * w * S_xx - 2 * S_xy + 2 * lam * w,
    )
    s_xx, s_xy = sp.symbols("S_xx S_xy", positive=True)
    assert sp.solve(2 * w * s_xx - 2 * s_xy + 2 * lam * w, w) == [s_xy / (s_xx + lam)]


@pytest.mark.equation("5.11")
def test_eq_5_11_l1_subgradient() -> None:
    wp, wn = sp.symbols("w_p", positive=True), sp.symbols("w_n", negative=True)
    inner = sp.Rational(2, N) * sum((w * xi + b - yi) * xi for xi, yi in pairs)
    for sym, sign in ((wp, 1), (wn, -1)):
        J1 = (J + lam * sp.Abs(w)).subs(w, sym)
        chain_holds(sp.diff(J1, sym), (inner + lam * sign).subs(w, sym))


@pytest.mark.equation("5.12")
def test_eq_5_12_proximal_step() -> None:
    chain_holds(
        g * (u - w) + (u - w) ** 2 / (2 * eta),
        (u - (w - eta * g)) ** 2 / (2 * eta) - eta * g**2 / 2,
    )
    t = eta * lam
    objective_pos = (u - v) ** 2 / (2 * eta) + lam * u  # u > 0
    objective_neg = (u - v) ** 2 / (2 * eta) - lam * u  # u < 0
    assert sp.simplify(sp.diff(objective_pos, u).subs(u, v - t)) == 0
    assert sp.simplify(sp.diff(objective_neg, u).subs(u, v + t)) == 0
    # at u = 0 the one-sided slopes are λ − v/η (right) and −λ − v/η (left):
    # 0 is the minimum exactly when right ≥ 0 ≥ left, that is |v| ≤ ηλ
    right = sp.diff(objective_pos, u).subs(u, 0)
    left = sp.diff(objective_neg, u).subs(u, 0)
    chain_holds(right, lam - v / eta)
    chain_holds(left, -lam - v / eta)


@pytest.mark.equation("5.13")
def test_eq_5_13_l1_minimum() -> None:
    s_xx, s_xy, lam_ = sp.symbols("S_xx S_xy lambda", positive=True)
    assert sp.solve(2 * w * s_xx - 2 * s_xy + lam_, w) == [(s_xy - lam_ / 2) / s_xx]
    for s_xy_val, lam_val, expected in ((17, 10, 12), (17, 40, 0), (-17, 10, -12)):
        got = penalised_minimum([0.0, 2.0], [0.0, 2.0 * s_xy_val], lam_val, "l1")[0]
        # for x = [0, 2]: S_xx = 1, S_xy = s_xy_val
        assert got == pytest.approx(expected / 1.0)


@given(v_=st.floats(-10, 10), t_=st.floats(0, 5))
def test_soft_threshold_minimises_the_prox_objective(v_: float, t_: float) -> None:
    grid = np.linspace(-15, 15, 30001)
    objective = (grid - v_) ** 2 / 2 + t_ * np.abs(grid)
    assert soft_threshold(v_, t_) == pytest.approx(grid[objective.argmin()], abs=2e-3)


@given(w_=floats, b_=floats, lam_=st.floats(0, 5))
def test_penalised_gradients_match_central_differences(w_: float, b_: float, lam_: float) -> None:
    h = 1e-6
    if abs(w_) < 1e-3:
        return  # |w| has a kink at 0: a subgradient, not a derivative

    def j2(w1: float, b1: float) -> float:
        return float(np.mean((w1 * X + b1 - Y) ** 2) + lam_ * w1**2)

    def j1(w1: float, b1: float) -> float:
        return float(np.mean((w1 * X + b1 - Y) ** 2) + lam_ * abs(w1))

    for f, grad in ((j2, grad_l2), (j1, subgrad_l1)):
        numeric = (
            (f(w_ + h, b_) - f(w_ - h, b_)) / (2 * h),
            (f(w_, b_ + h) - f(w_, b_ - h)) / (2 * h),
        )
        np.testing.assert_allclose(grad(w_, b_, X, Y, lam_), numeric, rtol=1e-6, atol=1e-5)


def test_subgradient_at_zero_is_the_mse_gradient() -> None:
    assert subgrad_l1(0.0, 1.0, X, Y, 7.0) == grad_mse(0.0, 1.0, X, Y)


@pytest.mark.parametrize("lam_", [0.0, 5.0, 20.0, 40.0])
def test_exact_minima_against_normal_equations_and_descent(lam_: float) -> None:
    A = np.column_stack([X, np.ones_like(X)])
    n = len(X)
    # L2: the normal equations of J_MSE + λw²: (AᵀA/n + diag(λ, 0))·θ = Aᵀy/n
    ridge = np.linalg.solve(A.T @ A / n + np.diag([lam_, 0.0]), A.T @ Y / n)
    np.testing.assert_allclose(penalised_minimum(X, Y, lam_, "l2"), ridge, rtol=1e-10)
    run = fit_penalised(X, Y, lam_, "l1-prox", lr=0.02, steps=3000)
    np.testing.assert_allclose(run.theta, penalised_minimum(X, Y, lam_, "l1"), atol=1e-7)


def test_l1_reaches_exact_zero_only_with_the_proximal_step() -> None:
    s_xx, s_xy = centred_moments(X, Y)
    assert (s_xx, s_xy) == pytest.approx((np.var(X), np.cov(X, Y, bias=True)[0, 1]))
    lam_ = 2 * abs(s_xy) + 1
    prox = fit_penalised(X, Y, lam_, "l1-prox", lr=0.01, steps=1000)
    assert prox.theta[0] == 0.0
    sub = fit_penalised(X, Y, lam_, "l1-subgradient", lr=0.01, steps=1000)
    assert np.count_nonzero(sub.thetas[-100:, 0]) == 100
    assert np.abs(sub.thetas[-100:, 0]).max() > 0.1


def test_proximal_optimizer_step() -> None:
    step = ProximalL1(lr=0.5, lam=1.0).step(np.array([1.0, 1.0]), np.array([1.0, 1.0]))
    np.testing.assert_array_equal(step, [0.0, 0.5])  # w: 1 − 0.5 = 0.5, then S_0.5(0.5) = 0


def test_bad_input_raises() -> None:
    with pytest.raises(ValueError, match="lam must be ≥ 0"):
        grad_l2(1.0, 0.0, X, Y, -1.0)
    with pytest.raises(ValueError, match="t must be ≥ 0"):
        soft_threshold(1.0, -0.1)
    with pytest.raises(ValueError, match="penalty must be"):
        penalised_minimum(X, Y, 1.0, "l3")
    with pytest.raises(ValueError, match="method must be one of"):
        fit_penalised(X, Y, 1.0, "ridge", 0.01, 10)
    with pytest.raises(ValueError, match="two different values"):
        penalised_minimum([2.0, 2.0], [1.0, 3.0], 1.0, "l2")
    with pytest.raises(ValueError, match="lr must be > 0"):
        ProximalL1(lr=0.0, lam=1.0)
    with pytest.raises(ValueError, match="length mismatch"):
        subgrad_l1(1.0, 0.0, [1.0, 2.0], [1.0], 1.0)
