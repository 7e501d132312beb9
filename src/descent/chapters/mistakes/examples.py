"""Common mistakes, kept runnable so that the damage they do can be measured.

Each function marked *wrong* is a mistake on purpose; the correct version lives in the
chapter that derives it (``optim.GD``, ``linear.grad_mse``, ``loss.md#loss-surface``).

>>> GradientAscent(lr=0.25).step(np.array([1.0]), np.array([2.0]))
array([1.5])
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from descent.engine import Value
from descent.linear import Quadratic
from descent.nn import SGD
from descent.validate import finite_number, paired, positive_number

# A widely copied derivation expands (w + b − 2)² + (2w + b − 4.1)² to this; ww·w² + … + one.
PUBLISHED_EXPANSION = Quadratic(ww=10.0, bb=4.0, wb=12.0, w=-40.08, b=-24.4, one=41.62)


@dataclass
class GradientAscent:
    """Gradient descent with the minus sign dropped: θ ← θ + η·g (wrong on purpose)."""

    lr: float

    def __post_init__(self) -> None:
        self.lr = positive_number("lr", self.lr)

    # --8<-- [start:dropped-minus]
    def step(self, theta: np.ndarray, grad: np.ndarray) -> np.ndarray:
        # WRONG: + walks along the gradient, uphill; GD.step returns theta - self.lr * grad
        return theta + self.lr * grad

    # --8<-- [end:dropped-minus]


# --8<-- [start:missing-chain-factor]
def grad_mse_missing_x(w: float, b: float, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(∂J/∂w, ∂J/∂b) of J = (1/n)·Σe_i² with the chain-rule factor x_i lost (wrong).

    >>> grad_mse_missing_x(1.0, 0.0, [1.0, 2.0], [2.0, 4.0])
    (-3.0, -3.0)
    """
    w, b = finite_number("w", w), finite_number("b", b)
    x, y = paired(x, y)
    e = w * x + b - y
    # WRONG: ∂e_i/∂w = x_i, so ∂J/∂w = (2/n)·Σe_i·x_i; this line is ∂J/∂b a second time
    return float(2 * np.mean(e)), float(2 * np.mean(e))


# --8<-- [end:missing-chain-factor]


# --8<-- [start:product-of-sums]
def grad_w_product_of_sums(w: float, b: float, x: np.ndarray, y: np.ndarray) -> float:
    """∂J/∂w of J = (1/n)·Σe_i² with the sum over samples split in two (wrong).

    >>> grad_w_product_of_sums(1.0, 0.0, [1.0, 2.0], [2.0, 4.0])
    -9.0
    """
    w, b = finite_number("w", w), finite_number("b", b)
    x, y = paired(x, y)
    e = w * x + b - y
    # WRONG: (Σ_i e_i)·(Σ_j x_j) pairs every error with every input; the right sum is Σ_i e_i·x_i
    return float(2 / len(x) * np.sum(e) * np.sum(x))


# --8<-- [end:product-of-sums]


# --8<-- [start:shape-mismatch]
def mse_mismatched(y_hat: np.ndarray, y: np.ndarray) -> float:
    """The MSE of a column of predictions against a flat row of targets (wrong).

    >>> mse_mismatched([1.0, 2.0], [1.0, 2.0])
    0.5
    """
    y_hat, y = paired(y_hat, y)
    column = y_hat.reshape(-1, 1)  # shape (n, 1), as a model's output often is
    # WRONG: (n, 1) − (n,) broadcasts to n × n; entry (i, j) is ŷ_i − y_j, every i with every j
    return float(np.mean((column - y) ** 2))


# --8<-- [end:shape-mismatch]


# --8<-- [start:backward-does-not-update]
def backward_then_step(w0: float, x: float, y: float, lr: float) -> tuple[float, float, float]:
    """Return (w after backward(), ∂L/∂w, w after one SGD step) for L = (w·x − y)².

    >>> backward_then_step(0.5, 2.0, 3.0, lr=0.125)
    (0.5, -8.0, 1.5)
    """
    w = Value(w0, label="w")
    loss = (w * x - y) ** 2
    loss.backward()  # fills w.grad with ∂L/∂w = 2(w·x − y)·x ...
    after_backward = w.data  # ... and leaves w itself exactly where it was
    SGD([w], lr=lr).step()  # moving w is a separate step: w ← w − η·w.grad
    return after_backward, w.grad, w.data


# --8<-- [end:backward-does-not-update]


def newton_and_gd_steps(b: float, dz: float, slope: float, lr: float) -> tuple[float, float]:
    """One step of each on z(b) = target: Newton b − Δz/z'(b) and GD b − η·Δz·z'(b).

    GD is taken on J = ½(z − target)², whose derivative is Δz·z'(b) by the chain rule.

    >>> newton_and_gd_steps(1.0, dz=2.0, slope=4.0, lr=0.125)
    (0.5, 0.0)
    """
    b, dz, slope = finite_number("b", b), finite_number("dz", dz), finite_number("slope", slope)
    if slope == 0:
        raise ZeroDivisionError(f"z'(b) = 0 at b = {b:g}: Newton's step divides by zero")
    return b - dz / slope, b - positive_number("lr", lr) * dz * slope


def steps_on_square(x0: float, lr: float, tol: float) -> int:
    """Closed form: GD steps on J = x² from x₀ until J < tol; x_k = (1 − 2η)^k·x₀.

    >>> steps_on_square(1.0, 0.25, 0.01)  # 0.5^k < 0.1 first at k = 4
    4
    """
    x0, lr, tol = finite_number("x0", x0), positive_number("lr", lr), positive_number("tol", tol)
    if x0 * x0 < tol:
        return 0
    q = abs(1 - 2 * lr)
    if q >= 1:
        raise ValueError(f"lr={lr:g} does not converge on x² (it needs 0 < lr < 1)")
    if q == 0:
        return 1
    # |x_k| < √tol ⇔ k > ln(√tol/|x₀|)/ln q; the smallest such integer
    return math.floor(math.log(math.sqrt(tol) / abs(x0)) / math.log(q)) + 1
