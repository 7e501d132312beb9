"""Numerical derivatives by central differences, and checking an analytic gradient with them.

>>> derivative(lambda x: x * x, 3.0, h=0.5)
6.0
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from descent.validate import as_vector, binary_exponent, finite_number, positive_number

ScalarFunction = Callable[[float], float]
VectorFunction = Callable[[np.ndarray], float]

# h ≈ ε^(1/3) ≈ 6e-6 balances the h² truncation error against the ε/h rounding error
DEFAULT_H = 1e-5


def _value(f: Callable, arg: float | np.ndarray, where: str) -> float:
    """Evaluate f and insist on one finite number, so a NaN never leaks into a slope."""
    return finite_number(f"f at {where}", f(arg))


def difference_quotient(f: ScalarFunction, x: float, h: float) -> float:
    """Return (f(x + h) − f(x)) / h, the slope of the secant; h may be negative, not 0.

    >>> difference_quotient(lambda x: x * x, 3.0, 0.5)
    6.5
    """
    x = finite_number("x", x)
    h = finite_number("h", h)
    if h == 0:
        raise ValueError("h must be non-zero: the quotient divides by h")
    return (_value(f, x + h, f"x + h = {x + h}") - _value(f, x, f"x = {x}")) / h


# --8<-- [start:central-difference]
def derivative(f: ScalarFunction, x: float, h: float = DEFAULT_H) -> float:
    """Return the central difference (f(x + h) − f(x − h)) / (2h) ≈ f'(x).

    >>> derivative(lambda x: x**3, 1.0, h=0.5)
    3.25
    """
    x = finite_number("x", x)
    h = positive_number("h", h)
    # the h¹ terms of the two Taylor expansions cancel: the error is f'''(x)·h²/6 + …
    return (_value(f, x + h, f"x + h = {x + h}") - _value(f, x - h, f"x - h = {x - h}")) / (2 * h)


def gradient(f: VectorFunction, p: np.ndarray, h: float = DEFAULT_H) -> np.ndarray:
    """Return ∇f(p) by a central difference along each axis e_i in turn.

    >>> gradient(lambda q: q[0] ** 2 + 3 * q[1], [1.0, 2.0], h=0.5)
    array([2., 3.])
    """
    p = as_vector("p", p)
    h = positive_number("h", h)
    grad = np.empty_like(p)
    for i in range(p.size):
        e = np.zeros_like(p)
        e[i] = h  # move x_i alone: that is what ∂f/∂x_i measures
        grad[i] = (_value(f, p + e, f"p + h·e_{i}") - _value(f, p - e, f"p - h·e_{i}")) / (2 * h)
    return grad


# --8<-- [end:central-difference]


# --8<-- [start:directional-derivative]
def unit(u: np.ndarray) -> np.ndarray:
    """Return u / |u|, or raise if u is the zero vector (it has no direction).

    >>> unit([0.0, 2.0])
    array([0., 1.])
    """
    u = as_vector("u", u)
    norm = float(np.linalg.norm(u))
    if norm == 0:
        raise ValueError("u must be a non-zero direction vector, got the zero vector")
    return u / norm


def directional_derivative(
    f: VectorFunction, p: np.ndarray, u: np.ndarray, h: float = DEFAULT_H
) -> float:
    """Return D_u f(p) = lim (f(p + t·u) − f(p)) / t for the unit vector along u, numerically.

    >>> directional_derivative(lambda q: q[0] ** 2 + q[1] ** 2, [1.0, 1.0], [0.0, 2.0], h=0.5)
    2.0
    """
    p = as_vector("p", p)
    u = unit(u)
    if u.size != p.size:
        raise ValueError(f"u has {u.size} components but p has {p.size}")
    # restrict f to the line through p along u: g(t) = f(p + t·u), and D_u f(p) = g'(0)
    return derivative(lambda t: f(p + t * u), 0.0, h)


# --8<-- [end:directional-derivative]


# --8<-- [start:gradient-check]
def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """Return |a − b| / max(|a|, |b|), and 0 when both are zero.

    >>> relative_error(3.0, 4.0)
    0.25
    """
    a, b = as_vector("a", a), as_vector("b", b)
    if a.size != b.size:
        raise ValueError(f"a has {a.size} components but b has {b.size}")
    e = max(binary_exponent(a), binary_exponent(b))  # a/2^e, b/2^e: exact; norms stay finite
    a, b = np.ldexp(a, -e), np.ldexp(b, -e)
    scale = max(float(np.linalg.norm(a)), float(np.linalg.norm(b)))
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b)) / scale


@dataclass(frozen=True)
class GradientCheck:
    """The analytic and numerical gradients at one point and how far apart they are."""

    analytic: np.ndarray
    numeric: np.ndarray
    rel_error: float
    ok: bool


def check_gradient(
    f: VectorFunction,
    grad_f: Callable[[np.ndarray], np.ndarray],
    p: np.ndarray,
    h: float = DEFAULT_H,
    tol: float = 1e-7,
) -> GradientCheck:
    """Compare grad_f(p) with the central-difference gradient; ok when rel_error ≤ tol.

    >>> check_gradient(lambda q: q[0] ** 2, lambda q: 2 * q, [1.5], h=0.5).rel_error
    0.0
    """
    p = as_vector("p", p)
    tol = positive_number("tol", tol)
    analytic = as_vector("grad_f(p)", grad_f(p))
    if analytic.size != p.size:
        raise ValueError(f"grad_f(p) has {analytic.size} components but p has {p.size}")
    numeric = gradient(f, p, h)
    err = relative_error(analytic, numeric)
    return GradientCheck(analytic, numeric, err, err <= tol)


# --8<-- [end:gradient-check]
