"""Chapter 11's pitfalls with our own engine, one function per PyTorch pitfall, same names.

Each function mirrors the function of the same name in :mod:`descent.twins.pitfalls` and
returns a dict with the same numeric keys.

>>> used_twice()["a + a"]
2.0
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from descent.chapters.pytorch.examples import B0, DEMO_B, DEMO_W, LR, ONE_X, ONE_Y, W0
from descent.engine import Value
from descent.graph import topological_order
from descent.nn import SGD, MSELoss
from descent.tensor import Tensor
from descent.validate import paired

# The pitfalls' givens.
TWICE_A = 3.0
FULL_LR, FULL_STEPS = 0.1, 250  # full-batch steps, with and without zero_grad
SUM_STEPS = FULL_STEPS  # long enough for the summed loss to overflow
REBIND_STEPS = 100
SHAPE_INPUT, SHAPE_TARGET = [[1.0], [2.0], [3.0]], [1.0, 2.0, 3.0]


# --8<-- [start:backward-again]
def backward_again(w: float = DEMO_W, b: float = DEMO_B, passes: int = 3) -> dict[str, Any]:
    """Call y.backward() several times on y = w² + w + b; record w.grad and b.grad each time.

    >>> backward_again()["w.grad"]
    [5.0, 10.0, 15.0]
    """
    w, b = Value(w), Value(b)
    y = w**2 + w + b
    out: dict[str, list[float]] = {"w.grad": [], "b.grad": []}
    for _ in range(passes):
        y.backward()  # our engine keeps the graph, so a second pass needs no flag
        out["w.grad"].append(w.grad)
        out["b.grad"].append(b.grad)
    return out


# --8<-- [end:backward-again]


# --8<-- [start:full-batch]
def fit_full_batch(
    x: np.ndarray,
    y: np.ndarray,
    lr: float = FULL_LR,
    steps: int = FULL_STEPS,
    reduction: str = "mean",
    zero_grad: bool = True,
) -> dict[str, Any]:
    """Fit ŷ = w·x + b by full-batch gradient descent; record the loss before every step."""
    x, y = (Tensor(v) for v in paired(x, y))
    w, b = Tensor(W0, requires_grad=True), Tensor(B0, requires_grad=True)
    optimizer, criterion = SGD([w, b], lr=lr), MSELoss(reduction=reduction)
    out: dict[str, Any] = {"loss": []}
    # numpy's overflow warning off: the engine itself reports the first non-finite loss
    with np.errstate(over="ignore"):
        try:
            for _ in range(steps):
                loss = criterion(w * x + b, y)  # refuses a loss that is no longer finite
                out["loss"].append(loss.item())
                if zero_grad:
                    optimizer.zero_grad()
                loss.backward()  # without zero_grad: adds this step's gradient to all earlier ones
                optimizer.step()
        except ArithmeticError as error:  # OverflowError: the engine stops at the first inf
            out["error"] = f"{type(error).__name__}: {error}"
    return out | {"w": w, "b": b}


# --8<-- [end:full-batch]


# --8<-- [start:used-twice]
def used_twice(a: float = TWICE_A, backward: Callable | None = None) -> dict[str, float]:
    """∂L/∂a for L = a + a, a·a and a·a + a, by a backward pass (ours, or the one given).

    >>> used_twice(backward=backward_assigning)["a + a"]
    1.0
    """
    builds = {"a + a": lambda a: a + a, "a * a": lambda a: a * a, "a * a + a": lambda a: a * a + a}
    return {name: grad_of(build, a, backward) for name, build in builds.items()}


def grad_of(build: Callable[[Value], Value], a: float, backward: Callable | None = None) -> float:
    """∂L/∂a for L = build(a), by our backward pass or the one given.

    >>> grad_of(lambda a: a * a * a, 3.0), grad_of(lambda a: a * a * a, 3.0, backward_assigning)
    (27.0, 9.0)
    """
    v = Value(a)
    L = build(v)
    L.backward() if backward is None else backward(L)
    return v.grad


def backward_assigning(root: Value) -> None:
    """A wrong backward pass: each edge assigns its share (=) instead of adding it (+=)."""
    order = topological_order(root)
    for v in order:
        v._g = 0.0
    root._g = 1.0
    for v in reversed(order):
        for parent, local in zip(v._parents, v._local, strict=True):
            parent._g = v._g * local  # wrong: the last path overwrites the others
    for v in order:
        v.grad = v._g


# --8<-- [end:used-twice]


# --8<-- [start:float32]
def float32_basics() -> dict[str, float]:
    """0.1 and 10⁸ + 1 stored in float32, as numpy's float32 holds them.

    >>> float32_basics()["(1e8 + 1) - 1e8, float32"]
    0.0
    """
    one, big = np.float32(1.0), np.float32(1e8)
    return {
        "0.1, float32": np.float32(0.1).item(),
        "(1e8 + 1) - 1e8, float32": ((big + one) - big).item(),
        "(1e8 + 1) - 1e8, float64": (1e8 + 1.0) - 1e8,
    }


def fit_w_per_sample_float32(x: np.ndarray, y: np.ndarray, lr: float = LR, epochs: int = 200):
    """The per-sample fit of ŷ = w·x with every number rounded to float32 after every step."""
    x, y = (v.astype(np.float32) for v in paired(x, y))
    w, lr32, two = np.float32(W0), np.float32(lr), np.float32(2.0)
    for _ in range(epochs):
        for x_i, y_i in zip(x, y, strict=True):
            grad_w = two * (w * x_i - y_i) * x_i  # float32 × float32 stays float32
            w = w - lr32 * grad_w
    return {"w": float(w)}


# --8<-- [end:float32]


# --8<-- [start:visible-increment]
def smallest_visible_increment(big: float = 1e8) -> int:
    """The smallest whole k for which float32(big + k) differs from float32(big).

    >>> smallest_visible_increment(16777216.0)  # 2**24: float32 spacing 2 there
    2
    """
    base, k = np.float32(big), 1
    while np.float32(big + k) == base:
        k += 1
    return k


# --8<-- [end:visible-increment]


# --8<-- [start:rebind]
def rebind(steps: int = REBIND_STEPS, lr: float = 0.1) -> dict[str, Any]:
    """Update with w = w − lr·w.grad (a new node!) instead of changing w's data."""
    w = Value(W0)
    nodes = []
    for _ in range(steps):
        loss = (w * ONE_X - ONE_Y) ** 2
        nodes.append(len(topological_order(loss)))  # the graph behind this step's loss
        loss.backward()
        w = w - lr * w.grad  # a new node whose inputs reach back to every earlier w
    return {"w": w, "nodes": nodes}


# --8<-- [end:rebind]


# --8<-- [start:shape-mismatch]
def shape_mismatch(input: list = SHAPE_INPUT, target: list = SHAPE_TARGET) -> dict[str, Any]:
    """MSE of predictions shaped (3, 1) against targets shaped (3,)."""
    out: dict[str, Any] = {"broadcast": float(np.mean((np.array(input) - np.array(target)) ** 2))}
    try:
        MSELoss()(Tensor(input), Tensor(target))
    except ValueError as error:  # our MSELoss refuses shapes that would broadcast
        out["error"] = f"ValueError: {error}"
    flat = Tensor(np.ravel(input))  # the fix: give both the same shape
    return out | {"fixed": MSELoss()(flat, Tensor(target)).item()}


# --8<-- [end:shape-mismatch]


# --8<-- [start:no-grad-fix]
def update_in_no_grad(steps: int = 3, lr: float = 0.1) -> dict[str, Any]:
    """The fix: change w's data, as SGD.step() does; no node is created.

    >>> round(update_in_no_grad(steps=1)["w"].data, 12)
    0.48
    """
    w = Value(W0)
    optimizer = SGD([w], lr=lr)
    for _ in range(steps):
        loss = (w * ONE_X - ONE_Y) ** 2
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()  # w.data ← w.data − lr·w.grad
    return {"w": w}


# --8<-- [end:no-grad-fix]
