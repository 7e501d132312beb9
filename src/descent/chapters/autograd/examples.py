"""Worked examples: a small graph with two paths per input, and gradient accumulation.

>>> L = example_graph(1.0, 2.0)
>>> [(n.label, n.op) for n in graph(L)]
[('a', ''), ('b', ''), ('c', '*'), ('s', 'sin'), ('d', '+'), ('L', '*')]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from descent.engine import Value
from descent.graph import graph

# The chapter's givens: the inputs of the example graph and of the accumulation demo.
EXAMPLE_A, EXAMPLE_B = 1.0, 2.0
ACCUMULATION_A = 3.0


def named(v: Value, label: str) -> Value:
    """Give ``v`` a label for tables and diagrams, and return it.

    >>> named(Value(1.0), "w").label
    'w'
    """
    v.label = label
    return v


# --8<-- [start:example-graph]
def example_graph(a: float = EXAMPLE_A, b: float = EXAMPLE_B) -> Value:
    """Build L = (a·b + sin a)·b one node at a time, run backward, and return L."""
    a, b = Value(a, label="a"), Value(b, label="b")
    c = named(a * b, "c")  # a and b each feed two nodes: a → c, s; b → c, L
    s = named(a.sin(), "s")
    d = named(c + s, "d")
    L = named(d * b, "L")
    L.backward()  # one pass fills a.grad = ∂L/∂a and b.grad = ∂L/∂b
    return L


# --8<-- [end:example-graph]


@dataclass(frozen=True)
class Accumulation:
    """One run of the accumulation demo: which L, how many passes, and the a.grad it left."""

    tex: str
    passes: int
    zero_between: bool
    grad: float


# --8<-- [start:accumulation]
def accumulate(
    build: Callable[[Value], Value], a: float, passes: int, zero_between: bool = False
) -> float:
    """Build L from a fresh input ``a``, call L.backward() ``passes`` times, return a.grad.

    >>> accumulate(lambda a: a + a, 3.0, passes=1), accumulate(lambda a: a * a, 3.0, passes=2)
    (2.0, 12.0)
    """
    a = Value(a, label="a")
    L = build(a)
    for k in range(passes):
        if zero_between and k > 0:
            a.zero_grad()  # without this, the second pass adds to the first
        L.backward()
    return a.grad


# --8<-- [end:accumulation]


def accumulation_cases(a: float = ACCUMULATION_A) -> list[Accumulation]:
    """The demo's rows: a node used twice, and backward called twice with and without zeroing."""
    cases = [
        ("a + a", lambda v: v + v, 1, False),
        (r"a \cdot a", lambda v: v * v, 1, False),
        (r"a \cdot a + a", lambda v: v * v + v, 1, False),
        (r"a \cdot a", lambda v: v * v, 2, False),
        (r"a \cdot a", lambda v: v * v, 2, True),
    ]
    return [Accumulation(tex, n, z, accumulate(f, a, n, z)) for tex, f, n, z in cases]


def example_nodes() -> list:
    """The example graph's nodes as records (see :func:`descent.graph.graph`)."""
    return graph(example_graph())


@dataclass(frozen=True)
class Contribution:
    """One edge of the backward pass: node ``child`` hands ``amount`` to its input ``parent``."""

    child: int
    parent: int
    local: float  # ∂child/∂parent
    amount: float  # ∂L/∂child · ∂child/∂parent
    total: float  # ∂L/∂parent collected so far


def backward_trace(nodes: list) -> list[Contribution]:
    """Replay a scalar graph's backward pass edge by edge, in the order backward visits them.

    >>> [c.amount for c in backward_trace(graph(Value(3.0) * 2.0))]
    [2.0, 3.0]
    """
    adjoint = [0.0] * len(nodes)
    adjoint[-1] = 1.0  # ∂L/∂L = 1
    trace = []
    for node in reversed(nodes):
        for parent, local in zip(node.parents, node.local, strict=True):
            adjoint[parent] += adjoint[node.index] * local
            trace.append(
                Contribution(
                    node.index, parent, local, adjoint[node.index] * local, adjoint[parent]
                )
            )
    return trace
