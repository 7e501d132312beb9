"""One sigmoid neuron as a classifier: ŷ = σ(w·x + b), trained on binary cross-entropy.

The binary cross-entropy is the negative log-likelihood of the labels; its gradient with
respect to the pre-activation z collapses to ŷ − y. Squared error through the sigmoid keeps
a factor σ'(z), which vanishes when the neuron saturates.

>>> bce_grad_z(0.0, 1.0), mse_grad_z(0.0, 1.0)
(-0.5, -0.125)
"""

from __future__ import annotations

import numpy as np

from descent.activations import sigmoid, sigmoid_grad
from descent.engine import Value
from descent.optim import GD, Run, descend


def _labels(name: str, y: np.ndarray | float) -> np.ndarray:
    y = np.asarray(y, dtype=np.float64)
    if not np.all((y == 0) | (y == 1)):
        raise ValueError(f"{name} must hold labels 0 or 1, got {y!r}")
    return y


def _labels_like(z: np.ndarray | float, y: np.ndarray | float) -> np.ndarray:
    y = _labels("y", y)
    if np.shape(z) != y.shape:
        raise ValueError(f"z has shape {np.shape(z)} but y has {y.shape}: one label per z")
    return y


def _plain(a: np.ndarray | float) -> np.ndarray | float:
    return float(a) if np.ndim(a) == 0 else np.asarray(a)


def _inputs(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y = np.asarray(x, dtype=np.float64), _labels("y", y)
    if x.ndim != 2 or y.ndim != 1 or len(x) != len(y) or len(y) == 0:
        raise ValueError(f"x must be (n, d) and y (n,) with n ≥ 1, got {x.shape} and {y.shape}")
    if not np.isfinite(x).all():
        raise ValueError("x must be finite")
    return x, y


# --8<-- [start:neuron-graph]
def neuron(w: list[float], b: float, x: list[float]) -> tuple[Value, list[Value]]:
    """Build f = σ(w₁x₁ + w₂x₂ + b) with the engine; return f and its inputs w, x, b.

    >>> f, inputs = neuron([1.0, 1.0], 0.0, [0.0, 0.0])
    >>> f.backward()
    >>> f.data, [v.grad for v in inputs]
    (0.5, [0.0, 0.0, 0.25, 0.25, 0.25])
    """
    ws = [Value(wi, f"w_{i + 1}") for i, wi in enumerate(w)]
    xs = [Value(xi, f"x_{i + 1}") for i, xi in enumerate(x)]
    bias = Value(b, "b")
    products = [wi * xi for wi, xi in zip(ws, xs, strict=True)]
    for i, p in enumerate(products):
        p.label = f"p_{i + 1}"  # p_i = w_i·x_i, named so the figure can show it
    z = products[0] + products[1] + bias  # z = w₁x₁ + w₂x₂ + b
    z.label = "z"
    f = z.sigmoid()
    f.label = "f"
    return f, [*ws, *xs, bias]


# --8<-- [end:neuron-graph]


# --8<-- [start:bce]
def bce(y_hat: np.ndarray | float, y: np.ndarray | float) -> float:
    """Mean binary cross-entropy −[y ln ŷ + (1 − y) ln(1 − ŷ)], the negative log-likelihood.

    >>> bce(0.5, 1.0) == float(np.log(2))
    True
    """
    y_hat, y = np.asarray(y_hat, dtype=np.float64), _labels("y", y)
    if y_hat.shape != y.shape:
        raise ValueError(f"y_hat has shape {y_hat.shape} but y has {y.shape}")
    if not np.all((y_hat >= 0) & (y_hat <= 1)):
        raise ValueError(f"y_hat must be probabilities in [0, 1], got {y_hat!r}")
    with np.errstate(divide="ignore"):  # ln 0 = −inf only where its weight is 0
        terms = np.where(y == 1, np.log(y_hat), np.log1p(-y_hat))
    return float(-np.mean(terms))


def bce_grad_z(z: np.ndarray | float, y: np.ndarray | float) -> np.ndarray | float:
    """∂BCE/∂z for one sample: ŷ − y, with ŷ = σ(z); the σ' has cancelled."""
    return _plain(sigmoid(z) - _labels_like(z, y))


def mse_grad_z(z: np.ndarray | float, y: np.ndarray | float) -> np.ndarray | float:
    """∂/∂z of ½(σ(z) − y)²: (ŷ − y)·σ'(z), small wherever the neuron saturates."""
    return _plain((sigmoid(z) - _labels_like(z, y)) * sigmoid_grad(z))


# --8<-- [end:bce]


# --8<-- [start:bce-with-logits]
def bce_with_logits(z: np.ndarray | float, y: np.ndarray | float) -> float:
    """Mean BCE of σ(z) against y, from the logits z, as ``nn.BCEWithLogitsLoss()``.

    Written as max(z, 0) − z·y + ln(1 + e^(−|z|)), which equals −[y ln σ(z) + (1 − y) ln(1 − σ(z))]
    and never takes the logarithm of a probability rounded to 0 or 1.

    >>> bce_with_logits(0.0, 1.0) == float(np.log(2))
    True
    """
    z, y = _logits_and_labels(z, y)
    return float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))


def bce_with_logits_grad(z: np.ndarray | float, y: np.ndarray | float) -> np.ndarray | float:
    """∂/∂z of the mean ``bce_with_logits``: (σ(z) − y)/n.

    >>> bce_with_logits_grad([0.0, 0.0], [1.0, 0.0])
    array([-0.25,  0.25])
    """
    z, y = _logits_and_labels(z, y)
    return _plain((sigmoid(z) - y) / z.size)


# --8<-- [end:bce-with-logits]


def _logits_and_labels(z: np.ndarray | float, y: np.ndarray | float) -> tuple[np.ndarray, ...]:
    z, y = np.asarray(z, dtype=np.float64), _labels("y", y)
    if z.shape != y.shape or z.size == 0:
        raise ValueError(
            f"z (logits) has shape {z.shape} but y has {y.shape}: one label per logit"
        )
    if not np.isfinite(z).all():
        raise ValueError(f"z (logits) must be finite, got {z!r}")
    return z, y


def predict(theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    """ŷ = σ(Xw + b) for θ = (w₁, …, w_d, b)."""
    return np.asarray(sigmoid(np.asarray(x, dtype=np.float64) @ theta[:-1] + theta[-1]))


# --8<-- [start:logistic-loss]
def bce_loss_grad(theta: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean BCE over the batch and its gradient: ∂J/∂w = Xᵀ(ŷ − y)/n, ∂J/∂b = mean(ŷ − y)."""
    x, y = _inputs(x, y)
    y_hat = predict(theta, x)
    r = (y_hat - y) / len(y)  # divide by n: the loss is a mean over the batch
    return bce(y_hat, y), np.append(x.T @ r, r.sum())


def mse_loss_grad(theta: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean ½(ŷ − y)² and its gradient, which carries σ'(z) = ŷ(1 − ŷ)."""
    x, y = _inputs(x, y)
    y_hat = predict(theta, x)
    r = (y_hat - y) * y_hat * (1 - y_hat) / len(y)
    return float(0.5 * np.mean((y_hat - y) ** 2)), np.append(x.T @ r, r.sum())


def train(x, y, start, lr: float, steps: int, loss: str = "bce") -> Run:
    """Full-batch gradient descent on the mean loss with the book's ``descend``."""
    f = {"bce": bce_loss_grad, "mse": mse_loss_grad}[loss]
    return descend(lambda t: f(t, x, y)[0], lambda t: f(t, x, y)[1], start, GD(lr), steps=steps)


# --8<-- [end:logistic-loss]


def hessian(theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    """∇²J of the mean BCE in (w, b): X̃ᵀ S X̃ / n, S = diag(ŷ(1 − ŷ)), X̃ = [X 1]."""
    x = np.asarray(x, dtype=np.float64)
    xt = np.hstack([x, np.ones((len(x), 1))])
    y_hat = predict(theta, x)
    return xt.T @ (xt * (y_hat * (1 - y_hat))[:, None]) / len(x)


def accuracy(theta: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    """Share of samples where ŷ ≥ ½ agrees with y = 1."""
    x, y = _inputs(x, y)
    return float(np.mean((predict(theta, x) >= 0.5) == (y == 1)))
