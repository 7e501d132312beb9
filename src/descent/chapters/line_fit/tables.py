"""Tables, logs and named numbers of the line-fitting chapter (value keys ``line_fit.<key>``).

The runs themselves are computed once (cached) and shared with
``descent.chapters.line_fit.figures``.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from descent.batching import paired_shuffle, shuffled_separately
from descent.build.table import fmt, markdown_table
from descent.data import SAMPLE_1_1
from descent.linear import least_squares_w, least_squares_wb, lr_limit_w
from descent.linefit import fit_batch_gd, fit_minibatch, fit_per_sample, fit_w, mse_wb
from descent.optim import DivergenceError, Run
from descent.regularize import centred_moments, fit_penalised, penalised_minimum
from descent.scaling import Scaler, noisy_line

X, Y = SAMPLE_1_1.x, SAMPLE_1_1.y
GD_LR, GD_STEPS, GD_SHOW = 0.02, 2000, (0, 1, 2, 5, 10, 100, 500, 1000, 2000)
TOY = {"x": [1.0, 2.0, 3.0], "y": [2.0, 4.0, 6.0], "w": 1.0, "lr": 0.01, "epochs": 10}
SUM_LR, SUM_STEPS = 0.02, 6
SEED, LR, SCALED_STEPS, RAW_LR, RAW_STEPS = 0, 0.1, 100, 2.5e-4, 1000
BATCH_SEED, BATCH_LR, BATCH_STEPS, BATCH_SIZES, TAIL = 1, 0.05, 300, (1, 5, 20, 100), 100
SHUFFLE_BATCH, SHUFFLE_STEPS, SHUFFLE_ROWS = 10, 500, 8
LAMBDAS, REG_LR, REG_STEPS = (0.0, 10.0, 20.0, 30.0, 40.0), 0.012, 4000
EX_LR, EX_STEPS = 0.1, 100


def f6(value: float) -> str:
    return fmt(value, 6)


def sci(value: float) -> str:
    """Scientific notation for huge or tiny numbers, with a typographic minus."""
    mantissa, exponent = f"{value:.3e}".split("e")
    return f"{mantissa.replace('-', '−')}\\times 10^{{{int(exponent)}}}"


@cache
def gd_run() -> Run:
    return fit_batch_gd(X, Y, GD_LR, GD_STEPS)


@cache
def toy_run() -> Run:
    return fit_per_sample(TOY["x"], TOY["y"], TOY["w"], TOY["lr"], TOY["epochs"])


def sum_mean_runs() -> dict[str, Run]:
    """y = w·x on sample set 1-1: MSE with η, SSE with η (diverges), SSE with η/n."""
    runs = {"mean": fit_w(X, Y, SUM_LR, SUM_STEPS, "mean")}
    try:
        fit_w(X, Y, SUM_LR, SUM_STEPS, "sum")
        raise AssertionError("the SSE run was expected to diverge")
    except DivergenceError as err:
        runs["sum"] = err.run
    runs["sum_small"] = fit_w(X, Y, SUM_LR / len(X), SUM_STEPS, "sum")
    return runs


@cache
def scaled_data() -> tuple[np.ndarray, np.ndarray, Scaler]:
    x, y = noisy_line(np.random.default_rng(SEED))
    return x, y, Scaler.fit(x)


@cache
def scaling_runs() -> dict[str, Run]:
    """Raw x with η = 0.1 (diverges), raw x with a tiny η, standardised x with η = 0.1."""
    x, y, scaler = scaled_data()
    try:
        fit_batch_gd(x, y, LR, SCALED_STEPS)
        raise AssertionError("the raw run with lr=0.1 was expected to diverge")
    except DivergenceError as err:
        runs = {"raw": err.run}
    runs["raw_small"] = fit_batch_gd(x, y, RAW_LR, RAW_STEPS)
    runs["scaled"] = fit_batch_gd(scaler.apply(x), y, LR, SCALED_STEPS)
    return runs


@cache
def batch_runs() -> dict[int, Run]:
    x, y, scaler = scaled_data()
    return {
        size: fit_minibatch(
            scaler.apply(x), y, BATCH_LR, BATCH_STEPS, size, np.random.default_rng(BATCH_SEED)
        )
        for size in BATCH_SIZES
    }


@cache
def shuffle_runs() -> dict[str, Run]:
    x, y, scaler = scaled_data()
    return {
        name: fit_minibatch(
            scaler.apply(x), y, BATCH_LR, SHUFFLE_STEPS, SHUFFLE_BATCH,
            np.random.default_rng(BATCH_SEED), shuffle,
        )
        for name, shuffle in (("paired", paired_shuffle), ("separate", shuffled_separately))
    }  # fmt: skip


@cache
def penalised_runs() -> dict[tuple[str, float], Run]:
    return {
        (method, lam): fit_penalised(X, Y, lam, method, REG_LR, REG_STEPS)
        for method in ("l2", "l1-prox", "l1-subgradient")
        for lam in LAMBDAS
    }


def table_line_fit_gd() -> str:
    """Batch GD on sample set 1-1 from (0, 0), η = 0.02, next to the least-squares line."""
    run = gd_run()
    rows = [
        [str(k), f6(run.thetas[k][0]), f6(run.thetas[k][1]), f6(run.losses[k])] for k in GD_SHOW
    ]
    w, b = least_squares_wb(X, Y)
    rows.append(["$\\ast$", f6(w), f6(b), f6(mse_wb(w, b, X, Y))])
    return markdown_table(["$k$", "$w_k$", "$b_k$", "$J(w_k, b_k)$"], rows)


def table_per_sample_log() -> str:
    """Every update of y = w·x on x = [1, 2, 3], y = [2, 4, 6]: w = 1, η = 0.01, 10 epochs."""
    run, x, y = toy_run(), TOY["x"], TOY["y"]
    rows = []
    for k in range(run.steps):
        i = k % len(x)
        w = run.thetas[k][0]
        e = w * x[i] - y[i]  # the error of sample i before the update
        cells = [x[i], y[i], w, e, e * e, run.grads[k][0], run.thetas[k + 1][0]]
        rows.append([str(k // len(x) + 1), str(i + 1), *(f6(c) for c in cells)])
    headers = ["epoch", "$i$", "$x_i$", "$y_i$", "$w$", "$e_i$", "$L_i = e_i^2$"]
    return markdown_table([*headers, "$\\dfrac{dL_i}{dw}$", "$w - \\eta\\dfrac{dL_i}{dw}$"], rows)


def table_sum_vs_mean() -> str:
    """w_k of y = w·x under MSE with η, SSE with η (diverges) and SSE with η/n."""
    runs = sum_mean_runs()
    rows = []
    for k in range(SUM_STEPS + 1):
        cells = [runs[name].thetas[k][0] if k <= runs[name].steps else None for name in runs]
        rows.append([str(k), *("—" if c is None else f6(c) for c in cells)])
    eta, small = fmt(SUM_LR), fmt(SUM_LR / len(X), 6)
    headers = [f"MSE, $\\eta = {eta}$", f"SSE, $\\eta = {eta}$", f"SSE, $\\eta = {small}$"]
    return markdown_table(["$k$", *headers], rows)


def table_input_scaling() -> str:
    """The three runs on x = 1…100 in the units of x, and the least-squares line."""
    x, y, scaler = scaled_data()
    runs = scaling_runs()
    rows = []
    for name, inputs, lr in (
        ("raw", "$x$", LR),
        ("raw_small", "$x$", RAW_LR),
        ("scaled", "$x'$", LR),
    ):
        run = runs[name]
        w, b = run.theta if name != "scaled" else scaler.to_original_units(*run.theta)
        loss = mse_wb(w, b, x, y) if name != "raw" else run.losses[-1]
        show = (lambda v: f"${sci(v)}$") if name == "raw" else fmt  # the diverged run: huge
        cells = [show(v) for v in (w, b, loss)]
        rows.append([inputs, fmt(lr, 6), str(run.steps), *cells])
    w, b = least_squares_wb(x, y)
    rows.append(["$\\ast$", "", "", fmt(w), fmt(b), fmt(mse_wb(w, b, x, y))])
    return markdown_table(["", "$\\eta$", "$k$", "$w$", "$b$", "$J(w, b)$"], rows)


def shuffled_pairs() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The same seed through both shuffles: x comes out in the same order, y does not."""
    x, y, _ = scaled_data()
    xp, yp = paired_shuffle(x, y, np.random.default_rng(BATCH_SEED))
    xs, ys = shuffled_separately(x, y, np.random.default_rng(BATCH_SEED))
    return xp, yp, xs, ys


def table_shuffle_pairs() -> str:
    """The first rows of x = 1…100 after one shared permutation and after two separate ones."""
    xp, yp, xs, ys = shuffled_pairs()
    rows = [
        [str(k + 1), fmt(xp[k]), fmt(yp[k], 2), fmt(yp[k] / xp[k], 2), fmt(ys[k], 2),
         fmt(ys[k] / xs[k], 2)]
        for k in range(SHUFFLE_ROWS)
    ]  # fmt: skip
    headers = ["$k$", "$x_{p(k)}$", "$y_{p(k)}$", "$y_{p(k)} / x_{p(k)}$", "$y_{q(k)}$"]
    return markdown_table([*headers, "$y_{q(k)} / x_{p(k)}$"], rows)


def batch_noise(size: int) -> tuple[float, float]:
    """Mean excess loss J − J* and its standard deviation over the last TAIL steps."""
    x, y, _ = scaled_data()
    w, b = least_squares_wb(x, y)
    tail = batch_runs()[size].losses[-TAIL:] - mse_wb(w, b, x, y)
    return float(tail.mean()), float(tail.std())


def table_batch_noise() -> str:
    """Mini-batch runs on standardised x = 1…100 for several batch sizes B, η = 0.05."""
    x, _, scaler = scaled_data()
    rows = []
    for size, run in batch_runs().items():
        w, b = scaler.to_original_units(*run.theta)
        mean, std = batch_noise(size)
        rows.append(
            [str(size), str(math.ceil(len(x) / size)), fmt(mean, 3), fmt(std, 3), fmt(w), fmt(b)]
        )
    headers = ["$B$", "$\\lceil n / B \\rceil$", "$\\overline{J - J^*}$", "$\\sigma_J$"]
    return markdown_table([*headers, f"$w_{{{BATCH_STEPS}}}$", f"$b_{{{BATCH_STEPS}}}$"], rows)


def table_regularization() -> str:
    """The slope w under L2 and L1 for several λ: descent next to the exact minimum."""
    runs = penalised_runs()
    rows = []
    for lam in LAMBDAS:
        sub = runs["l1-subgradient", lam].thetas[-TAIL:, 0]
        cells = [
            runs["l2", lam].theta[0],
            penalised_minimum(X, Y, lam, "l2")[0],
            runs["l1-prox", lam].theta[0],
            penalised_minimum(X, Y, lam, "l1")[0],
            sub.min(),
            sub.max(),
        ]
        rows.append([fmt(lam), *(f6(c) for c in cells)])
    headers = ["$\\lambda$", "L2: GD", "L2: (5.10)", "L1: GD + $S$", "L1: (5.13)"]
    tail = f"k > {REG_STEPS - TAIL}"
    sign = [f"L1: GD + sign, $\\min_{{{tail}}} w_k$", f"$\\max_{{{tail}}} w_k$"]
    return markdown_table([*headers, *sign], rows)


def values() -> dict[str, str]:
    """Every result number the chapter's prose quotes, formatted."""
    return _gd_values() | _scaling_values() | _shuffle_values() | _penalty_values() | _exercises()


def _gd_values() -> dict[str, str]:
    run, (w, b) = gd_run(), least_squares_wb(X, Y)
    hessian = 2 * np.array([[np.mean(X * X), np.mean(X)], [np.mean(X), 1.0]])  # of J_MSE(w, b)
    v = {"gd_w": f6(run.theta[0]), "gd_b": f6(run.theta[1]), "ls_w": f6(w), "ls_b": f6(b)}
    v |= {"ls_loss": f6(mse_wb(w, b, X, Y)), "gd_gap": sci(np.abs(run.theta - [w, b]).max())}
    v |= {"gd_lr_max": f6(2 / np.linalg.eigvalsh(hessian).max())}
    v |= {"gd_j0": fmt(run.losses[0], 2), "gd_j10": fmt(run.losses[10], 2)}
    toy = toy_run()
    factor = math.prod(1 - 2 * TOY["lr"] * xi**2 for xi in TOY["x"])  # one epoch
    v |= {"toy_w_end": f6(toy.theta[0]), "toy_factor": f6(factor)}
    v |= {"toy_predicted": f6(2 - factor ** TOY["epochs"] * (2 - TOY["w"]))}
    runs = sum_mean_runs()
    v |= {"sm_lr_mse": f6(lr_limit_w(X, 1 / len(X))), "sm_lr_sse": f6(lr_limit_w(X, 1.0))}
    sxx = float(X @ X)
    v |= {"sm_factor_mse": fmt(1 - 2 * SUM_LR * sxx / len(X))}
    v |= {"sm_factor_sse": fmt(1 - 2 * SUM_LR * sxx), "sm_div_step": str(runs["sum"].steps)}
    v |= {"sm_w_star": f6(least_squares_w(X, Y)), "sm_sxx": fmt(sxx)}
    return v


def _scaling_values() -> dict[str, str]:
    x, y, scaler = scaled_data()
    runs, (w, b) = scaling_runs(), least_squares_wb(x, y)
    w_s, b_s = runs["scaled"].theta
    hessian = 2 * np.array([[np.mean(x * x), np.mean(x)], [np.mean(x), 1.0]])
    v = {"sc_w": fmt(w), "sc_b": fmt(b), "sc_mu": fmt(scaler.mean), "sc_sigma": fmt(scaler.std)}
    v |= {"sc_ws": fmt(w_s), "sc_bs": fmt(b_s), "sc_mean_x2": fmt(np.mean(x * x))}
    v |= {
        "sc_lr_w": sci(1 / np.mean(x * x)),
        "sc_lr_max": sci(2 / np.linalg.eigvalsh(hessian).max()),
    }
    v |= {"sc_div_step": str(runs["raw"].steps), "sc_raw_b": fmt(runs["raw_small"].theta[1])}
    gap = np.abs(np.array(scaler.to_original_units(w_s, b_s)) - [w, b]).max()
    v |= {
        "sc_gap": sci(gap),
        "sc_factor": fmt(1 - 2 * LR),
        "sc_factor_steps": sci((1 - 2 * LR) ** SCALED_STEPS),
        "sc_y_mean": fmt(y.mean()),
    }
    return v


def _shuffle_values() -> dict[str, str]:
    x, y, scaler = scaled_data()
    v = {}
    for name, run in shuffle_runs().items():
        w, b = scaler.to_original_units(*run.theta)
        v |= {
            f"sh_{name}_w": fmt(w),
            f"sh_{name}_b": fmt(b),
            f"sh_{name}_loss": fmt(mse_wb(w, b, x, y)),
        }
    v["sh_var_y"] = fmt(np.var(y))  # the loss of the flat line y = ȳ
    v["sc_xy"] = fmt(np.mean(scaler.apply(x) * y))  # the mean of x'·y, true pairs
    return v


def _penalty_values() -> dict[str, str]:
    s_xx, s_xy = centred_moments(X, Y)
    sub = penalised_runs()["l1-subgradient", LAMBDAS[-1]].thetas[-TAIL:, 0]
    v = {"reg_sxx": fmt(s_xx), "reg_sxy": fmt(s_xy), "reg_l1_zero": fmt(2 * abs(s_xy))}
    v |= {"reg_sub_min": f6(sub.min()), "reg_sub_max": f6(sub.max())}
    v["reg_prox_zero"] = str(first_zero_for_good(penalised_runs()["l1-prox", LAMBDAS[-1]]))
    # the largest jump in the tail: w crosses zero, sign(w) flips, and the penalty's push ηλ
    # now adds to the error term's pull, which had nearly balanced it: about 2ηλ in all
    i = int(np.flatnonzero(np.diff(sub[:-1]) > REG_LR * LAMBDAS[-1])[0])  # the first jump
    v |= {"reg_sub_jump": fmt(sub[i + 1] - sub[i], 3), "reg_sub_after": fmt(sub[i + 2], 2)}
    v["reg_jump2"] = fmt(2 * REG_LR * LAMBDAS[-1])
    return v | {"reg_jump": fmt(REG_LR * LAMBDAS[-1])}


def first_zero_for_good(run: Run) -> int:
    """The first step k from which w_k is exactly 0 until the end of the run."""
    nonzero = np.flatnonzero(run.thetas[:, 0] != 0.0)
    return int(nonzero[-1]) + 1 if nonzero.size else 0


def exercise_scaled_fit() -> tuple[Scaler, Run]:
    """Exercise 5.3: standardise sample set 1-1, run batch GD with η = 0.1."""
    scaler = Scaler.fit(X)
    return scaler, fit_batch_gd(scaler.apply(X), Y, EX_LR, EX_STEPS)


def _exercises() -> dict[str, str]:
    log = toy_run()
    v = {}
    for k in (0, 1, 2):  # the three updates of epoch 1
        w, x_i, y_i = log.thetas[k][0], TOY["x"][k], TOY["y"][k]
        v |= {f"ex1_e{k + 1}": f6(w * x_i - y_i), f"ex1_g{k + 1}": f6(log.grads[k][0])}
        v[f"ex1_w{k + 1}"] = f6(log.thetas[k + 1][0])
    scaler, run = exercise_scaled_fit()
    w, b = scaler.to_original_units(*run.theta)
    v |= {"ex3_mu": fmt(scaler.mean), "ex3_sigma": f6(scaler.std), "ex3_ws": f6(run.theta[0])}
    v |= {"ex3_bs": f6(run.theta[1]), "ex3_w": f6(w), "ex3_b": f6(b)}
    return v
