"""The sigmoid σ(z) = 1 / (1 + e^(−z)) and its derivative σ(z)·(1 − σ(z)), computed stably.

>>> sigmoid(0.0), sigmoid_grad(0.0)
(0.5, 0.25)
"""

from __future__ import annotations

import math

import numpy as np

Number = float | np.ndarray


def _as_finite(name: str, z: float | np.ndarray) -> np.ndarray:
    try:
        arr = np.asarray(z, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be a number or an array of numbers, got {z!r}") from exc
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {z!r}")
    return arr


def _same_kind(arr: np.ndarray) -> Number:
    # a scalar in gives a plain float out, so σ(0) prints as 0.5 and not array(0.5)
    return float(arr) if arr.ndim == 0 else arr


# --8<-- [start:sigmoid]
def _exp(x: np.ndarray) -> Number:
    """e^x elementwise; a single number goes through the C library's exp (math.exp).

    On some CPUs numpy's exp has its own vector code whose last bit can differ from the C
    library's. Numerical derivatives of σ blow that bit up by 1/h; with math.exp, the book's
    tables come out the same on every machine.
    """
    return math.exp(x) if np.ndim(x) == 0 else np.exp(x)


def sigmoid(z: Number) -> Number:
    """Return σ(z) = 1 / (1 + e^(−z)), elementwise, without overflow for large |z|.

    >>> sigmoid(0.0)
    0.5
    >>> sigmoid(np.array([-1000.0, 1000.0]))
    array([0., 1.])
    """
    z = _as_finite("z", z)
    e = _exp(-np.abs(z))  # e^(−|z|) ≤ 1, so it never overflows
    # z ≥ 0: σ = 1/(1 + e^(−z));  z < 0: σ = e^z/(1 + e^z), the same number rewritten
    return _same_kind(np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)))


def sigmoid_grad(z: Number) -> Number:
    """Return dσ/dz = σ(z)·(1 − σ(z)), elementwise.

    >>> sigmoid_grad(0.0)
    0.25
    """
    s = np.asarray(sigmoid(z))
    return _same_kind(s * (1.0 - s))


# --8<-- [end:sigmoid]
