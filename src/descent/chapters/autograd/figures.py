"""Figures of the chapter that builds an autograd engine from scratch."""

from __future__ import annotations

import re

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from descent.build.figure import BLUE, GREY, ORANGE, RED, new_figure
from descent.build.stepper import export
from descent.chapters.autograd import examples as ex
from descent.chapters.autograd import tables as t
from descent.graph import GraphNode


def layout(nodes: list[GraphNode]) -> dict[int, tuple[float, float]]:
    """Place each node at x = its depth (longest path from an input), spread evenly in y."""
    depth: dict[int, int] = {}
    for n in nodes:  # topological order: parents already have a depth
        depth[n.index] = 1 + max((depth[p] for p in n.parents), default=-1)
    columns: dict[int, list[int]] = {}
    for i, d in depth.items():
        columns.setdefault(d, []).append(i)
    place = {}
    for d, members in columns.items():
        for k, i in enumerate(members):
            place[i] = (float(d), (len(members) - 1) / 2 - k)
    return place


OP_TEX = {"*": r"\times", "/": r"\div"}  # the title of an unnamed operation
X_PAD, Y_PAD = 0.4, 0.6  # room around the outermost nodes, in layout units


def aspect(place: dict[int, tuple[float, float]], size: tuple[float, float]) -> float:
    """Height of one layout unit over its width in a figure of ``size`` inches (draw_graph).

    >>> aspect({0: (0.0, 0.0), 1: (1.0, 1.0)}, (3.6, 4.4))
    1.0
    """
    xs, ys = [x for x, _ in place.values()], [y for _, y in place.values()]
    unit_x = size[0] / (max(xs) - min(xs) + 2 * X_PAD)
    unit_y = size[1] / (max(ys) - min(ys) + 2 * Y_PAD)
    return round(unit_y / unit_x, 4)


def draw_graph(
    ax: Axes,
    nodes: list[GraphNode],
    names: dict[str, str],
    place: dict[int, tuple[float, float]] | None = None,
) -> None:
    """Draw a scalar graph: boxes with value and gradient, edges labelled ∂child/∂parent.

    ``names`` maps a node's label to its title (TeX); a node missing from it is titled by its
    label or its op, and an unnamed constant shows only its value. ``place`` defaults to
    :func:`layout`. For ``Value`` graphs (a ``Tensor`` node carries no local derivatives).
    """
    place = place or layout(nodes)
    for n in nodes:
        for p, local in zip(n.parents, n.local, strict=True):
            (x0, y0), (x1, y1) = place[p], place[n.index]
            ax.annotate(
                "",
                xy=(x1, y1),
                xytext=(x0, y0),
                arrowprops={"arrowstyle": "-|>", "color": GREY, "shrinkA": 34, "shrinkB": 34},
            )
            ax.text(
                0.5 * (x0 + x1),
                0.5 * (y0 + y1),
                f"${local:.4g}$",
                color=ORANGE,
                fontsize=9,
                ha="center",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"},
            )
    for n in nodes:
        x, y = place[n.index]
        if not n.label and not n.parents:  # an unnamed constant, e.g. the 2 in 2·w
            text, colour = f"${n.value:.4g}$", GREY
        else:
            label = re.sub(r"_(\d\d+)", r"_{\1}", n.label)  # w_12: subscript 12
            title = names.get(n.label) or f"${label or OP_TEX.get(n.op, n.op)}$"
            bar = f"\\bar{{{label}}}" if label else r"\bar{v}"
            text, colour = f"{title}\n${n.value:.4g}$\n${bar} = {n.grad:.4g}$", BLUE
        ax.text(
            x,
            y,
            text,
            ha="center",
            va="center",
            fontsize=10,
            linespacing=1.6,
            bbox={"boxstyle": "round,pad=0.4", "fc": "#EEF3FA", "ec": colour},
        )
    xs = [x for x, _ in place.values()]
    ys = [y for _, y in place.values()]
    ax.set(xlim=(min(xs) - X_PAD, max(xs) + X_PAD), ylim=(min(ys) - Y_PAD, max(ys) + Y_PAD))
    ax.axis("off")


# a, b, c, s, d, L placed by hand so that no edge crosses a box
EXAMPLE_PLACE = dict(enumerate([(0, -0.3), (0, 1.3), (1, 0.5), (1, -1.0), (2, -0.2), (3, 0.6)]))


EXAMPLE_SIZE = (7.2, 3.8)


def fig_autograd_example_graph() -> Figure:
    """The example L = (a·b + sin a)·b after backward: values, gradients, local derivatives."""
    fig = new_figure(*EXAMPLE_SIZE)
    draw_graph(fig.add_subplot(), ex.example_nodes(), t.NODE_TEX, EXAMPLE_PLACE)
    return fig


def stepper_autograd_example_graph() -> dict:
    """The same graph, places and titles for the graph stepper; J = ½L² for a descent step."""
    data = export(ex.example_nodes(), EXAMPLE_PLACE, t.NODE_TEX, ["a", "b"], lr=0.05)
    return data | {"aspect": aspect(EXAMPLE_PLACE, EXAMPLE_SIZE)}


def fig_autograd_loss_curves() -> Figure:
    """The loss along both training runs; dots mark the plain-numpy run every 100 steps."""
    fits = t._fits()
    fig = new_figure(7.2, 3.4)
    panels = (
        ("line", "line_np", r"$J = \frac{1}{n}\sum (w x_i + b - y_i)^2$"),
        ("cubic", "cubic_np", r"$J = \sum (\hat y_i - \sin x_i)^2$"),
    )
    for k, (ours, ref, title) in enumerate(panels):
        ax = fig.add_subplot(1, 2, k + 1)
        steps = np.arange(fits[ours].losses.size)
        ax.semilogy(steps, fits[ours].losses, color=BLUE, lw=2, label="loss.backward()")
        every = steps[::100]
        ax.semilogy(every, fits[ref].losses[::100], "o", color=RED, ms=4, label="numpy")
        ax.set(xlabel="$k$", ylabel="$J$", title=title)
        ax.legend()
    return fig
