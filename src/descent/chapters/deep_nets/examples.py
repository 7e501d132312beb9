"""The measurements of chapter ``deep-nets``: gradient norms layer by layer, and training runs.

>>> len(norms("relu", "he"))
11
"""

from __future__ import annotations

from functools import cache

import numpy as np

from descent.depth import activation_stds, deep_params, gradient_norms
from descent.digits import load
from descent.mlp_training import train_hand

DEPTH, WIDTH, BATCH = 10, 64, 256  # ten hidden layers of 64 units; the first 256 images
ACTIVATIONS = ("sigmoid", "tanh", "relu")
SCHEMES = ("small", "xavier", "he")
TRAIN_DEPTH, TRAIN_WIDTH, TRAIN_EPOCHS, LR, BATCH_SIZE = 8, 32, 20, 0.1, 32
RUNS = (("sigmoid", "small"), ("sigmoid", "xavier"), ("tanh", "xavier"), ("relu", "he"))


@cache
def norms(activation: str, scheme: str, depth: int = DEPTH) -> np.ndarray:
    """‖∂L/∂W_l‖ for l = 1..depth+1 at the start, on the first ``BATCH`` training images."""
    d = load()
    x, y = d.x_train[:BATCH], d.y_train[:BATCH]
    return gradient_norms(x, y, depth, WIDTH, activation, scheme)


@cache
def epoch_losses(activation: str, scheme: str) -> np.ndarray:
    """The mean training loss of every epoch, for a network of ``TRAIN_DEPTH`` hidden layers."""
    d = load()
    sizes = [64] + [TRAIN_WIDTH] * TRAIN_DEPTH + [10]
    run = train_hand(
        deep_params(sizes, scheme),
        d.x_train,
        d.y_train,
        lr=LR,
        epochs=TRAIN_EPOCHS,
        batch_size=BATCH_SIZE,
        activation=activation,
    )
    return np.array(run.losses).reshape(TRAIN_EPOCHS, -1).mean(axis=1)


def predicted_factor(activation_slope: float, std: float, n: int = WIDTH) -> float:
    """How much a gradient's norm is multiplied by per layer, going down: f′ · std · √n.

    >>> predicted_factor(0.25, 0.01, 64)
    0.02
    """
    return activation_slope * std * n**0.5


def variance_drop(scheme: str) -> float:
    """Var(last hidden layer's output) / Var(first's), for ReLU, on the first ``BATCH`` images."""
    stds = activation_stds(load().x_train[:BATCH], DEPTH, WIDTH, "relu", scheme)
    return float((stds[-1] / stds[0]) ** 2)
