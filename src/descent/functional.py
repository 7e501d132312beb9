"""Functions of tensors for classifiers, named as in ``torch.nn.functional``, backward beside.

Every function builds one node of the tensor engine: its forward value and the vector-Jacobian
product that sends an upstream gradient g back to its input.

>>> from descent.tensor import Tensor
>>> z = Tensor([[0.0, 0.0]], requires_grad=True)
>>> loss = cross_entropy(z, [1])
>>> loss.backward()
>>> z.grad
array([[ 0.5, -0.5]])
"""

from __future__ import annotations

import numpy as np

from descent.tensor import Tensor, lift
from descent.tensor_shapes import Array, all_finite


# --8<-- [start:activations]
def relu(x: Tensor) -> Tensor:
    """max(x, 0), entry by entry; the slope is 1 where x > 0 and 0 elsewhere (0 at x = 0).

    >>> relu(Tensor([-1.0, 0.0, 2.0])).data
    array([0., 0., 2.])
    """
    x = lift(x)
    on = x.data > 0
    return Tensor.node(np.where(on, x.data, 0.0), "relu", (x,), (lambda g: g * on,))


def tanh(x: Tensor) -> Tensor:
    """tanh x, entry by entry, with slope 1 − tanh²x.

    >>> tanh(Tensor([0.0])).data
    array([0.])
    """
    x = lift(x)
    t = np.tanh(x.data)
    return Tensor.node(t, "tanh", (x,), (lambda g: g * (1 - t * t),))


def sigmoid(x: Tensor) -> Tensor:
    """σ(x) = 1 / (1 + e⁻ˣ), entry by entry, with slope σ(1 − σ); never overflows.

    >>> sigmoid(Tensor([0.0])).data
    array([0.5])
    """
    x = lift(x)
    e = np.exp(-np.abs(x.data))  # ≤ 1: e^(−|x|) cannot overflow
    s = np.where(x.data >= 0, 1 / (1 + e), e / (1 + e))
    return Tensor.node(s, "sigmoid", (x,), (lambda g: g * s * (1 - s),))


# --8<-- [end:activations]


# --8<-- [start:linear]
def linear(x: Tensor, w: Tensor, b: Tensor) -> Tensor:
    """XW + b as one node, backward by (14.2)–(14.4): ∂L/∂X = GWᵀ, ∂L/∂W = XᵀG, ∂L/∂b = 1ᵀG.

    ``x`` is (n, d_in), ``w`` (d_in, d_out), ``b`` (d_out,); the same numbers as ``x @ w + b``,
    in one node instead of two (``torch.nn.functional.linear`` stores the weight transposed).

    >>> linear(Tensor([[1.0, 2.0]]), Tensor([[1.0], [1.0]]), Tensor([0.5])).data
    array([[3.5]])
    """
    x, w, b = lift(x), lift(w), lift(b)
    X, W = x.data, w.data
    if X.ndim != 2 or W.ndim != 2 or X.shape[1] != W.shape[0] or b.shape != W.shape[1:]:
        raise ValueError(
            f"linear: expected x (n, d_in), w (d_in, d_out), b (d_out,), "
            f"got {x.shape}, {w.shape}, {b.shape}"
        )
    with np.errstate(over="ignore", invalid="ignore"):  # a non-finite result: Tensor.node
        out = X @ W + b.data
    return Tensor.node(
        out,
        "linear",
        (x, w, b),
        (lambda g: g @ W.T, lambda g: X.T @ g, lambda g: g.sum(axis=0)),
    )


# --8<-- [end:linear]


# --8<-- [start:exp-log]
def exp(x: Tensor) -> Tensor:
    """eˣ, entry by entry; its slope is eˣ itself. An overflow is reported, not returned.

    >>> exp(Tensor([0.0])).data
    array([1.])
    """
    x = lift(x)
    with np.errstate(over="ignore"):  # an infinite result is reported by Tensor.node
        e = np.exp(x.data)
    return Tensor.node(e, "exp", (x,), (lambda g: g * e,))


def log(x: Tensor) -> Tensor:
    """ln x for x > 0, entry by entry, with slope 1/x; zero or negative entries are refused.

    >>> log(Tensor([1.0])).data
    array([0.])
    """
    x = lift(x)
    if not (x.data > 0).all():
        raise ValueError(f"log: x must be positive, got min {x.data.min()!r}")
    return Tensor.node(np.log(x.data), "log", (x,), (lambda g: g / x.data,))


# --8<-- [end:exp-log]


# --8<-- [start:log-softmax]
def log_softmax(z: Tensor) -> Tensor:
    """ln softmax(z) along the last axis, computed as z − max − ln Σ e^(z − max): never overflows.

    Backward: with p = softmax(z), ∂L/∂z = g − p·Σⱼ gⱼ (sums along the last axis).

    >>> log_softmax(Tensor([0.0, 0.0])).data
    array([-0.69314718, -0.69314718])
    """
    z = lift(z)
    if z.data.ndim == 0:
        raise ValueError("log_softmax: z must have at least one axis (the classes)")
    if not all_finite(z.data):
        raise ValueError("log_softmax: z must be finite: a NaN or ±inf came from an earlier step")
    shifted = z.data - z.data.max(axis=-1, keepdims=True)  # largest entry 0: e^0 = 1, no overflow
    out = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    p = np.exp(out)

    def grad_z(g: Array) -> Array:
        return g - p * g.sum(axis=-1, keepdims=True)

    return Tensor.node(out, "log_softmax", (z,), (grad_z,))


# --8<-- [end:log-softmax]


def class_indices(targets: object, n: int, classes: int) -> Array:
    """Return ``targets`` as n integer class indices in 0..classes−1, or raise naming the problem.

    >>> class_indices([2, 0], 2, 3)
    array([2, 0])
    """
    t = np.asarray(targets.data if isinstance(targets, Tensor) else targets)
    if t.dtype.kind == "f" and np.isfinite(t).all() and (t == np.round(t)).all():
        t = t.astype(np.int64)  # whole numbers stored as floats are accepted
    if t.dtype.kind not in "iu":
        raise TypeError(f"targets must be class indices (integers), got dtype {t.dtype}")
    if t.shape != (n,):
        raise ValueError(f"targets has shape {t.shape}, expected ({n},): one label per row")
    if n and (t.min() < 0 or t.max() >= classes):
        raise ValueError(f"targets must lie in 0..{classes - 1}, got {t.min()}..{t.max()}")
    return t.astype(np.int64)


# --8<-- [start:cross-entropy]
def cross_entropy(logits: Tensor, targets: object) -> Tensor:
    """Mean over the rows of −ln softmax(logits)[target], as ``nn.CrossEntropyLoss()``.

    ``logits`` has shape (n, classes), ``targets`` holds n class indices (not one-hot rows).
    One node: log-softmax and the pick of the true class fused, with ∂L/∂z = (p − onehot)/n.

    >>> round(cross_entropy(Tensor([[1.0, 2.0, 3.0]]), [1]).item(), 6)
    1.407606
    """
    logits = lift(logits)
    if logits.data.ndim != 2 or logits.shape[0] == 0:
        raise ValueError(f"logits must have shape (n, classes) with n ≥ 1, got {logits.shape}")
    if not all_finite(logits.data):  # e.g. changed in place after it was made
        raise ValueError("logits must be finite: a NaN or ±inf came from an earlier step")
    n, classes = logits.shape
    t = class_indices(targets, n, classes)
    rows = np.arange(n)
    z = logits.data - logits.data.max(axis=1, keepdims=True)  # log-sum-exp, as in log_softmax
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -log_p[rows, t].mean()  # mean over the rows of −ln p(true class)

    def grad_logits(g: Array) -> Array:
        d = np.exp(log_p)
        d[rows, t] -= 1  # ∂L/∂z = (p − onehot(t)) / n, times the upstream g
        return d * (g / n)

    return Tensor.node(loss, "cross_entropy", (logits,), (grad_logits,))


# --8<-- [end:cross-entropy]
