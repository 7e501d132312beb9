"""Figures of the loss chapter: the loss over the parameters, and the shapes of the losses."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from descent.activations import sigmoid
from descent.build.figure import BLUE, GREY, ORANGE, RED, new_figure
from descent.data import SAMPLE_1_1
from descent.linear import least_squares_w, least_squares_wb, loss_w, quadratic_coefficients
from descent.losses import bce, mae, mae_grad, sse, sse_grad

# The two-sample bowl: a long, narrow valley, so the window follows the valley floor.
W_RANGE, B_RANGE = (1.1, 3.1), (-2.0, 1.8)
# A fine grid draws the narrow ellipses smooth; the innermost level stays clear of the minimum.
CONTOUR_GRID, CONTOUR_LEVELS = 241, (0.2, 0.5, 1, 2, 4, 8, 16, 32)


def _two_sample_grid(size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, float]:
    """J(w, b) of the first two samples on a size×size grid, and its minimum (w*, b*)."""
    head = SAMPLE_1_1.head(2)
    loss = quadratic_coefficients(head.x, head.y)
    w, b = np.meshgrid(np.linspace(*W_RANGE, size), np.linspace(*B_RANGE, size))
    return w, b, loss(w, b), *least_squares_wb(head.x, head.y)


def fig_loss_parabola() -> Figure:
    """J(w) = Σ(w·x_i − y_i)² over w for sample set 1-1, with its lowest point."""
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    w_grid = np.linspace(1.0, 3.0, 81)
    w_star = least_squares_w(x, y)
    fig = new_figure(6.4, 3.8)
    ax = fig.add_subplot()
    ax.plot(w_grid, [loss_w(w, x, y) for w in w_grid], color=BLUE, label="$J(w)$")
    ax.plot([w_star], [loss_w(w_star, x, y)], "o", color=RED, label=f"$w^*={w_star:.4f}$")
    ax.set_xlabel("$w$")
    ax.set_ylabel("$J(w)$")
    ax.legend()
    return fig


def fig_loss_surface() -> Figure:
    """J(w, b) for the first two samples of set 1-1 as a 3-D surface, minimum marked."""
    w, b, loss, w_star, b_star = _two_sample_grid(25)
    fig = new_figure(6.4, 4.8)
    ax = fig.add_subplot(projection="3d")
    ax.plot_surface(w, b, loss, cmap="viridis", linewidth=0.2, edgecolor=GREY, alpha=0.85)
    ax.plot([w_star], [b_star], [0.0], "o", color=RED, zorder=5)
    ax.set_xlabel("$w$")
    ax.set_ylabel("$b$")
    ax.set_zlabel("$J(w,b)$")
    ax.view_init(elev=28, azim=-125)
    return fig


def fig_loss_contour() -> Figure:
    """Contour lines of the same J(w, b), with the minimum (w*, b*) marked."""
    w, b, loss, w_star, b_star = _two_sample_grid(CONTOUR_GRID)
    fig = new_figure(6.4, 4.4)
    ax = fig.add_subplot()
    lines = ax.contour(w, b, loss, levels=CONTOUR_LEVELS, cmap="viridis")
    ax.clabel(lines, fontsize=8, fmt="%g")
    ax.plot([w_star], [b_star], "o", color=RED)
    ax.annotate(  # placed across the valley, clear of the innermost ellipse and its label
        f"$({w_star:.1f},\\ {b_star:.1f})$",
        (w_star, b_star),
        xytext=(-78, -22),
        textcoords="offset points",
        color=RED,
    )
    ax.set_xlabel("$w$")
    ax.set_ylabel("$b$")
    return fig


def fig_error_penalties() -> Figure:
    """Left: |e| and e² for one error e; right: their slopes sign(e) and 2e."""
    e = np.linspace(-2.0, 2.0, 81)
    zero = np.zeros(1)
    fig = new_figure(7.2, 3.4)
    left, right = fig.subplots(1, 2)
    left.plot(e, [mae([v], zero) for v in e], color=ORANGE, label="$|e|$")
    left.plot(e, [sse([v], zero) for v in e], color=BLUE, label="$e^2$")
    left.set_xlabel("$e$")
    left.legend()
    for part in (e[e < 0], e[e > 0]):  # drawn apart: the slope of |e| jumps at e = 0
        right.plot(part, [mae_grad([v], zero)[0] for v in part], color=ORANGE)
    right.plot([0.0], [0.0], "o", color=ORANGE)
    right.plot(e, [sse_grad([v], zero)[0] for v in e], color=BLUE)
    right.set_xlabel("$e$")
    right.text(1.0, 1.4, r"$\mathrm{sign}(e)$", color=ORANGE, ha="center")
    right.text(1.0, 2.6, "$2e$", color=BLUE, ha="left")
    return fig


def fig_bce_curves() -> Figure:
    """BCE of one sample against the predicted probability ŷ, for the labels y = 1 and y = 0."""
    z = np.linspace(-4.6, 4.6, 93)
    p = [sigmoid(v) for v in z]
    fig = new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    ax.plot(p, [bce([q], [1.0]) for q in p], color=BLUE, label=r"$y=1:\ -\ln\hat y$")
    ax.plot(p, [bce([q], [0.0]) for q in p], color=ORANGE, label=r"$y=0:\ -\ln(1-\hat y)$")
    ax.set_xlabel(r"$\hat y$")
    ax.set_ylabel("$L$")
    ax.set_xlim(0, 1)
    ax.legend(loc="upper center")
    return fig
