"""Figures of chapter ``deep-nets``: gradient norm against depth, training that stalls or moves."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure

from descent.chapters.deep_nets import examples as ex
from descent.build.figure import BLUE, GREEN, ORANGE, PURPLE, new_figure

COLOURS = {"small": ORANGE, "xavier": BLUE, "he": GREEN}
STYLE = {"small": ":o", "xavier": "-s", "he": "--^"}


def fig_gradient_norms_depth() -> Figure:
    """‖∂L/∂W_l‖ against l, one panel per activation (σ, tanh, ReLU), one line per start."""
    fig = new_figure(7.6, 3.0)
    axes = fig.subplots(1, 3, sharey=True)
    layers = np.arange(1, ex.DEPTH + 2)
    for ax, activation, title in zip(
        axes, ex.ACTIVATIONS, (r"$\sigma$", r"$\tanh$", r"$\mathrm{ReLU}$"), strict=True
    ):
        for scheme in ex.SCHEMES:
            ax.semilogy(
                layers, ex.norms(activation, scheme), STYLE[scheme], color=COLOURS[scheme], ms=3
            )
        ax.set(title=title, xlabel="$l$", xticks=[1, 6, 11], ylim=(1e-19, 1e1))
    axes[0].set_ylabel(r"$\|\partial L / \partial W_l\|$")
    return fig


def fig_deep_training() -> Figure:
    """Mean training loss per epoch for the four starts of ``RUNS``; ln 10 is the dotted line."""
    fig = new_figure(6.0, 3.2)
    ax = fig.add_subplot()
    epochs = np.arange(1, ex.TRAIN_EPOCHS + 1)
    for (activation, scheme), colour, style in zip(
        ex.RUNS, (ORANGE, PURPLE, BLUE, GREEN), (":o", "-.d", "-s", "--^"), strict=True
    ):
        ax.plot(epochs, ex.epoch_losses(activation, scheme), style, color=colour, ms=3)
    ax.axhline(math.log(10), color="#666666", lw=1, ls=":")
    ax.set(xlabel="$k$", ylabel="$L$", ylim=(0, 2.6), xticks=[1, 5, 10, 15, 20])
    return fig
