"""Chapter 1: crack the black box by fitting ŷ = w₁·x + w₂·x² with gradient descent.

The loop is: initialise (guess w) → forward (ŷ) → loss (J) → backward (∇J) → descend
(w ← w − η·∇J) → repeat until J is small enough.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from descent.validate import as_vector, finite_number, positive_number, same_length


class DivergenceError(ArithmeticError):
    """Gradient descent climbed above its starting loss: the learning rate is too large."""

    def __init__(self, k: int, lr: float, J: float, J0: float) -> None:
        super().__init__(
            f"diverging at epoch {k} with lr={lr}: J={J:.4g} rose above the "
            f"starting J={J0:.4g}; choose a smaller lr"
        )
        self.k, self.lr, self.J = k, lr, J


def _samples(x: object, y: object) -> tuple[np.ndarray, np.ndarray]:
    x, y = as_vector("x", x), as_vector("y", y)
    return x[: same_length(x=x, y=y)], y


# --8<-- [start:forward]
def predict(w1: float, w2: float, x: object) -> np.ndarray:
    """Forward: the model's output ŷ = w₁·x + w₂·x² for every input x.

    >>> predict(1.0, 1.0, [1.0, 2.0])
    array([2., 6.])
    """
    x = as_vector("x", x)
    return w1 * x + w2 * x**2


# --8<-- [end:forward]


# --8<-- [start:loss]
def loss(w1: float, w2: float, x: object, y: object) -> float:
    """Loss: J = ½·mean((ŷ − y)²), half the mean squared error.

    >>> loss(1.0, 1.0, [1.0, 2.0], [2.0, 4.0])
    1.0
    """
    x, y = _samples(x, y)
    e = predict(w1, w2, x) - y
    return float(0.5 * np.mean(e**2))


# --8<-- [end:loss]


# --8<-- [start:gradient]
def gradient(w1: float, w2: float, x: object, y: object) -> tuple[float, float]:
    """Backward: (∂J/∂w₁, ∂J/∂w₂) = (mean(e·x), mean(e·x²)) with e = ŷ − y.

    >>> gradient(1.0, 1.0, [1.0, 2.0], [2.0, 4.0])
    (2.0, 4.0)
    """
    x, y = _samples(x, y)
    e = predict(w1, w2, x) - y
    # chain rule: ∂(½e²)/∂w₁ = e·∂ŷ/∂w₁ = e·x, and ∂ŷ/∂w₂ = x²
    return float(np.mean(e * x)), float(np.mean(e * x**2))


# --8<-- [end:gradient]


@dataclass(frozen=True)
class Epoch:
    """One pass over all samples: weights at its start, outputs, errors, loss, gradient."""

    k: int
    w1: float
    w2: float
    y_hat: np.ndarray
    e: np.ndarray
    J: float
    grad_w1: float
    grad_w2: float


@dataclass(frozen=True)
class Fit:
    """A training run: every epoch, the final weights and whether J fell below tol."""

    epochs: list[Epoch]
    w1: float
    w2: float
    lr: float
    converged: bool


# --8<-- [start:training-loop]
def fit(
    x: object,
    y: object,
    w1: float = 1.0,
    w2: float = 1.0,
    lr: float = 0.25,
    tol: float = 1e-10,
    max_epochs: int = 10_000,
) -> Fit:
    """Gradient descent from the guess (w₁, w₂) until J < tol or max_epochs updates.

    >>> run = fit([1.0, 2.0], [2.0, 4.0], w1=0.0, w2=0.0, lr=0.125)
    >>> run.converged, round(run.w1, 4), round(run.w2, 4)
    (True, 2.0, 0.0)
    """
    x, y = _samples(x, y)
    w1, w2 = finite_number("w1", w1), finite_number("w2", w2)
    lr, tol = positive_number("lr", lr), positive_number("tol", tol)
    epochs: list[Epoch] = []
    for k in range(max_epochs + 1):
        y_hat = predict(w1, w2, x)  # forward
        e = y_hat - y
        J = float(0.5 * np.mean(e**2))  # loss
        if epochs and not J <= epochs[0].J:  # a descent never climbs above its start
            raise DivergenceError(k, lr, J, epochs[0].J)
        grad_w1, grad_w2 = float(np.mean(e * x)), float(np.mean(e * x**2))  # backward
        epochs.append(Epoch(k, w1, w2, y_hat, e, J, grad_w1, grad_w2))
        if J < tol or k == max_epochs:  # stopping rule
            return Fit(epochs, w1, w2, lr, converged=J < tol)
        w1, w2 = w1 - lr * grad_w1, w2 - lr * grad_w2  # descend
    raise AssertionError("unreachable: the loop returns at k == max_epochs")


# --8<-- [end:training-loop]
