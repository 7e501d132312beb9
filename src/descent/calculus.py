"""The chapter's functions: a parabola and its tangents, the derivative table, the chain rule.

Functions of one number need only ``math``, so their code runs in the page too; those of a
point or an array of steps (the bowl, the difference errors) import numpy where they need it.

>>> parabola(1.0), parabola_slope(3.0)
(2.0, 4.0)
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from descent.activations import sigmoid, sigmoid_grad
from descent.finite import finite_number, finite_result

if TYPE_CHECKING:
    import numpy as np

Curve = Callable[[float], float]


# --8<-- [start:parabola]
@finite_result
def parabola(x: float) -> float:
    """Return f(x) = (x − 1)² + 2, a bowl whose lowest point is x = 1.

    >>> parabola(0.0)
    3.0
    """
    return (finite_number("x", x) - 1.0) ** 2 + 2.0


@finite_result
def parabola_slope(x: float) -> float:
    """Return f'(x) = 2(x − 1): negative left of the minimum, positive right of it.

    >>> parabola_slope(0.0)
    -2.0
    """
    return 2.0 * (finite_number("x", x) - 1.0)


# --8<-- [end:parabola]


def tangent_line(f: Curve, df: Curve, x0: float) -> tuple[float, float]:
    """Return (slope, intercept) of y = f(x0) + f'(x0)·(x − x0), the tangent at x0.

    >>> tangent_line(parabola, parabola_slope, 2.5)
    (3.0, -3.25)
    """
    x0 = finite_number("x0", x0)
    slope = finite_number("f'(x0)", df(x0))
    return slope, finite_number("f(x0)", f(x0)) - slope * x0


def downhill(slope: float) -> int:
    """Return the way x must move to lower f: −1 (left), +1 (right) or 0 (flat).

    >>> downhill(-3.0), downhill(3.0)
    (1, -1)
    """
    # f(x + Δx) ≈ f(x) + f'(x)·Δx falls when Δx has the opposite sign of f'(x)
    slope = finite_number("slope", slope)
    return (slope < 0) - (slope > 0)


@dataclass(frozen=True)
class Rule:
    """One row of the derivative table: f and f' as text and as functions."""

    f_tex: str
    df_tex: str
    f: Curve
    df: Curve


RULES = (
    Rule("$c$ ($c = 3$)", "$0$", lambda x: 3.0 + 0.0 * x, lambda x: 0.0 * x),
    Rule("$x^n$ ($n = 3$)", "$n x^{n-1}$", lambda x: x**3, lambda x: 3.0 * x**2),
    Rule("$e^x$", "$e^x$", math.exp, math.exp),
    Rule(r"$\ln x$", "$1/x$", math.log, lambda x: 1.0 / x),
    Rule(r"$\sin x$", r"$\cos x$", math.sin, math.cos),
    Rule(r"$\cos x$", r"$-\sin x$", math.cos, lambda x: -math.sin(x)),
    Rule(r"$\sigma(x)$", r"$\sigma(x)\,(1 - \sigma(x))$", sigmoid, sigmoid_grad),
)
RULE_POINTS = (0.5, 1.0, 2.0)  # inside every domain: ln x needs x > 0


# --8<-- [start:chain-rule]
@finite_result
def sin_of_square(x: float) -> float:
    """Return y = sin(x²)."""
    x = finite_number("x", x)
    return math.sin(x * x)


@finite_result
def sin_of_square_grad(x: float) -> float:
    """Return dy/dx = cos(x²)·2x by the chain rule with u = x².

    >>> sin_of_square_grad(0.0)
    0.0
    """
    x = finite_number("x", x)
    u = x * x  # inner function u = x², du/dx = 2x
    return math.cos(u) * 2.0 * x  # dy/du = cos u, times du/dx


# --8<-- [end:chain-rule]


def _neuron_inputs(*values: float) -> list[float]:
    return [finite_number(name, v) for name, v in zip("wbxy", values, strict=True)]


# --8<-- [start:neuron-loss]
@finite_result
def neuron_loss(w: float, b: float, x: float, y: float) -> float:
    """Return L = (σ(w·x + b) − y)², the squared error of one sigmoid neuron.

    >>> neuron_loss(0.0, 0.0, 1.0, 1.0)
    0.25
    """
    w, b, x, y = _neuron_inputs(w, b, x, y)
    return (sigmoid(w * x + b) - y) ** 2


@finite_result
def neuron_loss_grad(w: float, b: float, x: float, y: float) -> tuple[float, float]:
    """Return (∂L/∂w, ∂L/∂b), one chain-rule factor per level z → a → L.

    >>> neuron_loss_grad(0.0, 0.0, 1.0, 1.0)
    (-0.25, -0.25)
    """
    w, b, x, y = _neuron_inputs(w, b, x, y)
    z = w * x + b
    a = sigmoid(z)
    dL_da = 2.0 * (a - y)  # outer level: L = (a − y)²
    da_dz = sigmoid_grad(z)  # middle level: a = σ(z)
    grad_z = dL_da * da_dz
    return grad_z * x, grad_z  # inner level: ∂z/∂w = x, ∂z/∂b = 1


# --8<-- [end:neuron-loss]


def neuron_loss_grad_no_sigma_prime(w: float, b: float, x: float, y: float) -> tuple[float, float]:
    """Return a wrong gradient that forgets the middle factor σ'(z), for the check to catch."""
    dL_da = 2.0 * (sigmoid(w * x + b) - y)
    return dL_da * x, dL_da


def neg_log_sigmoid(z: float) -> float:
    """Return ℓ(z) = −ln σ(z) = ln(1 + e^(−z)).

    >>> neg_log_sigmoid(0.0) == math.log(2.0)
    True
    """
    return -math.log(sigmoid(z))


def neg_log_sigmoid_grad(z: float) -> float:
    """Return ℓ'(z) = −σ'(z)/σ(z) = σ(z) − 1.

    >>> neg_log_sigmoid_grad(0.0)
    -0.5
    """
    return sigmoid(z) - 1.0


def bowl(p: np.ndarray) -> float:
    """Return f(x, y) = x² + y².

    >>> bowl([1.0, 0.5])
    1.25
    """
    from descent.validate import as_vector  # a point: numpy

    x, y = as_vector("p", p)
    return float(x * x + y * y)


def bowl_grad(p: np.ndarray) -> np.ndarray:
    """Return ∇f = (2x, 2y).

    >>> bowl_grad([1.0, 0.5])
    array([2., 1.])
    """
    from descent.validate import as_vector

    return 2.0 * as_vector("p", p)


def difference_errors(
    f: Curve, df: Curve, x: float, hs: Sequence[float]
) -> tuple[np.ndarray, np.ndarray]:
    """Return |forward − f'(x)| and |central − f'(x)| for every step h in hs."""
    import numpy as np

    from descent.numdiff import derivative, difference_quotient

    exact = finite_number("f'(x)", df(x))
    forward = [abs(difference_quotient(f, x, h) - exact) for h in hs]
    central = [abs(derivative(f, x, h) - exact) for h in hs]
    return np.array(forward), np.array(central)


def best_central_step(f_x: float, f3_x: float, eps: float = sys.float_info.epsilon) -> float:
    """Return h* = (3ε|f(x)| / |f'''(x)|)^(1/3), where h²|f'''|/6 + ε|f|/h is smallest.

    >>> best_central_step(1.0, 3.0, eps=1.0)
    1.0
    """
    f_x, f3_x, eps = (
        finite_number("f_x", f_x),
        finite_number("f3_x", f3_x),
        finite_number("eps", eps),
    )
    if f3_x == 0 or eps <= 0:
        raise ValueError(f"f3_x must be ≠ 0 and eps > 0, got f3_x = {f3_x}, eps = {eps}")
    return (3.0 * eps * abs(f_x) / abs(f3_x)) ** (1.0 / 3.0)
