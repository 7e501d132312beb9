"""Figures of chapter ``layers``: the digits MLP's learning curve, confusion matrix and errors."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from descent.build.figure import BLUE, ORANGE, new_figure
from descent.build.stepper import export
from descent.chapters.autograd.figures import draw_graph
from descent.chapters.layers import examples as ex
from descent.chapters.layers import tiny_mlp
from descent.digits import load

# the 2-2-1 MLP's nodes in the engine's topological order (tiny_mlp.nodes()), placed by hand:
# inputs and first-layer weights, four products, the sums and biases, tanh, output layer
MLP_PLACE = dict(enumerate([
    (0, 0.7), (0, 3.6), (1, 3), (0, -0.7), (0, 2.3), (1, 1.6), (2, 2.3), (2, 3.6), (3, 3),
    (4, 3), (4, 1.6), (5, 2.3), (0, -2.3), (1, -1.6), (0, -3.6), (1, -3), (2, -2.3), (2, -3.6),
    (3, -3), (4, -3), (4, -1.6), (5, -2.3), (6, 0.6), (6, -0.8), (7, 0),
]))  # fmt: skip
MLP_TEX = {"a_1": "$a_1$", "a_2": "$a_2$", "f": "$f$"}
MLP_TEX |= {"h_1": r"$h_1 = \tanh a_1$", "h_2": r"$h_2 = \tanh a_2$"}


def fig_mlp_graph() -> Figure:
    """The 2-2-1 MLP after ``f.backward()``: values, ∂f/∂·, local derivatives."""
    fig = new_figure(10.5, 7.0)
    draw_graph(fig.add_subplot(), tiny_mlp.nodes(), MLP_TEX, MLP_PLACE)
    return fig


def stepper_mlp_graph() -> dict:
    """The same graph for the stepper: every input editable, a step descends ½(f − y)²."""
    return export(tiny_mlp.nodes(), MLP_PLACE, MLP_TEX, tiny_mlp.INPUTS, params=tiny_mlp.PARAMS,
                  target=tiny_mlp.Y, lr=tiny_mlp.LR)  # fmt: skip


def fig_digits_learning_curve() -> Figure:
    """Cross-entropy on the training (solid) and test (dashed) images, test accuracy, per epoch."""
    t = ex.trained()
    epochs = np.arange(1, len(t.train_loss) + 1)
    fig = new_figure(7.2, 3.2)
    left, right = fig.subplots(1, 2)
    left.plot(epochs, t.train_loss, "-o", color=BLUE, ms=3)
    left.plot(epochs, t.test_loss, "--s", color=ORANGE, ms=3)
    left.set(xlabel="$k$", ylabel="$L$", yscale="log")
    right.plot(epochs, 100 * np.array(t.test_accuracy), "--s", color=ORANGE, ms=3)
    right.set(xlabel="$k$", ylabel="%", ylim=(5 * np.floor(20 * min(t.test_accuracy)), 100))
    return fig


def fig_digits_confusion() -> Figure:
    """counts[i, j]: test images of digit i (row) that the network called j (column)."""
    counts = ex.confusion(load().y_test, ex.trained().predictions)
    fig = new_figure(4.6, 4.2)
    ax = fig.add_subplot()
    shown = np.where(np.eye(10, dtype=bool), 0, counts)  # colour only the mistakes
    ax.pcolormesh(
        np.arange(11) - 0.5,
        np.arange(11) - 0.5,
        shown,
        cmap="Oranges",
        vmin=0,
        vmax=max(2, int(shown.max())),
    )
    for i in range(10):
        for j in range(10):
            if counts[i, j]:
                ax.text(j, i, str(counts[i, j]), ha="center", va="center", fontsize=9)
    ax.set(
        xticks=range(10),
        yticks=range(10),
        xlabel=r"$\hat{y}$",
        ylabel="$y$",
        xlim=(-0.5, 9.5),
        ylim=(9.5, -0.5),
        aspect="equal",
    )
    ax.grid(False)
    return fig


def fig_digits_misclassified() -> Figure:
    """Every misclassified test image, with its label and the network's answer: y → ŷ."""
    d, predicted = load(), ex.trained().predictions
    wrong = np.flatnonzero(predicted != d.y_test)
    fig = new_figure(1.3 * max(len(wrong), 1), 1.6)
    for k, i in enumerate(wrong):
        ax = fig.add_subplot(1, len(wrong), k + 1)
        image = d.x_test[i].reshape(8, 8)
        ax.pcolormesh(np.arange(9), np.arange(9), image, cmap="gray_r", vmin=0, vmax=1)
        ax.set(xlim=(0, 8), ylim=(8, 0), aspect="equal", xticks=[], yticks=[])
        ax.set_title(rf"${d.y_test[i]} \to {predicted[i]}$", fontsize=11)
        ax.grid(False)
    return fig
