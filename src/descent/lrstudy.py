"""How a run ends: reached the tolerance, diverged, or neither; and the 2/L limit on η.

``attempt`` wraps :func:`descent.optim.descend` so that a diverging run is a result to show
(its partial path comes from ``DivergenceError.run``) instead of an exception to stop on.

>>> from descent.landscapes import square, square_grad
>>> attempt(square, square_grad, [1.0], GD(0.25), stop_below=0.01).reached
4
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from descent.finite import positive_number
from descent.optim import GD, Adam, DivergenceError, Gradient, Loss, Momentum, Run, descend
from descent.validate import as_vector


@dataclass(frozen=True)
class Outcome:
    """One run and how it ended: ``reached`` = steps to J < tolerance, ``diverged_at`` = step."""

    run: Run
    reached: int | None
    diverged_at: int | None

    @property
    def lr(self) -> float:
        return self.run.lr


# --8<-- [start:attempt]
def attempt(
    loss: Loss,
    grad: Gradient,
    start: Sequence[float] | np.ndarray,
    optimizer: GD | Momentum | Adam,
    *,
    stop_below: float,
    steps: int = 1000,
) -> Outcome:
    """Descend until J < ``stop_below``; a divergence is recorded with the step it happened at.

    >>> from descent.landscapes import square, square_grad
    >>> attempt(square, square_grad, [1.0], GD(1.5), stop_below=0.01).diverged_at
    20
    """
    stop_below = positive_number("stop_below", stop_below)
    try:
        run = descend(loss, grad, start, optimizer, steps=steps, stop_below=stop_below)
    except DivergenceError as err:
        # err.run is the path up to the step where J left the finite, bounded numbers
        return Outcome(err.run, None, err.run.steps)
    return Outcome(run, run.steps if run.losses[-1] < stop_below else None, None)


# --8<-- [end:attempt]


def lr_sweep(
    loss: Loss,
    grad: Gradient,
    start: Sequence[float] | np.ndarray,
    lrs: Sequence[float],
    *,
    stop_below: float,
    steps: int = 1000,
) -> list[Outcome]:
    """Plain gradient descent once per learning rate in ``lrs``, all from the same start.

    >>> from descent.landscapes import square, square_grad
    >>> [o.reached for o in lr_sweep(square, square_grad, [1.0], [0.25, 0.5], stop_below=0.01)]
    [4, 1]
    """
    if len(lrs) == 0:
        raise ValueError("lrs is empty")
    return [attempt(loss, grad, start, GD(lr), stop_below=stop_below, steps=steps) for lr in lrs]


# --8<-- [start:contraction]
def contraction(lr: float, L: float) -> float:
    """The factor 1 − ηL that one step of GD multiplies x by on J = (L/2)·x².

    >>> contraction(0.25, 2.0), contraction(1.5, 2.0)
    (0.5, -2.0)
    """
    return 1.0 - positive_number("lr", lr) * positive_number("L", L)


def critical_lr(L: float) -> float:
    """The largest stable learning rate on J = (L/2)·x²: |1 − ηL| < 1 ⇔ 0 < η < 2/L.

    >>> critical_lr(2.0)
    1.0
    """
    return 2.0 / positive_number("L", L)


# --8<-- [end:contraction]


def settle(
    loss: Loss,
    grad: Gradient,
    starts: Sequence[float],
    lr: float,
    *,
    steps: int = 200,
) -> list[Run]:
    """One GD run of ``steps`` steps from each 1-D start: where does each one come to rest?

    >>> from descent.landscapes import square, square_grad
    >>> [float(r.theta[0]) for r in settle(square, square_grad, [-1.0, 2.0], 0.5, steps=1)]
    [0.0, 0.0]
    """
    points = as_vector("starts", starts)
    return [descend(loss, grad, [x0], GD(lr), steps=steps) for x0 in points]
