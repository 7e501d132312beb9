"""Shape rules of the tensor engine: checked inputs, broadcasting and its gradient, matmul shapes.

>>> unbroadcast(np.ones((4, 3)), (1, 3))
array([[4., 4., 4.]])
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Array = np.ndarray
VJP = Callable[[Array], Array]  # upstream gradient ∂L/∂out ↦ this input's share of ∂L/∂in


def all_finite(a: Array | float) -> bool:
    """Whether every entry of ``a`` is a finite number: ``np.isfinite(a).all()``, done faster.

    The engine asks this several times per node; counting skips ``.all()``'s Python wrapper.

    >>> all_finite(np.array([1.0, 2.0])), all_finite(np.array([1.0, np.inf])), all_finite(np.nan)
    (True, False, False)
    """
    finite = np.isfinite(a)
    return bool(np.count_nonzero(finite) == finite.size)


def as_array(name: str, data: object) -> Array:
    """Return a float64 copy of ``data``; non-numbers and NaN/inf are refused, naming ``name``."""
    raw = np.asarray(data)
    if raw.dtype.kind not in "iuf":
        raise TypeError(f"{name} must hold real numbers, got dtype {raw.dtype}: {data!r}")
    arr = np.array(raw, dtype=np.float64)  # a copy: updating a parameter never edits the caller's
    if not all_finite(arr):
        raise ValueError(f"{name} must be finite, got {arr}")
    return arr


# --8<-- [start:unbroadcast]
def unbroadcast(g: Array, shape: tuple[int, ...]) -> Array:
    """Sum ``g`` over the axes broadcasting added or stretched, so that it has ``shape``.

    >>> unbroadcast(np.ones((2, 3)), (3,)), unbroadcast(np.ones((2, 3)), (2, 1))
    (array([2., 2., 2.]), array([[3.],
           [3.]]))
    """
    if g.shape == shape:
        return g
    # an input copied along a new leading axis fed every copy: add up what each copy received
    g = g.sum(axis=tuple(range(g.ndim - len(shape))))
    # an axis of length 1 stretched to length m: the one entry fed all m outputs
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    return g.sum(axis=stretched, keepdims=True) if stretched else g


# --8<-- [end:unbroadcast]


def broadcasting(op: str, f: Callable[[Array, Array], Array], x: Array, y: Array) -> Array:
    """Return f(x, y) for an elementwise f, or raise naming ``op`` if the shapes cannot broadcast.

    >>> broadcasting("+", np.add, np.ones(2), np.ones(3))
    Traceback (most recent call last):
    ...
    ValueError: +: shapes (2,) and (3,) cannot broadcast
    """
    try:
        with np.errstate(over="ignore", invalid="ignore"):  # a non-finite result: Tensor.node
            return f(x, y)
    except ValueError:
        raise ValueError(f"{op}: shapes {x.shape} and {y.shape} cannot broadcast") from None


# --8<-- [start:matmul]
def matmul(a: Array, b: Array) -> tuple[Array, VJP, VJP]:
    """Return A·B and the two gradient rules ∂L/∂A = G·Bᵀ, ∂L/∂B = Aᵀ·G, for 1-D or 2-D A, B.

    >>> out, grad_a, grad_b = matmul(np.array([[1.0, 2.0]]), np.array([3.0, 4.0]))
    >>> out, grad_a(np.array([1.0])), grad_b(np.array([1.0]))
    (array([11.]), array([[3., 4.]]), array([1., 2.]))
    """
    for name, m in (("a", a), ("b", b)):
        if m.ndim not in (1, 2):
            raise ValueError(f"matmul: {name} must be 1-D or 2-D, got shape {m.shape}")
    # a 1-D left operand is a row, a 1-D right operand a column; G then has shape (rows, cols)
    a2 = a.reshape(1, -1) if a.ndim == 1 else a
    b2 = b.reshape(-1, 1) if b.ndim == 1 else b
    if a2.shape[1] != b2.shape[0]:
        raise ValueError(
            f"matmul: shapes {a.shape} and {b.shape} do not fit: "
            f"{a2.shape[1]} columns against {b2.shape[0]} rows"
        )
    rows, cols = a2.shape[0], b2.shape[1]

    def grad_a(g: Array) -> Array:
        return (g.reshape(rows, cols) @ b2.T).reshape(a.shape)

    def grad_b(g: Array) -> Array:
        return (a2.T @ g.reshape(rows, cols)).reshape(b.shape)

    return a @ b, grad_a, grad_b


# --8<-- [end:matmul]
