"""The line fit and the sin cubic trained by the tensor engine, and the same maths in numpy.

>>> fit = train_line(np.array([1.0, 2.0]), np.array([2.0, 4.0]), lr=0.125, steps=1)
>>> fit.theta.tolist(), fit.losses.tolist()
([1.25, 0.75], [10.0, 0.28125])
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from descent.nn import SGD, MSELoss
from descent.optim import GD, descend
from descent.tensor import Tensor
from descent.validate import as_vector, same_length

# The chapter's givens: learning rates, step counts, and the start θ₀ = 0 for both fits.
LINE_LR, LINE_STEPS = 0.02, 2000
CUBIC_N, CUBIC_LR, CUBIC_STEPS = 2000, 1e-6, 2000


@dataclass(frozen=True)
class Fit:
    """Where a run ended and the loss along the way (before each step, then after the last)."""

    theta: np.ndarray
    losses: np.ndarray


def cubic_data(n: int = CUBIC_N) -> tuple[np.ndarray, np.ndarray]:
    """Return n points x evenly spread over [−π, π] and y = sin x.

    >>> [v.round(3).tolist() for v in cubic_data(3)]
    [[-3.142, 0.0, 3.142], [-0.0, 0.0, 0.0]]
    """
    x = np.linspace(-np.pi, np.pi, n)
    return x, np.sin(x)


# --8<-- [start:train-loop]
def train(
    predict: Callable[[Tensor], Tensor],
    params: list[Tensor],
    x: Tensor,
    y: Tensor,
    criterion: MSELoss,
    lr: float,
    steps: int,
) -> list[float]:
    """Take ``steps`` SGD steps on criterion(predict(x), y); return the loss before each."""
    optimizer = SGD(params, lr=lr)
    losses = []
    for _ in range(steps):
        loss = criterion(predict(x), y)  # forward: builds the graph
        losses.append(loss.item())
        optimizer.zero_grad()  # forget the previous step's gradients
        loss.backward()  # reverse mode: fills p.grad for every parameter
        optimizer.step()  # p ← p − lr·p.grad
    return losses


# --8<-- [end:train-loop]


# --8<-- [start:train-models]
def train_line(x: np.ndarray, y: np.ndarray, lr: float = LINE_LR, steps: int = LINE_STEPS) -> Fit:
    """Fit ŷ = w·x + b by the mean squared error, starting from w = b = 0."""
    x, y = as_vector("x", x), as_vector("y", y)
    same_length(x=x, y=y)
    w, b = Tensor(0.0, requires_grad=True, label="w"), Tensor(0.0, requires_grad=True, label="b")

    def predict(x: Tensor) -> Tensor:
        return w * x + b

    losses = train(predict, [w, b], Tensor(x), Tensor(y), MSELoss(), lr, steps)
    final = MSELoss()(predict(Tensor(x)), Tensor(y)).item()
    return Fit(np.array([w.item(), b.item()]), np.array([*losses, final]))


def train_cubic(lr: float = CUBIC_LR, steps: int = CUBIC_STEPS, n: int = CUBIC_N) -> Fit:
    """Fit ŷ = a + b·x + c·x² + d·x³ to sin x by the summed squared error, from all zeros."""
    x, y = cubic_data(n)
    a, b, c, d = (Tensor(0.0, requires_grad=True, label=name) for name in "abcd")

    def predict(x: Tensor) -> Tensor:
        return a + b * x + c * x**2 + d * x**3

    sse = MSELoss(reduction="sum")
    losses = train(predict, [a, b, c, d], Tensor(x), Tensor(y), sse, lr, steps)
    final = sse(predict(Tensor(x)), Tensor(y)).item()
    return Fit(np.array([p.item() for p in (a, b, c, d)]), np.array([*losses, final]))


# --8<-- [end:train-models]


# --8<-- [start:numpy-reference]
def line_numpy(x: np.ndarray, y: np.ndarray, lr: float = LINE_LR, steps: int = LINE_STEPS) -> Fit:
    """The same line fit with the gradient written out: ∂J/∂w = (2/n)Σ rᵢxᵢ, ∂J/∂b = (2/n)Σ rᵢ."""
    x, y = as_vector("x", x), as_vector("y", y)
    n = same_length(x=x, y=y)

    def residual(theta: np.ndarray) -> np.ndarray:
        return theta[0] * x + theta[1] - y  # rᵢ = w·xᵢ + b − yᵢ

    def loss(theta: np.ndarray) -> float:
        return float(np.mean(residual(theta) ** 2))

    def grad(theta: np.ndarray) -> np.ndarray:
        r = residual(theta)
        return 2.0 / n * np.array([np.sum(r * x), np.sum(r)])

    run = descend(loss, grad, [0.0, 0.0], GD(lr), steps=steps)
    return Fit(run.theta, run.losses)


def cubic_numpy(lr: float = CUBIC_LR, steps: int = CUBIC_STEPS, n: int = CUBIC_N) -> Fit:
    """The same cubic fit with the gradient written out: ∂J/∂θⱼ = 2·Σ rᵢ·xᵢʲ for j = 0 … 3."""
    x, y = cubic_data(n)
    powers = [np.ones_like(x), x, x**2, x**3]

    def residual(theta: np.ndarray) -> np.ndarray:
        a, b, c, d = theta
        return a + b * x + c * x**2 + d * x**3 - y  # rᵢ = ŷᵢ − yᵢ

    def loss(theta: np.ndarray) -> float:
        return float(np.sum(residual(theta) ** 2))

    def grad(theta: np.ndarray) -> np.ndarray:
        r = residual(theta)
        return np.array([2.0 * np.sum(r * p) for p in powers])

    run = descend(loss, grad, np.zeros(4), GD(lr), steps=steps)
    return Fit(run.theta, run.losses)


# --8<-- [end:numpy-reference]
