"""Chapter 10's examples with our own engine, one function per PyTorch example, same names.

Each function here mirrors the function of the same name in :mod:`descent.twins.examples`
and returns a dict with the same keys, so a test can hold the two side by side.

The demos on one number need only the scalar engine, so their code runs in the page too.

>>> x, y = line_data(n=3)
>>> bool(((y >= SLOPE * x + OFFSET) & (y < SLOPE * x + OFFSET + 1)).all())
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from descent.engine import Value
from descent.finite import whole_number

if TYPE_CHECKING:
    import numpy as np

# The chapter's givens: the data y = 10x + 1 + u (u uniform in [0, 1)), the start, the steps
# (used by scratch_training and torch_training).
N, SEED, SLOPE, OFFSET = 20, 0, 10.0, 1.0
W0 = B0 = 0.1
LR, EPOCHS = 0.01, 200  # one sample per step
BATCH_SIZE, BATCH_LR, BATCH_EPOCHS, LOADER_SEED = 5, 0.1, 200, 0
# The small demos: y = w² + w + b at (2, 3); one sample (x, y) = (1, 2) with w = b = 0.1.
DEMO_W, DEMO_B = 2.0, 3.0
ONE_X, ONE_Y, STEP_LR = 1.0, 2.0, 0.1
# MSELoss on four predictions, chosen so that every result is exact in binary.
MSE_INPUT, MSE_TARGET = [1.0, 2.0, 3.0, 4.0], [1.5, 2.0, 2.0, 5.0]


def line_data(
    n: int = N, seed: int = SEED, offset: float = OFFSET
) -> tuple[np.ndarray, np.ndarray]:
    """Return x (hundredths from 0.01 to 0.99) and y = 10·x + offset + u, u uniform in [0, 1).

    >>> x, y = line_data(n=2, offset=0.0)
    >>> x.shape, bool(((y - 10 * x >= 0) & (y - 10 * x < 1)).all())
    ((2,), True)
    """
    import numpy as np  # the data set is an array

    n = whole_number("n", n, minimum=2)
    rng = np.random.default_rng(seed)
    x = rng.integers(1, 100, size=n) / 100
    return x, SLOPE * x + offset + rng.uniform(0.0, 1.0, size=n)


# --8<-- [start:requires-grad]
def requires_grad(w: float = DEMO_W, b: float = DEMO_B) -> dict[str, Any]:
    """Build y = w² + w + b, call backward, and read w.grad and b.grad.

    >>> out = requires_grad()
    >>> out["y"].data, out["w.grad"], out["b.grad"]
    (9.0, 5.0, 1.0)
    """
    w, b = Value(w, label="w"), Value(b, label="b")  # inputs: leaves of the graph
    y = w**2 + w + b  # forward: each operation records its inputs and local derivatives
    y.backward()  # reverse pass from y, seeded with ∂y/∂y = 1
    return {"y": y, "w.grad": w.grad, "b.grad": b.grad}


# --8<-- [end:requires-grad]


# --8<-- [start:leaf-tensors]
def leaves(w: float = DEMO_W, b: float = DEMO_B) -> dict[str, Any]:
    """Which nodes are inputs, and which keep a gradient after y.backward().

    >>> leaves()["y.grad"]
    1.0
    """
    w, b = Value(w), Value(b)
    y = w**2 + w + b
    y.backward()
    # an input was made by no operation; every node, input or not, keeps its .grad
    return {"w is a leaf": w.op == "", "y is a leaf": y.op == "", "y.grad": y.grad}


# --8<-- [end:leaf-tensors]


def one_sample_loss() -> Value:
    """The loss (w·x + b − y)² of one sample, (x, y) = (1, 2), at w = b = 0.1."""
    w, b = Value(W0, label="w"), Value(B0, label="b")
    return (w * ONE_X + b - ONE_Y) ** 2


# --8<-- [start:zero-grad]
def zero_grad() -> dict[str, Any]:
    """Two backward passes through one loss; only w.grad is cleared in between.

    >>> out = zero_grad()
    >>> round(out["w.grad 2"], 12), round(out["b.grad 2"], 12)
    (-3.6, -7.2)
    """
    w, b = Value(W0, label="w"), Value(B0, label="b")
    loss = (w * ONE_X + b - ONE_Y) ** 2
    loss.backward()
    first = {"w.grad 1": w.grad, "b.grad 1": b.grad}
    w.zero_grad()  # clear w only; b keeps its gradient
    loss.backward()  # adds to whatever .grad holds: b.grad doubles
    return first | {"w.grad 2": w.grad, "b.grad 2": b.grad}


# --8<-- [end:zero-grad]


# --8<-- [start:optimizer-step]
def optimizer_step(lr: float = STEP_LR) -> dict[str, Any]:
    """One SGD step on the one-sample loss: θ ← θ − lr·θ.grad for θ = w, b.

    >>> round(optimizer_step()["w after"].data, 12)
    0.46
    """
    from descent.nn import SGD  # SGD steps Tensors too: it needs numpy

    w, b = Value(W0, label="w"), Value(B0, label="b")
    optimizer = SGD([w, b], lr=lr)
    loss = (w * ONE_X + b - ONE_Y) ** 2
    optimizer.zero_grad()
    loss.backward()
    before = {"w before": w.data, "w.grad": w.grad}
    optimizer.step()  # assigns w.data: no new node, w stays the same input
    return before | {"w after": w, "b after": b}


# --8<-- [end:optimizer-step]
