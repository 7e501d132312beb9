"""The loss of the lines y = w·x and y = w·x + b as a function of their parameters.

With the data fixed, J(w, b) = Σ(w·x_i + b − y_i)² is a quadratic in w and b: a parabola
over w when b = 0, a bowl over (w, b) otherwise.

>>> loss_wb(2.0, 0.0, [1.0, 2.0], [2.0, 4.0])
0.0
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from descent.losses import sse
from descent.validate import (
    as_vector,
    binary_exponent,
    finite_number,
    finite_result,
    paired,
    positive_number,
)


# --8<-- [start:loss-over-parameters]
def loss_w(w: float, x: np.ndarray, y: np.ndarray) -> float:
    """Return J(w) = Σ(w·x_i − y_i)², the loss of the line y = w·x through the origin.

    >>> loss_w(1.5, [1.0, 2.0], [2.0, 4.0])
    1.25
    """
    return loss_wb(w, 0.0, x, y)


def loss_wb(w: float, b: float, x: np.ndarray, y: np.ndarray) -> float:
    """Return J(w, b) = Σ(w·x_i + b − y_i)², the loss of the line y = w·x + b.

    >>> loss_wb(1.0, 0.5, [1.0, 2.0], [2.0, 4.0])
    2.5
    """
    w, b = finite_number("w", w), finite_number("b", b)
    x, y = paired(x, y)
    return sse(w * x + b, y)


# --8<-- [end:loss-over-parameters]


class Quadratic(NamedTuple):
    """Coefficients of J(w, b) = ww·w² + bb·b² + wb·w·b + w·w + b·b + one."""

    ww: float
    bb: float
    wb: float
    w: float
    b: float
    one: float

    @finite_result
    def __call__(self, w: float, b: float) -> float:
        """Evaluate the quadratic at (w, b): two numbers, or two arrays (a grid) of them."""
        for name, v in (("w", w), ("b", b)):
            if np.asarray(v).dtype.kind not in "iuf":
                raise TypeError(f"{name} must be a real number or an array of them, got {v!r}")
            if not np.isfinite(v).all():
                raise ValueError(f"{name} must be finite, got {v!r}")
        return (
            self.ww * w * w
            + self.bb * b * b
            + self.wb * w * b
            + self.w * w
            + self.b * b
            + self.one
        )


# --8<-- [start:loss-quadratic]
@finite_result
def quadratic_coefficients(x: np.ndarray, y: np.ndarray) -> Quadratic:
    """Return J(w, b) = Σ(w·x_i + b − y_i)² expanded: each coefficient is a sum over the data.

    >>> quadratic_coefficients([1.0, 2.0], [2.0, 4.0])
    Quadratic(ww=5.0, bb=2.0, wb=6.0, w=-20.0, b=-12.0, one=20.0)
    """
    x, y = paired(x, y)
    # (w·x_i + b − y_i)² = x_i²w² + b² + 2x_i·wb − 2x_i·y_i·w − 2y_i·b + y_i², summed over i
    return Quadratic(
        ww=float(np.sum(x * x)),
        bb=float(len(x)),
        wb=float(2 * np.sum(x)),
        w=float(-2 * np.sum(x * y)),
        b=float(-2 * np.sum(y)),
        one=float(np.sum(y * y)),
    )


# --8<-- [end:loss-quadratic]


# --8<-- [start:least-squares]
@finite_result
def least_squares_w(x: np.ndarray, y: np.ndarray) -> float:
    """Return the w minimising Σ(w·x_i − y_i)²: w* = Σx_i·y_i / Σx_i².

    >>> least_squares_w([1.0, 2.0], [2.0, 4.0])
    2.0
    """
    x, y = paired(x, y)
    if not np.any(x):
        raise ValueError("x is all zeros: every w gives the same loss, there is no single minimum")
    ex, ey = binary_exponent(x), binary_exponent(y)  # x/2^ex, y/2^ey: exact, and no overflow
    x, y = np.ldexp(x, -ex), np.ldexp(y, -ey)
    return float(np.ldexp(np.sum(x * y) / np.sum(x * x), ey - ex))


@finite_result
def least_squares_wb(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Return the (w, b) where ∂J/∂w = ∂J/∂b = 0, solving the two linear equations.

    >>> least_squares_wb([1.0, 2.0], [2.0, 4.5])
    (2.5, -0.5)
    """
    x, y = paired(x, y)
    ex, ey = binary_exponent(x), binary_exponent(y)  # x/2^ex, y/2^ey: exact, and no overflow
    x, y = np.ldexp(x, -ex), np.ldexp(y, -ey)
    n = len(x)
    det = n * np.sum(x * x) - np.sum(x) ** 2  # zero exactly when all x_i are equal
    if det <= 1e-12 * n * np.sum(x * x):
        raise ValueError("x needs at least two different values to fix both w and b")
    w = (n * np.sum(x * y) - np.sum(x) * np.sum(y)) / det
    b = (np.sum(y) - w * np.sum(x)) / n
    return float(np.ldexp(w, ey - ex)), float(np.ldexp(b, ey))  # back to the units of x and y


# --8<-- [end:least-squares]


# --8<-- [start:line-gradients]
@finite_result
def grad_sse(w: float, b: float, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Return (∂J/∂w, ∂J/∂b) for J = Σ(w·x_i + b − y_i)²: (2Σe_i·x_i, 2Σe_i).

    >>> grad_sse(1.0, 0.0, [1.0, 2.0], [2.0, 4.0])
    (-10.0, -6.0)
    """
    w, b = finite_number("w", w), finite_number("b", b)
    x, y = paired(x, y)
    e = w * x + b - y  # the signed errors e_i = ŷ_i − y_i
    # chain rule: ∂(e_i²)/∂w = 2e_i·∂e_i/∂w = 2e_i·x_i, and ∂e_i/∂b = 1
    return float(2 * np.sum(e * x)), float(2 * np.sum(e))


def grad_mse(w: float, b: float, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Return (∂J/∂w, ∂J/∂b) for J = (1/n)·Σ(w·x_i + b − y_i)²: the SSE gradient over n.

    >>> grad_mse(1.0, 0.0, [1.0, 2.0], [2.0, 4.0])
    (-5.0, -3.0)
    """
    grad_w, grad_b = grad_sse(w, b, x, y)
    n = len(as_vector("x", x))
    return grad_w / n, grad_b / n


# --8<-- [end:line-gradients]


# --8<-- [start:learning-rate-limit]
@finite_result
def lr_limit_w(x: np.ndarray, scale: float) -> float:
    """Return the bound η < 1/A for J(w) = scale·Σ(w·x_i − y_i)² = A·w² + …, A = scale·Σx_i².

    >>> lr_limit_w([1.0, 1.0], scale=0.5)
    1.0
    """
    x = as_vector("x", x)
    # one step multiplies the distance to w* by (1 − 2Aη): it shrinks only while 2Aη < 2
    return 1.0 / (positive_number("scale", scale) * float(np.sum(x * x)))


# --8<-- [end:learning-rate-limit]
