"""Chapter 10's PyTorch examples, one function each, named as their twins in scratch_examples.

PyTorch is not a dependency of the package. The import below is guarded so the package (and
its doctests) load without it; these functions run only where torch is installed: in
``tests/pytorch_parity`` and in ``python -m descent.twins.record``, both run by ``nox -s torch``.
Each returns a dict with the same keys as the function of the same name in
:mod:`descent.chapters.pytorch.examples`.
The fits run in float64, so that they can be compared with
our float64 engine digit for digit; the small demos keep PyTorch's default, float32.
"""

from __future__ import annotations

import warnings
from typing import Any

from descent.chapters.pytorch.examples import (
    B0,
    DEMO_B,
    DEMO_W,
    ONE_X,
    ONE_Y,
    STEP_LR,
    W0,
)

try:
    import torch
except ImportError:  # pragma: no cover - the torch session installs it
    torch = None


def require_torch() -> None:
    """Raise a clear error if PyTorch is missing (it is needed only by these examples)."""
    if torch is None:
        raise ModuleNotFoundError(
            "these examples need PyTorch, which the package does not depend on: "
            "run them with `nox -s torch`"
        )


# --8<-- [start:requires-grad]
def requires_grad(w: float = DEMO_W, b: float = DEMO_B) -> dict[str, Any]:
    """Build y = w² + w + b, call backward, and read w.grad and b.grad."""
    w = torch.tensor(w, requires_grad=True)  # leaves: PyTorch will fill their .grad
    b = torch.tensor(b, requires_grad=True)
    y = w**2 + w + b  # forward: each result remembers how to go back, in y.grad_fn
    y.backward()  # reverse pass from y, seeded with ∂y/∂y = 1
    return {"y": y, "w.grad": w.grad, "b.grad": b.grad}


# --8<-- [end:requires-grad]


def grad_fn_graph(root: torch.Tensor) -> list[tuple[str, tuple[int, ...]]]:
    """The nodes behind ``root.grad_fn``, inputs first: (class name, indices of its inputs).

    The walk is the one of :func:`descent.graph.topological_order`, over ``next_functions``.
    """
    order: list[Any] = []
    seen: set[int] = set()
    stack = [(root.grad_fn, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            parents = [f for f, _ in node.next_functions if f is not None]
            stack += [(p, False) for p in reversed(parents) if id(p) not in seen]
    index = {id(node): i for i, node in enumerate(order)}
    return [
        (type(n).__name__, tuple(index[id(f)] for f, _ in n.next_functions if f is not None))
        for n in order
    ]


# --8<-- [start:leaf-tensors]
def leaves(w: float = DEMO_W, b: float = DEMO_B) -> dict[str, Any]:
    """Which tensors are leaves, and which keep a gradient after y.backward()."""
    w = torch.tensor(w, requires_grad=True)
    b = torch.tensor(b, requires_grad=True)
    y = w**2 + w + b
    y.backward()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        y_grad = y.grad  # None: only leaves keep .grad (unless y.retain_grad() was called)
    return {
        "w is a leaf": w.is_leaf,
        "y is a leaf": y.is_leaf,
        "y.grad": y_grad,
        "warning": str(caught[0].message),
    }


# --8<-- [end:leaf-tensors]


def one_sample_loss() -> torch.Tensor:
    """The loss (w·x + b − y)² of one sample, (x, y) = (1, 2), at w = b = 0.1."""
    w = torch.tensor(W0, requires_grad=True)
    b = torch.tensor(B0, requires_grad=True)
    return (w * ONE_X + b - ONE_Y) ** 2


# --8<-- [start:zero-grad]
def zero_grad() -> dict[str, Any]:
    """Two backward passes through one loss; only w.grad is cleared in between."""
    w = torch.tensor(W0, requires_grad=True)
    b = torch.tensor(B0, requires_grad=True)
    loss = (w * ONE_X + b - ONE_Y) ** 2
    loss.backward(retain_graph=True)  # keep the graph: we go through it a second time
    first = {"w.grad 1": w.grad.clone(), "b.grad 1": b.grad.clone()}
    w.grad.zero_()  # clear w only; b keeps its gradient
    loss.backward()  # adds to whatever .grad holds: b.grad doubles
    return first | {"w.grad 2": w.grad, "b.grad 2": b.grad}


# --8<-- [end:zero-grad]


# --8<-- [start:optimizer-step]
def optimizer_step(lr: float = STEP_LR) -> dict[str, Any]:
    """One SGD step on the one-sample loss: θ ← θ − lr·θ.grad for θ = w, b."""
    w = torch.tensor(W0, requires_grad=True)
    b = torch.tensor(B0, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    loss = (w * ONE_X + b - ONE_Y) ** 2
    optimizer.zero_grad()
    loss.backward()
    before = {"w before": w.item(), "w.grad": w.grad.clone()}
    optimizer.step()  # in place, under torch.no_grad(): w is still the same leaf
    return before | {"w after": w, "b after": b}


# --8<-- [end:optimizer-step]
