"""The tensor engine's backward pass: the scalar one, plus shapes and a seed gradient.

>>> from descent.tensor import Tensor
>>> w = Tensor([1.0, 2.0], requires_grad=True)
>>> backward(w * w, grad=[1.0, 1.0])
>>> w.grad
array([2., 4.])
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from descent.graph import topological_order
from descent.tensor_shapes import VJP, Array, all_finite, as_array, unbroadcast


class Tensor(Protocol):
    """What the backward pass reads and writes on a node (``descent.tensor.Tensor`` is one)."""

    data: Array
    grad: Array | None
    requires_grad: bool
    op: str
    shape: tuple[int, ...]
    _parents: tuple[Tensor, ...]
    _vjps: tuple[VJP, ...]
    _g: Array | None


# --8<-- [start:tensor-backward]
def backward(root: Tensor, grad: object = None) -> None:
    """Add ∂(root)/∂t, weighted by ``grad``, to ``t.grad`` for every t that requires grad."""
    if grad is None and root.data.size != 1:
        raise RuntimeError(
            f"backward() on a tensor of shape {root.shape} needs grad=, an array of that "
            "shape: only a single number (such as a loss) has the implied seed 1"
        )
    if not root.requires_grad:
        raise RuntimeError("backward(): nothing here depends on a tensor with requires_grad")
    seed = np.ones(root.shape) if grad is None else as_array("grad", grad)
    if seed.shape != root.shape:
        raise ValueError(f"grad has shape {seed.shape}, expected {root.shape}")
    order = topological_order(root)
    for t in order:
        t._g = None  # this pass's ∂root/∂t; None until a path reaches t
    root._g = seed
    reached = []  # the nodes that a path from root reaches, results before their inputs
    with np.errstate(over="ignore", invalid="ignore"):  # a non-finite share: reported at a leaf
        for t in reversed(order):  # results before their inputs: t._g is complete here
            if t._g is None:
                continue  # no path from root reaches t
            reached.append(t)
            # Every rule is linear in g, so an inf or NaN anywhere reaches a leaf: checking
            # the leaves is enough, and the error names the node where it first appeared.
            if not t._parents and not all_finite(t._g):
                first = next(r for r in reached if not all_finite(r._g))
                raise OverflowError(f"the gradient is not finite at a {first.op or 'leaf'} node")
            for parent, vjp, seen in zip(t._parents, t._vjps, t._seen, strict=True):
                if parent.data is not seen and not _same(parent.data, seen):
                    raise RuntimeError(
                        f"backward(): an input of the {t.op} node was changed in place after "
                        "the forward pass; recompute the result from the current data"
                    )
                if parent.requires_grad:
                    share = vjp(t._g)  # the chain rule
                    if share.shape != parent.shape:  # sum over the axes broadcasting stretched
                        share = unbroadcast(share, parent.shape)
                    parent._g = share if parent._g is None else parent._g + share
    for t in reached:  # only now, when no error can come: a failed pass changes no .grad
        # accumulate; a copy, so that no two leaves ever share one gradient array
        t.grad = t._g.copy() if t.grad is None else t.grad + t._g


def _same(data: Array, seen: Array | tuple[tuple[int, ...], bytes]) -> bool:
    """Whether an input still holds what the forward pass saw: a leaf's (shape, bytes), or
    the array of a recorded result, whose ``.data`` may since have been replaced."""
    if not isinstance(seen, tuple):
        seen = (seen.shape, seen.tobytes())
    return (data.shape, data.tobytes()) == seen


# --8<-- [end:tensor-backward]
