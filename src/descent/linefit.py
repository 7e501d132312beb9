"""Fitting y = w·x + b (and y = w·x) by gradient descent: full batch, per sample, mini-batch.

Every fit is a call to :func:`descent.optim.descend`; what changes from one method to the
next is only which samples the gradient is computed on.

>>> run = fit_batch_gd([1.0, 2.0], [2.0, 4.0], lr=0.25, steps=1)
>>> run.theta.tolist()
[2.5, 1.5]
"""

from __future__ import annotations

import itertools

import numpy as np

from descent.batching import Shuffle, batch_stream, paired_shuffle
from descent.linear import grad_mse, grad_sse, loss_wb
from descent.optim import GD, Run, descend
from descent.validate import as_vector, finite_number, paired


def mse_wb(w: float, b: float, x: np.ndarray, y: np.ndarray) -> float:
    """Return J(w, b) = (1/n)·Σ(w·x_i + b − y_i)², the mean squared error of the line.

    >>> mse_wb(1.0, 0.0, [1.0, 2.0], [2.0, 4.0])
    2.5
    """
    return loss_wb(w, b, x, y) / len(as_vector("x", x))


# --8<-- [start:batch-gd]
def fit_batch_gd(
    x: np.ndarray, y: np.ndarray, lr: float, steps: int, start: tuple[float, float] = (0.0, 0.0)
) -> Run:
    """Fit y = w·x + b by batch gradient descent on the MSE: every step uses all n samples.

    >>> fit_batch_gd([1.0, 2.0], [2.0, 4.0], lr=0.25, steps=1).losses.tolist()
    [10.0, 5.125]
    """
    x, y = paired(x, y)
    return descend(
        lambda t: mse_wb(t[0], t[1], x, y),
        lambda t: np.array(grad_mse(t[0], t[1], x, y)),  # (2/n)·(Σe_i·x_i, Σe_i)
        list(start),
        GD(lr),
        steps=steps,
    )


# --8<-- [end:batch-gd]


# --8<-- [start:per-sample]
def sample_grad_w(w: float, x_i: float, y_i: float) -> float:
    """Return dL_i/dw for L_i(w) = (w·x_i − y_i)², one sample of the line y = w·x.

    >>> sample_grad_w(1.0, 2.0, 4.0)
    -8.0
    """
    w, x_i, y_i = finite_number("w", w), finite_number("x_i", x_i), finite_number("y_i", y_i)
    # chain rule: dL_i/dw = 2(w·x_i − y_i)·d(w·x_i − y_i)/dw = 2(w·x_i − y_i)·x_i
    return 2 * x_i * (w * x_i - y_i)


def fit_per_sample(x: np.ndarray, y: np.ndarray, w: float, lr: float, epochs: int) -> Run:
    """Fit y = w·x updating after every sample, in order; step k uses sample k mod n.

    >>> fit_per_sample([1.0, 2.0], [2.0, 4.0], w=1.0, lr=0.125, epochs=1).thetas[:, 0].tolist()
    [1.0, 1.25, 2.0]
    """
    x, y = paired(x, y)
    order = itertools.cycle(range(len(x)))  # sample 1, 2, …, n, then 1, 2, … again

    def grad(t: np.ndarray) -> np.ndarray:
        i = next(order)
        return np.array([sample_grad_w(t[0], x[i], y[i])])

    return descend(lambda t: mse_wb(t[0], 0.0, x, y), grad, [w], GD(lr), steps=epochs * len(x))


# --8<-- [end:per-sample]


# --8<-- [start:sum-or-mean]
def fit_w(
    x: np.ndarray, y: np.ndarray, lr: float, steps: int, reduction: str, w: float = 0.0
) -> Run:
    """Fit y = w·x by batch GD on the sum (SSE) or the mean (MSE) of the squared errors.

    >>> fit_w([1.0, 1.0], [2.0, 2.0], lr=0.25, steps=1, reduction="sum").theta.tolist()
    [2.0]
    """
    x, y = paired(x, y)
    if reduction not in ("sum", "mean"):
        raise ValueError(f"reduction must be 'sum' or 'mean', got {reduction!r}")
    n = 1 if reduction == "sum" else len(x)  # J_SSE = n·J_MSE, so ∇J_SSE = n·∇J_MSE
    return descend(
        lambda t: loss_wb(t[0], 0.0, x, y) / n,
        lambda t: np.array([grad_sse(t[0], 0.0, x, y)[0] / n]),
        [w],
        GD(lr),
        steps=steps,
    )


# --8<-- [end:sum-or-mean]


# --8<-- [start:minibatch-gd]
def fit_minibatch(
    x: np.ndarray,
    y: np.ndarray,
    lr: float,
    steps: int,
    batch_size: int,
    rng: np.random.Generator,
    shuffle: Shuffle = paired_shuffle,
    start: tuple[float, float] = (0.0, 0.0),
) -> Run:
    """Fit y = w·x + b with the MSE gradient of one batch per step (batch_size 1 is SGD).

    >>> rng = np.random.default_rng(0)
    >>> fit_minibatch([1.0, 2.0], [2.0, 4.0], 0.25, 1, batch_size=2, rng=rng).theta.tolist()
    [2.5, 1.5]
    """
    x, y = paired(x, y)
    batches = batch_stream(x, y, batch_size, rng, shuffle)

    def grad(t: np.ndarray) -> np.ndarray:
        xb, yb = next(batches)  # a fresh batch each step; a new shuffle every epoch
        return np.array(grad_mse(t[0], t[1], xb, yb))

    # the recorded loss is always the MSE over all n samples, so runs can be compared
    return descend(lambda t: mse_wb(t[0], t[1], x, y), grad, list(start), GD(lr), steps=steps)


# --8<-- [end:minibatch-gd]
