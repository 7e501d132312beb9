"""The sigmoid σ(z) = 1 / (1 + e^(−z)) and its derivative σ(z)·(1 − σ(z)), computed stably.

A single number needs only ``math`` (so the code runs in the page too); an array goes through
numpy, elementwise, with the same two formulas.

>>> sigmoid(0.0), sigmoid_grad(0.0)
(0.5, 0.25)
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from descent.finite import finite_number, is_real

if TYPE_CHECKING:
    import numpy as np

    Number = float | np.ndarray


# --8<-- [start:sigmoid]
def sigmoid(z: Number) -> Number:
    """Return σ(z) = 1 / (1 + e^(−z)), elementwise, without overflow for large |z|.

    >>> sigmoid(0.0)
    0.5
    >>> sigmoid(-1000.0), sigmoid(1000.0)
    (0.0, 1.0)
    """
    if not is_real(z):  # an array (or not a number at all): the same formulas, elementwise
        return _sigmoid_array(z)
    z = finite_number("z", z)
    e = math.exp(-abs(z))  # e^(−|z|) ≤ 1, so it never overflows
    # z ≥ 0: σ = 1/(1 + e^(−z));  z < 0: σ = e^z/(1 + e^z), the same number rewritten
    return 1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)


def sigmoid_grad(z: Number) -> Number:
    """Return dσ/dz = σ(z)·(1 − σ(z)), elementwise.

    >>> sigmoid_grad(0.0)
    0.25
    """
    s = sigmoid(z)
    return s * (1.0 - s)


# --8<-- [end:sigmoid]


def _sigmoid_array(z: np.ndarray) -> Number:
    """σ elementwise on an array; a 0-d array gives a float, as a single number does.

    >>> _sigmoid_array([-1000.0, 0.0, 1000.0])
    array([0. , 0.5, 1. ])
    """
    import numpy as np  # only arrays need numpy

    try:
        arr = np.asarray(z, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"z must be a number or an array of numbers, got {z!r}") from exc
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"z must be finite, got {z!r}")
    if arr.ndim == 0:
        return sigmoid(float(arr))
    e = np.exp(-np.abs(arr))
    return np.where(arr >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
