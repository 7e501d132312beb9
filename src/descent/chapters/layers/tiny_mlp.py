"""The smallest MLP as a scalar graph: 2 inputs, 2 tanh hidden units, 1 linear output.

h_j = tanh(x₁ w₁ⱼ + x₂ w₂ⱼ + b_j) and f = h₁ v₁ + h₂ v₂ + c: the layer Y = XW + b of this
chapter with one sample, written out number by number so that the engine draws every
multiplication. x₁ and x₂ each feed both hidden units, so their gradients are sums of two
paths. Its figure and its graph stepper both come from :func:`nodes`.

>>> import math
>>> f = forward(X, W, B, V, 0.0)
>>> f.data == math.tanh(-0.25) - 2 * math.tanh(-1.0) and f.label
'f'
"""

from __future__ import annotations

from descent.engine import Value
from descent.graph import GraphNode, graph

X = (1.0, -2.0)  # x₁, x₂
W = ((0.5, -1.0), (0.625, 0.25))  # W[i][j]: from input i to hidden unit j
B = (0.5, 0.5)  # b₁, b₂
V = (1.0, -2.0)  # v₁, v₂: from hidden unit j to the output
C = 0.25
Y, LR = 1.0, 0.1  # the stepper's target and learning rate
PARAMS = ["w_11", "w_21", "w_12", "w_22", "b_1", "b_2", "v_1", "v_2", "c"]
INPUTS = ["x_1", "x_2", *PARAMS]


def forward(
    x: tuple[float, float],
    w: tuple[tuple[float, float], tuple[float, float]],
    b: tuple[float, float],
    v: tuple[float, float],
    c: float,
) -> Value:
    """f = Σⱼ tanh(Σᵢ xᵢ wᵢⱼ + bⱼ) vⱼ + c built with the engine, every input labelled."""
    xs = [Value(xi, f"x_{i + 1}") for i, xi in enumerate(x)]
    out = []
    for j in range(2):
        ws = [Value(w[i][j], f"w_{i + 1}{j + 1}") for i in range(2)]
        a = xs[0] * ws[0] + xs[1] * ws[1] + Value(b[j], f"b_{j + 1}")
        a.label = f"a_{j + 1}"
        h = a.tanh()
        h.label = f"h_{j + 1}"
        out.append(h * Value(v[j], f"v_{j + 1}"))
    f = out[0] + out[1] + Value(c, "c")
    f.label = "f"
    return f


def from_inputs(values: dict[str, float]) -> Value:
    """:func:`forward` at the inputs named as in the graph (x_1, w_12, b_2, v_1, c, ...)."""
    if missing := [k for k in INPUTS if k not in values]:
        raise ValueError(f"values: missing {missing}")
    at = values.get
    w = ((at("w_11"), at("w_12")), (at("w_21"), at("w_22")))
    return forward((at("x_1"), at("x_2")), w, (at("b_1"), at("b_2")), (at("v_1"), at("v_2")),
                   at("c"))  # fmt: skip


def nodes() -> list[GraphNode]:
    """The graph at the book's numbers after ``f.backward()``, root last."""
    f = forward(X, W, B, V, C)
    f.backward()
    return graph(f)


def start() -> dict[str, float]:
    """The book's numbers by input label."""
    return {n.label: n.value for n in nodes() if n.label in INPUTS}
