"""Tests of descent.blackbox: forward, loss, gradient, the training loop and the analogies."""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from descent import blackbox
from descent.data import BLACK_BOX

X, Y = BLACK_BOX.x, BLACK_BOX.y
weights = st.floats(-5, 5, allow_nan=False)


def plain_loss(w1: float, w2: float) -> float:
    """½·mean of squared errors, written out with a Python loop."""
    return sum((w1 * x + w2 * x * x - y) ** 2 for x, y in zip(X, Y, strict=True)) / (2 * len(X))


@given(weights, weights)
def test_loss_matches_a_plain_loop(w1: float, w2: float) -> None:
    assert blackbox.loss(w1, w2, X, Y) == pytest.approx(plain_loss(w1, w2), rel=1e-12, abs=1e-12)


@given(weights, weights)
def test_gradient_matches_central_differences(w1: float, w2: float) -> None:
    h = 1e-5
    fd_w1 = (plain_loss(w1 + h, w2) - plain_loss(w1 - h, w2)) / (2 * h)
    fd_w2 = (plain_loss(w1, w2 + h) - plain_loss(w1, w2 - h)) / (2 * h)
    grad_w1, grad_w2 = blackbox.gradient(w1, w2, X, Y)
    assert grad_w1 == pytest.approx(fd_w1, rel=1e-6, abs=1e-6)
    assert grad_w2 == pytest.approx(fd_w2, rel=1e-6, abs=1e-6)


def test_fit_reaches_the_least_squares_weights() -> None:
    exact = np.linalg.lstsq(np.column_stack([X, X**2]), Y, rcond=None)[0]
    assert exact == pytest.approx([2.21, 0.0], abs=1e-12)
    run = blackbox.fit(X, Y)
    assert run.converged and run.epochs[-1].J < 1e-10
    assert (run.w1, run.w2) == pytest.approx(tuple(exact), abs=1e-4)
    losses = [epoch.J for epoch in run.epochs]
    assert all(b < a for a, b in pairwise(losses))  # descends every epoch


def test_fit_records_each_step_of_the_loop() -> None:
    run = blackbox.fit(X, Y, lr=0.25, max_epochs=3)
    assert not run.converged and len(run.epochs) == 4
    for before, after in pairwise(run.epochs):
        np.testing.assert_allclose(before.y_hat, before.w1 * X + before.w2 * X**2)
        np.testing.assert_allclose(before.e, before.y_hat - Y)
        assert after.w1 == pytest.approx(before.w1 - 0.25 * before.grad_w1, abs=1e-15)
        assert after.w2 == pytest.approx(before.w2 - 0.25 * before.grad_w2, abs=1e-15)


@pytest.mark.parametrize(("lr", "k"), [(0.3, 1), (0.29, 11)])
def test_divergence_names_epoch_and_learning_rate(lr: float, k: int) -> None:
    with pytest.raises(blackbox.DivergenceError, match=rf"epoch {k} with lr={lr}") as info:
        blackbox.fit(X, Y, lr=lr)
    assert info.value.k == k and info.value.J > plain_loss(1.0, 1.0)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"x": [1.0, 2.0], "y": [1.0]}, "length mismatch"),
        ({"x": [], "y": []}, "x is empty"),
        ({"x": [1.0, math.nan], "y": [1.0, 2.0]}, "x contains a non-finite"),
        ({"x": [1.0], "y": [1.0], "lr": 0.0}, "lr must be > 0"),
        ({"x": [1.0], "y": [1.0], "lr": -0.1}, "lr must be > 0"),
        ({"x": [1.0], "y": [1.0], "w1": math.inf}, "w1 must be finite"),
    ],
)
def test_bad_input_raises_naming_the_argument(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        blackbox.fit(**kwargs)


# ---- the page's equations, step by step ------------------------------------------------

m = 4
w1, w2 = sp.symbols("w_1 w_2", real=True)
xs = sp.symbols("x_1:5", real=True)
ys = sp.symbols("y_1:5", real=True)
es = [w1 * x + w2 * x**2 - y for x, y in zip(xs, ys, strict=True)]
J = sp.Rational(1, 2 * m) * sum(e**2 for e in es)


@pytest.mark.equation("1.3")
def test_eq_1_3_loss_written_out() -> None:
    step1 = sp.Rational(1, 2 * m) * sum(e**2 for e in es)
    step2 = sp.Rational(1, 2 * m) * sum(
        (w1 * x + w2 * x**2 - y) ** 2 for x, y in zip(xs, ys, strict=True)
    )
    assert sp.expand(J - step1) == 0 and sp.expand(step1 - step2) == 0
    # J is half the mean squared error
    assert sp.expand(step2 - sp.Rational(1, 2) * sum(e**2 for e in es) / m) == 0


@pytest.mark.equation("1.4")
def test_eq_1_4_gradient_w1() -> None:
    step1 = sp.Rational(1, 2 * m) * sum(2 * e * sp.diff(e, w1) for e in es)
    step2 = sp.Rational(1, m) * sum(e * x for e, x in zip(es, xs, strict=True))
    assert sp.expand(sp.diff(J, w1) - step1) == 0
    assert sp.expand(step1 - step2) == 0
    assert all(sp.diff(e, w1) == x for e, x in zip(es, xs, strict=True))  # ∂e_i/∂w_1 = x_i


@pytest.mark.equation("1.5")
def test_eq_1_5_gradient_w2() -> None:
    step1 = sp.Rational(1, 2 * m) * sum(2 * e * sp.diff(e, w2) for e in es)
    step2 = sp.Rational(1, m) * sum(e * x**2 for e, x in zip(es, xs, strict=True))
    assert sp.expand(sp.diff(J, w2) - step1) == 0
    assert sp.expand(step1 - step2) == 0
    assert all(sp.diff(e, w2) == x**2 for e, x in zip(es, xs, strict=True))  # ∂e_i/∂w_2 = x_i²


@pytest.mark.equation("1.2")
def test_eq_1_2_exact_weights_zero_every_error() -> None:
    data_x = [sp.Rational(s) for s in ("1", "1.1", "1.2", "2")]
    data_y = [sp.Rational(s) for s in ("2.21", "2.431", "2.652", "4.42")]
    assert [float(v) for v in data_x] == list(X) and [float(v) for v in data_y] == list(Y)
    at = {w1: sp.Rational("2.21"), w2: 0}
    subs = dict(zip(xs, data_x, strict=True)) | dict(zip(ys, data_y, strict=True)) | at
    for x, y in zip(data_x, data_y, strict=True):  # 2.21·x_i + 0·x_i² − y_i = y_i − y_i = 0
        assert sp.Rational("2.21") * x + 0 * x**2 == y
        assert sp.Rational("2.21") * x + 0 * x**2 - y == y - y == 0
    assert [e.subs(subs) for e in es] == [0, 0, 0, 0]
    assert J.subs(subs) == 0
    assert sp.diff(J, w1).subs(subs) == 0 and sp.diff(J, w2).subs(subs) == 0


@pytest.mark.equation("1.1")
def test_eq_1_1_steering_the_box() -> None:
    x = sp.symbols("x", real=True)
    f = sp.Function("f")
    lhs = sp.diff(sp.Rational(1, 2) * (f(x) - 4) ** 2, x)
    assert sp.simplify(lhs - (f(x) - 4) * sp.diff(f(x), x)) == 0
    box = sp.Rational("2.21") * x  # the box of this chapter
    lhs_box = sp.diff(sp.Rational(1, 2) * (box - 4) ** 2, x)
    assert sp.expand(lhs_box - (box - 4) * sp.diff(box, x)) == 0
    assert sp.expand(lhs_box - sp.Rational("2.21") * (sp.Rational("2.21") * x - 4)) == 0
