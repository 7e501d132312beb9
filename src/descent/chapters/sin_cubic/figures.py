"""Figures of the chapter fitting sin(x) with a cubic: the fits, the learning-rate threshold,
the eigen-directions shrinking at their own rates, and what rescaling and momentum buy."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from descent.build.figure import BLUE, GREEN, GREY, ORANGE, PURPLE, RED, new_figure
from descent.chapters.sin_cubic import tables as chapter
from descent.polyfit import LR, loss, predict, sin_data

# Every 10th of the 2000 points is plenty for a smooth curve and keeps the SVG small.
THIN = 10


def fig_sin_cubic_fit() -> Figure:
    """Left: sin(x), the cubic after 2000 steps and the least-squares cubic; right: errors."""
    x, y = sin_data()
    x, y = x[::THIN], y[::THIN]
    gd, ls = chapter.run_main().theta, chapter.theta_star()
    fig = new_figure(7.6, 3.4)
    left, right = fig.subplots(1, 2)
    left.plot(x, y, color=GREY, linewidth=4, alpha=0.5, label="$\\sin x$")
    left.plot(x, predict(gd, x), color=BLUE, label="$\\theta_{2000}$")
    left.plot(x, predict(ls, x), "--", color=RED, label="$\\theta^*$")
    left.set_xlabel("$x$")
    left.legend()
    right.axhline(0, color=GREY, linewidth=0.8)
    right.plot(x, predict(gd, x) - y, color=BLUE, label="$\\theta_{2000}$")
    right.plot(x, predict(ls, x) - y, "--", color=RED, label="$\\theta^*$")
    right.set_xlabel("$x$")
    right.set_ylabel("$\\hat y - \\sin x$")
    right.legend()
    return fig


def fig_sin_cubic_threshold() -> Figure:
    """J(θ_k) for η = 10⁻⁶ and 2% below / above 2/λ_max, on a log scale, until divergence."""
    x, y = sin_data()
    J_star = loss(chapter.theta_star(), x, y)
    fig = new_figure(6.4, 3.8)
    ax = fig.add_subplot()
    above = chapter.run_above().run
    runs = [
        (chapter.run_main(), BLUE, f"$\\eta={chapter.sci(LR)}$"),
        (chapter.run_below(), GREEN, f"$\\eta={chapter.BELOW:g}\\cdot 2/\\lambda_{{\\max}}$"),
        (above, RED, f"$\\eta={chapter.ABOVE:g}\\cdot 2/\\lambda_{{\\max}}$"),
    ]
    for run, colour, label in runs:
        ax.semilogy(np.arange(run.steps + 1), run.losses, color=colour, label=label)
    ax.axhline(J_star, color=GREY, linestyle=":", label="$J^*$")
    ax.set_xlabel("$k$")
    ax.set_ylabel("$J(\\theta_k)$")
    ax.legend()
    return fig


def fig_sin_cubic_directions() -> Figure:
    """|z_j| = |v_jᵀ(θ_k − θ*)| along the η = 10⁻⁶ run, with (1 − ηλ_j)^k·|z_j(0)| dashed.

    Left: the first 60 steps, where the most curved direction vanishes; right: all 2000 steps.
    """
    lam, V = chapter.directions()
    run = chapter.run_main()
    z = np.abs((run.thetas - chapter.theta_star()) @ V)  # row k: |error| along v_1 … v_4
    k = np.arange(run.steps + 1)
    fig = new_figure(7.6, 3.4)
    colours = (BLUE, GREEN, ORANGE, PURPLE)
    # The left panel reaches rounding level (~1e-12), whose last digits depend on the CPU's
    # BLAS kernels: fixed limits keep the axis (and the file) the same on every machine.
    for ax, last, js, ylim in zip(
        fig.subplots(1, 2), (60, run.steps), ((0, 1, 2, 3), (0, 1)), ((3e-13, 8.0), None),
        strict=True,
    ):  # fmt: skip
        for j in js:
            theory = np.abs(1 - LR * lam[j]) ** k[: last + 1] * z[0, j]
            shown = theory > 1e-12  # below that the measured error is only rounding
            ax.semilogy(k[: last + 1][shown], z[: last + 1, j][shown], color=colours[j],
                        label=f"$j={j + 1}$")  # fmt: skip
            ax.semilogy(k[: last + 1][shown], theory[shown], "--", color="black", linewidth=0.8)
        ax.set_xlabel("$k$")
        ax.set_ylabel("$|z_j|$")
        if ylim:
            ax.set_ylim(*ylim)
        ax.legend()
    return fig


def fig_sin_cubic_speed() -> Figure:
    """J(θ_k) − J* for the four runs of the speed table, down to 10⁻⁶."""
    x, y = sin_data()
    J_star = loss(chapter.theta_star(), x, y)
    fig = new_figure(6.4, 3.8)
    ax = fig.add_subplot()
    colours = (BLUE, GREEN, ORANGE, PURPLE)
    for (name, beta, eta, _, run, _), colour in zip(chapter.speed_runs(), colours, strict=True):
        feats = "x" if name == "x" else "x/\\pi"
        label = f"${feats},\\ \\beta={beta:g},\\ \\eta={chapter.sci(eta, 3)}$"
        step = max(1, run.steps // 300)  # about 300 points per curve
        k = np.arange(0, run.steps + 1, step)
        ax.semilogy(k, run.losses[k] - J_star, color=colour, label=label)
    ax.axhline(chapter.GAP, color=GREY, linestyle=":")
    ax.set_xlabel("$k$")
    ax.set_ylabel("$J(\\theta_k) - J^*$")
    ax.legend()
    return fig
