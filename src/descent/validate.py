"""Input checks shared by the package: bad input raises, it never turns into NaN.

Checks on single numbers live in :mod:`descent.finite` (standard library only) and are
re-exported here with the array checks.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable

import numpy as np

from descent.finite import finite_number, finite_result, positive_number, whole_number
from descent.finite import is_real as _is_real

__all__ = [
    "as_vector",
    "binary_exponent",
    "finite_number",
    "finite_result",
    "generator",
    "paired",
    "positive_number",
    "same_length",
    "whole_number",
]


def as_vector(name: str, values: Iterable[float] | np.ndarray) -> np.ndarray:
    """Return ``values`` as a non-empty, finite, 1-D float64 array, or raise naming ``name``.

    >>> as_vector("x", [1, 2.5])
    array([1. , 2.5])
    >>> as_vector("x", [])
    Traceback (most recent call last):
    ...
    ValueError: x is empty
    """
    if type(values) is np.ndarray and values.dtype == np.float64:
        arr = values  # the common case inside loops: no copy, no conversion
    else:
        try:  # a list stays a list of objects here, so that True is not taken for 1.0
            raw = values if isinstance(values, np.ndarray) else np.asarray(values, dtype=object)
        except (TypeError, ValueError) as exc:  # e.g. rows of different lengths
            raise TypeError(f"{name} must be a sequence of numbers, got {values!r}") from exc
        if raw.dtype.kind not in "iuf":  # text, bool, None, complex, ...
            for i, item in enumerate(raw.reshape(-1).tolist()):
                if not _is_real(item):
                    raise TypeError(f"{name} must hold real numbers, got {item!r} at index {i}")
        arr = raw.astype(np.float64)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got shape {arr.shape}")
    if arr.size == 0:
        raise ValueError(f"{name} is empty")
    if not np.isfinite(arr).all():
        bad = int(np.flatnonzero(~np.isfinite(arr))[0])
        raise ValueError(f"{name} contains a non-finite value at index {bad}: {arr[bad]}")
    return arr


def same_length(**arrays: np.ndarray) -> int:
    """Return the common length of the named arrays, or raise naming the mismatch.

    >>> same_length(x=np.zeros(3), y=np.zeros(3))
    3
    >>> same_length(x=np.zeros(3), y=np.zeros(2))
    Traceback (most recent call last):
    ...
    ValueError: length mismatch: x has 3 values, y has 2 values
    """
    lengths = {name: len(arr) for name, arr in arrays.items()}
    if len(set(lengths.values())) > 1:
        detail = ", ".join(f"{name} has {n} values" for name, n in lengths.items())
        raise ValueError(f"length mismatch: {detail}")
    return next(iter(lengths.values()))


def paired(
    x: Iterable[float] | np.ndarray,
    y: Iterable[float] | np.ndarray,
    names: tuple[str, str] = ("x", "y"),
) -> tuple[np.ndarray, np.ndarray]:
    """Return x and y as vectors of one length (inputs and targets), or raise naming the fault.

    >>> paired([1, 2], [3, 4])
    (array([1., 2.]), array([3., 4.]))
    >>> paired([1, 2], [3])
    Traceback (most recent call last):
    ...
    ValueError: length mismatch: x has 2 values, y has 1 values
    """
    x, y = as_vector(names[0], x), as_vector(names[1], y)
    same_length(**{names[0]: x, names[1]: y})
    return x, y


def generator(rng: np.random.Generator | int) -> np.random.Generator:
    """Return ``rng`` if it is a numpy Generator, or a Generator seeded with the integer ``rng``.

    >>> generator(0).integers(10) == np.random.default_rng(0).integers(10)
    np.True_
    """
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, bool | np.bool_) or not isinstance(rng, numbers.Integral):
        # None would draw a fresh, unrepeatable seed: every run of the book would differ
        raise TypeError(f"rng must be a numpy Generator or an integer seed, got {rng!r}")
    return np.random.default_rng(int(rng))


def binary_exponent(values: np.ndarray) -> int:
    """Return e with max|values| < 2^e (0 for all zeros): dividing by 2^e (``np.ldexp(v, -e)``)
    is exact, and brings every entry below 1 so that sums of products can neither overflow nor
    underflow; the rounding of the scaled computation is the same as that of the unscaled one.

    >>> binary_exponent(np.array([3.0, -5.0])), binary_exponent(np.zeros(2))
    (3, 0)
    """
    largest = float(np.max(np.abs(values)))
    return math.frexp(largest)[1] if largest else 0
