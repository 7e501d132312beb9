"""Common mistakes with classifiers (Part IV), kept runnable so that their damage can be measured.

Each function marked *wrong* is a mistake on purpose; the correct versions are the library's
``softmax.cross_entropy``, ``logistic.bce_with_logits`` and ``functional.cross_entropy``.

>>> naive_cross_entropy([0.0, 0.0], 1) == float(np.log(2))
True
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from descent.activations import sigmoid, sigmoid_grad
from descent.digits import load
from descent.functional import cross_entropy
from descent.logistic import bce_with_logits
from descent.mlp import softmax_cross_entropy
from descent.mlp_training import index_batches
from descent.tensor import Tensor

LARGE = (1000.0, 1001.0, 1002.0)  # the softmax chapter's z = (1, 2, 3), shifted by 999
APART = (0.0, -800.0)  # two logits 800 apart; the true class is the small one
SATURATED = (8.0, -8.0)  # a sure right answer and a sure wrong one, both with label 1
ONEHOT_LOGITS, ONEHOT_LABELS = ((1.0, 2.0, 3.0), (1.0, 2.0, 3.0)), (1, 2)
BATCH_SIZES, BATCH_LR, BATCH_EPOCHS, BATCH_SEED = (8, 32, 128, 512), 0.5, 3, 0


# --8<-- [start:naive-cross-entropy]
def naive_cross_entropy(z: list[float], y: int) -> float:
    """−ln p_y with p = softmax(z) computed exactly as written (wrong for large logits)."""
    e = np.exp(np.asarray(z, dtype=np.float64))  # WRONG: e^1000 = inf, e^−800 = 0
    p = e / e.sum()  # inf / inf = nan; 0 / (something) = 0
    return float(-np.log(p[y]))  # −ln 0 = inf


# --8<-- [end:naive-cross-entropy]


# --8<-- [start:double-sigmoid]
def double_sigmoid_loss(z: np.ndarray, y: np.ndarray) -> float:
    """The model's output squashed by σ, then given to a loss that applies σ itself (wrong)."""
    y_hat = sigmoid(np.asarray(z, dtype=np.float64))  # probabilities in (0, 1)
    # WRONG: bce_with_logits (nn.BCEWithLogitsLoss) expects logits: it sees σ(σ(z))
    return bce_with_logits(y_hat, y)


# --8<-- [end:double-sigmoid]


def double_sigmoid_grad(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """∂/∂z of ``double_sigmoid_loss``: (σ(σ(z)) − y)/n · σ'(z), by the chain rule.

    >>> double_sigmoid_grad(np.array([0.0]), np.array([1.0])) == (sigmoid(0.5) - 1) / 4
    array([ True])
    """
    z, y = np.asarray(z, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return (sigmoid(sigmoid(z)) - y) / z.size * sigmoid_grad(z)


# --8<-- [start:summed-gradient]
def cross_entropy_grad_summed(logits: np.ndarray, y: np.ndarray) -> np.ndarray:
    """∂/∂logits of the batch's losses added up, Σ_i −ln p_{i,y_i} (wrong: not the mean)."""
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    p[np.arange(len(y)), y] -= 1  # p − onehot(y) ...
    return p  # WRONG: the loss is the batch mean, so every row must be divided by len(y)


# --8<-- [end:summed-gradient]


def _batches(batch_size: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    d = load()
    rng = np.random.default_rng(BATCH_SEED)
    for _ in range(BATCH_EPOCHS):
        for idx in index_batches(len(d.x_train), batch_size, rng):
            yield d.x_train[idx], d.y_train[idx]


def weight_gradient_norm(batch_size: int, summed: bool) -> float:
    """‖∂L/∂W‖ of a softmax classifier at W = 0 on the first ``batch_size`` training digits."""
    d = load()
    x, y = d.x_train[:batch_size], d.y_train[:batch_size]
    logits = np.zeros((len(y), 10))
    g = cross_entropy_grad_summed(logits, y) if summed else softmax_cross_entropy(logits, y)[1]
    return float(np.linalg.norm(x.T @ g))


def softmax_regression(batch_size: int, summed: bool) -> tuple[float, float]:
    """Train 64 → 10 logits by mini-batch SGD at the same η; return (test loss, test accuracy)."""
    w, b = np.zeros((64, 10)), np.zeros(10)
    for x, y in _batches(batch_size):
        logits = x @ w + b
        g = cross_entropy_grad_summed(logits, y) if summed else softmax_cross_entropy(logits, y)[1]
        w -= BATCH_LR * x.T @ g
        b -= BATCH_LR * g.sum(axis=0)
    d = load()
    logits = d.x_test @ w + b
    loss = softmax_cross_entropy(logits, d.y_test)[0]
    return loss, float(np.mean(logits.argmax(axis=1) == d.y_test))


# --8<-- [start:onehot-targets]
def cross_entropy_onehot(logits: np.ndarray, labels: np.ndarray) -> Tensor:
    """Cross-entropy with the targets given as one-hot rows (wrong: it takes class indices)."""
    logits = np.asarray(logits, dtype=np.float64)
    onehot = np.eye(logits.shape[1])[labels]  # rows such as (0, 1, 0), as an MSE would take
    # WRONG: cross_entropy, like nn.CrossEntropyLoss, takes one class index per row: labels
    return cross_entropy(Tensor(logits), onehot)


# --8<-- [end:onehot-targets]
