"""Tests for descent.linefit: batch, per-sample and mini-batch fits; equations 5.1–5.4."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from descent.batching import paired_shuffle
from descent.data import SAMPLE_1_1
from descent.linefit import (
    fit_batch_gd,
    fit_minibatch,
    fit_per_sample,
    fit_w,
    mse_wb,
    sample_grad_w,
)
from descent.optim import DivergenceError

w, b, eta = sp.symbols("w b eta", real=True)
N = 3
xs = sp.symbols(f"x1:{N + 1}", real=True)
ys = sp.symbols(f"y1:{N + 1}", real=True)
floats = st.floats(-5, 5, allow_nan=False)


def chain_holds(*steps: sp.Expr) -> None:
    for left, right in itertools.pairwise(steps):
        assert sp.simplify(left - right) == 0, (left, right)


def mse_symbolic(w_: sp.Expr, b_: sp.Expr) -> sp.Expr:
    return sum((w_ * x + b_ - y) ** 2 for x, y in zip(xs, ys, strict=True)) / N


@pytest.mark.equation("5.1")
def test_eq_5_1_batch_update() -> None:
    J = mse_symbolic(w, b)
    errors = [w * x + b - y for x, y in zip(xs, ys, strict=True)]
    chain_holds(
        w - eta * sp.diff(J, w),
        w - 2 * eta / N * sum(e * x for e, x in zip(errors, xs, strict=True)),
    )
    chain_holds(b - eta * sp.diff(J, b), b - 2 * eta / N * sum(errors))


@pytest.mark.equation("5.2")
def test_eq_5_2_per_sample_gradient() -> None:
    x, y = sp.symbols("x_i y_i", real=True)
    L = (w * x - y) ** 2
    chain_holds(sp.diff(L, w), 2 * (w * x - y) * x)
    chain_holds(w - eta * sp.diff(L, w), w - eta * 2 * x * (w * x - y))


@pytest.mark.equation("5.3")
def test_eq_5_3_first_hand_step() -> None:
    from descent.chapters.line_fit.tables import values

    v = values()
    e1 = sp.Rational(1) * 1 - 2
    g1 = 2 * 1 * e1
    assert e1 == -1 and g1 == -2
    w1 = 1 - sp.Rational(1, 100) * g1
    assert w1 == sp.Rational(102, 100)
    assert (v["ex1_e1"], v["ex1_g1"], v["ex1_w1"]) == ("−1", "−2", "1.02")


@pytest.mark.equation("5.4")
def test_eq_5_4_sum_is_n_times_mean() -> None:
    sse = sum((w * x - y) ** 2 for x, y in zip(xs, ys, strict=True))
    mse = sse / N
    inner = sum((w * x - y) * x for x, y in zip(xs, ys, strict=True))
    chain_holds(sp.diff(sse, w), 2 * inner, N * (sp.Rational(2, N) * inner), N * sp.diff(mse, w))
    chain_holds(w - eta * sp.diff(sse, w), w - (N * eta) * sp.diff(mse, w))


@given(w_=floats, x_=floats, y_=floats)
def test_sample_gradient_matches_central_difference(w_: float, x_: float, y_: float) -> None:
    h = 1e-6
    numeric = ((w_ + h) * x_ - y_) ** 2 - ((w_ - h) * x_ - y_) ** 2
    assert sample_grad_w(w_, x_, y_) == pytest.approx(numeric / (2 * h), abs=1e-4, rel=1e-6)


def test_per_sample_run_matches_a_plain_loop() -> None:
    x, y, w_, lr = [1.0, 2.0, 3.0], [2.0, 4.0, 6.0], 1.0, 0.01
    expected = [w_]
    for _ in range(10):
        for xi, yi in zip(x, y, strict=True):
            w_ -= lr * 2 * xi * (xi * w_ - yi)
            expected.append(w_)
    run = fit_per_sample(x, y, 1.0, lr, 10)
    np.testing.assert_allclose(run.thetas[:, 0], expected, rtol=1e-14)
    # each step pulls w − 2 by (1 − 2η·x_i²), since every y_i/x_i = 2
    factor = np.prod([1 - 2 * lr * xi**2 for xi in x])
    assert run.theta[0] == pytest.approx(2 - factor**10, rel=1e-12)


def test_batch_gd_converges_to_lstsq() -> None:
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    run = fit_batch_gd(x, y, lr=0.02, steps=2000)
    coef = np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y, rcond=None)[0]
    np.testing.assert_allclose(run.theta, coef, atol=1e-6)
    assert np.all(np.diff(run.losses[5:]) <= 1e-15)  # past the first swings, J only falls


def test_minibatch_with_all_samples_is_batch_gd() -> None:
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    full = fit_minibatch(x, y, 0.02, 50, batch_size=10, rng=np.random.default_rng(5))
    np.testing.assert_allclose(full.thetas, fit_batch_gd(x, y, 0.02, 50).thetas, rtol=1e-12)


def test_sgd_steps_use_one_sample_each() -> None:
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    run = fit_minibatch(x, y, 0.001, 20, batch_size=1, rng=np.random.default_rng(2))
    rng, t = np.random.default_rng(2), np.zeros(2)  # the same draws, recomputed by hand
    for _ in range(2):
        xs_, ys_ = paired_shuffle(x, y, rng)
        for xi, yi in zip(xs_, ys_, strict=True):
            e = t[0] * xi + t[1] - yi
            t = t - 0.001 * np.array([2 * e * xi, 2 * e])
    np.testing.assert_allclose(run.theta, t, rtol=1e-12)


def test_sum_and_mean_agree_when_eta_is_scaled() -> None:
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    mean = fit_w(x, y, 0.02, 30, "mean")
    total = fit_w(x, y, 0.002, 30, "sum")
    np.testing.assert_allclose(mean.thetas, total.thetas, rtol=1e-12)
    assert mean.theta[0] == pytest.approx(float(x @ y / (x @ x)), abs=1e-6)
    with pytest.raises(DivergenceError, match=r"lr=0\.02"):
        fit_w(x, y, 0.02, 30, "sum")


def test_mse_wb_is_mean_of_squares() -> None:
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    assert mse_wb(2.0, 0.5, x, y) == pytest.approx(np.mean((2 * x + 0.5 - y) ** 2))


def test_bad_input_raises() -> None:
    with pytest.raises(ValueError, match="length mismatch"):
        fit_batch_gd([1.0, 2.0], [1.0], 0.1, 3)
    with pytest.raises(ValueError, match="lr must be > 0"):
        fit_per_sample([1.0], [2.0], 1.0, 0.0, 1)
    with pytest.raises(ValueError, match="reduction"):
        fit_w([1.0], [2.0], 0.1, 1, "median")
    with pytest.raises(ValueError, match="y is empty"):
        fit_minibatch([1.0], [], 0.1, 1, 1, np.random.default_rng(0))
    with pytest.raises(ValueError, match="batch_size"):
        fit_minibatch([1.0, 2.0], [1.0, 2.0], 0.1, 1, 0, np.random.default_rng(0))
    with pytest.raises(ValueError, match="x_i must be finite"):
        sample_grad_w(1.0, float("inf"), 1.0)
    with pytest.raises(DivergenceError, match=r"step 2 with lr=0\.1"):
        fit_batch_gd(np.arange(1.0, 101), 10 * np.arange(1.0, 101), 0.1, 10)
