"""Gradient descent in plain Python: chapter 4's loop with lists and floats, no numpy.

It takes the same steps as :func:`descent.optim.descend` with :class:`descent.optim.GD`, number
for number (θ − η·g is computed in the same order), so it is the loop a reader can run and
edit on the page, where Python has no numpy.

>>> plain_descent(lambda p: [2 * p[0]], [1.0], lr=0.25, steps=2)
[[1.0], [0.5], [0.25]]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from descent.finite import finite_number, positive_number, whole_number

Gradient = Callable[[list[float]], Sequence[float]]


def _gradient(grad: Gradient, theta: list[float], step: int) -> list[float]:
    """∇J(θ) as a list of finite numbers, one per coordinate, or an error naming the step."""
    g = [float(v) for v in grad(theta)]
    if len(g) != len(theta):
        raise ValueError(f"grad returned {len(g)} numbers for a point with {len(theta)}")
    if not all(math.isfinite(v) for v in g):
        raise OverflowError(f"the gradient at step {step} is not finite: {g}")
    return g


# --8<-- [start:plain-descent]
def plain_descent(
    grad: Gradient, start: Sequence[float], lr: float, steps: int
) -> list[list[float]]:
    """Take ``steps`` steps θ ← θ − η·∇J(θ) from ``start``; return every point, start first.

    >>> path = plain_descent(lambda p: [2 * p[0]], [1.2], lr=0.3, steps=4)  # J = x², J' = 2x
    >>> [round(p[0], 6) for p in path]
    [1.2, 0.48, 0.192, 0.0768, 0.03072]
    >>> bowl = lambda p: [2 * p[0], 8 * p[1]]  # J = x² + 4y²
    >>> [round(v, 6) for v in plain_descent(bowl, [1.0, 1.0], lr=0.1, steps=3)[-1]]
    [0.512, 0.008]
    """
    lr, steps = positive_number("lr", lr), whole_number("steps", steps)
    theta = [finite_number("start", v) for v in start]
    path = [theta]
    for k in range(1, steps + 1):
        g = _gradient(grad, theta, k)
        # each coordinate moves against its own slope, η times as far
        theta = [t - lr * gi for t, gi in zip(theta, g, strict=True)]
        path.append(theta)
    return path


# --8<-- [end:plain-descent]
