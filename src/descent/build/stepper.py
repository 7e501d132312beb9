"""A drawn graph as JSON for the graph stepper in the page (docs/javascripts/graph-stepper.js).

The nodes come in the engine's topological order with the places of the static figure; the
forward steps are the operation nodes in that order, the backward steps the edges in the
order ``Value.backward`` walks them (results before their inputs, each node's inputs in the
order they were written). The widget recomputes every number with its own small engine,
which the browser tests compare with ``descent.engine``.

>>> from descent.engine import Value
>>> from descent.graph import graph
>>> w = Value(3.0, label="w")
>>> data = export(graph(2 * w), {0: (0.0, 1.0), 1: (0.0, 0.0), 2: (1.0, 0.5)}, {}, ["w"])
>>> data["forward"], data["backward"], data["edges"]
([2], [0, 1], [[0, 2], [1, 2]])
"""

from __future__ import annotations

import json
import re

from descent.graph import GraphNode

# TeX in the figures' node titles → the plain text the widget draws
_PLAIN = [("$", ""), (r"\cdot", "·"), (r"\sqrt{b}", "√b"), (r"\ln ", "ln "), (r"\sin ", "sin ")]
_PLAIN += [(r"\sigma", "σ"), (r"\tanh ", "tanh "), ("^2", "²"), ("  ", " ")]
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
OPS = {"", "+", "-", "*", "/", "neg", "exp", "log", "sqrt", "sin", "tanh", "sigmoid", "relu"}
SHOW = {"*": "×", "/": "÷", "-": "−", "neg": "−"}  # an unnamed operation's title
LOSSES = {"half-square", "bce"}  # J = ½(root − target)², or binary cross-entropy of root


def plain(tex: str) -> str:
    r"""The figure's TeX title as plain text.

    >>> plain(r"$c = \sqrt{b}$"), plain(r"$z = x \cdot y$"), plain(r"$p_1 = w_{12} x_1$")
    ('c = √b', 'z = x · y', 'p₁ = w₁₂ x₁')
    """
    for old, new in _PLAIN:
        tex = tex.replace(old, new)
    tex = re.sub(r"_\{?(\d+)\}?", lambda m: m[1].translate(_SUB), tex)
    if "\\" in tex or "{" in tex:
        raise ValueError(f"names: no plain text for the TeX in {tex!r}")
    return tex.strip()


def export(
    nodes: list[GraphNode],
    place: dict[int, tuple[float, float]],
    names: dict[str, str],
    inputs: list[str],
    *,
    params: list[str] | None = None,
    loss: str = "half-square",
    target: float = 0.0,
    lr: float = 0.1,
    digits: tuple[str, int] = ("g", 6),
) -> dict:
    """The stepper's description of ``nodes`` drawn at ``place`` (x = column, y up).

    ``names`` maps labels to the figure's TeX titles; ``inputs`` are the labels the reader
    may edit, ``params`` (default: all inputs) those a descent step moves; the loss for a
    descent step is J = ½(root − target)², or with ``loss="bce"`` the binary cross-entropy
    J = −[y ln root + (1 − y) ln(1 − root)] with y = target.
    """
    labels = {n.label for n in nodes}
    if missing := [name for name in inputs if name not in labels]:
        raise ValueError(f"inputs: no node labelled {missing}")
    params = inputs if params is None else params
    if stray := [name for name in params if name not in inputs]:
        raise ValueError(f"params: {stray} are not among the inputs")
    if loss not in LOSSES:
        raise ValueError(f"loss: {loss!r} is none of {sorted(LOSSES)}")
    out_nodes = []
    for n in nodes:
        if n.op not in OPS and not n.op.startswith("**"):
            raise ValueError(f"nodes: the stepper has no operation {n.op!r}")
        x, y = place[n.index]
        entry = {"op": n.op, "label": n.label, "x": x, "y": y, "parents": list(n.parents)}
        if n.label in names:
            entry["title"] = plain(names[n.label])
        else:
            entry["title"] = plain(n.label) if n.label or not n.parents else SHOW.get(n.op, n.op)
        if not n.parents:
            entry["value"] = n.value  # inputs and constants; the rest the widget computes
        out_nodes.append(entry)
    edges = [[p, n.index] for n in nodes for p in n.parents]
    first_edge, k = {}, 0
    for n in nodes:
        first_edge[n.index], k = k, k + len(n.parents)
    backward = [first_edge[n.index] + j for n in reversed(nodes) for j in range(len(n.parents))]
    return {
        "nodes": out_nodes,
        "edges": edges,
        "forward": [n.index for n in nodes if n.parents],
        "backward": backward,
        "inputs": inputs,
        "params": params,
        "loss": loss,
        "target": target,
        "lr": lr,
        "digits": list(digits),
    }


def to_json(data: dict) -> bytes:
    """The bytes of the generated file: one line, keys sorted, so every render is identical."""
    return (json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
