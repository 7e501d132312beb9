"""Chapter 7's graph z = x·y, x = 2w + 3b, y = 2b + 1, and two ways to make z hit a target.

>>> partials(3.0, 4.0)
(162.0, 18.0, 63.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from descent.chapters.autograd.examples import named
from descent.engine import Value
from descent.finite import finite_number, positive_number

if TYPE_CHECKING:
    import numpy as np

    from descent.optim import Run

# The chapter's givens: the start, the target for z, and the stopping rule |z − 150| < TOL.
W0, B0, Z_TARGET, TOL = 3.0, 4.0, 150.0, 1e-5
MAX_STEPS = 100


# --8<-- [start:forward-graph]
def forward(w: float, b: float) -> tuple[Value, Value, Value]:
    """Build z = x·y from fresh leaves w and b; return (z, w, b) before any backward pass."""
    w, b = Value(w, label="w"), Value(b, label="b")
    u, v, s = named(2 * w, "u"), named(3 * b, "v"), named(2 * b, "s")  # the engine's own nodes
    x = named(u + v, "x")
    y = named(s + 1, "y")
    return named(x * y, "z"), w, b


def partials(w: float, b: float) -> tuple[float, float, float]:
    """Return z, ∂z/∂w and ∂z/∂b at (w, b), the derivatives from one backward pass."""
    z, w, b = forward(w, b)
    z.backward()  # ∂z/∂b collects two paths, b → x → z and b → y → z
    return z.data, w.grad, b.grad


# --8<-- [end:forward-graph]


@dataclass(frozen=True)
class Step:
    """One line of an iteration log: the point, its error, and the update computed there."""

    w: float
    b: float
    z: float
    dz: float  # Δz = z − target
    factor_w: float | None = None  # ∂z/∂w used to divide w's share of Δz (None: w stays put)
    factor_b: float | None = None
    delta_w: float = 0.0
    delta_b: float = 0.0


def _divide(share: float, factor: float, name: str, w: float, b: float) -> float:
    if factor == 0:
        raise ZeroDivisionError(
            f"∂z/∂{name} = 0 at w = {w:g}, b = {b:g}: the error cannot be divided by it"
        )
    return share / factor


# --8<-- [start:divide-error]
def divide_error(
    w: float = W0,
    b: float = B0,
    *,
    move: str = "b",
    recompute: bool = True,
    target: float = Z_TARGET,
    tol: float = TOL,
) -> list[Step]:
    """Move ``move`` ("w", "b" or "wb") until |z − target| < tol; Δ = (share of Δz) / ∂z/∂var.

    >>> [s.z for s in divide_error(move="w")]
    [162.0, 150.0]
    """
    w, b, target = finite_number("w", w), finite_number("b", b), finite_number("target", target)
    tol = positive_number("tol", tol)
    if move not in ("w", "b", "wb"):
        raise ValueError(f"move must be 'w', 'b' or 'wb', got {move!r}")
    _, fixed_w, fixed_b = partials(w, b)  # the factors at the start, kept if not recomputed
    log: list[Step] = []
    for _ in range(MAX_STEPS):
        z, factor_w, factor_b = partials(w, b)
        dz = z - target
        if abs(dz) < tol:
            log.append(Step(w, b, z, dz))
            return log
        if not recompute:
            factor_w, factor_b = fixed_w, fixed_b
        share = dz / len(move)  # "wb": half of the error on w's account, half on b's
        used_w = factor_w if "w" in move else None  # None: this variable stays put
        used_b = factor_b if "b" in move else None
        dw = 0.0 if used_w is None else _divide(share, used_w, "w", w, b)
        db = 0.0 if used_b is None else _divide(share, used_b, "b", w, b)
        log.append(Step(w, b, z, dz, used_w, used_b, dw, db))
        w, b = w - dw, b - db  # both from the same point, then both move
        if not (math.isfinite(w) and math.isfinite(b)):
            raise OverflowError(f"the iteration left the finite numbers at step {len(log)}")
    raise ArithmeticError(
        f"|z − {target:g}| did not fall below {tol:g} in {MAX_STEPS} steps (last Δz = {dz:.6g})"
    )


# --8<-- [end:divide-error]


# --8<-- [start:descend-on-loss]
def descend_on_loss(
    lr: float, w: float = W0, b: float = B0, *, move: str = "b", target: float = Z_TARGET
) -> Run:
    """Gradient descent on J = ½(z − target)² over b (or w and b), stopping when |z − t| < TOL.

    >>> run = descend_on_loss(0.25 / 63**2)
    >>> run.steps, round(float(run.theta[0]), 6)
    (53, 3.805937)
    """
    from descent.optim import GD, descend  # descend keeps the path in numpy arrays

    target = finite_number("target", target)
    names = {"b": [1], "wb": [0, 1]}.get(move)
    if names is None:
        raise ValueError(f"move must be 'b' or 'wb', got {move!r}")

    def point(theta: np.ndarray) -> tuple[float, float]:
        return (theta[0], theta[1]) if move == "wb" else (w, theta[0])

    def loss(theta: np.ndarray) -> float:
        return 0.5 * (partials(*point(theta))[0] - target) ** 2

    def grad(theta: np.ndarray) -> list[float]:
        z, vw, vb = forward(*point(theta))
        J = 0.5 * (z - target) ** 2
        J.backward()  # ∂J/∂b = (z − t)·∂z/∂b: the engine multiplies it out
        return [vw.grad, vb.grad] if move == "wb" else [vb.grad]

    start = [w, b] if move == "wb" else [b]
    return descend(loss, grad, start, GD(lr), steps=10_000, stop_below=0.5 * TOL**2)


# --8<-- [end:descend-on-loss]


def exact_b(w: float = W0, target: float = Z_TARGET) -> tuple[float, float]:
    """Both roots of z(b) = target at fixed w: 6b² + (4w + 3)b + 2w − target = 0.

    >>> exact_b(3.0, 6.0)
    (-2.5, 0.0)
    """
    p, q = 4 * finite_number("w", w) + 3, 2 * w - finite_number("target", target)
    disc = p * p - 24 * q
    if disc < 0:
        raise ValueError(f"target {target:g} is below the least z = {2 * w - p * p / 24:g}")
    r = math.sqrt(disc)
    return (-p - r) / 12, (-p + r) / 12
