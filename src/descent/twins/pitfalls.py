"""Chapter 11's pitfalls run in PyTorch, one function each, named as in scratch_pitfalls.

Like :mod:`descent.twins.examples`, this module imports without PyTorch; its functions run
in ``nox -s torch`` only. A pitfall that raises is caught and returned as its message, so the
page can show exactly what PyTorch says.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from descent.chapters.pitfalls.examples import (
    FULL_LR,
    FULL_STEPS,
    SHAPE_INPUT,
    SHAPE_TARGET,
    TWICE_A,
)
from descent.chapters.pytorch.examples import B0, DEMO_B, DEMO_W, LR, ONE_X, ONE_Y, W0
from descent.twins.examples import torch


def _message(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


# --8<-- [start:backward-again]
def backward_again(w: float = DEMO_W, b: float = DEMO_B, passes: int = 3) -> dict[str, Any]:
    """Call y.backward() several times on y = w² + w + b; record w.grad and b.grad each time."""
    w = torch.tensor(w, requires_grad=True)
    b = torch.tensor(b, requires_grad=True)
    y = w**2 + w + b
    out: dict[str, Any] = {"w.grad": [], "b.grad": []}
    for _ in range(passes):
        y.backward(retain_graph=True)  # without the flag the second pass fails (below)
        out["w.grad"].append(w.grad.item())
        out["b.grad"].append(b.grad.item())
    y = w**2 + w + b
    y.backward()  # frees what the graph saved for the way back (here: w, for w²)
    try:
        y.backward()
    except RuntimeError as error:
        out["error"] = _message(error)
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
    x, y = torch.from_numpy(x), torch.from_numpy(y)
    w = torch.tensor(W0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(B0, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    criterion = torch.nn.MSELoss(reduction=reduction)
    losses = []
    for _ in range(steps):
        loss = criterion(w * x + b, y)  # inf, then nan, if the run diverges: no error
        losses.append(loss.item())
        if zero_grad:
            optimizer.zero_grad()
        loss.backward()  # without zero_grad: adds this step's gradient to all earlier ones
        optimizer.step()
    return {"loss": losses, "w": w, "b": b}


# --8<-- [end:full-batch]


# --8<-- [start:used-twice]
def used_twice(a: float = TWICE_A) -> dict[str, float]:
    """∂L/∂a for L = a + a, a·a and a·a + a."""
    builds = {"a + a": lambda a: a + a, "a * a": lambda a: a * a, "a * a + a": lambda a: a * a + a}
    out = {}
    for name, build in builds.items():
        v = torch.tensor(a, requires_grad=True)
        build(v).backward()
        out[name] = v.grad.item()
    return out


# --8<-- [end:used-twice]


# --8<-- [start:float32]
def float32_basics() -> dict[str, Any]:
    """0.1 and 10⁸ + 1 in PyTorch's default float32, and a float64 input to a float32 layer."""
    big = torch.tensor(1e8)  # a Python float becomes float32 by default
    out: dict[str, Any] = {
        "dtype of torch.tensor(0.1)": str(torch.tensor(0.1).dtype),
        "0.1, float32": torch.tensor(0.1).item(),
        "(1e8 + 1) - 1e8, float32": ((big + 1) - big).item(),
        "(1e8 + 1) - 1e8, float64": ((big.double() + 1) - big.double()).item(),
    }
    x = torch.from_numpy(np.array([[1.0], [2.0]]))  # numpy's float64 stays float64
    layer = torch.nn.Linear(1, 1)  # its weight and bias are float32
    try:
        layer(x)
    except RuntimeError as error:
        out["error"] = _message(error)
    return out


def fit_w_per_sample_float32(x: np.ndarray, y: np.ndarray, lr: float = LR, epochs: int = 200):
    """The per-sample fit of ŷ = w·x in PyTorch's default float32."""
    x, y = torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.float32)
    w = torch.tensor(W0, requires_grad=True)  # float32
    optimizer = torch.optim.SGD([w], lr=lr)
    for _ in range(epochs):
        for i in range(len(x)):
            loss = (w * x[i] - y[i]) ** 2
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return {"w": w.item()}


# --8<-- [end:float32]


# --8<-- [start:rebind]
def rebind(steps: int = 3, lr: float = 0.1) -> dict[str, Any]:
    """Update with w = w − lr·w.grad, then with w -= lr·w.grad, both outside torch.no_grad()."""
    out: dict[str, Any] = {"w": []}
    w = torch.tensor(W0, requires_grad=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            for _ in range(steps):
                ((w * ONE_X - ONE_Y) ** 2).backward()
                w = w - lr * w.grad  # a new, non-leaf tensor: its .grad stays None
                out["w"].append(repr(w))
        except TypeError as error:  # lr * None
            out["error"] = _message(error)
    out["warning"] = str(caught[0].message)
    w = torch.tensor(W0, requires_grad=True)
    ((w * ONE_X - ONE_Y) ** 2).backward()
    try:
        w -= lr * w.grad  # in place, but recorded in the graph: refused for a leaf
    except RuntimeError as error:
        out["in-place error"] = _message(error)
    return out


# --8<-- [end:rebind]


# --8<-- [start:no-grad-fix]
def update_in_no_grad(steps: int = 3, lr: float = 0.1) -> dict[str, Any]:
    """The fix: change w in place inside torch.no_grad(), as optimizer.step() does."""
    w = torch.tensor(W0, requires_grad=True)
    for _ in range(steps):
        ((w * ONE_X - ONE_Y) ** 2).backward()
        with torch.no_grad():  # not recorded: w stays the same leaf
            w -= lr * w.grad
        w.grad.zero_()
    return {"w": w}


# --8<-- [end:no-grad-fix]


# --8<-- [start:shape-mismatch]
def shape_mismatch(input: list = SHAPE_INPUT, target: list = SHAPE_TARGET) -> dict[str, Any]:
    """MSE of predictions shaped (3, 1) against targets shaped (3,)."""
    y_hat, y = torch.tensor(input), torch.tensor(target)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        broadcast = torch.nn.MSELoss()(y_hat, y)  # (3, 1) − (3,) broadcasts to 3 × 3
    fixed = torch.nn.MSELoss()(y_hat.squeeze(1), y)  # the fix: give both the same shape
    return {"broadcast": broadcast, "warning": str(caught[0].message), "fixed": fixed}


# --8<-- [end:shape-mismatch]
