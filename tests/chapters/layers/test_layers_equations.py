"""Chapter layers: each tagged equation checked with sympy, entry by entry."""

from __future__ import annotations

import pytest
import sympy as sp

N, D_IN, D_OUT = 2, 2, 3  # two samples, the 2×3 layer of the chapter
X = sp.Matrix(N, D_IN, lambda n, i: sp.Symbol(f"x_{n}{i}"))
W = sp.Matrix(D_IN, D_OUT, lambda i, j: sp.Symbol(f"w_{i}{j}"))
B = sp.Matrix(1, D_OUT, lambda _, j: sp.Symbol(f"b_{j}"))
G = sp.Matrix(N, D_OUT, lambda n, j: sp.Symbol(f"g_{n}{j}"))


def layer() -> sp.Matrix:
    return X * W + sp.ones(N, 1) * B  # b added to every row


def loss() -> sp.Expr:
    """A loss whose gradient with respect to Y is G: L = Σ G ⊙ Y (locally, any L is one)."""
    Y = layer()
    return sum(G[n, j] * Y[n, j] for n in range(N) for j in range(D_OUT))


@pytest.mark.equation("14.1")
def test_eq_14_1_linear_layer_entry_by_entry() -> None:
    Y = layer()
    for n in range(N):
        for j in range(D_OUT):
            assert sp.expand(Y[n, j] - sum(X[n, i] * W[i, j] for i in range(D_IN)) - B[j]) == 0


@pytest.mark.equation("14.2")
def test_eq_14_2_weight_gradient_is_xt_g() -> None:
    L = loss()
    grad = sp.Matrix(D_IN, D_OUT, lambda i, j: sp.diff(L, W[i, j]))
    assert sp.expand(grad - X.T * G) == sp.zeros(D_IN, D_OUT)


@pytest.mark.equation("14.3")
def test_eq_14_3_input_gradient_is_g_wt() -> None:
    L = loss()
    grad = sp.Matrix(N, D_IN, lambda n, i: sp.diff(L, X[n, i]))
    assert sp.expand(grad - G * W.T) == sp.zeros(N, D_IN)


@pytest.mark.equation("14.4")
def test_eq_14_4_bias_gradient_is_column_sums() -> None:
    L = loss()
    grad = sp.Matrix(1, D_OUT, lambda _, j: sp.diff(L, B[j]))
    assert sp.expand(grad - sp.ones(1, N) * G) == sp.zeros(1, D_OUT)


@pytest.mark.equation("14.5")
def test_eq_14_5_activation_multiplies_entry_by_entry() -> None:
    f = sp.Function("f")
    Z = sp.Matrix(N, D_OUT, lambda n, j: sp.Symbol(f"z_{n}{j}"))
    L = sum(G[n, j] * f(Z[n, j]) for n in range(N) for j in range(D_OUT))
    for n in range(N):
        for j in range(D_OUT):
            assert sp.simplify(sp.diff(L, Z[n, j]) - G[n, j] * sp.diff(f(Z[n, j]), Z[n, j])) == 0


@pytest.mark.equation("14.6")
def test_eq_14_6_softmax_cross_entropy_gradient_is_p_minus_onehot_over_n() -> None:
    K = 3
    Z = sp.Matrix(N, K, lambda n, k: sp.Symbol(f"z_{n}{k}"))
    labels = [2, 0]
    L = (
        -sum(
            sp.log(sp.exp(Z[n, labels[n]]) / sum(sp.exp(Z[n, k]) for k in range(K)))
            for n in range(N)
        )
        / N
    )
    for n in range(N):
        p = [sp.exp(Z[n, k]) / sum(sp.exp(Z[n, m]) for m in range(K)) for k in range(K)]
        for k in range(K):
            onehot = 1 if k == labels[n] else 0
            assert sp.simplify(sp.diff(L, Z[n, k]) - (p[k] - onehot) / N) == 0
