"""descent.optim: paths match closed forms and hand-written updates; bad input raises."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from descent.optim import GD, Adam, DivergenceError, Momentum, descend


def square(t: np.ndarray) -> float:
    return float(t @ t)


def square_grad(t: np.ndarray) -> np.ndarray:
    return 2 * t


@given(
    lr=st.floats(0.01, 0.99),
    x0=st.floats(-10, 10).filter(lambda v: abs(v) > 1e-3),
    steps=st.integers(0, 30),
)
def test_gd_on_square_follows_closed_form(lr: float, x0: float, steps: int) -> None:
    # x_{k+1} = x_k − η·2x_k = (1 − 2η)·x_k, so x_k = (1 − 2η)^k·x₀
    run = descend(square, square_grad, [x0], GD(lr), steps=steps)
    expected = x0 * (1 - 2 * lr) ** np.arange(steps + 1)
    np.testing.assert_allclose(run.thetas[:, 0], expected, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(run.losses, expected**2, rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(run.grads[:, 0], 2 * expected[:-1], rtol=1e-12, atol=1e-300)
    assert run.steps == steps and run.lr == lr


def test_stop_below_stops_at_first_loss_under_threshold() -> None:
    run = descend(square, square_grad, [1.2], GD(0.3), stop_below=0.01)
    assert run.losses[-1] < 0.01 and np.all(run.losses[:-1] >= 0.01)
    # from 1.2 with factor 0.4: 1.2·0.4^k < 0.1 first at k = 3 (0.0768)
    assert run.steps == 3 and run.theta[0] == pytest.approx(1.2 * 0.4**3)


def test_momentum_matches_hand_written_recurrence() -> None:
    lr, beta, g = 0.1, 0.8, np.array([1.0, -3.0])
    opt, theta, v, ours = Momentum(lr, beta), np.array([0.5, 2.0]), np.zeros(2), []
    for _ in range(5):
        ours.append(opt.step(theta if not ours else ours[-1], g))
        v = beta * v + g
        theta = theta - lr * v
        np.testing.assert_allclose(ours[-1], theta, rtol=1e-15)


def test_adam_matches_textbook_formulas_and_first_step_is_lr_per_coordinate() -> None:
    lr, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8
    opt, theta = Adam(lr), np.array([1.0, -2.0])
    first = opt.step(theta, np.array([100.0, -0.001]))
    # m̂₁ = g and ŝ₁ = g², so the first step is η·g/|g| ≈ ±η whatever the scale of g
    np.testing.assert_allclose(first, [1.0 - lr, -2.0 + lr], rtol=1e-4)
    m = s = np.zeros(2)
    opt, theta = Adam(lr), np.array([1.0, -2.0])
    expected = theta.copy()
    for t in range(1, 6):
        g = np.array([np.sin(t), t - 3.0])
        m, s = b1 * m + (1 - b1) * g, b2 * s + (1 - b2) * g * g
        expected = expected - lr * (m / (1 - b1**t)) / (np.sqrt(s / (1 - b2**t)) + eps)
        theta = opt.step(theta, g)
        np.testing.assert_allclose(theta, expected, rtol=1e-14)


@pytest.mark.parametrize("opt", [GD(0.1), Momentum(0.05), Adam(0.1)])
def test_each_optimiser_finds_the_minimum_of_a_bowl(opt) -> None:
    centre = np.array([1.0, -2.0])

    def loss(t):
        return float((t - centre) @ (t - centre))

    run = descend(loss, lambda t: 2 * (t - centre), [4.0, 4.0], opt, steps=2000)
    np.testing.assert_allclose(run.theta, centre, atol=1e-3)


def test_divergence_names_step_and_lr_and_keeps_the_path() -> None:
    # factor 1 − 2η = −1.4: |x| grows by 1.4 per step, so J = x² passes 1e12 at a known step
    with pytest.raises(DivergenceError, match=r"diverged at step (\d+) with lr=1\.2") as info:
        descend(square, square_grad, [1.0], GD(1.2), steps=1000)
    k = math.ceil(math.log(1e12) / math.log(1.4**2))
    assert f"step {k} " in str(info.value)
    run = info.value.run
    assert run.steps == k and not np.isnan(run.losses).any() and run.losses[-1] > 1e12


def test_nan_from_the_loss_is_divergence_not_a_result() -> None:
    with pytest.raises(DivergenceError, match="step 1"):
        descend(lambda t: float(np.log(t[0])), lambda t: 1 / t, [0.5], GD(1.0), steps=3)


@pytest.mark.parametrize(
    ("kwargs", "error", "text"),
    [
        ({"start": [np.nan]}, ValueError, "start contains a non-finite"),
        ({"start": []}, ValueError, "start is empty"),
        ({"steps": -1}, ValueError, "steps must be a non-negative integer"),
        ({"steps": 2.5}, TypeError, "steps must be an integer"),
        ({"grad": lambda t: np.zeros(2)}, ValueError, r"grad returned shape \(2,\)"),
        ({"loss": lambda t: float("inf")}, ValueError, "loss at start must be finite"),
    ],
)
def test_bad_input_raises_naming_the_problem(kwargs, error, text) -> None:
    args = {"loss": square, "grad": square_grad, "start": [1.0], "steps": 3} | kwargs
    with pytest.raises(error, match=text):
        descend(args["loss"], args["grad"], args["start"], GD(0.1), steps=args["steps"])


@pytest.mark.parametrize(
    ("make", "text"),
    [
        (lambda: GD(0), "lr must be > 0"),
        (lambda: GD(float("nan")), "lr must be finite"),
        (lambda: Momentum(0.1, beta=1.0), r"beta must be in \[0, 1\)"),
        (lambda: Adam(0.1, beta2=-0.1), r"beta2 must be in \[0, 1\)"),
        (lambda: Adam(0.1, eps=0), "eps must be > 0"),
    ],
)
def test_bad_hyperparameters_raise(make, text) -> None:
    with pytest.raises(ValueError, match=text):
        make()
