"""The worked examples of chapter ``layers``: a 2×3 layer by hand, and the digits MLP trained.

>>> small_layer()["dW"].tolist()
[[7.0, 3.0, -1.0], [0.0, -1.0, -2.0]]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from descent.digits import load
from descent.mlp import MLP, Linear, init_params, softmax_cross_entropy
from descent.mlp_training import Run, train_engine, train_hand

# the 2×3 layer worked by hand: two samples with two inputs each, three outputs
X_SMALL = np.array([[1.0, 2.0], [3.0, -1.0]])
W_SMALL = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])
B_SMALL = np.array([0.5, -1.0, 0.0])
G_SMALL = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])  # ∂L/∂Y, given

# the cross-entropy mistake: logits (1, 2, 3), true class index 2
CE_LOGITS, CE_TARGET = [1.0, 2.0, 3.0], 2

SIZES = [64, 32, 10]  # 8×8 pixels in, 32 hidden units, 10 digits out
ACTIVATION = "relu"
LR, EPOCHS, BATCH_SIZE = 0.1, 30, 32
INIT_SEED, SHUFFLE_SEED = 0, 0


def small_layer() -> dict[str, np.ndarray]:
    """Y = XW + b for the 2×3 layer, and its three gradients given G = ∂L/∂Y."""
    layer = Linear(W_SMALL, B_SMALL)
    Y = layer.forward(X_SMALL)
    dX = layer.backward(G_SMALL)
    return {"Y": Y, "dW": layer.dW, "db": layer.db, "dX": dX}


def start() -> list[np.ndarray]:
    """The network's starting parameters (He initialisation, seed ``INIT_SEED``)."""
    return init_params(SIZES, np.random.default_rng(INIT_SEED))


def settings() -> dict:
    return dict(
        lr=LR, epochs=EPOCHS, batch_size=BATCH_SIZE, seed=SHUFFLE_SEED, activation=ACTIVATION
    )


@dataclass(frozen=True)
class Trained:
    run: Run
    train_loss: list[float]  # after each epoch, on all training images
    test_loss: list[float]
    test_accuracy: list[float]
    predictions: np.ndarray  # the final network's digit for each test image


@cache
def trained() -> Trained:
    """Train the MLP with the hand-written backward, evaluating after every epoch."""
    d = load()
    curves: list[list[float]] = [[], [], []]

    def record(model: MLP) -> None:
        curves[0].append(softmax_cross_entropy(model.forward(d.x_train), d.y_train)[0])
        curves[1].append(softmax_cross_entropy(model.forward(d.x_test), d.y_test)[0])
        curves[2].append(float(np.mean(model.predict(d.x_test) == d.y_test)))

    run = train_hand(start(), d.x_train, d.y_train, on_epoch=record, **settings())
    predictions = MLP(run.params, ACTIVATION).predict(d.x_test)
    return Trained(run, *curves, predictions)


@cache
def trained_engine() -> Run:
    """The same training with the tensor engine's backward pass."""
    d = load()
    return train_engine(start(), d.x_train, d.y_train, **settings())


def confusion(y: np.ndarray, predicted: np.ndarray, classes: int = 10) -> np.ndarray:
    """counts[i, j] = how many images of digit i the network called j.

    >>> confusion(np.array([0, 1, 1]), np.array([0, 1, 0]), 2).tolist()
    [[1, 0], [1, 1]]
    """
    counts = np.zeros((classes, classes), dtype=np.int64)
    np.add.at(counts, (y, predicted), 1)
    return counts


def cross_entropy_on_probabilities() -> dict[str, float]:
    """The loss and |∂L/∂z| when cross_entropy gets the logits (right) and softmax(logits)."""
    from descent import functional as F
    from descent.tensor import Tensor

    out = {}
    for name in ("logits", "probs"):
        z = Tensor([CE_LOGITS], requires_grad=True)
        fed = z if name == "logits" else F.exp(F.log_softmax(z))  # the mistake: softmax first
        loss = F.cross_entropy(fed, [CE_TARGET])
        loss.backward()
        out[f"loss_{name}"], out[f"grad_{name}"] = loss.item(), float(np.linalg.norm(z.grad))
    return out
