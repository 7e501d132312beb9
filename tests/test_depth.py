"""Tests for descent.depth: initialisation scales, gradient norms against central differences,
the per-layer factor f′·σ_w·√n measured, and bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest

from descent.depth import activation_stds, deep_params, gradient_norms, init_std
from descent.mlp import MLP
from descent.numdiff import gradient

RNG = np.random.default_rng(3)
X = RNG.normal(size=(200, 64))
Y = RNG.integers(0, 10, size=200)


def test_init_std_formulas() -> None:
    assert init_std("small", 64, 10) == 0.01
    assert init_std("xavier", 64, 10) == math.sqrt(2 / 74)
    assert init_std("he", 64, 10) == math.sqrt(2 / 64)
    params = deep_params([400, 300, 300], "he", seed=1)
    assert abs(params[0].std() / math.sqrt(2 / 400) - 1) < 0.01  # the draw has the right scale
    with pytest.raises(ValueError, match="scheme"):
        init_std("lecun", 3, 3)
    with pytest.raises(ValueError, match="sizes"):
        deep_params([3], "he")
    with pytest.raises(ValueError, match="depth"):
        gradient_norms(X, Y, 0, 8, "relu", "he")


def test_gradient_norms_are_the_norms_of_the_true_gradients() -> None:
    x, y = X[:5, :4], Y[:5]
    norms = gradient_norms(x, y, 2, 3, "tanh", "xavier", seed=2)
    params = deep_params([4, 3, 3, 10], "xavier", seed=2)
    for k, norm in enumerate(norms):
        p = params[2 * k]

        def L(flat, p=p):
            saved = p.copy()
            p[...] = flat.reshape(p.shape)
            value = MLP([q.copy() for q in params], "tanh").loss_and_grads(x, y)
            p[...] = saved
            return value

        assert norm == pytest.approx(np.linalg.norm(gradient(L, p.ravel())), rel=1e-6)


def test_sigmoid_small_start_shrinks_by_the_predicted_factor() -> None:
    # near z = 0, σ′ = 1/4: each layer down multiplies the gradient by ¼ · 0.01 · √64 = 0.02
    norms = gradient_norms(X, Y, 8, 64, "sigmoid", "small")
    ratios = norms[1:-1] / norms[2:]  # layer l against l + 1, away from the output layer
    assert np.all(np.abs(ratios / 0.02 - 1) < 0.35)


def test_he_keeps_relu_activations_from_vanishing_and_small_does_not() -> None:
    he, small = (
        activation_stds(X, 10, 64, "relu", "he"),
        activation_stds(X, 10, 64, "relu", "small"),
    )
    assert he[-1] / he[0] > 0.2  # the scale is kept within a small factor over ten layers
    assert small[-1] / small[0] < 1e-10  # ≈ (0.01·√(64/2))¹⁰ shrinks away
