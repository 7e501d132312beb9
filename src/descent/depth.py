"""Gradients through a deep stack of layers: how their size changes from layer to layer.

A layer z = xW with n inputs, weights of variance v and inputs with mean square E[x²] has
Var(z) = n·v·E[x²]. The initialisations below choose v so that this stays put from layer to
layer: Xavier/Glorot v = 2/(n_in + n_out) (tanh, sigmoid), He v = 2/n_in (ReLU). "small" is a
fixed standard deviation of 0.01, whatever the width.

>>> stds = [init_std(s, 64, 64) for s in INITS]
>>> [round(s, 4) for s in stds]
[0.01, 0.125, 0.1768, 1.0]
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from descent.mlp import MLP

INITS = ("small", "xavier", "he", "large")


# --8<-- [start:init-std]
def init_std(scheme: str, n_in: int, n_out: int) -> float:
    """The standard deviation of the weights of a layer with n_in inputs and n_out outputs."""
    if scheme == "small":
        return 0.01
    if scheme == "xavier":
        return math.sqrt(2 / (n_in + n_out))  # Glorot: the mean of forward and backward needs
    if scheme == "he":
        return math.sqrt(2 / n_in)  # ReLU halves E[x²]: twice the variance makes up for it
    if scheme == "large":
        return 1.0  # variance n times too large for a layer of n inputs
    raise ValueError(f"scheme must be one of {INITS}, got {scheme!r}")


# --8<-- [end:init-std]


def deep_params(sizes: list[int], scheme: str, seed: int = 0) -> list[np.ndarray]:
    """[W₁, b₁, …] with W drawn from N(0, init_std²) and b = 0.

    >>> [p.shape for p in deep_params([4, 3, 2], "he")]
    [(4, 3), (3,), (3, 2), (2,)]
    """
    if len(sizes) < 2 or any(int(d) != d or d < 1 for d in sizes):
        raise ValueError(f"sizes must be at least two positive integers, got {sizes}")
    rng, params = np.random.default_rng(seed), []
    for n_in, n_out in itertools.pairwise(sizes):
        params += [rng.normal(0.0, init_std(scheme, n_in, n_out), (n_in, n_out)), np.zeros(n_out)]
    return params


# --8<-- [start:layer-norms]
def gradient_norms(
    x: np.ndarray,
    y: np.ndarray,
    depth: int,
    width: int,
    activation: str,
    scheme: str,
    classes: int = 10,
    seed: int = 0,
) -> np.ndarray:
    """‖∂L/∂W_l‖ (Frobenius) for l = 1..depth+1 after one backward pass at the start."""
    if depth < 1:
        raise ValueError(f"depth must be at least 1, got {depth}")
    sizes = [x.shape[1]] + [width] * depth + [classes]
    model = MLP(deep_params(sizes, scheme, seed), activation)
    model.loss_and_grads(x, y)
    return np.array([np.linalg.norm(layer.dW) for layer in model.layers[::2]])


# --8<-- [end:layer-norms]


def activation_stds(
    x: np.ndarray, depth: int, width: int, activation: str, scheme: str, seed: int = 0
) -> np.ndarray:
    """The standard deviation of every hidden layer's output on the batch x, first to last."""
    sizes = [x.shape[1]] + [width] * depth + [10]
    model = MLP(deep_params(sizes, scheme, seed), activation)
    out = []
    for layer in model.layers[:-1]:
        x = layer.forward(x)
        if layer in model.layers[1::2]:
            out.append(float(x.std()))
    return np.array(out)
