"""Gradient descent that records its path, with plain GD, momentum and Adam behind one interface.

An optimiser turns the current parameters θ and the gradient g = ∇J(θ) into new parameters.
``descend`` repeats that, records every iterate, and stops with a ``DivergenceError`` (naming
the step and the learning rate) as soon as the loss stops being a finite, bounded number.

>>> run = descend(lambda t: float(t @ t), lambda t: 2 * t, [1.0], GD(lr=0.25), steps=2)
>>> run.thetas[:, 0].tolist(), run.losses.tolist()
([1.0, 0.5, 0.25], [1.0, 0.25, 0.0625])
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from descent.validate import as_vector, finite_number, positive_number, whole_number

Loss = Callable[[np.ndarray], float]
Gradient = Callable[[np.ndarray], np.ndarray]


class DivergenceError(ArithmeticError):
    """The loss became non-finite or grew past the limit; ``run`` holds the path up to there."""

    def __init__(self, message: str, run: Run) -> None:
        super().__init__(message)
        self.run = run


@dataclass
class GD:
    """Plain gradient descent: θ ← θ − η·g.

    >>> GD(lr=0.5).step(np.array([2.0]), np.array([4.0]))
    array([0.])
    """

    lr: float

    def __post_init__(self) -> None:
        self.lr = positive_number("lr", self.lr)

    def reset(self) -> None:
        """Forget what earlier steps left behind (plain GD keeps nothing)."""

    # --8<-- [start:gd-step]
    def step(self, theta: np.ndarray, grad: np.ndarray) -> np.ndarray:
        # minus: the gradient points uphill, so we step the other way
        return theta - self.lr * grad

    # --8<-- [end:gd-step]


@dataclass
class Momentum:
    """Heavy-ball momentum: v ← β·v + g, θ ← θ − η·v.

    >>> opt = Momentum(lr=0.5, beta=0.5)
    >>> opt.step(np.array([0.0]), np.array([1.0])), opt.step(np.array([-0.5]), np.array([1.0]))
    (array([-0.5]), array([-1.25]))
    """

    lr: float
    beta: float = 0.9
    v: np.ndarray | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.lr = positive_number("lr", self.lr)
        if not 0 <= finite_number("beta", self.beta) < 1:
            raise ValueError(f"beta must be in [0, 1), got {self.beta}")
        self.beta = float(self.beta)

    def reset(self) -> None:
        """Forget the velocity, so that the next descent starts from rest."""
        self.v = None

    # --8<-- [start:momentum-step]
    def step(self, theta: np.ndarray, grad: np.ndarray) -> np.ndarray:
        # v remembers past gradients: steps that agree add up, steps that alternate cancel
        self.v = grad if self.v is None else self.beta * self.v + grad
        return theta - self.lr * self.v

    # --8<-- [end:momentum-step]


@dataclass
class Adam:
    """Adam: running means of g and g², bias-corrected, set each coordinate's step size.

    >>> Adam(lr=0.1).step(np.array([1.0, 1.0]), np.array([4.0, -0.01])).round(6)  # first step: ±η
    array([0.9, 1.1])
    """

    lr: float
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    m: np.ndarray | None = field(default=None, repr=False)
    s: np.ndarray | None = field(default=None, repr=False)
    t: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        self.lr = positive_number("lr", self.lr)
        self.eps = positive_number("eps", self.eps)
        for name in ("beta1", "beta2"):
            if not 0 <= finite_number(name, getattr(self, name)) < 1:
                raise ValueError(f"{name} must be in [0, 1), got {getattr(self, name)}")
            setattr(self, name, float(getattr(self, name)))

    def reset(self) -> None:
        """Forget the running means and the step count, so that the next descent starts afresh."""
        self.m, self.s, self.t = None, None, 0

    # --8<-- [start:adam-step]
    def step(self, theta: np.ndarray, grad: np.ndarray) -> np.ndarray:
        self.t += 1
        m = grad * 0 if self.m is None else self.m
        s = grad * 0 if self.s is None else self.s
        self.m = self.beta1 * m + (1 - self.beta1) * grad  # mean of g
        self.s = self.beta2 * s + (1 - self.beta2) * grad**2  # mean of g²
        # both means start at 0; dividing by 1 − βᵗ removes that pull towards 0
        m_hat = self.m / (1 - self.beta1**self.t)
        s_hat = self.s / (1 - self.beta2**self.t)
        return theta - self.lr * m_hat / (np.sqrt(s_hat) + self.eps)

    # --8<-- [end:adam-step]


@dataclass(frozen=True)
class Run:
    """The path of one descent: ``thetas[k]`` is θ after k steps, ``losses[k] = J(thetas[k])``."""

    thetas: np.ndarray
    losses: np.ndarray
    grads: np.ndarray
    lr: float

    @property
    def steps(self) -> int:
        return len(self.losses) - 1

    @property
    def theta(self) -> np.ndarray:
        return self.thetas[-1]


def _run(thetas: list, losses: list, grads: list, lr: float) -> Run:
    return Run(np.array(thetas), np.array(losses), np.array(grads).reshape(-1, len(thetas[0])), lr)


# --8<-- [start:descend]
def descend(
    loss: Loss,
    grad: Gradient,
    start: np.ndarray,
    optimizer: GD | Momentum | Adam,
    *,
    steps: int = 10_000,
    stop_below: float | None = None,
    limit: float = 1e12,
) -> Run:
    """Take up to ``steps`` optimiser steps from ``start``, stopping once J < ``stop_below``.

    The optimiser is reset first: momentum or Adam state from an earlier descent is not carried in.

    >>> run = descend(lambda t: float(t @ t), lambda t: 2 * t, [4.0], GD(0.25), stop_below=1)
    >>> run.steps, run.theta.tolist()
    (3, [0.5])
    """
    theta = as_vector("start", start)
    steps = whole_number("steps", steps)
    stop_below = None if stop_below is None else finite_number("stop_below", stop_below)
    if not (callable(getattr(optimizer, "step", None)) and hasattr(optimizer, "lr")):
        raise TypeError(f"optimizer must be GD, Momentum, Adam or alike, got {optimizer!r}")
    if callable(getattr(optimizer, "reset", None)):
        optimizer.reset()
    thetas, losses, grads = [theta], [finite_number("loss at start", loss(theta))], []
    with np.errstate(over="ignore", invalid="ignore"):  # overflow is reported below, by step
        for k in range(1, steps + 1):
            if stop_below is not None and losses[-1] < stop_below:
                break
            g = np.asarray(grad(theta), dtype=np.float64)
            if g.shape != theta.shape:
                raise ValueError(f"grad returned shape {g.shape}, expected {theta.shape}")
            theta = optimizer.step(theta, g)
            thetas.append(theta)
            grads.append(g)
            losses.append(float(loss(theta)))
            J = losses[-1]
            if not (math.isfinite(J) and np.isfinite(theta).all() and abs(J) <= limit):
                raise DivergenceError(
                    f"diverged at step {k} with lr={optimizer.lr:g}: loss {J:.6g} "
                    f"(limit {limit:g}); try a smaller learning rate",
                    _run(thetas, losses, grads, optimizer.lr),
                )
    return _run(thetas, losses, grads, optimizer.lr)


# --8<-- [end:descend]
