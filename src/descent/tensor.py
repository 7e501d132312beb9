"""A small array autograd engine on numpy: ``Tensor`` is ``Value`` with an array inside.

>>> w = Tensor([1.0, 2.0], requires_grad=True)
>>> loss = (w * w).sum()
>>> loss.backward()
>>> w.grad
array([2., 4.])
"""

from __future__ import annotations

import numpy as np

from descent.graph import copy_graph
from descent.tensor_backward import backward
from descent.tensor_shapes import VJP, Array, all_finite, as_array, broadcasting, matmul


class Tensor:
    """An array in a computation, with the record needed to differentiate through it.

    >>> Tensor([[1, 2]]).shape
    (1, 2)
    """

    __slots__ = (
        "_g",
        "_parents",
        "_seen",
        "_vjps",
        "data",
        "grad",
        "label",
        "op",
        "requires_grad",
    )
    __array_ufunc__ = None  # ndarray * Tensor must call Tensor.__rmul__, not loop over entries

    def __init__(self, data: object, requires_grad: bool = False, label: str = "") -> None:
        self.data = as_array("data", data)
        self.requires_grad, self.label, self.op = bool(requires_grad), label, ""
        self.grad: Array | None = None  # as in PyTorch: None until a backward pass fills it
        self._parents: tuple[Tensor, ...] = ()
        self._vjps: tuple[VJP, ...] = ()
        self._seen: tuple[Array | tuple, ...] = ()  # the inputs' data as this op saw them

    @staticmethod
    def node(data: Array, op: str, parents: tuple[Tensor, ...], vjps: tuple[VJP, ...]) -> Tensor:
        """Return the result of ``op``; the graph is recorded only if an input requires grad."""
        if not all_finite(data):
            raise OverflowError(f"{op}: the result has entries that are not finite numbers")
        out = Tensor.__new__(Tensor)
        out.data, out.grad, out.label, out.op = np.asarray(data, dtype=np.float64), None, "", op
        out.requires_grad = True in [p.requires_grad for p in parents]
        if not out.requires_grad:
            out._parents, out._vjps, out._seen = (), (), ()
            return out
        out._parents, out._vjps = parents, vjps
        # What backward() compares to tell whether an input was changed in place since: a leaf
        # (a parameter, an input) may be changed, by an optimiser for one, so keep its shape
        # and bytes; a recorded result is made read-only below, so the array itself will do.
        out._seen = tuple([p.data if p._parents else (p.shape, p.data.tobytes()) for p in parents])
        if True in [out.data is p.data for p in parents]:
            out.data = out.data.view()  # never make an input's own array read-only
        out.data.setflags(write=False)
        return out

    @property
    def shape(self) -> tuple[int, ...]:
        return self.data.shape

    def item(self) -> float:
        """Return the single number in a one-element tensor, like ``torch.Tensor.item``."""
        return self.data.item()

    def __repr__(self) -> str:
        return f"Tensor({self.data!r}, requires_grad={self.requires_grad})"

    # --8<-- [start:tensor-elementwise]
    def __add__(self, other: Tensor | object) -> Tensor:
        other = lift(other)
        out = broadcasting("+", np.add, self.data, other.data)
        # ∂(x + y)/∂x = 1 and ∂(x + y)/∂y = 1, entry by entry: pass g through unchanged
        return Tensor.node(out, "+", (self, other), (lambda g: g, lambda g: g))

    def __sub__(self, other: Tensor | object) -> Tensor:
        other = lift(other)
        out = broadcasting("-", np.subtract, self.data, other.data)
        # ∂(x − y)/∂x = 1 and ∂(x − y)/∂y = −1
        return Tensor.node(out, "-", (self, other), (lambda g: g, lambda g: -g))

    def __mul__(self, other: Tensor | object) -> Tensor:
        other = lift(other)
        x, y = self.data, other.data
        out = broadcasting("*", np.multiply, x, y)
        # ∂(x·y)/∂x = y and ∂(x·y)/∂y = x, entry by entry
        return Tensor.node(out, "*", (self, other), (lambda g: g * y, lambda g: g * x))

    def __truediv__(self, other: Tensor | object) -> Tensor:
        other = lift(other)
        x, y = self.data, other.data
        if not y.all():
            raise ZeroDivisionError("division by zero: the divisor has an entry equal to 0")
        with np.errstate(over="ignore"):  # an overflowing quotient is reported by node()
            out = broadcasting("/", np.divide, x, y)
        # ∂(x/y)/∂x = 1/y, ∂(x/y)/∂y = −x/y² = −(x/y)/y (y² alone may underflow to 0)
        return Tensor.node(out, "/", (self, other), (lambda g: g / y, lambda g: -g * (out / y)))

    def __pow__(self, n: float) -> Tensor:
        if isinstance(n, Tensor) or not isinstance(n, int | float) or isinstance(n, bool):
            raise TypeError(f"the exponent must be a plain number, got {n!r}")
        x = self.data
        with np.errstate(all="ignore"):  # a NaN from (−1)**0.5 is reported by node()
            out = x**n

        # ∂(xⁿ)/∂x = n·xⁿ⁻¹, entry by entry; an infinite slope (0 ** −0.5) is left to
        # backward(), which reports it
        def grad_x(g: Array) -> Array:
            with np.errstate(all="ignore"):
                return g * n * x ** (n - 1)

        return Tensor.node(out, f"**{n:g}", (self,), (grad_x,))

    def __neg__(self) -> Tensor:
        return Tensor.node(-self.data, "neg", (self,), (lambda g: -g,))  # ∂(−x)/∂x = −1

    def __radd__(self, other: object) -> Tensor:
        return lift(other) + self

    def __rsub__(self, other: object) -> Tensor:
        return lift(other) - self

    def __rmul__(self, other: object) -> Tensor:
        return lift(other) * self

    def __rtruediv__(self, other: object) -> Tensor:
        return lift(other) / self

    # --8<-- [end:tensor-elementwise]

    # --8<-- [start:tensor-reductions]
    def sum(self) -> Tensor:
        x = self.data
        with np.errstate(over="ignore"):  # an overflowing sum is reported by node()
            total = x.sum()
        # ∂(Σ xᵢ)/∂xᵢ = 1: every entry receives the whole upstream gradient
        return Tensor.node(total, "sum", (self,), (lambda g: np.full(x.shape, g),))

    def mean(self) -> Tensor:
        x = self.data
        if x.size == 0:
            raise ValueError("mean of an empty tensor")
        with np.errstate(over="ignore"):  # an overflowing mean is reported by node()
            average = x.mean()
        # ∂(Σ xᵢ / m)/∂xᵢ = 1/m
        return Tensor.node(average, "mean", (self,), (lambda g: np.full(x.shape, g / x.size),))

    # --8<-- [end:tensor-reductions]

    def __matmul__(self, other: Tensor) -> Tensor:
        other = lift(other)  # the rules ∂L/∂A = G·Bᵀ, ∂L/∂B = Aᵀ·G live in tensor_shapes.matmul
        out, grad_a, grad_b = matmul(self.data, other.data)
        return Tensor.node(out, "@", (self, other), (grad_a, grad_b))

    # --8<-- [start:tensor-getitem]
    def __getitem__(self, index: object) -> Tensor:
        """Entries picked by a numpy index; backward adds g into the picked places.

        >>> x = Tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
        >>> x[[0, 1, 1], [1, 0, 0]].sum().backward(); x.grad
        array([[0., 1.],
               [2., 0.]])
        """
        if isinstance(index, Tensor) or (
            isinstance(index, tuple) and any(isinstance(i, Tensor) for i in index)
        ):
            raise TypeError("index a Tensor with integers, slices or integer arrays, not a Tensor")
        x = self.data
        out = x[index]  # numpy raises IndexError for an index out of range

        def grad_x(g: Array) -> Array:
            full = np.zeros_like(x)
            np.add.at(full, index, g)  # an entry picked twice receives both shares
            return full

        return Tensor.node(np.array(out, dtype=np.float64), "[]", (self,), (grad_x,))

    # --8<-- [end:tensor-getitem]

    def backward(self, grad: object = None) -> None:
        """Add ∂(self)/∂t, weighted by ``grad``, to ``t.grad`` for every t requiring grad."""
        backward(self, grad)

    def zero_grad(self) -> None:
        """Forget the gradient (``None``), as ``optimizer.zero_grad()`` does in PyTorch."""
        self.grad = None

    def __deepcopy__(self, memo: dict) -> Tensor:
        return copy_graph(self, memo)  # no recursion: a graph of any depth can be copied

    def __reduce_ex__(self, protocol: int) -> str | tuple:
        if self._parents:
            raise TypeError(
                f"cannot pickle the result of {self.op!r}: its backward rules are functions "
                "made during the forward pass; pickle Tensor(t.data) instead"
            )
        return super().__reduce_ex__(protocol)


def lift(x: Tensor | object) -> Tensor:
    """Return ``x`` if it is a Tensor, else a constant Tensor (requires_grad=False) holding it.

    >>> lift(2.5)
    Tensor(array(2.5), requires_grad=False)
    """
    return x if isinstance(x, Tensor) else Tensor(as_array("operand", x))
