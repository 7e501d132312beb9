"""Figures of the chapter on derivatives, partial derivatives and the gradient."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure

from descent import calculus as c
from descent.build.figure import BLUE, GREEN, GREY, ORANGE, RED, new_figure
from descent.chapters.derivatives import tables as t
from descent.numdiff import difference_quotient


def fig_derivative_tangents() -> Figure:
    """The parabola with its tangents left and right of the minimum; arrows point downhill."""
    fig = new_figure(6.4, 4.0)
    ax = fig.add_subplot()
    xs = np.linspace(-1.0, 3.2, 85)
    ax.plot(xs, [c.parabola(x) for x in xs], color=BLUE, lw=2, label="$f(x) = (x-1)^2 + 2$")
    for x0, colour in zip(t.TANGENT_X, (ORANGE, GREEN), strict=True):
        slope, intercept = c.tangent_line(c.parabola, c.parabola_slope, x0)
        seg = np.array([x0 - 0.9, x0 + 0.9])
        ax.plot(
            seg, slope * seg + intercept, color=colour, lw=1.5, label=f"$f'({x0:g}) = {slope:g}$"
        )
        ax.plot([x0], [c.parabola(x0)], "o", color=colour)
        # the arrow shows −sign(f'): the way to move x so that f goes down
        step = 0.7 * c.downhill(slope)
        ax.annotate(
            "",
            xy=(x0 + step, 0.6),
            xytext=(x0, 0.6),
            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2},
        )
        ax.plot([x0, x0], [0.6, c.parabola(x0)], color=colour, ls=":", lw=1)
    ax.plot([1.0], [c.parabola(1.0)], "s", color=RED, label="$f'(1) = 0$")
    ax.set(xlabel="$x$", ylabel="$f(x)$", xlim=(-1.0, 3.2), ylim=(0.0, 7.0))
    ax.legend(loc="upper center")
    return fig


def fig_derivative_secants() -> Figure:
    """Secants through (x0, f(x0)) turning into the tangent as h shrinks."""
    fig = new_figure(6.4, 4.0)
    ax = fig.add_subplot()
    x0 = t.LIMIT_X0
    xs = np.linspace(0.5, 4.0, 71)
    ax.plot(xs, [c.parabola(x) for x in xs], color=BLUE, lw=2, label="$f(x)$")
    for h, colour in zip((1.0, 0.5, 0.25), (RED, ORANGE, GREEN), strict=True):
        q = difference_quotient(c.parabola, x0, h)
        seg = np.array([x0 - 1.2, x0 + 1.4])
        label = f"$h = {h:g}$, $Q(h) = {q:g}$"
        ax.plot(seg, c.parabola(x0) + q * (seg - x0), color=colour, lw=1.2, label=label)
        ax.plot([x0 + h], [c.parabola(x0 + h)], "o", color=colour)
    slope = c.parabola_slope(x0)
    seg = np.array([x0 - 1.2, x0 + 1.4])
    ax.plot(
        seg, c.parabola(x0) + slope * (seg - x0), "k--", lw=1.2, label=f"$f'(x_0) = {slope:g}$"
    )
    ax.plot([x0], [c.parabola(x0)], "ko")
    ax.set(xlabel="$x$", ylabel="$f(x)$", xlim=(0.5, 4.0), ylim=(0.0, 12.0))
    ax.legend(loc="upper left")
    return fig


def fig_steepest_ascent() -> Figure:
    """f = x² + y²: unit directions at p with ∇f(p), and D_u f(p) against the angle of u."""
    fig = new_figure(9.0, 4.2)
    left, right = fig.add_subplot(1, 2, 1), fig.add_subplot(1, 2, 2)
    grid = np.linspace(-0.5, 2.5, 31)
    xx, yy = np.meshgrid(grid, grid - 1.0)
    left.contour(xx, yy, xx**2 + yy**2, levels=[0.25, 0.5, 1.0, 1.25, 2.0, 3.0, 4.0], colors=GREY)
    p, g = t.P, c.bowl_grad(t.P)
    for theta in t.ANGLES_DEG:
        u = (math.cos(math.radians(theta)), math.sin(math.radians(theta)))
        left.arrow(*p, 0.6 * u[0], 0.6 * u[1], color=ORANGE, width=0.008, head_width=0.06)
    g_unit = g / np.linalg.norm(g)
    left.arrow(*p, g_unit[0], g_unit[1], color=RED, width=0.02, head_width=0.1)
    left.annotate(r"$\nabla f(p)/|\nabla f(p)|$", p + 1.05 * g_unit, color=RED)
    left.plot(*p, "ko")
    left.annotate("$p$", p + np.array([-0.2, -0.25]))
    left.set(xlabel="$x$", ylabel="$y$", aspect="equal", xlim=(-0.5, 2.5), ylim=(-1.5, 1.5))
    thetas, d = t.direction_scan(step_deg=2.0)
    norm = float(np.linalg.norm(g))
    right.plot(thetas, d, ".", color=ORANGE, ms=3, label="$D_u f(p)$")
    fine = np.linspace(0.0, 360.0, 181)
    theta_star = t.theta_star_deg()
    model = norm * np.cos(np.radians(fine - theta_star))
    right.plot(fine, model, color=BLUE, lw=1, label=r"$|\nabla f|\cos(\theta-\theta^*)$")
    right.axhline(norm, color=RED, ls="--", lw=1, label=rf"$|\nabla f(p)| = {norm:.4f}$")
    right.axvline(theta_star, color=RED, ls=":", lw=1)
    right.set(xlabel=r"$\theta$ (°)", ylabel="$D_u f(p)$", xlim=(0, 360), xticks=range(0, 361, 90))
    right.legend(loc="lower left", fontsize=8)
    return fig


def fig_difference_step_size() -> Figure:
    """Error of the forward and central differences of e^x at x = 1 against the step h."""
    fig = new_figure(6.4, 4.2)
    ax = fig.add_subplot()
    hs = np.logspace(-13, -1, 49)
    forward, central = c.difference_errors(t.STEP_EXP, t.STEP_EXP, t.STEP_X, hs)
    e, eps = math.e, t.EPS
    ax.loglog(hs, forward, "o-", color=ORANGE, ms=3, lw=1, label=r"$| Q(h) - f'|$")
    ax.loglog(hs, central, "s-", color=BLUE, ms=3, lw=1, label=r"$| D_h f - f'|$")
    ax.loglog(hs, e * hs**2 / 6, "--", color=BLUE, lw=1, label=r"$h^2 f'''/6$")
    ax.loglog(hs, e * hs / 2, "--", color=ORANGE, lw=1, label=r"$h f''/2$")
    ax.loglog(hs, e * eps / hs, ":", color=GREY, lw=1.5, label=r"$\varepsilon f/h$")
    ax.axvline(eps ** (1 / 3), color=BLUE, lw=0.8, alpha=0.6)
    ax.axvline(eps**0.5, color=ORANGE, lw=0.8, alpha=0.6)
    ax.set(xlabel="$h$", ylabel=r"$|\Delta|$", ylim=(1e-13, 1.0))
    ax.legend(loc="lower left", fontsize=8, ncol=2)
    return fig
