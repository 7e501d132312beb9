"""Checks on single numbers, with the standard library only: finite, positive, whole.

The pages run the book's scalar code in the browser, where numpy is not available, so these
checks never import numpy. numpy's numbers still pass (``np.float64`` is a ``numbers.Real``);
a numpy object can only reach them once numpy has been imported, and only then are numpy's
0-d arrays and ``bool_`` looked at. Array checks are in :mod:`descent.validate`.

>>> finite_number("x", 3), positive_number("lr", 0.5), whole_number("steps", 4)
(3.0, 0.5, 4)
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import math
import numbers
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def _numpy():
    """numpy if something has imported it already, else None (then no value comes from it)."""
    return sys.modules.get("numpy")


def is_real(value: object) -> bool:
    """A real number: int, float, numpy's integers and floats; not bool, text or None.

    >>> is_real(2), is_real(2.5), is_real(True), is_real("2")
    (True, True, False, False)
    """
    np = _numpy()
    if isinstance(value, bool) or (np is not None and isinstance(value, np.bool_)):
        return False
    return isinstance(value, numbers.Real)


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
    np = _numpy()
    if np is not None and isinstance(value, np.ndarray) and value.shape == ():
        value = value[()]  # a 0-d array, as numpy reductions return, holds one number
    if not is_real(value):
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

    >>> whole_number("steps", 3)
    3
    >>> whole_number("steps", 2.0)
    Traceback (most recent call last):
    ...
    TypeError: steps must be an integer, got 2.0
    """
    np = _numpy()
    flag = isinstance(value, bool) or (np is not None and isinstance(value, np.bool_))
    if flag or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if value < minimum:
        bound = "a non-negative integer" if minimum == 0 else f"an integer ≥ {minimum}"
        raise ValueError(f"{name} must be {bound}, got {value}")
    return int(value)


def _finite(part: object) -> bool:
    np = _numpy()
    if np is not None:
        return bool(np.isfinite(part).all())
    if isinstance(part, list | tuple):
        return all(_finite(p) for p in part)
    return math.isfinite(part)


def finite_result(function: Callable[P, R]) -> Callable[P, R]:
    """Decorate ``function`` so that a result too large or too small for a float is refused.

    Python raises on some overflows and returns inf on others (``1e200 * 1e200``), and numpy
    only warns; the decorated function instead raises an ``OverflowError`` that names it and
    its arguments.

    >>> @finite_result
    ... def square(x):
    ...     return x * x
    >>> square(1e200)
    Traceback (most recent call last):
    ...
    OverflowError: square: the result is not a finite number (x too large or too small for it)
    """
    names = ", ".join(inspect.signature(function).parameters)

    @functools.wraps(function)
    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        np = _numpy()
        quiet = contextlib.nullcontext() if np is None else np.errstate(all="ignore")
        with quiet:
            out = function(*args, **kwargs)
        if not all(_finite(part) for part in (out if isinstance(out, tuple) else (out,))):
            raise OverflowError(
                f"{function.__name__}: the result is not a finite number "
                f"({names} too large or too small for it)"
            )
        return out

    return checked
