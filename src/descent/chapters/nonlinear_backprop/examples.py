"""Chapter 8's chain x → a = x² → b = ln a → c = √b, and two ways to make c hit a target.

>>> c, x = forward(2.0)
>>> round(c.data, 6)
1.17741
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from descent.chapters.autograd.examples import named
from descent.engine import Value
from descent.finite import finite_number, positive_number
from descent.graph import graph

if TYPE_CHECKING:
    import numpy as np

    from descent.optim import Run

# The chapter's givens: the start, the target for c, and the stopping rule |c − 2.13| < TOL.
X0, C_TARGET, TOL = 2.0, 2.13, 1e-3
MAX_STEPS = 100


def _start(x: float) -> float:
    x = finite_number("x", x)
    if abs(x) <= 1:
        raise ValueError(f"x must satisfy |x| > 1 so that b = ln x² > 0 and √b exists, got {x}")
    return x


def _target(target: float) -> float:
    target = finite_number("target", target)
    if target <= 0:
        raise ValueError(f"target c = {target:g} is unreachable: c = √b is > 0 wherever |x| > 1")
    return target


# --8<-- [start:chain-forward]
def forward(x: float) -> tuple[Value, Value]:
    """Build c = √(ln x²) from a fresh leaf x, one named node per step; return (c, x)."""
    x = Value(_start(x), label="x")
    a = named(x**2, "a")
    b = named(a.log(), "b")
    return named(b.sqrt(), "c"), x


# --8<-- [end:chain-forward]


def exact_x(target: float = C_TARGET) -> tuple[float, float]:
    """Both solutions of √(ln x²) = target: x = ±exp(target²/2).

    >>> [round(r, 6) for r in exact_x(2.13)]
    [-9.664409, 9.664409]
    """
    r = math.exp(_target(target) ** 2 / 2)
    return -r, r


@dataclass(frozen=True)
class Round:
    """One column of the forward/backward table: the forward values and the errors passed back."""

    x: float
    a: float
    b: float
    c: float
    delta_c: float
    delta_b: float | None = None  # None in the last round: |Δc| is small enough, no update
    delta_a: float | None = None
    delta_x: float | None = None


# --8<-- [start:divide-error-chain]
def divide_error_chain(x: float = X0, target: float = C_TARGET, tol: float = TOL) -> list[Round]:
    """Pass Δc back, dividing by each local derivative, and move x by Δx until |Δc| < tol.

    >>> log = divide_error_chain(2.0, 2.13, 1e-3)
    >>> len(log), round(log[-1].x, 6), round(log[-1].c, 6)
    (5, 9.655706, 2.129577)
    """
    x, target, tol = _start(x), _target(target), positive_number("tol", tol)
    log: list[Round] = []
    for _ in range(MAX_STEPS):
        nodes = graph(forward(x)[0])  # x, a, b, c: the local derivatives come from the engine
        value = {n.label: n.value for n in nodes}
        delta = {"c": value["c"] - target}
        if abs(delta["c"]) < tol:
            log.append(Round(x, value["a"], value["b"], value["c"], delta["c"]))
            return log
        for node in reversed(nodes[1:]):  # c, b, a: each hands its error to its one input
            (parent,), (local,) = node.parents, node.local
            if local == 0:
                raise ZeroDivisionError(f"∂{node.label}/∂{nodes[parent].label} = 0 at x = {x:g}")
            delta[nodes[parent].label] = delta[node.label] / local  # Δin = Δout / (∂out/∂in)
        log.append(Round(x, value["a"], value["b"], value["c"], *(delta[k] for k in "cbax")))
        x = _start(x - delta["x"])  # an overshoot to |x| ≤ 1 would leave the domain: refuse
    raise ArithmeticError(f"|c − {target:g}| did not fall below {tol:g} in {MAX_STEPS} steps")


# --8<-- [end:divide-error-chain]


def newton_step(x: float, target: float = C_TARGET) -> float:
    """One step x − (c − t)/(dc/dx), with dc/dx from the engine's backward pass.

    >>> round(newton_step(math.e, 1.0), 6)  # c(e) = √2, dc/dx = 1/(e·√2): e·(√2 − 1)
    1.125949
    """
    c, x = forward(x)
    c.backward()
    return x.data - (c.data - _target(target)) / x.grad


# --8<-- [start:descend-on-chain]
def descend_on_chain(lr: float, x: float = X0, target: float = C_TARGET, tol: float = TOL) -> Run:
    """Gradient descent on J = ½(c − target)² until |c − target| < tol (at most 10⁵ steps)."""
    from descent.optim import GD, descend  # descend keeps the path in numpy arrays

    x, target, tol = _start(x), _target(target), positive_number("tol", tol)

    def loss(theta: np.ndarray) -> float:
        return 0.5 * (forward(theta[0])[0].data - target) ** 2

    def grad(theta: np.ndarray) -> list[float]:
        c, x = forward(theta[0])
        J = 0.5 * (c - target) ** 2
        J.backward()  # dJ/dx = (c − t)·dc/db·db/da·da/dx, multiplied out by the engine
        return [x.grad]

    return descend(loss, grad, [x], GD(lr), steps=100_000, stop_below=0.5 * tol**2)


# --8<-- [end:descend-on-chain]
