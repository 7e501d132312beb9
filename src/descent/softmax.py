"""Softmax over the last axis, its Jacobian, and cross-entropy with its gradient p − onehot(y).

>>> softmax([0.0, 0.0]).tolist()
[0.5, 0.5]
"""

from __future__ import annotations

import numpy as np


def _logits(z: np.ndarray | list) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    if z.ndim not in (1, 2) or z.shape[-1] == 0:
        raise ValueError(f"logits must be a vector or an (n, k) batch, got shape {z.shape}")
    if not np.isfinite(z).all():
        raise ValueError(f"logits must be finite, got {z!r}")
    return z


# --8<-- [start:softmax-naive]
def softmax_naive(z: np.ndarray | list) -> np.ndarray:
    """p_i = e^(z_i) / Σ_j e^(z_j), exactly as written: e^z overflows past z ≈ 709.8."""
    e = np.exp(_logits(z))
    return e / e.sum(axis=-1, keepdims=True)


# --8<-- [end:softmax-naive]


# --8<-- [start:softmax-stable]
def logsumexp(z: np.ndarray | list) -> np.ndarray:
    """ln Σ_j e^(z_j) = m + ln Σ_j e^(z_j − m) with m = max z: every exponent is ≤ 0."""
    z = _logits(z)
    m = z.max(axis=-1, keepdims=True)
    return (m + np.log(np.exp(z - m).sum(axis=-1, keepdims=True))).squeeze(-1)


def log_softmax(z: np.ndarray | list) -> np.ndarray:
    """ln p_i = z_i − logsumexp(z), finite for any finite logits."""
    z = _logits(z)
    return z - logsumexp(z)[..., None]


def softmax(z: np.ndarray | list) -> np.ndarray:
    """Softmax of z − max z: the same p (a shift cancels), no overflow."""
    return np.exp(log_softmax(z))


# --8<-- [end:softmax-stable]


def softmax_jacobian(z: np.ndarray | list) -> np.ndarray:
    """∂p_i/∂z_j = p_i(δ_ij − p_j), i.e. diag(p) − p pᵀ, for one vector of logits."""
    z = _logits(z)
    if z.ndim != 1:
        raise ValueError(f"softmax_jacobian takes one vector of logits, got shape {z.shape}")
    p = softmax(z)
    return np.diag(p) - np.outer(p, p)


def _targets(y: np.ndarray | list | int, z: np.ndarray) -> np.ndarray:
    y = np.asarray(y)
    n = 1 if z.ndim == 1 else len(z)
    if y.ndim != z.ndim - 1 or y.size != n:
        raise ValueError(f"y must hold one class index per row of logits ({n}), got {y!r}")
    if not np.issubdtype(y.dtype, np.integer):
        raise TypeError(f"y must be integer class indices (not one-hot rows), got {y.dtype}")
    k = z.shape[-1]
    if np.any((y < 0) | (y >= k)):
        raise ValueError(f"y holds a class outside 0…{k - 1}: {y!r}")
    return y


# --8<-- [start:cross-entropy]
def cross_entropy(z: np.ndarray | list, y: np.ndarray | list | int) -> float:
    """−ln p_y from logits, averaged over the batch (computed with log_softmax)."""
    z = _logits(z)
    y = _targets(y, z)
    logp = log_softmax(z)
    if z.ndim == 1:
        return float(-logp[y])
    return float(-np.mean(logp[np.arange(len(y)), y]))


def cross_entropy_grad(z: np.ndarray | list, y: np.ndarray | list | int) -> np.ndarray:
    """∂L/∂z = p − onehot(y), divided by n for a batch mean."""
    z = _logits(z)
    y = _targets(y, z)
    g = softmax(z)
    if z.ndim == 1:
        g[y] -= 1.0
        return g
    g[np.arange(len(y)), y] -= 1.0
    return g / len(y)


# --8<-- [end:cross-entropy]
