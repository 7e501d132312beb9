"""Figures of the gradient-descent chapter: paths on curves, surfaces and contour maps."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from descent import landscapes as ls
from descent.build.figure import BLUE, GREEN, GREY, ORANGE, PURPLE, RED, new_figure
from descent.chapters.gradient_descent import convexity as cvx
from descent.chapters.gradient_descent import tables as t
from descent.optim import Run

PATH_COLOURS = (BLUE, RED, GREEN, PURPLE, GREY)


def _curve_path(ax: Axes, f, run: Run, colour: str, xlim: tuple[float, float]) -> None:
    """Draw J(x) on ``xlim`` and the iterates x_k on it, joined in order."""
    xs = np.linspace(*xlim, 81)
    ax.plot(xs, [f([x]) for x in xs], color=BLUE, lw=1.5)
    ax.plot(run.thetas[:, 0], run.losses, "-o", color=colour, ms=4, lw=1)


def _contour(ax: Axes, f, xlim, ylim, levels) -> None:
    xs, ys = np.linspace(*xlim, 41), np.linspace(*ylim, 41)
    zz = np.array([[f([x, y]) for x in xs] for y in ys])
    ax.contour(xs, ys, zz, levels=levels, colors=GREY, linewidths=0.7)


def fig_gd_square_path() -> Figure:
    """x² from x₀ = 1.2 with η = 0.3: each step lands at 0.4 times the previous x."""
    fig = new_figure(6.4, 3.8)
    ax = fig.add_subplot()
    run = t.square_run()
    _curve_path(ax, ls.square, run, RED, (-1.4, 1.4))
    for k, (x, J) in enumerate(zip(run.thetas[:, 0], run.losses, strict=True)):
        ax.annotate(f"$x_{k}$", (x, J), textcoords="offset points", xytext=(4, 6))
    ax.axhline(t.TOL, color=GREY, ls="--", lw=1)
    ax.set(xlabel="$x$", ylabel="$J(x) = x^2$", xlim=(-1.4, 1.4), ylim=(-0.05, 1.8))
    return fig


def fig_gd_sin_bowl() -> Figure:
    """x² + sin²y from (3, 1) with η = 0.1: the path on the surface and on the contour map."""
    fig = new_figure(10.0, 4.4)
    run = t.bowl_run()
    xs, ys = np.linspace(-3.5, 3.5, 29), np.linspace(-2.0, 2.0, 25)
    xx, yy = np.meshgrid(xs, ys)
    ax3 = fig.add_subplot(1, 2, 1, projection="3d")
    ax3.plot_wireframe(xx, yy, xx**2 + np.sin(yy) ** 2, color=GREY, lw=0.4)
    ax3.plot(*run.thetas.T, run.losses, "-o", color=RED, ms=3, lw=1.2, zorder=5)
    ax3.set(xlabel="$x$", ylabel="$y$", zlabel="$J$")
    ax3.view_init(elev=35, azim=-60)
    ax = fig.add_subplot(1, 2, 2)
    _contour(ax, ls.sin_bowl, (-3.5, 3.5), (-2.0, 2.0), [0.01, 0.1, 0.5, 1, 2, 4, 6, 9, 12])
    ax.plot(*run.thetas.T, "-o", color=RED, ms=3, lw=1.2)
    ax.plot([0], [0], "*", color=GREEN, ms=12)
    ax.set(xlabel="$x$", ylabel="$y$", aspect="equal")
    return fig


def fig_gd_learning_rates() -> Figure:
    """Both functions under four learning rates: too small, good, oscillating, diverging."""
    fig = new_figure(11.0, 5.6)
    sweeps = list(t.sweeps().values())
    for col, lr in enumerate(t.GRID_LRS):
        square = next(o for o in sweeps[0] if o.lr == lr)
        bowl = next(o for o in sweeps[1] if o.lr == lr)
        top = fig.add_subplot(2, len(t.GRID_LRS), col + 1)
        _curve_path(top, ls.square, square.run, RED, (-2.0, 2.0))
        top.set(xlim=(-2.0, 2.0), ylim=(-0.2, 4.0), title=rf"$\eta = {lr:g}$", xlabel="$x$")
        bottom = fig.add_subplot(2, len(t.GRID_LRS), len(t.GRID_LRS) + col + 1)
        _contour(bottom, ls.sin_bowl, (-4.5, 4.5), (-2.0, 2.0), [0.1, 0.5, 2, 5, 9, 14])
        bottom.plot(*bowl.run.thetas.T, "-o", color=RED, ms=2.5, lw=0.8)
        bottom.set(xlim=(-4.5, 4.5), ylim=(-2.0, 2.0), xlabel="$x$")
    fig.axes[0].set_ylabel("$x^2$")
    fig.axes[1].set_ylabel("$y$")
    return fig


def fig_gd_stability() -> Figure:
    """x_k on x² for η just below, at and just above 2/L = 1: shrinking, bouncing, growing."""
    fig = new_figure(6.4, 3.6)
    ax = fig.add_subplot()
    for run, colour in zip(t.stability_paths(), (GREEN, GREY, RED), strict=True):
        label = rf"$\eta={run.lr:g}$"
        ax.plot(run.thetas[:, 0], "-o", color=colour, ms=3, lw=1, label=label)
    ax.axhline(0, color="k", lw=0.6)
    ax.set(xlabel="$k$", ylabel="$x_k$", ylim=(-25, 25))
    ax.legend(loc="upper left")
    return fig


def fig_gd_double_well() -> Figure:
    """x⁴ − 3x² + x: GD from several starts, each ending in the valley on its side of the top."""
    fig = new_figure(6.4, 4.0)
    ax = fig.add_subplot()
    xs = np.linspace(-2.1, 2.1, 85)
    ax.plot(xs, [ls.double_well([x]) for x in xs], color=BLUE, lw=1.5)
    for run in t.well_runs():
        colour = GREEN if run.theta[0] < 0 else ORANGE
        ax.plot(run.thetas[:8, 0], run.losses[:8], "-o", color=colour, ms=3, lw=0.8)
        ax.plot(run.thetas[:1, 0], run.losses[:1], "s", color=colour, ms=6)
    left, top, right = ls.double_well_stationary()
    for x, marker in ((left, "*"), (top, "^"), (right, "*")):
        ax.plot([x], [ls.double_well([x])], marker, color="k", ms=11)
    ax.set(xlabel="$x$", ylabel="$J(x) = x^4 - 3x^2 + x$", ylim=(-4.0, 6.5))
    return fig


def fig_gd_optimizers() -> Figure:
    """GD, momentum and Adam on J = ½(x² + 25y²): paths (left) and J_k on a log scale (right)."""
    fig = new_figure(10.0, 4.0)
    paths, curves = fig.add_subplot(1, 2, 1), fig.add_subplot(1, 2, 2)
    _contour(paths, t.VALLEY, (-4.5, 1.5), (-1.5, 1.5), [0.05, 0.25, 1, 2.5, 5, 8, 12])
    for i, (o, colour) in enumerate(zip(t.valley_outcomes(1e-6), PATH_COLOURS, strict=True)):
        name, lr, beta = t.OPTIMIZERS[i]
        label = t.optimizer_label(name, lr, beta)
        if i in (0, 1, 3):  # three paths keep the map readable; all five curves are on the right
            paths.plot(*o.run.thetas.T, "-", color=colour, lw=1.2, label=label)
        curves.semilogy(o.run.losses, color=colour, lw=1.3, label=label)
    paths.plot(*t.VALLEY_START, "ko")
    paths.set(xlabel="$x$", ylabel="$y$", xlim=(-4.5, 1.5), ylim=(-1.5, 1.5))
    curves.set(xlabel="$k$", ylabel="$J(\\theta_k)$")
    curves.legend(fontsize=8)
    return fig


def fig_gd_convexity() -> Figure:
    """Left: the double well, J'' < 0 shaded, the chord between its valley floors below the
    curve. Right: least squares along a segment in (w, b), its chord above the curve."""
    fig = new_figure(10.0, 3.8)
    well, bowl = fig.add_subplot(1, 2, 1), fig.add_subplot(1, 2, 2)
    xs = np.linspace(-2.0, 2.0, 81)
    edge = cvx.concave_edge()
    well.axvspan(-edge, edge, color=ORANGE, alpha=0.25, lw=0)
    well.plot(xs, [ls.double_well([x]) for x in xs], color=BLUE, lw=1.5)
    ends = [cvx.well_chord(s) for s in (0.0, 1.0)]
    well.plot([e[0] for e in ends], [e[2] for e in ends], "--o", color=RED, lw=1.2, ms=5)
    _, top, _ = ls.double_well_stationary()
    well.plot([top], [ls.double_well([top])], "^", color="k", ms=9)
    well.set(xlabel="$x$", ylabel="$J(x) = x^4 - 3x^2 + x$", ylim=(-4.0, 5.0))
    ts = np.linspace(0.0, 1.0, 41)
    bowl.plot(ts, [cvx.ls_slice(s)[0] for s in ts], color=BLUE, lw=1.5)
    bowl.plot([0.0, 1.0], [cvx.ls_slice(s)[1] for s in (0.0, 1.0)], "--o", color=RED, ms=5)
    bowl.set(xlabel="$t$", ylabel=r"$J\,((1-t)\,\theta_1 + t\,\theta_2)$")
    return fig
