"""Tables, logs and named numbers of the gradient-descent chapter (``gradient_descent.<key>``)."""

from __future__ import annotations

import numpy as np

from descent import landscapes as ls
from descent.build.table import markdown_table
from descent.chapters.gradient_descent.convexity import convexity_values
from descent.lrstudy import Outcome, attempt, contraction, critical_lr, lr_sweep, settle
from descent.optim import GD, Adam, Momentum, Run, descend

# The chapter's givens.
TOL = 0.01  # stop once J < 0.01
SQUARE_X0, SQUARE_LR = 1.2, 0.3
BOWL_START, BOWL_LR = (3.0, 1.0), 0.1
SWEEP_LRS = (0.02, 0.1, 0.3, 0.5, 0.9, 1.0, 1.1)
GRID_LRS = (0.02, 0.3, 0.9, 1.1)  # too small, good, oscillating, diverging
SWEEP_STEPS = 1000
STABILITY_LRS = (0.95, 1.0, 1.05)  # on x², where L = 2 and 2/L = 1
STABILITY_SHOW = 10  # the iterate x_10 printed in the stability table
WELL_STARTS = (-2.0, -1.0, -0.5, 0.0, 0.1, 0.2, 0.5, 1.0, 2.0)
WELL_LR, WELL_STEPS = 0.05, 100
VALLEY = ls.Quadratic((1.0, 25.0))  # J = ½(x² + 25y²)
VALLEY_START = (-4.0, 1.0)
VALLEY_TOLS = (1e-4, 1e-6)
OPTIMIZERS = (("GD", 0.07, None), ("Momentum", 0.07, 0.5), ("Momentum", 0.07, 0.9))
OPTIMIZERS += (("Adam", 0.1, None), ("Adam", 0.3, None))
EX1_X0, EX1_LR = 2.0, 0.1
EX2 = ls.Quadratic((10.0,))  # J = 5x², L = 10
EX2_LRS, EX2_STEPS = (0.19, 0.21), 20
EX3_STARTS, EX3_LR, EX3_BETA = (2.0, 1.5), 0.05, 0.8
EX4_LR = 0.1
JUMP_LR = 0.1  # from x = 2 the first step crosses the hilltop of the double well

SQUARE = (ls.square, ls.square_grad)
BOWL = (ls.sin_bowl, ls.sin_bowl_grad)
WELL = (ls.double_well, ls.double_well_grad)


def _f(value: float, digits: int = 6) -> str:
    return f"{value:.{digits}f}"


def _g(value: float) -> str:
    """Up to six significant digits, no trailing zeros: 1.28, not 1.280000."""
    return f"{value:.6g}"


def square_run() -> Run:
    """x² from x₀ = 1.2 with η = 0.3 until J < 0.01."""
    return descend(*SQUARE, [SQUARE_X0], GD(SQUARE_LR), stop_below=TOL)


def bowl_run() -> Run:
    """x² + sin²y from (3, 1) with η = 0.1 until J < 0.01."""
    return descend(*BOWL, BOWL_START, GD(BOWL_LR), stop_below=TOL)


def sweeps() -> dict[str, list[Outcome]]:
    """The learning-rate study on both functions, keyed by the function's formula."""
    return {
        "$x^2$": lr_sweep(*SQUARE, [SQUARE_X0], SWEEP_LRS, stop_below=TOL, steps=SWEEP_STEPS),
        r"$x^2+\sin^2 y$": lr_sweep(*BOWL, BOWL_START, SWEEP_LRS, stop_below=TOL),
    }


def stability_outcomes() -> list[Outcome]:
    return lr_sweep(*SQUARE, [SQUARE_X0], STABILITY_LRS, stop_below=TOL, steps=SWEEP_STEPS)


def stability_paths(steps: int = 30) -> list[Run]:
    """The first ``steps`` iterates on x² for each η of the stability table, without stopping."""
    return [descend(*SQUARE, [SQUARE_X0], GD(lr), steps=steps) for lr in STABILITY_LRS]


def well_runs() -> list[Run]:
    return settle(*WELL, WELL_STARTS, WELL_LR, steps=WELL_STEPS)


def optimizer(name: str, lr: float, beta: float | None) -> GD | Momentum | Adam:
    """A fresh optimiser (momentum and Adam keep state, so each run needs its own)."""
    if name == "Momentum":
        return Momentum(lr, beta)
    return GD(lr) if name == "GD" else Adam(lr)


def optimizer_label(name: str, lr: float, beta: float | None) -> str:
    r"""The optimiser's name and settings as math, e.g. ``$\mathrm{GD},\ \eta=0.07$``."""
    settings = rf"\eta={lr:g}" + ("" if beta is None else rf",\ \beta={beta:g}")
    return rf"$\mathrm{{{name}}},\ {settings}$"


def valley_outcomes(tol: float) -> list[Outcome]:
    """Each optimiser of the comparison on J = ½(x² + 25y²) until J < ``tol``."""
    return [
        attempt(VALLEY, VALLEY.grad, VALLEY_START, optimizer(*o), stop_below=tol)
        for o in OPTIMIZERS
    ]


def table_gd_square_log() -> str:
    """The iteration log of x² with η = 0.3, beside the closed form (1 − 2η)^k·x₀."""
    run = square_run()
    rows = []
    for k, (x,) in enumerate(run.thetas):
        closed = (1 - 2 * SQUARE_LR) ** k * SQUARE_X0
        rows.append([str(k), _f(x), _f(closed), _f(run.losses[k]), _f(2 * x)])
    return markdown_table(["$k$", "$x_k$", "$(1-2\\eta)^k x_0$", "$J(x_k)$", "$J'(x_k)$"], rows)


def table_gd_sin_bowl_log() -> str:
    """Every iterate of x² + sin²y from (3, 1) with η = 0.1, with the gradient there."""
    run = bowl_run()
    rows = []
    for k, theta in enumerate(run.thetas):
        gx, gy = ls.sin_bowl_grad(theta)
        rows.append([str(k), _f(theta[0]), _f(theta[1]), _f(run.losses[k]), _f(gx), _f(gy)])
    headers = [
        "$k$",
        "$x_k$",
        "$y_k$",
        "$J$",
        r"$\partial J/\partial x$",
        r"$\partial J/\partial y$",
    ]
    return markdown_table(headers, rows)


def _ending(o: Outcome) -> list[str]:
    reached = "—" if o.reached is None else str(o.reached)
    diverged = "—" if o.diverged_at is None else str(o.diverged_at)
    return [reached, diverged, f"{o.run.losses[-1]:.3g}"]


def table_gd_learning_rates() -> str:
    """η against steps to J < 0.01, the step where the run diverged, and the last J."""
    rows = [[name, f"{o.lr:g}", *_ending(o)] for name, outs in sweeps().items() for o in outs]
    headers = ["$J$", r"$\eta$", "$k$ : $J<0.01$", r"$k$ : $J>10^{12}$", r"$J_{\text{last}}$"]
    return markdown_table(headers, rows)


def table_gd_stability() -> str:
    """x² with η just below, at and just above 2/L = 1."""
    rows = []
    for o in stability_outcomes():
        q = contraction(o.lr, 2.0)
        x10 = o.run.thetas[STABILITY_SHOW, 0]
        rows.append([f"{o.lr:g}", f"{q:g}", _f(x10), *_ending(o)])
    headers = [r"$\eta$", r"$1-\eta L$", f"$x_{{{STABILITY_SHOW}}}$"]
    headers += ["$k$ : $J<0.01$", r"$k$ : $J>10^{12}$", r"$J_{\text{last}}$"]
    return markdown_table(headers, rows)


def curvature(x: float) -> float:
    """J''(x) = 12x² − 6 of the double well: > 0 at a valley floor, < 0 at a hilltop."""
    return 12.0 * x**2 - 6.0


def table_gd_double_well_points() -> str:
    """The three stationary points of x⁴ − 3x² + x with J and J'' there."""
    rows = []
    for x in ls.double_well_stationary():
        rows.append([_f(x, 4), _f(ls.double_well([x]), 4), _f(curvature(x), 2)])
    return markdown_table(["$x$", "$J(x)$", "$J''(x)$"], rows)


def table_gd_double_well() -> str:
    """Where GD on x⁴ − 3x² + x comes to rest from each start, and the slope left there."""
    rows = []
    for run in well_runs():
        x0, x_end = run.thetas[0, 0], run.theta[0]
        slope = ls.double_well_grad(run.theta)[0]
        rows.append([f"{x0:g}", _f(x_end), _f(run.losses[-1]), f"{slope:.1e}"])
    n = WELL_STEPS
    headers = ["$x_0$", f"$x_{{{n}}}$", f"$J(x_{{{n}}})$", f"$J'(x_{{{n}}})$"]
    return markdown_table(headers, rows)


def table_gd_optimizers() -> str:
    """Steps each optimiser needs on J = ½(x² + 25y²) to reach each tolerance."""
    ends = [valley_outcomes(tol) for tol in VALLEY_TOLS]
    rows = []
    for i, (name, lr, beta) in enumerate(OPTIMIZERS):
        cells = [str(e[i].reached) for e in ends]
        rows.append(
            [rf"$\mathrm{{{name}}}$", f"{lr:g}", "—" if beta is None else f"{beta:g}", *cells]
        )
    headers = ["", r"$\eta$", r"$\beta$"] + [
        f"$k$ : $J<10^{{{round(np.log10(t))}}}$" for t in VALLEY_TOLS
    ]
    return markdown_table(headers, rows)


def values() -> dict[str, str]:
    """Every result number the chapter's prose quotes, formatted."""
    sq, bowl = square_run(), bowl_run()
    v = {"sq_factor": f"{1 - 2 * SQUARE_LR:g}", "sq_steps": str(sq.steps)}
    v |= {"sq_x_end": _f(sq.theta[0]), "sq_j_end": _f(sq.losses[-1])}
    v |= {"bowl_steps": str(bowl.steps), "bowl_j0": _f(bowl.losses[0])}
    v["bowl_factor"] = f"{1 - 2 * BOWL_LR:g}"
    v |= {"bowl_x1": _f(bowl.thetas[1, 0]), "bowl_y1": _f(bowl.thetas[1, 1])}
    v |= {"bowl_gy0": _f(bowl.grads[0, 1]), "bowl_j1": _f(bowl.losses[1])}
    v |= {"bowl_x_end": _f(bowl.theta[0]), "bowl_y_end": _f(bowl.theta[1])}
    v |= {"bowl_j_end": _f(bowl.losses[-1])}
    for name, outs in zip(("sq", "bowl"), sweeps().values(), strict=True):
        by_lr = {o.lr: o for o in outs}
        v[f"{name}_small_steps"] = str(by_lr[GRID_LRS[0]].reached)
        v[f"{name}_good_steps"] = str(by_lr[GRID_LRS[1]].reached)
        v[f"{name}_osc_steps"] = str(by_lr[GRID_LRS[2]].reached)
        v[f"{name}_div_step"] = str(by_lr[GRID_LRS[3]].diverged_at)
    below, at, above = stability_outcomes()
    v |= {"stab_critical": f"{critical_lr(2.0):g}", "stab_below_steps": str(below.reached)}
    v |= {"stab_above_div": str(above.diverged_at), "stab_at_last": _f(at.run.theta[0], 1)}
    v |= {"stab_at_steps": str(at.run.steps)}
    left, top, right = ls.double_well_stationary()
    v |= {"well_left": _f(left, 4), "well_top": _f(top, 4), "well_right": _f(right, 4)}
    v["well_lr_limit"] = f"{critical_lr(max(curvature(left), curvature(right))):.3f}"
    v["well_lr_bound"] = f"{2 / WELL_LR:g}"
    v |= {"valley_critical": f"{critical_lr(VALLEY.L):g}"}
    v |= {"valley_qx": f"{contraction(0.07, 1.0):g}", "valley_qy": f"{contraction(0.07, 25.0):g}"}
    outs = valley_outcomes(VALLEY_TOLS[0])
    for key, o in zip(("gd", "mom5", "mom9", "adam1", "adam3"), outs, strict=True):
        v[f"valley_{key}"] = str(o.reached)
    for beta in (0.5, 0.9):  # a constant gradient builds up to v = g/(1 − β)
        v[f"mom_gain_{round(10 * beta)}"] = f"{1 / (1 - beta):g}"
    return v | _exercise_values() | convexity_values() | _stop_rule_values()


STOP_DEMO = (0.1, 0.3)  # Adam on x² from x = 0.1 with η = 0.3: the first step goes uphill


def _stop_rule_values() -> dict[str, str]:
    """Why `descend` does not stop at J_k > J_0 (chapter 1's rule): a run that converges
    although its first step raises the loss."""
    x0, lr = STOP_DEMO
    run = descend(*SQUARE, [x0], Adam(lr), stop_below=1e-6)
    v = {"stop_x0": f"{x0:g}", "stop_lr": f"{lr:g}", "stop_x1": f"{run.thetas[1, 0]:.3g}"}
    v |= {"stop_j0": f"{run.losses[0]:.3g}", "stop_j1": f"{run.losses[1]:.3g}"}
    return v | {"stop_steps": str(run.steps)}


def _exercise_values() -> dict[str, str]:
    v: dict[str, str] = {}
    ex1 = descend(*SQUARE, [EX1_X0], GD(EX1_LR), steps=2)
    v |= {"ex1_g0": _g(ex1.grads[0, 0]), "ex1_g1": _g(ex1.grads[1, 0])}
    v |= {"ex1_x1": _g(ex1.thetas[1, 0]), "ex1_x2": _g(ex1.thetas[2, 0])}
    v |= {"ex1_j2": _g(ex1.losses[2]), "ex1_factor": f"{1 - 2 * EX1_LR:g}"}
    v |= {
        "ex1_err": _g(abs(ex1.theta[0] - 0.0)),
        "ex1_drop": _g(ex1.losses[2] / ex1.losses[0]),
    }
    v |= {"ex2_critical": f"{critical_lr(EX2.L):g}", "ex2_one_step": f"{1 / EX2.L:g}"}
    for key, lr in zip(("below", "above"), EX2_LRS, strict=True):
        run = descend(EX2, EX2.grad, [1.0], GD(lr), steps=EX2_STEPS)
        v |= {f"ex2_q_{key}": f"{contraction(lr, EX2.L):g}", f"ex2_x_{key}": _g(run.theta[0])}
    gd_end = descend(*WELL, [EX3_STARTS[0]], GD(EX3_LR), steps=300).theta[0]
    v["ex3_gd_end"] = _g(gd_end)
    for key, x0 in zip(("far", "near"), EX3_STARTS, strict=True):
        run = descend(*WELL, [x0], Momentum(EX3_LR, EX3_BETA), steps=300)
        v[f"ex3_mom_{key}"] = _g(run.theta[0])
        v[f"ex3_mom_{key}_left"] = _g(run.thetas[:, 0].min())
    theta0 = np.array(BOWL_START)
    g = np.array(ls.sin_bowl_grad(theta0))
    adam, gd = Adam(EX4_LR).step(theta0, g), GD(EX4_LR).step(theta0, g)
    v |= {"ex4_gx": _g(g[0]), "ex4_gy": _g(g[1])}
    v |= {"ex4_adam_x": _g(adam[0]), "ex4_adam_y": _g(adam[1])}
    v |= {"ex4_gd_x": _g(gd[0]), "ex4_gd_y": _g(gd[1])}
    v |= {"ex4_gd_dx": _g(theta0[0] - gd[0]), "ex4_gd_dy": _g(theta0[1] - gd[1])}
    v |= {"ex4_adam_dx": _g(theta0[0] - adam[0]), "ex4_adam_dy": _g(theta0[1] - adam[1])}
    return v | _basin_values()


def _basin_values() -> dict[str, str]:
    """The double well from x = 2: one step with η = 0.05; with η = 0.1, across the hill."""
    small = descend(*WELL, [EX3_STARTS[0]], GD(EX3_LR), steps=1)
    jump = descend(*WELL, [EX3_STARTS[0]], GD(JUMP_LR), steps=WELL_STEPS)
    v = {"well_x1": _g(small.thetas[1, 0]), "jump_lr": f"{JUMP_LR:g}"}
    return v | {"jump_x1": _g(jump.thetas[1, 0]), "jump_end": _g(jump.theta[0])}
