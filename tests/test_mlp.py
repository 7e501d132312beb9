"""Tests for descent.mlp: every layer's backward against central differences, the matrix rules
against the scalar chain rule written out, and bad input raising."""

from __future__ import annotations

import numpy as np
import pytest

from descent.mlp import MLP, Activation, Linear, init_params, softmax_cross_entropy
from descent.numdiff import gradient

RNG = np.random.default_rng(7)
X = RNG.normal(size=(5, 4))
Y = np.array([0, 2, 1, 2, 0])


def numeric(L, p: np.ndarray) -> np.ndarray:
    """Central-difference gradient of L with respect to the array p, changed in place."""
    base = p.copy()

    def at(flat):
        p[...] = flat.reshape(p.shape)
        return L()

    g = gradient(at, base.ravel()).reshape(p.shape)
    p[...] = base
    return g


def test_linear_backward_matches_central_differences() -> None:
    layer = Linear(RNG.normal(size=(4, 3)), RNG.normal(size=3))
    C = RNG.normal(size=(5, 3))  # L = Σ C ⊙ Y, so ∂L/∂Y = C
    x = X.copy()

    def L() -> float:
        return float(np.sum(C * layer.forward(x)))

    layer.forward(x)
    dX = layer.backward(C)
    for got, p in ((layer.dW, layer.W), (layer.db, layer.b), (dX, x)):
        assert got.shape == p.shape
        assert np.allclose(got, numeric(L, p), rtol=1e-7, atol=1e-8)


def test_linear_matrix_rule_equals_the_scalar_chain_rule() -> None:
    W, b = RNG.normal(size=(4, 3)), RNG.normal(size=3)
    layer = Linear(W, b)
    layer.forward(X)
    G = RNG.normal(size=(5, 3))
    layer.backward(G)
    # ∂L/∂W_ij = Σ_n ∂L/∂Y_nj · ∂Y_nj/∂W_ij = Σ_n G_nj X_ni, one loop per index
    dW = np.zeros((4, 3))
    for i in range(4):
        for j in range(3):
            dW[i, j] = sum(G[n, j] * X[n, i] for n in range(5))
    assert np.allclose(layer.dW, dW, rtol=0, atol=1e-13)
    assert np.allclose(layer.db, [sum(G[n, j] for n in range(5)) for j in range(3)], atol=1e-13)


@pytest.mark.parametrize("name", ["relu", "tanh", "sigmoid"])
def test_activation_backward_matches_central_differences(name) -> None:
    layer = Activation(name)
    z = np.where(np.abs(X) < 1e-3, 0.5, X)  # away from ReLU's kink
    C = RNG.normal(size=z.shape)

    def L() -> float:
        return float(np.sum(C * layer.forward(z)))

    layer.forward(z)
    assert np.allclose(layer.backward(C), numeric(L, z), rtol=1e-7, atol=1e-8)


def test_softmax_cross_entropy_gradient() -> None:
    z = RNG.normal(size=(5, 3))
    loss, G = softmax_cross_entropy(z, Y)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    assert loss == pytest.approx(-np.mean(np.log(p[np.arange(5), Y])), abs=1e-14)
    assert np.allclose(G, numeric(lambda: softmax_cross_entropy(z, Y)[0], z), atol=1e-9)
    assert np.allclose(G.sum(axis=1), 0, atol=1e-16)  # p sums to 1, onehot sums to 1


def test_whole_mlp_gradients_match_central_differences() -> None:
    params = init_params([4, 6, 5, 3], np.random.default_rng(1))
    model = MLP(params, "tanh")
    model.loss_and_grads(X, Y)
    for p, g in model.params():
        assert np.allclose(g, numeric(lambda: model.loss_and_grads(X, Y), p), rtol=1e-7, atol=1e-9)


def test_softmax_cross_entropy_stays_finite_for_huge_logits() -> None:
    loss, G = softmax_cross_entropy(np.array([[1000.0, 0.0]]), np.array([1]))
    assert loss == 1000.0 and np.isfinite(G).all()


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="X must have shape"):
        Linear(np.ones((4, 3)), np.zeros(3)).forward(np.ones((2, 5)))
    with pytest.raises(ValueError, match="W must be"):
        Linear(np.ones((4, 3)), np.zeros(4))
    with pytest.raises(ValueError, match="activation must be one of"):
        Activation("softplus")
    with pytest.raises(ValueError, match=r"0\.\.2"):
        softmax_cross_entropy(np.zeros((2, 3)), np.array([0, 3]))
    with pytest.raises(ValueError, match="one label per row"):
        softmax_cross_entropy(np.zeros((2, 3)), np.array([0]))
    with pytest.raises(ValueError, match="logits must be finite"):
        softmax_cross_entropy(np.array([[np.inf, 0.0]]), np.array([0]))
    with pytest.raises(ValueError, match="sizes"):
        init_params([4], np.random.default_rng(0))
    with pytest.raises(ValueError, match="params must be"):
        MLP([np.ones((2, 2))])
