"""Figures of chapter 7: the graph of z = x·y after backward, and how fast each method hits 150."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from descent.build.figure import BLUE, GREEN, ORANGE, RED, new_figure
from descent.build.stepper import export
from descent.chapters.autograd.figures import aspect, draw_graph
from descent.chapters.computation_graph import examples as bp
from descent.chapters.computation_graph import tables as t

# Hand placement (x = depth, y = row): the named nodes by label, then the four unnamed
# constants (2 in 2w, 3 in 3b, 2 in 2b, 1 in 2b + 1) in the graph's topological order.
PLACE = {
    "w": (0.0, 1.9),
    "b": (0.0, -0.1),
    "u": (1.0, 1.9),
    "v": (1.0, 0.45),
    "s": (1.0, -1.0),
    "x": (2.0, 1.15),
    "y": (2.0, -0.95),
    "z": (3.0, 0.1),
}
CONSTANTS = [(0.45, 2.9), (0.45, 1.15), (0.45, -2.0), (1.5, -2.0)]


SIZE = (7.6, 4.6)  # of the graph's figure


def graph_place() -> dict[int, tuple[float, float]]:
    """Positions of every node of :func:`descent.chapters.computation_graph.tables.graph_nodes`."""
    nodes = t.graph_nodes()
    constants = iter(CONSTANTS)
    return {n.index: PLACE[n.label] if n.label else next(constants) for n in nodes}


def fig_target_graph() -> Figure:
    """z = (2w + 3b)(2b + 1) at w = 3, b = 4: values, gradients ∂z/∂·, local derivatives."""
    fig = new_figure(*SIZE)
    draw_graph(fig.add_subplot(), t.graph_nodes(), t.NODE_TEX, graph_place())
    return fig


def stepper_target_graph() -> dict:
    """The graph for the graph stepper: J = ½(z − 150)², descending on w and b."""
    nodes = t.graph_nodes()
    data = export(nodes, graph_place(), t.NODE_TEX, ["w", "b"], target=bp.Z_TARGET, lr=2e-4)
    return data | {"aspect": aspect(graph_place(), SIZE)}


def fig_target_errors() -> Figure:
    """|z_k − 150| against k: error division (fixed, recomputed factor) and gradient descent."""
    logs, gd = t._logs(), t._gd()
    fig = new_figure(7.6, 3.4)
    for col, (move, title) in enumerate((("b", "$b$"), ("wb", "$w,\\ b$"))):
        ax = fig.add_subplot(1, 2, col + 1)
        for kind, colour, mark, label in (
            ("fixed", ORANGE, "s", "$f = f_0$"),
            ("recomputed", BLUE, "o", r"$f = \partial z / \partial \cdot$"),
        ):
            err = np.abs([s.dz for s in logs[f"{move}_{kind}"]])
            ax.semilogy(np.arange(err.size), np.maximum(err, 1e-16), f"-{mark}", color=colour,
                        label=label, ms=5)  # fmt: skip
        for lr, colour in zip(t.RATES, (GREEN, RED), strict=True):
            run = gd[f"{move}_{lr:g}"]
            err = np.sqrt(2 * run.losses)  # J = ½(z − 150)², so |z − 150| = √(2J)
            ax.semilogy(np.arange(err.size), err, "-", color=colour, lw=1.5,
                        label=f"GD $\\eta = {t.RATE_TEX[lr]}$")  # fmt: skip
        ax.axhline(1e-5, color="black", lw=0.8, ls=":")
        ax.set(xlabel="$k$", ylabel=r"$|z_k - 150|$", title=title, ylim=(1e-13, 1e2))
        if col == 0:
            ax.legend(fontsize=8)
    return fig
