"""Tests for descent.losses: values against definitions, gradients against finite differences,
the chapter's equations (2.1), (2.2), (2.12), (2.14)-(2.16) step by step with sympy."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from descent import losses
from descent.activations import sigmoid
from descent.data import SAMPLE_1_1
from descent.numdiff import gradient


def chain_holds(*steps: sp.Expr) -> None:
    for left, right in itertools.pairwise(steps):
        assert sp.simplify(left - right) == 0, (left, right)


# ---- equations ----


@pytest.mark.equation("2.1")
@pytest.mark.parametrize("n", [2, 3, 10])
def test_eq_2_1_signed_errors_of_the_mean_cancel(n: int) -> None:
    y = sp.symbols(f"y1:{n + 1}", real=True)
    y_bar = sum(y) / n
    chain_holds(sum(y_bar - yi for yi in y), n * y_bar - sum(y), sum(y) - sum(y), 0)


@pytest.mark.equation("2.2")
def test_eq_2_2_slopes_of_square_and_absolute_value() -> None:
    e = sp.symbols("e", real=True)
    chain_holds(sp.diff(e**2, e), 2 * e)
    chain_holds(sp.diff(sp.Abs(e), e), sp.sign(e))
    pos, neg = sp.symbols("p", positive=True), sp.symbols("q", negative=True)
    assert sp.diff(sp.Abs(pos), pos) == 1 and sp.diff(sp.Abs(neg), neg) == -1


@pytest.mark.equation("2.12")
@pytest.mark.parametrize("n", [1, 3])
def test_eq_2_12_gradients_with_respect_to_predictions(n: int) -> None:
    yh = sp.symbols(f"h1:{n + 1}", real=True)
    y = sp.symbols(f"y1:{n + 1}", real=True)
    squares = sum((a - t) ** 2 for a, t in zip(yh, y, strict=True))
    for i in range(n):
        chain_holds(sp.diff(squares, yh[i]), 2 * (yh[i] - y[i]))
        chain_holds(sp.diff(squares / n, yh[i]), 2 * (yh[i] - y[i]) / n)
        chain_holds(sp.diff(squares / (2 * n), yh[i]), (yh[i] - y[i]) / n)


z, y = sp.symbols("z y", real=True)
s = 1 / (1 + sp.exp(-z))


@pytest.mark.equation("2.14")
def test_eq_2_14_sigmoid_derivative() -> None:
    chain_holds(
        sp.diff((1 + sp.exp(-z)) ** -1, z),
        -((1 + sp.exp(-z)) ** -2) * (-sp.exp(-z)),
        sp.exp(-z) / (1 + sp.exp(-z)) ** 2,
        1 / (1 + sp.exp(-z)) * sp.exp(-z) / (1 + sp.exp(-z)),
        s * (1 - s),
    )
    # the middle step: e^(−z)/(1 + e^(−z)) = 1 − σ
    chain_holds(sp.exp(-z) / (1 + sp.exp(-z)), 1 - s)


@pytest.mark.equation("2.15")
def test_eq_2_15_bce_derivative_in_y_hat() -> None:
    p = sp.symbols("p", positive=True)
    L = -(y * sp.log(p) + (1 - y) * sp.log(1 - p))
    chain_holds(
        sp.diff(L, p),
        -y / p + (1 - y) / (1 - p),
        (-y * (1 - p) + (1 - y) * p) / (p * (1 - p)),
        (p - y) / (p * (1 - p)),
    )
    chain_holds(-y + y * p + p - y * p, p - y)  # the numerator, expanded


@pytest.mark.equation("2.16")
def test_eq_2_16_bce_derivative_in_z() -> None:
    L = -(y * sp.log(s) + (1 - y) * sp.log(1 - s))
    chain_holds(
        sp.diff(L, z),
        (s - y) / (s * (1 - s)) * (s * (1 - s)),
        s - y,
    )


# ---- numbers ----

vectors = arrays(np.float64, 5, elements=st.floats(-10, 10))
probs = arrays(np.float64, 5, elements=st.floats(0.02, 0.98))
labels = arrays(np.float64, 5, elements=st.sampled_from([0.0, 1.0]))


def test_values_against_definitions() -> None:
    y_hat = 2.0 * SAMPLE_1_1.x
    e = y_hat - SAMPLE_1_1.y
    assert losses.sse(y_hat, SAMPLE_1_1.y) == pytest.approx(sum(v * v for v in e))
    assert losses.mse(y_hat, SAMPLE_1_1.y) == pytest.approx(sum(v * v for v in e) / 10)
    assert losses.half_mse(y_hat, SAMPLE_1_1.y) == pytest.approx(sum(v * v for v in e) / 20)
    assert losses.mae(y_hat, SAMPLE_1_1.y) == pytest.approx(sum(abs(v) for v in e) / 10)
    assert losses.bce([0.9, 0.2], [1.0, 0.0]) == pytest.approx(-(np.log(0.9) + np.log(0.8)) / 2)


@settings(max_examples=40, deadline=None)
@given(vectors, vectors)
def test_squared_gradients_match_finite_differences(y_hat: np.ndarray, y: np.ndarray) -> None:
    for loss, grad in [
        (losses.sse, losses.sse_grad),
        (losses.mse, losses.mse_grad),
        (losses.half_mse, losses.half_mse_grad),
    ]:
        numeric = gradient(lambda p, loss=loss: loss(p, y), y_hat)
        np.testing.assert_allclose(grad(y_hat, y), numeric, rtol=1e-5, atol=1e-5)


@settings(max_examples=40, deadline=None)
@given(vectors, vectors)
def test_mae_gradient_away_from_the_kink(y_hat: np.ndarray, y: np.ndarray) -> None:
    e = y_hat - y
    if np.min(np.abs(e)) < 1e-3:  # finite differences straddle the kink at e = 0
        return
    numeric = gradient(lambda p: losses.mae(p, y), y_hat)
    np.testing.assert_allclose(losses.mae_grad(y_hat, y), numeric, rtol=1e-5, atol=1e-7)


@settings(max_examples=40, deadline=None)
@given(probs, labels)
def test_bce_gradient_matches_finite_differences(p: np.ndarray, y: np.ndarray) -> None:
    numeric = gradient(lambda q: losses.bce(q, y), p)
    np.testing.assert_allclose(losses.bce_grad(p, y), numeric, rtol=1e-5, atol=1e-7)


@settings(max_examples=40, deadline=None)
@given(arrays(np.float64, 5, elements=st.floats(-6, 6)), labels)
def test_bce_through_sigmoid_is_sigma_minus_y(zs: np.ndarray, y: np.ndarray) -> None:
    numeric = gradient(lambda v: losses.bce(sigmoid(v), y), zs)
    np.testing.assert_allclose(losses.bce_grad_z(zs, y), numeric, rtol=1e-5, atol=1e-8)
    # chain rule by hand: ∂L/∂ŷ · dŷ/dz
    np.testing.assert_allclose(
        losses.bce_grad_z(zs, y), losses.bce_grad(sigmoid(zs), y) * sigmoid(zs) * (1 - sigmoid(zs))
    )


def test_gradient_scaling_with_n() -> None:
    # repeating the data k times multiplies the SSE gradient by k and leaves MSE's unchanged
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    g1 = losses.sse_grad(x, y) @ x
    g2 = losses.sse_grad(np.tile(x, 2), np.tile(y, 2)) @ np.tile(x, 2)
    assert g2 == pytest.approx(2 * g1)
    m1 = losses.mse_grad(x, y) @ x
    m2 = losses.mse_grad(np.tile(x, 2), np.tile(y, 2)) @ np.tile(x, 2)
    assert m2 == pytest.approx(m1)
    assert losses.half_mse_grad(x, y) @ x == pytest.approx(m1 / 2)


ALL = [losses.sse, losses.mse, losses.half_mse, losses.mae, losses.bce]
GRADS = [losses.sse_grad, losses.mse_grad, losses.half_mse_grad, losses.mae_grad, losses.bce_grad]


@pytest.mark.parametrize("f", [*ALL, *GRADS, losses.bce_grad_z])
def test_bad_input_raises(f) -> None:
    with pytest.raises(ValueError, match="length mismatch"):
        f([0.5, 0.5], [1.0])
    with pytest.raises(ValueError, match=r"(y_hat|z) is empty"):
        f([], [])
    with pytest.raises(ValueError, match="non-finite"):
        f([0.5, float("nan")], [1.0, 0.0])


@pytest.mark.parametrize("f", [losses.bce, losses.bce_grad])
@pytest.mark.parametrize("bad", [0.0, 1.0, 1.5, -0.2])
def test_bce_rejects_probabilities_outside_open_interval(f, bad: float) -> None:
    with pytest.raises(ValueError, match="y_hat must be probabilities strictly between 0 and 1"):
        f([0.5, bad], [1.0, 0.0])


@pytest.mark.parametrize("f", [losses.bce, losses.bce_grad, losses.bce_grad_z])
def test_bce_rejects_labels_outside_0_1(f) -> None:
    with pytest.raises(ValueError, match="y must be labels"):
        f([0.5, 0.5], [1.0, 2.0])
