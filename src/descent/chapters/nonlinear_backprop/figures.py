"""Figures of chapter 8: the chain's graph, Newton's tangents on c(x), and the errors per step."""

from __future__ import annotations

import itertools

import numpy as np
from matplotlib.figure import Figure

from descent.build.figure import BLUE, GREEN, GREY, ORANGE, PURPLE, RED, new_figure
from descent.build.stepper import export
from descent.chapters.autograd.figures import draw_graph
from descent.chapters.nonlinear_backprop import examples as nl
from descent.chapters.nonlinear_backprop import tables as t


def fig_chain_graph() -> Figure:
    """x → a = x² → b = ln a → c = √b at x = 2 after c.backward()."""
    fig = new_figure(7.6, 1.9)
    draw_graph(fig.add_subplot(), t.graph_nodes(), t.NODE_TEX, CHAIN_PLACE)
    return fig


CHAIN_PLACE = {i: (float(i), 0.0) for i in range(4)}


def stepper_chain_graph() -> dict:
    """The chain for the graph stepper: J = ½(c − 2.13)², values shown as in the tables."""
    data = export(t.graph_nodes(), CHAIN_PLACE, t.NODE_TEX, ["x"], target=nl.C_TARGET, lr=10.0)
    return data | {"digits": ["f", 6]}  # six decimals, as the table of local derivatives


def fig_chain_newton() -> Figure:
    """c(x) = √(ln x²), the target line c = 2.13, and the tangent that takes x_k to x_{k+1}."""
    rounds = t._rounds()
    fig = new_figure(7.2, 3.6)
    ax = fig.add_subplot()
    xs = np.linspace(1.05, 11.0, 120)
    ax.plot(xs, [nl.forward(x)[0].data for x in xs], color=BLUE, lw=2, label=r"$c(x)$")
    ax.axhline(nl.C_TARGET, color=GREY, lw=1, ls="--")
    for k, (r, nxt) in enumerate(itertools.pairwise(rounds)):
        slope = r.delta_c / r.delta_x  # dc/dx at x_k: Δx = Δc / (dc/dx)
        ax.plot([r.x, nxt.x], [r.c, r.c + slope * (nxt.x - r.x)], color=ORANGE, lw=1.2)
        ax.plot([nxt.x, nxt.x], [nl.C_TARGET, nxt.c], color=ORANGE, lw=0.8, ls=":")
        ax.plot(r.x, r.c, "o", color=ORANGE, ms=5)
        ax.annotate(f"$x_{k}$", (r.x, r.c), textcoords="offset points", xytext=(6, -12))
    ax.plot(rounds[-1].x, rounds[-1].c, "o", color=ORANGE, ms=5)
    ax.plot(nl.exact_x()[1], nl.C_TARGET, "*", color=RED, ms=11, label=r"$e^{2.13^2/2}$")
    ax.set(xlabel="$x$", ylabel="$c$", xlim=(1, 11), ylim=(0, 2.6))
    ax.legend(loc="lower right")
    return fig


def fig_chain_errors() -> Figure:
    """|c_k − 2.13| against k for error division and for gradient descent at four rates."""
    fig = new_figure(7.2, 3.4)
    ax = fig.add_subplot()
    err = np.abs([r.delta_c for r in t._rounds()])
    ax.loglog(np.arange(1, err.size + 1), err, "-o", color=BLUE, ms=5, label="(8.7)")
    for (lr, run), colour in zip(t._gd().items(), (GREY, GREEN, ORANGE, PURPLE), strict=True):
        e = np.sqrt(2 * run.losses)  # J = ½(c − 2.13)², so |c − 2.13| = √(2J)
        ax.loglog(np.arange(1, e.size + 1), e, color=colour, lw=1.3, label=f"GD $\\eta = {lr:g}$")
    ax.axhline(nl.TOL, color="black", lw=0.8, ls=":")
    ax.set(xlabel="$k + 1$", ylabel=r"$|c_k - 2.13|$")
    ax.legend(fontsize=8, ncols=2)
    return fig
