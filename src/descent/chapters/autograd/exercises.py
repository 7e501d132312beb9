"""Exercise solutions: backprop by hand, a new operation, zero_grad, broadcasting.

>>> hand_backprop(1.5, 2.0)
(25.0, 20.0, 25.0)
"""

from __future__ import annotations

import math

import numpy as np

from descent.engine import Value
from descent.nn import SGD
from descent.tensor import Tensor

# The exercises' givens.
EX1_W, EX1_B = 1.5, 2.0
EX2_X = 0.5
EX3_W0, EX3_LR, EX3_STEPS, EX3_TARGET = 0.0, 0.1, 4, 3.0
EX4_X = np.arange(12.0).reshape(4, 3) / 4
EX4_B = np.array([1.0, -1.0, 0.5])


# --8<-- [start:hand-backprop]
def hand_backprop(w: float, b: float) -> tuple[float, float, float]:
    """Return L = (w·b + b)² and (∂L/∂w, ∂L/∂b), forward then backward, with plain numbers."""
    # forward: one line per node
    u = w * b
    v = u + b
    L = v**2
    # backward: each node's gradient, from L back to the inputs
    grad_v = 2 * v  # ∂L/∂v
    grad_u = grad_v * 1  # v = u + b: ∂v/∂u = 1
    grad_w = grad_u * b  # u = w·b: ∂u/∂w = b
    grad_b = grad_u * w + grad_v * 1  # two paths: b → u → v and b → v
    return L, grad_w, grad_b


# --8<-- [end:hand-backprop]


# --8<-- [start:softplus]
def softplus(v: Value) -> Value:
    """Return ln(1 + eˣ) as a new node whose local derivative is σ(x) = 1/(1 + e⁻ˣ).

    >>> y = softplus(Value(0.0))
    >>> y.backward()
    >>> y.grad, round(y.data, 6)
    (1.0, 0.693147)
    """
    x = v.data
    # ln(1 + eˣ) = max(x, 0) + ln(1 + e^−|x|) never overflows, whatever the sign of x
    data = max(x, 0.0) + math.log1p(math.exp(-abs(x)))
    slope = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
    return Value.node(data, "softplus", (v,), (slope,))


# --8<-- [end:softplus]


# --8<-- [start:forgot-zero-grad]
def descend_on_square(zero_grad: bool, steps: int = EX3_STEPS) -> list[tuple[float, float]]:
    """Minimise L(w) = (w − 3)² with SGD from w = 0; return (w, w.grad) after each step."""
    w = Value(EX3_W0, label="w")
    optimizer = SGD([w], lr=EX3_LR)
    path = []
    for _ in range(steps):
        if zero_grad:
            optimizer.zero_grad()
        L = (w - EX3_TARGET) ** 2
        L.backward()
        optimizer.step()
        path.append((w.data, w.grad))
    return path


# --8<-- [end:forgot-zero-grad]


# --8<-- [start:broadcast-bias-grad]
def broadcast_bias_grad(X: np.ndarray = EX4_X, b: np.ndarray = EX4_B) -> np.ndarray:
    """Return ∂L/∂b for L = Σᵢⱼ (Xᵢⱼ + bⱼ)², b broadcast along the rows of X.

    >>> broadcast_bias_grad(np.zeros((2, 1)), np.array([1.0]))
    array([4.])
    """
    b = Tensor(b, requires_grad=True, label="b")
    L = ((Tensor(X) + b) ** 2).sum()
    L.backward()
    return b.grad


# --8<-- [end:broadcast-bias-grad]
