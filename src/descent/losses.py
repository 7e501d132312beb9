"""Loss functions of predictions ``y_hat`` against targets ``y``, each beside its gradient.

Every gradient is taken with respect to the predictions, ∂J/∂ŷ_i; the chain rule carries it
on to the parameters (see :mod:`descent.linear`).

>>> sse([3.0, 1.0], [1.0, 1.0]), mse([3.0, 1.0], [1.0, 1.0]), mae([3.0, 1.0], [1.0, 1.0])
(4.0, 2.0, 1.0)
"""

from __future__ import annotations

import numpy as np

from descent.activations import sigmoid
from descent.validate import as_vector, finite_result, paired, same_length


def _pair(y_hat: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return paired(y_hat, y, ("y_hat", "y"))


# --8<-- [start:squared-losses]
@finite_result
def sse(y_hat: np.ndarray, y: np.ndarray) -> float:
    """Return the sum of squared errors Σ(ŷ_i − y_i)².

    >>> sse([1.5, 2.0], [1.0, 3.0])
    1.25
    """
    y_hat, y = _pair(y_hat, y)
    return float(np.sum((y_hat - y) ** 2))


@finite_result
def mse(y_hat: np.ndarray, y: np.ndarray) -> float:
    """Return the mean squared error (1/n)·Σ(ŷ_i − y_i)².

    >>> mse([1.5, 2.0], [1.0, 3.0])
    0.625
    """
    y_hat, y = _pair(y_hat, y)
    return float(np.mean((y_hat - y) ** 2))


@finite_result
def half_mse(y_hat: np.ndarray, y: np.ndarray) -> float:
    """Return half the mean squared error (1/2n)·Σ(ŷ_i − y_i)².

    >>> half_mse([1.5, 2.0], [1.0, 3.0])
    0.3125
    """
    return mse(y_hat, y) / 2


# --8<-- [end:squared-losses]


# --8<-- [start:squared-gradients]
@finite_result
def sse_grad(y_hat: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return ∂SSE/∂ŷ_i = 2(ŷ_i − y_i): it grows with every sample added.

    >>> sse_grad([1.5, 2.0], [1.0, 3.0])
    array([ 1., -2.])
    """
    y_hat, y = _pair(y_hat, y)
    return 2 * (y_hat - y)


@finite_result
def mse_grad(y_hat: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return ∂MSE/∂ŷ_i = 2(ŷ_i − y_i)/n: the 1/n keeps the size independent of n.

    >>> mse_grad([1.5, 2.0], [1.0, 3.0])
    array([ 0.5, -1. ])
    """
    y_hat, y = _pair(y_hat, y)
    return 2 * (y_hat - y) / len(y)


@finite_result
def half_mse_grad(y_hat: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return ∂(½MSE)/∂ŷ_i = (ŷ_i − y_i)/n: the ½ cancels the 2 brought down by the square.

    >>> half_mse_grad([1.5, 2.0], [1.0, 3.0])
    array([ 0.25, -0.5 ])
    """
    y_hat, y = _pair(y_hat, y)
    return (y_hat - y) / len(y)


# --8<-- [end:squared-gradients]


# --8<-- [start:absolute-loss]
@finite_result
def mae(y_hat: np.ndarray, y: np.ndarray) -> float:
    """Return the mean absolute error (1/n)·Σ|ŷ_i − y_i|.

    >>> mae([1.5, 2.0], [1.0, 3.0])
    0.75
    """
    y_hat, y = _pair(y_hat, y)
    return float(np.mean(np.abs(y_hat - y)))


@finite_result
def mae_grad(y_hat: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return ∂MAE/∂ŷ_i = sign(ŷ_i − y_i)/n; at the kink e = 0 we take 0.

    >>> mae_grad([1.5, 2.0, 3.0, 4.0], [1.0, 3.0, 3.0, 0.0])
    array([ 0.25, -0.25,  0.  ,  0.25])
    """
    y_hat, y = _pair(y_hat, y)
    # |e| has slope +1 for e > 0 and −1 for e < 0: only the sign of the error survives
    return np.sign(y_hat - y) / len(y)


# --8<-- [end:absolute-loss]


def _probabilities(y_hat: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    y_hat, y = _pair(y_hat, y)
    if np.any((y_hat <= 0) | (y_hat >= 1)):
        bad = float(y_hat[(y_hat <= 0) | (y_hat >= 1)][0])
        raise ValueError(f"y_hat must be probabilities strictly between 0 and 1, got {bad}")
    if np.any((y < 0) | (y > 1)):
        raise ValueError(f"y must be labels between 0 and 1, got {float(y[(y < 0) | (y > 1)][0])}")
    return y_hat, y


# --8<-- [start:bce]
@finite_result
def bce(y_hat: np.ndarray, y: np.ndarray) -> float:
    """Return the binary cross-entropy −(1/n)·Σ[y_i·ln ŷ_i + (1 − y_i)·ln(1 − ŷ_i)].

    >>> bce([0.5, 0.5], [1.0, 0.0]) == float(np.log(2))
    True
    """
    y_hat, y = _probabilities(y_hat, y)
    return float(-np.mean(y * np.log(y_hat) + (1 - y) * np.log1p(-y_hat)))


@finite_result
def bce_grad(y_hat: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return ∂BCE/∂ŷ_i = (ŷ_i − y_i) / (ŷ_i·(1 − ŷ_i)) / n.

    >>> bce_grad([0.5, 0.75], [1.0, 1.0])
    array([-1.        , -0.66666667])
    """
    y_hat, y = _probabilities(y_hat, y)
    return (y_hat - y) / (y_hat * (1 - y_hat)) / len(y)


@finite_result
def bce_grad_z(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return ∂BCE/∂z_i for ŷ_i = σ(z_i): the σ(1 − σ) cancels, leaving (σ(z_i) − y_i)/n.

    >>> bce_grad_z([0.0, 0.0], [1.0, 0.0])
    array([-0.25,  0.25])
    """
    z, y = as_vector("z", z), as_vector("y", y)
    same_length(z=z, y=y)
    if np.any((y < 0) | (y > 1)):
        raise ValueError(f"y must be labels between 0 and 1, got {float(y[(y < 0) | (y > 1)][0])}")
    return (sigmoid(z) - y) / len(y)


# --8<-- [end:bce]
