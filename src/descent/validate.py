"""Input checks shared by the package: bad input raises, it never turns into NaN."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np


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
        try:
            arr = np.asarray(values, dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"{name} must be a sequence of numbers, got {values!r}") from exc
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


def finite_number(name: str, value: float) -> float:
    """Return ``value`` as a float if it is a finite real number, else raise naming ``name``.

    >>> finite_number("w", 2)
    2.0
    """
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be a real number, got {value!r}") from exc
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {number}")
    return number


def positive_number(name: str, value: float) -> float:
    """Return ``value`` as a float if it is finite and > 0, else raise naming ``name``.

    >>> positive_number("lr", 0.5)
    0.5
    >>> positive_number("lr", 0)
    Traceback (most recent call last):
    ...
    ValueError: lr must be > 0, got 0.0
    """
    number = finite_number(name, value)
    if number <= 0:
        raise ValueError(f"{name} must be > 0, got {number}")
    return number
