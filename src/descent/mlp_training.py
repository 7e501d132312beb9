"""Mini-batch SGD for the MLP, twice: with the hand-written backward and with the tensor engine.

Both use Part II's tools: the seeded batches of :func:`descent.batching.minibatches` (on sample
indices) and the step θ ← θ − η·g (:class:`descent.optim.GD` here, :class:`descent.nn.SGD` for
the engine). Given the same start, seed and data, the two runs agree to rounding.

>>> x = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]); y = np.array([0, 1, 1])
>>> start = init_params([2, 3, 2], np.random.default_rng(0))
>>> a = train_hand(start, x, y, lr=0.5, epochs=2, batch_size=2)
>>> b = train_engine(start, x, y, lr=0.5, epochs=2, batch_size=2)
>>> len(a.losses), bool(np.allclose(a.losses, b.losses, rtol=0, atol=1e-14))
(4, True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from descent import functional as F
from descent.batching import minibatches
from descent.mlp import MLP, Array, init_params
from descent.nn import SGD
from descent.optim import GD
from descent.tensor import Tensor

__all__ = ["Run", "index_batches", "init_params", "train_engine", "train_hand"]


@dataclass(frozen=True)
class Run:
    """The loss of every step (the batch's mean cross-entropy) and the parameters at the end."""

    losses: list[float]
    params: list[Array]


def index_batches(n: int, batch_size: int, rng: np.random.Generator) -> Iterator[Array]:
    """One epoch of shuffled sample indices, cut into batches by Part II's ``minibatches``.

    >>> [b.tolist() for b in index_batches(3, 2, np.random.default_rng(0))]
    [[2, 0], [1]]
    """
    idx = np.arange(float(n))
    for batch, _ in minibatches(idx, idx, batch_size, rng):
        yield batch.astype(np.int64)


def _check(x: Array, y: Array, epochs: int) -> None:
    if x.ndim != 2 or len(x) != len(y):
        raise ValueError(f"x must be (n, d) with one label in y per row, got {x.shape}, {y.shape}")
    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"epochs must be a positive integer, got {epochs!r}")


# --8<-- [start:train-hand]
def train_hand(
    params: list[Array],
    x: Array,
    y: Array,
    *,
    lr: float,
    epochs: int,
    batch_size: int,
    seed: int = 0,
    activation: str = "relu",
    on_epoch: Callable[[MLP], None] | None = None,
) -> Run:
    """SGD with the hand-written backward of :class:`descent.mlp.MLP`; ``on_epoch(model)`` after
    every epoch (to record a learning curve)."""
    _check(x, y, epochs)
    model, step = MLP(params, activation), GD(lr)
    rng, losses = np.random.default_rng(seed), []
    for _ in range(epochs):
        for batch in index_batches(len(x), batch_size, rng):
            losses.append(model.loss_and_grads(x[batch], y[batch]))
            for p, g in model.params():
                p[...] = step.step(p, g)  # in place: the layers hold these arrays
        if on_epoch is not None:
            on_epoch(model)
    return Run(losses, [p.copy() for p, _ in model.params()])


# --8<-- [end:train-hand]


# --8<-- [start:train-engine]
def engine_logits(params: list[Tensor], X: Tensor, activation: str = "relu") -> Tensor:
    """The same network in the tensor engine: the backward pass comes from the graph.

    ``F.linear(X, W, b)`` is ``X @ W + b`` in one node (same numbers, fewer nodes to walk).
    """
    f = {"relu": F.relu, "tanh": F.tanh, "sigmoid": F.sigmoid}[activation]
    for k in range(0, len(params), 2):
        if k:
            X = f(X)
        X = F.linear(X, params[k], params[k + 1])
    return X


def train_engine(
    params: list[Array],
    x: Array,
    y: Array,
    *,
    lr: float,
    epochs: int,
    batch_size: int,
    seed: int = 0,
    activation: str = "relu",
) -> Run:
    """SGD with the tensor engine's backward pass and ``SGD`` optimiser."""
    _check(x, y, epochs)
    ps = [Tensor(p, requires_grad=True) for p in params]
    optimizer = SGD(ps, lr=lr)
    rng, losses = np.random.default_rng(seed), []
    for _ in range(epochs):
        for batch in index_batches(len(x), batch_size, rng):
            loss = F.cross_entropy(engine_logits(ps, Tensor(x[batch]), activation), y[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    return Run(losses, [p.data.copy() for p in ps])


# --8<-- [end:train-engine]
