"""Chapter 10's training examples in PyTorch, named as their twins in scratch_training.

Like :mod:`descent.twins.examples`, this module imports without PyTorch; its functions run
in ``nox -s torch`` only. The fits run in float64 so that every digit can be compared with
our float64 engine.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from descent.chapters.pytorch.examples import (
    B0,
    BATCH_LR,
    BATCH_SIZE,
    EPOCHS,
    LOADER_SEED,
    LR,
    MSE_INPUT,
    MSE_TARGET,
    W0,
)
from descent.twins.examples import torch

if torch is not None:
    from torch.utils.data import DataLoader, TensorDataset


# --8<-- [start:per-sample-w]
def fit_w_per_sample(x: np.ndarray, y: np.ndarray, lr: float = LR, epochs: int = EPOCHS) -> dict:
    """Fit ŷ = w·x (no b) by SGD, one sample per step, samples in order, from w = 0.1."""
    x, y = torch.from_numpy(x), torch.from_numpy(y)  # float64, the very same numbers
    w = torch.tensor(W0, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=lr)
    for _ in range(epochs):
        for i in range(len(x)):
            loss = (w * x[i] - y[i]) ** 2  # the squared error of one sample
            optimizer.zero_grad()
            loss.backward()  # w.grad = 2(w·xᵢ − yᵢ)·xᵢ
            optimizer.step()  # w ← w − lr·w.grad
    return {"w": w}


# --8<-- [end:per-sample-w]


# --8<-- [start:per-sample-wb]
def fit_wb_per_sample(x: np.ndarray, y: np.ndarray, lr: float = LR, epochs: int = EPOCHS) -> dict:
    """Fit ŷ = w·x + b by SGD, one sample per step, from w = b = 0.1."""
    x, y = torch.from_numpy(x), torch.from_numpy(y)
    w = torch.tensor(W0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(B0, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    for _ in range(epochs):
        for i in range(len(x)):
            loss = (w * x[i] + b - y[i]) ** 2
            optimizer.zero_grad()
            loss.backward()  # w.grad = 2rᵢ·xᵢ, b.grad = 2rᵢ with rᵢ = w·xᵢ + b − yᵢ
            optimizer.step()
    return {"w": w, "b": b}


# --8<-- [end:per-sample-wb]


# --8<-- [start:mse-loss]
def mse_loss(input: list[float] = MSE_INPUT, target: list[float] = MSE_TARGET) -> dict:
    """MSELoss with reduction "mean", "sum" and "none", each with its gradient ∂loss/∂input."""
    out: dict[str, Any] = {}
    for reduction in ("mean", "sum", "none"):
        y_hat = torch.tensor(input, requires_grad=True)
        loss = torch.nn.MSELoss(reduction=reduction)(y_hat, torch.tensor(target))
        if reduction != "none":  # "none" keeps one loss per sample: nothing to seed with 1
            loss.backward()
            out[f"{reduction} grad"] = y_hat.grad
        out[reduction] = loss
    return out


# --8<-- [end:mse-loss]


# --8<-- [start:dataloader]
def loader(x: np.ndarray, y: np.ndarray, batch_size: int, seed: int) -> DataLoader:
    """Pairs (xᵢ, yᵢ) in batches, reshuffled by one permutation at the start of each epoch."""
    dataset = TensorDataset(torch.from_numpy(x), torch.from_numpy(y))
    generator = torch.Generator().manual_seed(seed)  # seeded: the same batches every run
    return DataLoader(dataset, batch_size=batch_size, shuffle=True, generator=generator)


def epoch_orders(n: int, epochs: int, batch_size: int, seed: int) -> list[list[int]]:
    """The sample indices a seeded loader visits in each epoch (a loader over 0, 1, …, n−1)."""
    indices = np.arange(n, dtype=np.float64)
    batches = loader(indices, indices, batch_size, seed)
    return [[int(i) for xb, _ in batches for i in xb.tolist()] for _ in range(epochs)]


# --8<-- [end:dataloader]


# --8<-- [start:minibatch-fit]
def fit_minibatch(
    x: np.ndarray,
    y: np.ndarray,
    epochs: int,
    lr: float = BATCH_LR,
    batch_size: int = BATCH_SIZE,
    seed: int = LOADER_SEED,
    reduction: str = "mean",
) -> dict:
    """Fit ŷ = w·x + b by mini-batch SGD on the MSE, batches drawn by a seeded DataLoader."""
    w = torch.tensor(W0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(B0, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    criterion = torch.nn.MSELoss(reduction=reduction)  # "mean": the average over the batch
    batches = loader(x, y, batch_size, seed)
    for _ in range(epochs):
        for x_batch, y_batch in batches:  # a new permutation each epoch, pairs kept together
            loss = criterion(w * x_batch + b, y_batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return {"w": w, "b": b}


# --8<-- [end:minibatch-fit]
