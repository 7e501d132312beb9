"""Figures of the neuron chapter."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from descent import logistic
from descent.build.figure import BLUE, GREY, ORANGE, RED, new_figure
from descent.build.stepper import export
from descent.chapters.autograd.figures import aspect, draw_graph
from descent.chapters.neuron import examples as ex

NODE_TEX = {
    "p_1": r"$p_1 = w_1 x_1$",
    "p_2": r"$p_2 = w_2 x_2$",
    "z": "$z$",
    "f": r"$f = \sigma(z)$",
}


GRAPH_SIZE = (7.6, 4.4)


def fig_neuron_graph() -> Figure:
    """The worked neuron after backward: every value, gradient and local derivative."""
    fig = new_figure(*GRAPH_SIZE)
    # w₁ x₁ w₂ x₂ b in column 0, products in 1, sum(s) in 2–3, σ last
    draw_graph(fig.add_subplot(), ex.worked_nodes(), NODE_TEX, _place())
    return fig


def stepper_neuron_graph() -> dict:
    """The same neuron for the graph stepper: x, w, b editable; a step descends the BCE on w, b."""
    inputs, params = ["w_1", "w_2", "b", "x_1", "x_2"], ["w_1", "w_2", "b"]
    data = export(ex.worked_nodes(), _place(), NODE_TEX, inputs, params=params, loss="bce",
                  target=ex.STEPPER_Y, lr=ex.LR)  # fmt: skip
    return data | {"aspect": aspect(_place(), GRAPH_SIZE)}


def _place() -> dict[int, tuple[float, float]]:
    return {n.index: p for n, p in zip(ex.worked_nodes(), _places(), strict=True)}


def _places() -> list[tuple[float, float]]:
    order = [(n.label or n.op) for n in ex.worked_nodes()]
    spots = {"w_1": (0, 2.4), "x_1": (0, 1.2), "w_2": (0, 0), "x_2": (0, -1.2), "b": (0, -2.4)}
    spots |= {"p_1": (1, 1.8), "p_2": (1, -0.6), "+": (2, 0.6), "z": (3, -0.6), "f": (4, 0.2)}
    return [spots[k] for k in order]


def fig_neuron_gradient_over_z() -> Figure:
    """∂ℓ/∂z for y = 1 over z: BCE gives σ(z) − 1, MSE (ŷ − 1)·σ'(z)."""
    fig = new_figure(6.4, 3.4)
    ax = fig.add_subplot()
    z = np.linspace(-8, 8, 321)
    ax.plot(z, logistic.bce_grad_z(z, np.ones_like(z)), color=BLUE, label=r"$\hat y - y$")
    ax.plot(
        z,
        logistic.mse_grad_z(z, np.ones_like(z)),
        color=RED,
        ls="--",
        label=r"$(\hat y - y)\,\sigma'(z)$",
    )
    ax.set(xlabel="$z$", ylabel=r"$\partial \ell / \partial z$  $(y = 1)$")
    ax.legend(loc="lower right")
    return fig


def fig_neuron_training_curves() -> Figure:
    """Both losses from the same saturated start: loss (left) and training accuracy (right)."""
    fig = new_figure(7.2, 3.2)
    left, right = fig.subplots(1, 2)
    runs = ex.saturated_runs()
    for key, colour, ls, tex in (("bce", BLUE, "-", "BCE"), ("mse", RED, "--", "MSE")):
        left.plot(runs[key].losses, color=colour, ls=ls, label=f"$\\mathrm{{{tex}}}$")
        right.plot(100 * ex.accuracies(runs[key]), color=colour, ls=ls)
    left.set(xlabel="$k$", ylabel="$J$", yscale="log")
    left.legend()
    right.set(xlabel="$k$", ylabel=r"$\%$")
    return fig


def fig_neuron_decision_boundary() -> Figure:
    """Test points in standardised (x₁, x₂) and the fitted line w·x + b = 0."""
    fig = new_figure(5.6, 4.2)
    ax = fig.add_subplot()
    d, theta = ex.data(), ex.fit().theta
    for label, colour, marker in ((1.0, BLUE, "o"), (0.0, ORANGE, "^")):
        keep = d.y_test == label
        ax.scatter(
            d.x_test[keep, 0],
            d.x_test[keep, 1],
            s=14,
            color=colour,
            marker=marker,
            label=f"$y = {label:.0f}$",
        )
    lo = np.floor(d.x_test.min(axis=0) * 2) / 2 - 0.5  # every test point inside, half-unit grid
    hi = np.ceil(d.x_test.max(axis=0) * 2) / 2 + 0.5
    x1 = np.array([lo[0], hi[0]])
    ax.plot(x1, -(theta[0] * x1 + theta[2]) / theta[1], color=GREY, label=r"$\hat y = 0.5$")
    ax.set(xlabel="$x_1$", ylabel="$x_2$", xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]))
    ax.legend(loc="upper right")
    return fig
