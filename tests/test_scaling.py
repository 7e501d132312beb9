"""Tests for descent.scaling: standardising x and mapping the fit back; equations 5.5–5.8."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from descent.linear import least_squares_wb
from descent.linefit import fit_batch_gd
from descent.scaling import Scaler, noisy_line

w, b, eta, x, mu, sigma = sp.symbols("w b eta x mu sigma", real=True)
ws, bs = sp.symbols("w_s b_s", real=True)
mx, mxx, mxy, my, myy = sp.symbols("xbar xxbar xybar ybar yybar", real=True)


def chain_holds(*steps: sp.Expr) -> None:
    for left, right in itertools.pairwise(steps):
        assert sp.simplify(left - right) == 0, (left, right)


@pytest.mark.equation("5.5")
def test_eq_5_5_back_to_original_units() -> None:
    chain_holds(
        ws * (x - mu) / sigma + bs,
        ws / sigma * x + (bs - ws * mu / sigma),
    )
    w_, b_ = Scaler(2.0, 4.0).to_original_units(8.0, 3.0)
    assert (w_, b_) == (8.0 / 4.0, 3.0 - 8.0 * 2.0 / 4.0)


@pytest.mark.equation("5.6")
def test_eq_5_6_mse_in_moments_and_after_standardising() -> None:
    n = 3
    xs, ys = sp.symbols("x1:4", real=True), sp.symbols("y1:4", real=True)
    J = sum((w * xi + b - yi) ** 2 for xi, yi in zip(xs, ys, strict=True)) / n
    moments = {
        mxx: sum(xi**2 for xi in xs) / n,
        mx: sum(xs) / n,
        mxy: sum(xi * yi for xi, yi in zip(xs, ys, strict=True)) / n,
        my: sum(ys) / n,
        myy: sum(yi**2 for yi in ys) / n,
    }
    by_moments = mxx * w**2 + 2 * mx * w * b + b**2 - 2 * mxy * w - 2 * my * b + myy
    chain_holds(J, by_moments.subs(moments))
    standardised = by_moments.subs({mx: 0, mxx: 1})
    chain_holds(standardised, w**2 + b**2 - 2 * mxy * w - 2 * my * b + myy)


@pytest.mark.equation("5.7")
def test_eq_5_7_round_bowl_step() -> None:
    J = w**2 + b**2 - 2 * mxy * w - 2 * my * b + myy
    chain_holds(sp.diff(J, w), 2 * w - 2 * mxy)
    chain_holds(sp.diff(J, b), 2 * b - 2 * my)
    chain_holds(
        w - eta * sp.diff(J, w) - mxy, w - eta * (2 * w - 2 * mxy) - mxy, (1 - 2 * eta) * (w - mxy)
    )
    chain_holds(b - eta * sp.diff(J, b) - my, (1 - 2 * eta) * (b - my))


@pytest.mark.equation("5.8")
def test_eq_5_8_random_pairs_average_out() -> None:
    n = 3
    xs, ys = sp.symbols("x1:4", real=True), sp.symbols("y1:4", real=True)
    perms = list(itertools.permutations(range(n)))
    averaged = sum(sum(xs[i] * ys[q[i]] for i in range(n)) / n for q in perms) / math.factorial(n)
    chain_holds(averaged, sum(xs) / n * (sum(ys) / n))
    # standardised inputs have mean 0, so the average cross term vanishes
    assert sp.simplify(averaged.subs(xs[2], -xs[0] - xs[1])) == 0


@given(
    st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=30), st.floats(-50, 50), st.floats(-50, 50)
)
def test_mapping_back_gives_the_same_predictions(xs: list[float], w_s: float, b_s: float) -> None:
    x_ = np.array(xs)
    if np.ptp(x_) < 1e-3:
        return
    scaler = Scaler.fit(x_)
    w_, b_ = scaler.to_original_units(w_s, b_s)
    np.testing.assert_allclose(w_ * x_ + b_, w_s * scaler.apply(x_) + b_s, atol=1e-8, rtol=1e-9)


def test_standardised_inputs_have_mean_0_and_spread_1() -> None:
    x_, _ = noisy_line(np.random.default_rng(0))
    xs = Scaler.fit(x_).apply(x_)
    assert (xs.mean(), xs.std()) == pytest.approx((0.0, 1.0), abs=1e-12)


def test_scaled_fit_matches_least_squares_in_original_units() -> None:
    x_, y_ = noisy_line(np.random.default_rng(3))
    scaler = Scaler.fit(x_)
    run = fit_batch_gd(scaler.apply(x_), y_, 0.1, 120)
    A = np.column_stack([x_, np.ones_like(x_)])
    np.testing.assert_allclose(
        scaler.to_original_units(*run.theta), np.linalg.solve(A.T @ A, A.T @ y_), rtol=1e-8
    )
    assert least_squares_wb(x_, y_) == pytest.approx(tuple(np.linalg.solve(A.T @ A, A.T @ y_)))


def test_noisy_line_is_seeded_and_bounded() -> None:
    a, b_ = noisy_line(np.random.default_rng(4)), noisy_line(np.random.default_rng(4))
    np.testing.assert_array_equal(a[1], b_[1])
    x_, y_ = a
    assert np.all((y_ >= 10 * x_) & (y_ < 10 * x_ + 100))


def test_bad_input_raises() -> None:
    with pytest.raises(ValueError, match="no spread"):
        Scaler.fit([3.0, 3.0, 3.0])
    with pytest.raises(ValueError, match="x is empty"):
        Scaler.fit([])
    with pytest.raises(ValueError, match="n must be an integer"):
        noisy_line(np.random.default_rng(0), n=1)
    with pytest.raises(ValueError, match="noise must be > 0"):
        noisy_line(np.random.default_rng(0), noise=0.0)
    with pytest.raises(ValueError, match="w_s must be finite"):
        Scaler(0.0, 1.0).to_original_units(float("nan"), 0.0)
