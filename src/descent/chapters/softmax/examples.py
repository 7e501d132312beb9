"""Worked examples of the softmax chapter: z = (1, 2, 3) with true class 1, and large logits."""

from __future__ import annotations

import numpy as np

from descent import softmax as sm

Z, Y = (1.0, 2.0, 3.0), 1  # the worked example: logits and the true class index
SHIFTS = (0.0, 100.0, 700.0, 710.0, 1000.0)  # z + c for each c
CONSTANT = 100.0  # the shift of exercise 13.1


def worked() -> dict[str, np.ndarray | float]:
    """p, the loss and its gradient at the worked example."""
    return {
        "p": sm.softmax(Z),
        "loss": sm.cross_entropy(Z, Y),
        "grad": sm.cross_entropy_grad(Z, Y),
        "jacobian": sm.softmax_jacobian(Z),
    }


def shifted(c: float) -> tuple[np.ndarray, np.ndarray]:
    """Naive and stable softmax of z + c; the naive one overflows to nan for large c."""
    z = np.array(Z) + c
    with np.errstate(over="ignore", invalid="ignore"):  # the overflow is the point here
        return sm.softmax_naive(z), sm.softmax(z)
