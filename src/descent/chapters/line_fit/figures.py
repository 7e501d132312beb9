"""Figures of the line-fitting chapter; the runs come from ``descent.chapters.line_fit.tables``."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from descent.build.figure import BLUE, GREEN, GREY, ORANGE, PURPLE, RED, new_figure
from descent.chapters.line_fit import tables as runs
from descent.data import SAMPLE_1_1
from descent.linear import least_squares_wb
from descent.linefit import mse_wb
from descent.regularize import penalised_minimum


def fig_line_fit_gd() -> Figure:
    """Left: sample set 1-1, lines after k steps and the least-squares line. Right: J − J*."""
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    run, (w_star, b_star) = runs.gd_run(), least_squares_wb(x, y)
    fig = new_figure(7.6, 3.4)
    left, right = fig.subplots(1, 2)
    left.plot(x, y, "o", color=GREY)
    for k, colour in ((1, ORANGE), (2, PURPLE), (10, GREEN), (runs.GD_STEPS, BLUE)):
        w, b = run.thetas[k]
        left.plot(x, w * x + b, color=colour, label=f"$k={k}$")
    left.plot(x, w_star * x + b_star, "--", color=RED, label="$(w^*, b^*)$")
    left.set_xlabel("$x$")
    left.set_ylabel("$y$")
    left.legend(fontsize=8)
    excess = run.losses - mse_wb(w_star, b_star, x, y)
    k = np.arange(len(excess))
    keep = excess > 1e-13  # below that, J − J* is rounding noise
    right.semilogy(k[keep], excess[keep], color=BLUE)
    right.set_xlabel("$k$")
    right.set_ylabel("$J(w_k, b_k) - J^*$")
    return fig


def fig_input_scaling() -> Figure:
    """J over the steps for raw x (η = 0.1 diverges; tiny η crawls) and standardised x."""
    x, y, scaler = runs.scaled_data()
    found = runs.scaling_runs()
    w_star, b_star = least_squares_wb(x, y)
    fig = new_figure(7.6, 3.4)
    left, right = fig.subplots(1, 2)
    style = {
        "raw": (RED, "$x,\\ \\eta=0.1$"),
        "raw_small": (ORANGE, f"$x,\\ \\eta={runs.RAW_LR}$"),
    }
    style["scaled"] = (BLUE, "$x',\\ \\eta=0.1$")
    for name, (colour, label) in style.items():
        losses = found[name].losses
        left.semilogy(np.arange(len(losses)), losses, "o-" if name == "raw" else "-", color=colour,
                      label=label, markersize=3)  # fmt: skip
    left.axhline(mse_wb(w_star, b_star, x, y), color=GREY, linestyle="--")
    left.set_xlim(0, runs.SCALED_STEPS)
    left.set_xlabel("$k$")
    left.set_ylabel("$J$")
    left.legend(fontsize=8)
    slow = found["raw_small"].thetas[:, 1]
    fast = [scaler.to_original_units(*t)[1] for t in found["scaled"].thetas]
    right.plot(np.arange(len(slow)), slow, color=ORANGE)
    right.plot(np.arange(len(fast)), fast, color=BLUE)
    right.axhline(b_star, color=GREY, linestyle="--")
    right.set_xlabel("$k$")
    right.set_ylabel("$b_k$")
    return fig


def fig_shuffle_pairs() -> Figure:
    """Left: the data and the lines fitted with paired and separate shuffles. Right: w_k."""
    x, y, scaler = runs.scaled_data()
    fitted = runs.shuffle_runs()
    fig = new_figure(7.6, 3.4)
    left, right = fig.subplots(1, 2)
    left.plot(x, y, ".", color=GREY)
    for name, colour in (("paired", BLUE), ("separate", RED)):
        w, b = scaler.to_original_units(*fitted[name].theta)
        left.plot(x, w * x + b, color=colour)
        path = [scaler.to_original_units(*t)[0] for t in fitted[name].thetas]
        right.plot(np.arange(len(path)), path, color=colour, linewidth=0.8)
    left.set_xlabel("$x$")
    left.set_ylabel("$y$")
    right.axhline(least_squares_wb(x, y)[0], color=GREY, linestyle="--")
    right.set_xlabel("$k$")
    right.set_ylabel("$w_k$")
    return fig


def fig_batch_size_noise() -> Figure:
    """J − J* over the steps for batch sizes B = 1, 5, 20, 100 (standardised x = 1…100)."""
    x, y, _ = runs.scaled_data()
    j_star = mse_wb(*least_squares_wb(x, y), x, y)
    fig = new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    for (size, run), colour in zip(
        runs.batch_runs().items(), (RED, ORANGE, PURPLE, BLUE), strict=True
    ):
        excess = np.maximum(run.losses - j_star, 1e-12)  # the full batch reaches 0 in rounding
        ax.semilogy(
            np.arange(len(excess)), excess, color=colour, linewidth=0.9, label=f"$B={size}$"
        )
    ax.set_ylim(1e-3, None)
    ax.set_xlabel("$k$")
    ax.set_ylabel("$J(w_k, b_k) - J^*$")
    ax.legend(fontsize=8)
    return fig


def fig_regularization_path() -> Figure:
    """Left: w against λ for L2 and L1 (lines exact, dots by descent). Right: w_k at λ = 40."""
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    found = runs.penalised_runs()
    grid = np.linspace(0.0, 50.0, 101)
    fig = new_figure(7.6, 3.4)
    left, right = fig.subplots(1, 2)
    for penalty, method, colour in (("l2", "l2", BLUE), ("l1", "l1-prox", RED)):
        left.plot(grid, [penalised_minimum(x, y, lam, penalty)[0] for lam in grid], color=colour,
                  label=f"$\\mathrm{{{penalty.upper()}}}$")  # fmt: skip
        left.plot(runs.LAMBDAS, [found[method, lam].theta[0] for lam in runs.LAMBDAS], "o",
                  color=colour)  # fmt: skip
    left.axhline(0.0, color=GREY, linewidth=0.8)
    left.set_xlabel("$\\lambda$")
    left.set_ylabel("$w$")
    left.legend(fontsize=8)
    lam = runs.LAMBDAS[-1]
    for method, colour, width in (("l1-subgradient", ORANGE, 0.8), ("l1-prox", RED, 1.8)):
        path = found[method, lam].thetas[:, 0]
        right.plot(np.arange(len(path)), path, color=colour, linewidth=width)
    right.set_xlim(0, 600)
    right.set_xlabel("$k$")
    right.set_ylabel("$w_k$")
    return fig
