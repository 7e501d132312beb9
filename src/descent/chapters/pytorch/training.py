"""Chapter 10's training examples with our own engine, named as their twins in torch_training.

Per-sample SGD on w alone and on w and b, MSELoss and its reductions, and mini-batches drawn
one permutation per epoch. Each function returns a dict with the same keys as its twin.

>>> x, y = line_data(n=4)
>>> out = fit_w_per_sample(x, y, epochs=1)
>>> sorted(out)
['w']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from descent.chapters.pytorch.examples import (
    B0,
    BATCH_LR,
    BATCH_SIZE,
    EPOCHS,
    LR,
    MSE_INPUT,
    MSE_TARGET,
    W0,
    line_data,
)
from descent.engine import Value
from descent.nn import SGD, MSELoss
from descent.tensor import Tensor
from descent.validate import paired, positive_number

__all__ = ["epoch_orders", "fit_minibatch", "fit_w_per_sample", "fit_wb_per_sample", "line_data"]


# --8<-- [start:per-sample-w]
def fit_w_per_sample(x: np.ndarray, y: np.ndarray, lr: float = LR, epochs: int = EPOCHS) -> dict:
    """Fit ŷ = w·x (no b) by SGD, one sample per step, samples in order, from w = 0.1.

    >>> fit_w_per_sample([1.0], [2.0], lr=0.25, epochs=1)["w"].data
    1.05
    """
    x, y = paired(x, y)
    w = Value(W0, label="w")
    optimizer = SGD([w], lr=lr)
    for _ in range(epochs):
        for x_i, y_i in zip(x.tolist(), y.tolist(), strict=True):
            loss = (w * x_i - y_i) ** 2  # the squared error of one sample
            optimizer.zero_grad()
            loss.backward()  # w.grad = 2(w·xᵢ − yᵢ)·xᵢ
            optimizer.step()  # w ← w − lr·w.grad
    return {"w": w}


# --8<-- [end:per-sample-w]


# --8<-- [start:per-sample-wb]
def fit_wb_per_sample(x: np.ndarray, y: np.ndarray, lr: float = LR, epochs: int = EPOCHS) -> dict:
    """Fit ŷ = w·x + b by SGD, one sample per step, from w = b = 0.1.

    >>> out = fit_wb_per_sample([1.0], [2.0], lr=0.25, epochs=1)
    >>> out["w"].data, out["b"].data
    (1.0, 1.0)
    """
    x, y = paired(x, y)
    w, b = Value(W0, label="w"), Value(B0, label="b")
    optimizer = SGD([w, b], lr=lr)
    for _ in range(epochs):
        for x_i, y_i in zip(x.tolist(), y.tolist(), strict=True):
            loss = (w * x_i + b - y_i) ** 2
            optimizer.zero_grad()
            loss.backward()  # w.grad = 2rᵢ·xᵢ, b.grad = 2rᵢ with rᵢ = w·xᵢ + b − yᵢ
            optimizer.step()
    return {"w": w, "b": b}


# --8<-- [end:per-sample-wb]


# --8<-- [start:mse-loss]
def mse_loss(input: list[float] = MSE_INPUT, target: list[float] = MSE_TARGET) -> dict:
    """MSELoss with reduction "mean" and "sum", each with its gradient ∂loss/∂input.

    >>> out = mse_loss()
    >>> out["mean"].item(), out["sum"].item(), out["mean grad"].tolist()
    (0.5625, 2.25, [-0.25, 0.0, 0.5, -0.5])
    """
    out: dict[str, Any] = {}
    for reduction in ("mean", "sum"):
        y_hat = Tensor(input, requires_grad=True)
        loss = MSELoss(reduction=reduction)(y_hat, Tensor(target))
        loss.backward()
        out[reduction], out[f"{reduction} grad"] = loss, y_hat.grad
    return out


# --8<-- [end:mse-loss]


# --8<-- [start:dataloader]
def epoch_orders(n: int, epochs: int, rng: np.random.Generator) -> list[np.ndarray]:
    """One random permutation of the n sample indices per epoch (x and y follow the same one).

    >>> [p.tolist() for p in epoch_orders(3, 2, np.random.default_rng(0))]
    [[2, 0, 1], [2, 1, 0]]
    """
    return [rng.permutation(n) for _ in range(epochs)]


# --8<-- [end:dataloader]


# --8<-- [start:minibatch-fit]
def fit_minibatch(
    x: np.ndarray,
    y: np.ndarray,
    orders: Iterable[np.ndarray],
    lr: float = BATCH_LR,
    batch_size: int = BATCH_SIZE,
    reduction: str = "mean",
) -> dict:
    """Fit ŷ = w·x + b by mini-batch SGD on the MSE; ``orders`` holds one permutation per epoch.

    >>> out = fit_minibatch([1.0, 3.0], [2.0, 6.0], [np.array([0, 1])], lr=0.25, batch_size=1)
    >>> out["w"].item(), out["b"].item()
    (4.0, 2.0)
    """
    x, y = paired(x, y)
    lr = positive_number("lr", lr)
    w, b = Tensor(W0, requires_grad=True), Tensor(B0, requires_grad=True)
    optimizer, criterion = SGD([w, b], lr=lr), MSELoss(reduction=reduction)
    for order in orders:
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]  # the same indices pick x and y
            loss = criterion(w * Tensor(x[batch]) + b, Tensor(y[batch]))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return {"w": w, "b": b}


# --8<-- [end:minibatch-fit]
