"""Figures of chapter 1, "The three ideas": the loop, the black-box fit, the analogies."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from descent import blackbox
from descent.build.figure import BLUE, GREEN, GREY, ORANGE, RED, new_figure
from descent.chapters.three_ideas import tables as t
from descent.data import BLACK_BOX

# Boxes of the loop diagram: centre (x, y), half-width, and the maths written in each.
LOOP_BOXES = {
    "init": ((0.7, 2.6), 0.35, r"$w_0$"),
    "forward": ((3.4, 2.6), 0.95, r"$\hat y=f(x;w)$"),
    "loss": ((6.6, 2.6), 0.55, r"$J(w)$"),
    "backward": ((6.6, 0.7), 0.4, r"$\nabla J$"),
    "descend": ((3.4, 0.7), 1.15, r"$w\leftarrow w-\eta\,\nabla J$"),
    "done": ((9.4, 2.6), 0.35, r"$w^{*}$"),
    "x": ((3.4, 4.2), 0.35, r"$x_i$"),
    "y": ((6.6, 4.2), 0.35, r"$y_i$"),
}
LOOP_ARROWS = [  # (from, to, label on the arrow)
    ("init", "forward", ""),
    ("x", "forward", ""),
    ("y", "loss", ""),
    ("forward", "loss", r"$\hat y_i$"),
    ("loss", "backward", r"$J\geq\varepsilon$"),
    ("backward", "descend", ""),
    ("descend", "forward", r"$w$"),
    ("loss", "done", r"$J<\varepsilon$"),
]
HALF_HEIGHT = 0.42  # of every box, in data units, with room for the padding


def _box(ax: Axes, name: str) -> None:
    (x, y), _, text = LOOP_BOXES[name]
    style = {"x": GREY, "y": GREY, "done": GREEN, "init": GREEN}.get(name, BLUE)
    ax.text(x, y, text, ha="center", va="center", fontsize=13,
            bbox={"boxstyle": "round,pad=0.5", "fc": "white", "ec": style, "lw": 1.8})  # fmt: skip


def _arrow(ax: Axes, start: str, end: str, label: str) -> None:
    (x0, y0), hw0, _ = LOOP_BOXES[start]
    (x1, y1), hw1, _ = LOOP_BOXES[end]
    if y0 == y1:  # horizontal: leave and enter at the boxes' sides
        sign = 1 if x1 > x0 else -1
        tail, head = (x0 + sign * hw0, y0), (x1 - sign * hw1, y1)
        spot, align = ((x0 + x1) / 2 + sign * (hw0 - hw1) / 2, y0 + 0.3), "center"
    else:  # vertical: leave and enter at top or bottom
        sign = 1 if y1 > y0 else -1
        tail, head = (x0, y0 + sign * HALF_HEIGHT), (x1, y1 - sign * HALF_HEIGHT)
        spot, align = (x0 + 0.15, (y0 + y1) / 2), "left"
    ax.annotate("", xy=head, xytext=tail,
                arrowprops={"arrowstyle": "-|>", "color": GREY, "lw": 1.5,
                            "shrinkA": 0, "shrinkB": 0})  # fmt: skip
    if label:
        ax.text(*spot, label, ha=align, va="center", fontsize=11, color=ORANGE)


def fig_training_loop() -> Figure:
    """The training loop as boxes and arrows: guess, forward, loss, backward, descend."""
    fig = new_figure(7.2, 3.6)
    ax = fig.add_subplot()
    ax.set(xlim=(0, 10.0), ylim=(0.1, 4.8))
    ax.axis("off")
    for name in LOOP_BOXES:
        _box(ax, name)
    for start, end, label in LOOP_ARROWS:
        _arrow(ax, start, end, label)
    return fig


def fig_blackbox_loss() -> Figure:
    """Loss J per epoch (log scale) for several learning rates, and the stopping level."""
    fig = new_figure(6.4, 3.8)
    ax = fig.add_subplot()
    for lr, colour in zip((0.05, 0.1, t.LR), (GREY, ORANGE, BLUE), strict=True):
        J = [epoch.J for epoch in t.run(lr=lr).epochs]
        ax.semilogy(range(len(J)), J, color=colour, lw=2 if lr == t.LR else 1.2,
                    label=rf"$\eta={lr}$")  # fmt: skip
    ax.axhline(t.TOL, color=RED, ls="--", lw=1, label=r"$\varepsilon=10^{-10}$")
    ax.set(xlabel="$k$", ylabel="$J$")
    ax.legend()
    return fig


def fig_blackbox_fit() -> Figure:
    """The samples, the first guess ŷ = x + x² and the trained model."""
    fig = new_figure(6.4, 3.8)
    ax = fig.add_subplot()
    x = np.linspace(0.8, 2.2, 57)
    fit = t.run()
    ax.plot(x, blackbox.predict(*t.W0, x), color=ORANGE, label=r"$\hat y=x+x^2$")
    ax.plot(x, blackbox.predict(fit.w1, fit.w2, x), color=BLUE,
            label=rf"$\hat y={fit.w1:.4f}\,x+{fit.w2:.4f}\,x^2$")  # fmt: skip
    ax.plot(BLACK_BOX.x, BLACK_BOX.y, "o", color=RED, ms=7, label=r"$(x_i,y_i)$", zorder=3)
    ax.set(xlabel="$x$", ylabel="$y$")
    ax.legend()
    return fig


# Contour grid: fine enough that the narrow valley's smallest ellipses are drawn whole and smooth.
GRID = 241


def fig_blackbox_path() -> Figure:
    """Contours of J(w₁, w₂) and the path the weights take from (1, 1)."""
    fig = new_figure(6.4, 4.2)
    ax = fig.add_subplot()
    w1, w2 = np.meshgrid(np.linspace(0.6, 2.5, GRID), np.linspace(-0.25, 1.15, GRID))
    J = np.vectorize(lambda a, b: blackbox.loss(a, b, BLACK_BOX.x, BLACK_BOX.y))(w1, w2)
    ax.contour(w1, w2, J, levels=np.geomspace(1e-3, 3, 12), colors=GREY, linewidths=0.7)
    path = np.array([(e.w1, e.w2) for e in t.run().epochs])
    ax.plot(path[:, 0], path[:, 1], ".-", color=BLUE, ms=3, lw=0.8)
    ax.plot(*path[0], "o", color=ORANGE, ms=8, label=r"$(w_1,w_2)=(1,1)$")
    ax.plot(2.21, 0.0, "*", color=RED, ms=13, label=r"$(2.21,\,0)$")
    ax.set(xlabel="$w_1$", ylabel="$w_2$")
    ax.legend(loc="upper right")
    return fig


def fig_rifle_shots() -> Figure:
    """Shots on a target: each aim moves against the previous miss."""
    fig = new_figure(4.2, 4.2)
    ax = fig.add_subplot()
    for r in (0.5, 1.0, 2.0, 3.0, 4.0):
        ax.add_patch(Circle((0, 0), r, fill=False, color=GREY, lw=0.8))
    shots = t.rifle_shots()
    ax.plot(shots[:, 0], shots[:, 1], "-", color=BLUE, lw=0.8)
    for k, (x, y) in enumerate(shots):
        ax.plot(x, y, "o", color=RED, ms=6)
        if np.hypot(x, y) > 0.5:  # the last shots crowd the centre
            ax.annotate(f"{k + 1}", (x, y), textcoords="offset points", xytext=(6, 6))
    ax.plot(0, 0, "+", color="black", ms=10)
    ax.set(xlim=(-4.2, 4.2), ylim=(-4.2, 4.2), aspect="equal")
    ax.grid(False)
    return fig
