"""The elementary functions of ``Value``, each with its local derivative beside its forward value.

``Value`` inherits these methods; each computes f(x) and f'(x) and hands both to
``Value.node``, which records them for the backward pass. Each returns a new node of the
class it is mixed into (``Self``), so this module needs nothing from ``descent.engine``.

>>> from descent.engine import Value
>>> y = Value(0.0).sigmoid()
>>> y.backward()
>>> y.data, y.grad
(0.5, 1.0)
"""

from __future__ import annotations

import math
from typing import Self


class Functions:
    """exp, log, sqrt, sin, tanh, sigmoid and relu as methods (mixed into ``Value``)."""

    __slots__ = ()
    data: float

    # --8<-- [start:value-functions]
    def exp(self) -> Self:
        try:
            e = math.exp(self.data)
        except OverflowError:
            raise OverflowError(f"exp({self.data}) is too large for a float") from None
        return self.node(e, "exp", (self,), (e,))  # (eˣ)' = eˣ

    def log(self) -> Self:
        if self.data <= 0:
            raise ValueError(f"log needs a positive number, got {self.data}")
        return self.node(math.log(self.data), "log", (self,), (1.0 / self.data,))  # (ln x)' = 1/x

    def sqrt(self) -> Self:
        if self.data <= 0:
            raise ValueError(f"sqrt needs x > 0 (its slope is infinite at 0), got {self.data}")
        r = math.sqrt(self.data)
        return self.node(r, "sqrt", (self,), (0.5 / r,))  # (√x)' = 1/(2√x)

    def sin(self) -> Self:
        return self.node(math.sin(self.data), "sin", (self,), (math.cos(self.data),))  # sin' = cos

    def tanh(self) -> Self:
        t = math.tanh(self.data)
        return self.node(t, "tanh", (self,), (1.0 - t * t,))  # tanh' = 1 − tanh²

    def sigmoid(self) -> Self:
        x = self.data
        # two algebraically equal forms; each avoids exp of a large positive number
        s = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
        return self.node(s, "sigmoid", (self,), (s * (1.0 - s),))  # σ' = σ(1 − σ)

    def relu(self) -> Self:
        # slope 1 where x > 0, else 0 (at the kink x = 0 we take 0, as PyTorch does)
        return self.node(max(self.data, 0.0), "relu", (self,), (1.0 if self.data > 0 else 0.0,))

    # --8<-- [end:value-functions]
