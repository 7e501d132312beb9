"""A multilayer perceptron with its backward pass written by hand, in matrices.

A batch is a matrix X with one sample a row. A linear layer computes Y = XW + b; given
G = ∂L/∂Y it returns ∂L/∂X = G·Wᵀ and keeps ∂L/∂W = Xᵀ·G and ∂L/∂b = the column sums of G.

>>> layer = Linear(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([0.5, -0.5]))
>>> layer.forward(np.array([[1.0, 1.0]]))
array([[4.5, 5.5]])
>>> layer.backward(np.array([[1.0, 0.0]]))
array([[1., 3.]])
>>> layer.dW, layer.db
(array([[1., 0.],
       [1., 0.]]), array([1., 0.]))
"""

from __future__ import annotations

import itertools

import numpy as np

from descent.functional import class_indices
from descent.tensor_shapes import all_finite

Array = np.ndarray


# --8<-- [start:linear]
class Linear:
    """Y = XW + b for a batch X of shape (n, d_in); W is (d_in, d_out), b is (d_out,)."""

    def __init__(self, W: Array, b: Array) -> None:
        self.W, self.b = np.array(W, dtype=np.float64), np.array(b, dtype=np.float64)
        if self.W.ndim != 2 or self.b.shape != (self.W.shape[1],):
            raise ValueError(f"W must be (d_in, d_out) and b (d_out,), got {W.shape}, {b.shape}")

    def forward(self, X: Array) -> Array:
        if X.ndim != 2 or X.shape[1] != self.W.shape[0]:
            raise ValueError(f"X must have shape (n, {self.W.shape[0]}), got {X.shape}")
        self.X = X  # kept for the backward pass: ∂L/∂W needs the input
        return X @ self.W + self.b

    def backward(self, G: Array) -> Array:
        self.dW = self.X.T @ G  # (d_in, n)·(n, d_out): one sum over the batch per weight
        self.db = G.sum(axis=0)  # b was added to every row: its rows' gradients add up
        return G @ self.W.T  # (n, d_out)·(d_out, d_in): the shape of X

    def params(self) -> list[tuple[Array, Array]]:
        return [(self.W, self.dW), (self.b, self.db)]


# --8<-- [end:linear]

# f(z) and f′ written through the output a = f(z) where that is cheaper
SLOPES = {
    "relu": (lambda z: np.where(z > 0, z, 0.0), lambda z, a: (z > 0).astype(np.float64)),
    "tanh": (np.tanh, lambda z, a: 1 - a * a),
    "sigmoid": (lambda z: _sigmoid(z), lambda z, a: a * (1 - a)),
}


def _sigmoid(z: Array) -> Array:
    e = np.exp(-np.abs(z))  # ≤ 1: no overflow, as in descent.functional.sigmoid
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


# --8<-- [start:activation]
class Activation:
    """A = f(Z) entry by entry; backward multiplies G by f′(Z), entry by entry (no matrix)."""

    def __init__(self, name: str) -> None:
        if name not in SLOPES:
            raise ValueError(f"activation must be one of {sorted(SLOPES)}, got {name!r}")
        self.name = name
        self.f, self.slope = SLOPES[name]

    def forward(self, Z: Array) -> Array:
        self.Z, self.A = Z, self.f(Z)
        return self.A

    def backward(self, G: Array) -> Array:
        return G * self.slope(self.Z, self.A)

    def params(self) -> list[tuple[Array, Array]]:
        return []


# --8<-- [end:activation]


# --8<-- [start:softmax-ce]
def softmax_cross_entropy(logits: Array, y: Array) -> tuple[float, Array]:
    """Mean cross-entropy of softmax(logits) against class indices y, and ∂L/∂logits = (p−Y)/n."""
    if logits.ndim != 2 or logits.shape[0] == 0:
        raise ValueError(f"logits must have shape (n, classes) with n ≥ 1, got {logits.shape}")
    if not all_finite(logits):
        raise ValueError("logits must be finite numbers: a NaN or ±inf came from an earlier layer")
    n, classes = logits.shape
    y = class_indices(y, n, classes)
    shifted = logits - logits.max(axis=1, keepdims=True)  # log-sum-exp: no overflow
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(n), y].mean()
    G = np.exp(log_p)
    G[np.arange(n), y] -= 1  # p − onehot(y)
    return float(loss), G / n  # the mean divides every sample's share by n


# --8<-- [end:softmax-ce]


def init_params(sizes: list[int], rng: np.random.Generator, gain: float = 2.0) -> list[Array]:
    """Weights drawn from N(0, gain/d_in) (gain 2: He, 1: Xavier-like), biases 0: [W₁, b₁, …].

    >>> [p.shape for p in init_params([3, 2, 1], np.random.default_rng(0))]
    [(3, 2), (2,), (2, 1), (1,)]
    """
    if len(sizes) < 2 or any(isinstance(d, bool) or int(d) != d or d < 1 for d in sizes):
        raise ValueError(f"sizes must be at least two positive integers, got {sizes}")
    params = []
    for d_in, d_out in itertools.pairwise(sizes):
        params.append(rng.normal(0.0, np.sqrt(gain / d_in), size=(d_in, d_out)))
        params.append(np.zeros(d_out))
    return params


# --8<-- [start:mlp]
class MLP:
    """Linear, activation, linear, …, linear: the last layer's outputs are the logits."""

    def __init__(self, params: list[Array], activation: str = "relu") -> None:
        if len(params) < 2 or len(params) % 2:
            raise ValueError("params must be [W₁, b₁, W₂, b₂, …]")
        self.layers: list[Linear | Activation] = []
        for k in range(0, len(params), 2):
            if k:
                self.layers.append(Activation(activation))
            self.layers.append(Linear(params[k], params[k + 1]))

    def forward(self, X: Array) -> Array:
        for layer in self.layers:
            X = layer.forward(X)
        return X

    def backward(self, G: Array) -> Array:
        for layer in reversed(self.layers):  # the chain rule, last layer first
            G = layer.backward(G)
        return G

    def loss_and_grads(self, X: Array, y: Array) -> float:
        """Forward, loss, backward: afterwards every Linear layer holds dW and db."""
        loss, G = softmax_cross_entropy(self.forward(X), y)
        self.backward(G)
        return loss

    def params(self) -> list[tuple[Array, Array]]:
        return [pg for layer in self.layers for pg in layer.params()]

    def predict(self, X: Array) -> Array:
        return self.forward(X).argmax(axis=1)


# --8<-- [end:mlp]
