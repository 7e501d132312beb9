"""Input checks shared by the package: bad input raises, it never turns into NaN."""

from __future__ import annotations

import functools
import inspect
import math
import numbers
from collections.abc import Callable, Iterable
from typing import ParamSpec, TypeVar

import numpy as np

P = ParamSpec("P")
R = TypeVar("R")


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


def _is_real(value: object) -> bool:
    """A real number: int, float, numpy's integers and floats; not bool, text or None."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def finite_number(name: str, value: float) -> float:
    """Return ``value`` as a float if it is a finite real number, else raise naming ``name``.

    The one rule of the package: numbers only (text such as "0.5" and bool are refused).

    >>> finite_number("w", 2)
    2.0
    >>> finite_number("lr", "0.1")
    Traceback (most recent call last):
    ...
    TypeError: lr must be a real number, got '0.1'
    """
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value[()]  # a 0-d array, as numpy reductions return, holds one number
    if not _is_real(value):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    number = float(value)
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


def whole_number(name: str, value: int, minimum: int = 0) -> int:
    """Return ``value`` as an int if it is an integer (numpy's too) ≥ ``minimum``, else raise.

    >>> whole_number("steps", np.int64(3))
    3
    >>> whole_number("steps", 2.0)
    Traceback (most recent call last):
    ...
    TypeError: steps must be an integer, got 2.0
    """
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if value < minimum:
        bound = "a non-negative integer" if minimum == 0 else f"an integer ≥ {minimum}"
        raise ValueError(f"{name} must be {bound}, got {value}")
    return int(value)


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


def finite_result(function: Callable[P, R]) -> Callable[P, R]:
    """Decorate ``function`` so that a result too large or too small for a float is refused.

    numpy only warns when a sum overflows and returns inf; the decorated function instead
    raises an ``OverflowError`` that names it and its arguments.

    >>> @finite_result
    ... def square(x):
    ...     return np.square(as_vector("x", x))
    >>> square([1e200])
    Traceback (most recent call last):
    ...
    OverflowError: square: the result is not a finite number (x too large or too small for it)
    """
    names = ", ".join(inspect.signature(function).parameters)

    @functools.wraps(function)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            out = function(*args, **kwargs)
        if not all(
            np.isfinite(part).all() for part in (out if isinstance(out, tuple) else (out,))
        ):
            raise OverflowError(
                f"{function.__name__}: the result is not a finite number "
                f"({names} too large or too small for it)"
            )
        return out

    return checked


def binary_exponent(values: np.ndarray) -> int:
    """Return e with max|values| < 2^e (0 for all zeros): dividing by 2^e (``np.ldexp(v, -e)``)
    is exact, and brings every entry below 1 so that sums of products can neither overflow nor
    underflow; the rounding of the scaled computation is the same as that of the unscaled one.

    >>> binary_exponent(np.array([3.0, -5.0])), binary_exponent(np.zeros(2))
    (3, 0)
    """
    largest = float(np.max(np.abs(values)))
    return math.frexp(largest)[1] if largest else 0
