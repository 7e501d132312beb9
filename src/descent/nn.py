"""Training tools named as in PyTorch: ``SGD`` (torch.optim.SGD), ``MSELoss`` (torch.nn).

>>> w = Tensor(0.0, requires_grad=True)
>>> optimizer = SGD([w], lr=0.25)
>>> loss = MSELoss()(w * 1.0, Tensor(2.0))
>>> loss.backward()
>>> optimizer.step()
>>> w.data
array(1.)
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from descent.engine import Value
from descent.tensor import Tensor, lift
from descent.tensor_shapes import all_finite
from descent.validate import positive_number


# --8<-- [start:sgd]
class SGD:
    """Gradient descent on a list of parameters: p ← p − lr·p.grad, for Tensors and Values.

    >>> a = Value(1.0)
    >>> (a * a).backward()
    >>> opt = SGD([a], lr=0.25)
    >>> opt.step(); a.data
    0.5
    >>> opt.zero_grad(); a.grad
    0.0
    """

    def __init__(self, params: Iterable[Tensor | Value], lr: float) -> None:
        self.params = list(params)
        if not self.params:
            raise ValueError("params is empty: give SGD the parameters it should update")
        for i, p in enumerate(self.params):
            if not isinstance(p, Tensor | Value):
                raise TypeError(f"params[{i}] must be a Tensor or a Value, got {p!r}")
            if isinstance(p, Tensor) and not p.requires_grad:
                raise ValueError(f"params[{i}] does not require grad: it would never move")
            if any(q is p for q in self.params[:i]):  # it would be moved twice per step
                j = next(j for j, q in enumerate(self.params) if q is p)
                raise ValueError(f"params[{i}] is params[{j}]: list each parameter once")
        self.lr = positive_number("lr", lr)

    def step(self) -> None:
        """Move every parameter one step against its gradient (skip those with no gradient)."""
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            # minus: the gradient points uphill, so the step goes the other way
            data = p.data - self.lr * p.grad
            if not all_finite(data):
                raise ArithmeticError(f"params[{i}] is no longer finite (lr={self.lr:g})")
            p.data = np.asarray(data) if isinstance(p, Tensor) else float(data)

    def zero_grad(self) -> None:
        """Clear every parameter's gradient, so the next backward() does not add to the old one."""
        for p in self.params:
            p.zero_grad()


# --8<-- [end:sgd]


# --8<-- [start:mse-loss]
class MSELoss:
    """The squared error Σ(ŷ − y)², divided by the count for reduction="mean" (the default).

    >>> MSELoss()(Tensor([1.0, 2.0]), Tensor([1.0, 4.0])).item()
    2.0
    >>> MSELoss(reduction="sum")(Tensor([1.0, 2.0]), Tensor([1.0, 4.0])).item()
    4.0
    """

    def __init__(self, reduction: str = "mean") -> None:
        if reduction not in ("mean", "sum"):
            raise ValueError(f'reduction must be "mean" or "sum", got {reduction!r}')
        self.reduction = reduction

    def __call__(self, input: Tensor, target: Tensor) -> Tensor:
        input, target = lift(input), lift(target)
        if input.shape != target.shape:
            # (n,) against (n, 1) would broadcast to n×n and silently give a wrong loss
            raise ValueError(f"input has shape {input.shape} but target has {target.shape}")
        squared = (input - target) ** 2
        return squared.mean() if self.reduction == "mean" else squared.sum()


# --8<-- [end:mse-loss]
