"""Scalar reverse-mode autograd: a ``Value`` records how it was made, then differentiates.

>>> a, b = Value(2.0, label="a"), Value(3.0, label="b")
>>> L = a * b + a
>>> L.backward()
>>> L.data, a.grad, b.grad
(8.0, 4.0, 2.0)
"""

from __future__ import annotations

import math
import numbers

from descent.engine_functions import Functions
from descent.graph import copy_graph, topological_order


def _real(name: str, x: object) -> float:
    """Return ``x`` as a finite float; a non-number or a NaN/inf is refused, naming ``name``."""
    if type(x) is float:  # the common case, checked first because it is fast
        if math.isfinite(x):
            return x
        raise ValueError(f"{name} must be finite, got {x}")
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"{name} must be a real number or a Value, got {x!r}")
    x = float(x)
    if not math.isfinite(x):
        raise ValueError(f"{name} must be finite, got {x}")
    return x


# --8<-- [start:value-node]
class Value(Functions):
    """One number in a computation, with the record needed to differentiate through it.

    >>> Value(1.5)
    Value(data=1.5, grad=0.0)
    """

    __slots__ = ("_g", "_local", "_parents", "data", "grad", "label", "op")

    def __init__(self, data: float, label: str = "") -> None:
        self.data = _real("data", data)
        self.grad = 0.0  # ∂L/∂(this value), filled in by L.backward()
        self.label = label
        self.op = ""  # an input (a leaf) was made by no operation
        self._parents: tuple[Value, ...] = ()
        self._local: tuple[float, ...] = ()  # ∂(this)/∂(each parent), same order

    @staticmethod
    def node(data: float, op: str, parents: tuple, local: tuple) -> Value:
        """Return the result of ``op`` with its inputs and its local derivatives recorded."""
        for x in (data, *local):
            if not math.isfinite(x):
                raise OverflowError(f"{op}: got {x}, not a finite number (inputs {parents})")
        out = Value.__new__(Value)
        out.data, out.grad, out.label, out.op = data, 0.0, "", op
        out._parents, out._local = parents, local
        return out

    def __repr__(self) -> str:
        return f"Value(data={self.data!r}, grad={self.grad!r})"

    # --8<-- [end:value-node]

    # --8<-- [start:value-arithmetic]
    def __add__(self, other: Value | float) -> Value:
        other = lift(other)
        # ∂(x + y)/∂x = 1, ∂(x + y)/∂y = 1
        return Value.node(self.data + other.data, "+", (self, other), (1.0, 1.0))

    def __sub__(self, other: Value | float) -> Value:
        other = lift(other)
        # ∂(x − y)/∂x = 1, ∂(x − y)/∂y = −1
        return Value.node(self.data - other.data, "-", (self, other), (1.0, -1.0))

    def __mul__(self, other: Value | float) -> Value:
        other = lift(other)
        x, y = self.data, other.data
        # ∂(x·y)/∂x = y, ∂(x·y)/∂y = x
        return Value.node(x * y, "*", (self, other), (y, x))

    def __truediv__(self, other: Value | float) -> Value:
        other = lift(other)
        x, y = self.data, other.data
        if y == 0:
            raise ZeroDivisionError(f"division by zero: the divisor is 0 (dividend {x})")
        q = x / y
        # ∂(x/y)/∂x = 1/y, ∂(x/y)/∂y = −x/y², computed as −(x/y)/y: y² alone may underflow
        return Value.node(q, "/", (self, other), (1.0 / y, -q / y))

    def __pow__(self, n: float) -> Value:
        if isinstance(n, Value):
            raise TypeError("the exponent must be a plain number, not a Value")
        n, x = _real("exponent", n), self.data
        if (x < 0 and not n.is_integer()) or (x == 0 and n < 1 and n != 0):
            raise ValueError(f"x ** {n:g} has no real derivative at x = {x}")
        try:  # ∂(xⁿ)/∂x = n·xⁿ⁻¹ (and 0 for n = 0, where xⁿ = 1 is constant)
            power, slope = x**n, (n * x ** (n - 1) if n else 0.0)
        except OverflowError:
            raise OverflowError(f"**{n:g}: {x} ** {n:g} is too large for a float") from None
        return Value.node(power, f"**{n:g}", (self,), (slope,))

    def __neg__(self) -> Value:
        # ∂(−x)/∂x = −1
        return Value.node(-self.data, "neg", (self,), (-1.0,))

    # reflected forms, so that 2 * v and 1 - v work: the number becomes a constant Value
    def __radd__(self, other: float) -> Value:
        return lift(other) + self

    def __rsub__(self, other: float) -> Value:
        return lift(other) - self

    def __rmul__(self, other: float) -> Value:
        return lift(other) * self

    def __rtruediv__(self, other: float) -> Value:
        return lift(other) / self

    # --8<-- [end:value-arithmetic]

    # --8<-- [start:value-backward]
    def backward(self, grad: float = 1.0) -> None:
        """Add ∂(self)/∂v · grad to ``v.grad`` for every value v that self depends on."""
        order = topological_order(self)
        for v in order:
            v._g = 0.0  # this pass's ∂self/∂v, kept apart so repeated passes simply add
        self._g = _real("grad", grad)
        for v in reversed(order):  # results before their inputs: v._g is complete here
            if not math.isfinite(v._g):
                raise OverflowError(f"the gradient reached {v._g} at a {v.op or 'leaf'} node")
            for parent, local in zip(v._parents, v._local, strict=True):
                parent._g += v._g * local  # chain rule: one term per path through v
        for v in order:
            v.grad += v._g  # accumulate, as PyTorch does; zero_grad() resets

    def zero_grad(self) -> None:
        """Reset this value's gradient to 0 before the next backward pass."""
        self.grad = 0.0

    # --8<-- [end:value-backward]

    # copies without recursion, so that a graph a million nodes deep can be copied and pickled
    def __deepcopy__(self, memo: dict) -> Value:
        return copy_graph(self, memo)

    def __reduce__(self) -> tuple:
        """Pickle the graph as a flat list, inputs first; leaves are pickled as themselves
        (so that they stay shared), the results behind them are rebuilt from their records."""
        if not self._parents:
            return _leaf, (self.data, self.grad, self.label)
        order = topological_order(self)
        index = {id(v): i for i, v in enumerate(order)}
        records = [
            v
            if not v._parents
            else (v.data, v.grad, v.op, v.label, v._local, tuple(index[id(p)] for p in v._parents))
            for v in order
        ]
        return _rebuild, (records,)


def _leaf(data: float, grad: float, label: str) -> Value:
    leaf = Value(data, label)
    leaf.grad = grad
    return leaf


def _rebuild(records: list) -> Value:
    nodes: list[Value] = []
    for record in records:
        if not isinstance(record, Value):
            data, grad, op, label, local, parents = record
            record = Value.node(data, op, tuple(nodes[i] for i in parents), local)
            record.grad, record.label = grad, label
        nodes.append(record)
    return nodes[-1]


def lift(x: Value | float) -> Value:
    """Return ``x`` if it is a Value, else a constant Value holding the number ``x``.

    >>> lift(2).data
    2.0
    """
    return x if isinstance(x, Value) else Value(_real("operand", x))
