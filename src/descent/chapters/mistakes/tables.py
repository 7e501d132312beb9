"""Tables and named numbers of the common-mistakes page (docs/mistakes.md).

Value keys keep the prefix the page already uses: ``{{ reference.<key> }}``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from descent import landscapes as ls
from descent.build.table import fmt, markdown_table
from descent.chapters.computation_graph.examples import partials
from descent.chapters.mistakes import classifier_values as cv
from descent.chapters.mistakes.best_step import best_lr_table, best_step_values
from descent.chapters.mistakes.examples import (
    PUBLISHED_EXPANSION,
    GradientAscent,
    backward_then_step,
    grad_mse_missing_x,
    grad_w_product_of_sums,
    mse_mismatched,
    newton_and_gd_steps,
    steps_on_square,
)
from descent.chapters.mistakes.problems import MAX_STEPS, SQUARE_X0, problems, run_to_gap
from descent.data import SAMPLE_1_1
from descent.engine import Value
from descent.linear import Quadratic, grad_mse, least_squares_wb, quadratic_coefficients
from descent.linefit import mse_wb
from descent.losses import half_mse, half_mse_grad, mse, mse_grad, sse
from descent.numdiff import check_gradient
from descent.optim import GD, Adam, DivergenceError, descend
from descent.twins.record_format import code, text_block, torch_repr

VALUES_KEY = "reference"  # the prefix the page uses in {{ reference.<key> }}

# ---- mistakes: the givens ---------------------------------------------------------------

SQUARE_LR, TOL = 0.3, 0.01  # chapter 4's x² example (from SQUARE_X0)
VALLEY_GRAD = (-4.0, 25.0)  # ∇J at (−4, 1) on J = ½(x² + 25y²); the minimum is at (0, 0)
VALLEY_POINT = (-4.0, 1.0)
HALF_LR, HALF_STEPS = 0.04, 50  # ŷ = w·x on sample set 1-1: between the MSE and ½MSE limits
W3, B_FLAT, NEWTON_B, GD_LR = 3.0, -1.25, -1.0, 1e-4  # chapter 7's z(w, b), target 150
CHECK_AT, WRONG_LR, WRONG_STEPS = (1.3, 0.4), 0.02, 2000
FIXED_LR = 0.01
SMALL_LRS = (0.3, 0.03, 0.003, 0.0003)
FIVE_LRS, FIVE_AT = (0.19, 0.21), 0.7  # J = 5x², L = 10, from x₀ = 1
BACKWARD = (0.5, 2.0, 3.0, 0.125)  # w₀, x, y, η


def sci(value: float) -> str:
    r"""A small number as LaTeX with two significant digits.

    >>> sci(0.000123)
    '1.2 \\times 10^{−4}'
    """
    mantissa, exponent = f"{value:.1e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}".replace("-", "−")


def num3(value: float) -> str:
    r"""Three significant digits; below 0.001 as LaTeX powers of ten.

    >>> num3(0.0255), num3(3.5579e-6)
    ('0.0255', '$3.56 \\times 10^{−6}$')
    """
    if value >= 1e-3:
        return f"{value:.3g}"
    mantissa, exponent = f"{value:.2e}".split("e")
    return f"${mantissa} \\times 10^{{{int(exponent)}}}$".replace("-", "−")


def poly(q: Quadratic) -> str:
    """The quadratic as the page writes it.

    >>> poly(Quadratic(5.0, 2.0, 6.0, -20.4, -12.2, 20.81))
    '5w^2 + 2b^2 + 6wb − 20.4w − 12.2b + 20.81'
    """
    text = ""
    for c, monomial in zip(q, ("w^2", "b^2", "wb", "w", "b", ""), strict=True):
        if c != 0:
            sign = ("−" if c < 0 else "") if not text else (" − " if c < 0 else " + ")
            text += f"{sign}{fmt(abs(c))}{monomial}"
    return text


def minimum(q: Quadratic) -> tuple[float, float]:
    """Where both partial derivatives of the quadratic vanish: 2ww·w + wb·b = −w, …"""
    A = np.array([[2 * q.ww, q.wb], [q.wb, 2 * q.bb]])
    w, b = np.linalg.solve(A, [-q.w, -q.b])
    return float(w), float(b)


def true_expansion() -> Quadratic:
    """(w + b − 2)² + (2w + b − 4.1)² expanded, from the first two samples of set 1-1."""
    head = SAMPLE_1_1.head(2)
    return quadratic_coefficients(head.x, head.y)


def _cell(k: int | None) -> str:
    return "—" if k is None else str(k)


def table_mistakes_fixed_lr() -> str:
    """η = 0.01 against η = 1/λ_max on five problems of the book."""
    rows = []
    for label, problem in problems().items():
        lam = problem[3]
        reached, diverged = run_to_gap(problem, FIXED_LR)
        tuned, _ = run_to_gap(problem, 1 / lam)
        cells = [f"{lam:.6g}", num3(2 / lam), _cell(reached), _cell(diverged), _cell(tuned)]
        rows.append([label, *cells])
    headers = [r"$J$", r"$\lambda_{\max}$", r"$2/\lambda_{\max}$"]
    headers += [r"$\eta = 0.01$: $k$ : $J - J^* < 10^{-6}$", r"$\eta = 0.01$: $k$ : $J > 10^{12}$"]
    return markdown_table(
        [*headers, r"$\eta = 1/\lambda_{\max}$: $k$ : $J - J^* < 10^{-6}$"], rows
    )


def table_mistakes_small_lr() -> str:
    """Steps to J < 0.01 on x² from 1.2 as η shrinks: run by descend and in closed form."""
    rows = []
    for lr in SMALL_LRS:
        run = descend(
            ls.square, ls.square_grad, [SQUARE_X0], GD(lr), steps=MAX_STEPS, stop_below=TOL
        )
        rows.append(
            [fmt(lr), fmt(1 - 2 * lr), str(run.steps), str(steps_on_square(SQUARE_X0, lr, TOL))]
        )
    headers = [r"$\eta$", r"$1 - 2\eta$", r"$k$ : $J < 0.01$"]
    return markdown_table([*headers, r"$\lfloor \ln(0.1/1.2) / \ln(1 - 2\eta) \rfloor + 1$"], rows)


def table_mistakes_expansion() -> str:
    """The true expansion J, twice it, and the published one J̃: coefficients, J(0, 0), minimum."""
    rows = []
    true = true_expansion()
    doubled = Quadratic(*(2 * c for c in true))
    for label, q in (("$J$", true), ("$2J$", doubled), (r"$\tilde J$", PUBLISHED_EXPANSION)):
        w, b = minimum(q)
        rows.append([label, *(fmt(c) for c in q), fmt(q(0.0, 0.0)), fmt(w), fmt(b)])
    headers = ["", "$w^2$", "$b^2$", "$wb$", "$w$", "$b$", "$1$", "$(0, 0)$", "$w^*$", "$b^*$"]
    return markdown_table(headers, rows)


# ---- mistakes: named numbers --------------------------------------------------------------


def _square(optimizer: GD | Adam | GradientAscent, steps: int) -> np.ndarray:
    return descend(ls.square, ls.square_grad, [SQUARE_X0], optimizer, steps=steps).thetas[:, 0]


def wording_values() -> dict[str, str]:
    """The angle between −∇J and the way to the minimum; step lengths under GD and Adam."""
    g, d = -np.array(VALLEY_GRAD), -np.array(VALLEY_POINT)
    cos = float(g @ d / (np.linalg.norm(g) * np.linalg.norm(d)))
    gd_steps, adam_steps = np.abs(np.diff(_square(GD(SQUARE_LR), 3))), None
    adam_steps = np.abs(np.diff(_square(Adam(SQUARE_LR), 3)))
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    out = {"valley_angle": fmt(math.degrees(math.acos(cos)), 1)}
    out |= {"valley_gx": fmt(g[0]), "valley_gy": fmt(g[1])}
    out |= {f"gd_step_{k + 1}": fmt(s) for k, s in enumerate(gd_steps)}
    out |= {f"adam_step_{k + 1}": fmt(s) for k, s in enumerate(adam_steps)}
    out |= {"sse_2x": fmt(sse(2 * x, y)), "mse_2x": fmt(mse(2 * x, y))}
    out |= {"half_2x": fmt(half_mse(2 * x, y)), "last_2x": fmt((2 * x[-1] - y[-1]) ** 2)}
    return out


def _fit_w(loss: Callable, grad: Callable, lr: float) -> np.ndarray:
    """GD on ŷ = w·x over sample set 1-1; ∂J/∂w = Σ ∂J/∂ŷ_i · x_i by the chain rule."""
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    J = lambda t: loss(t[0] * x, y)  # noqa: E731
    return descend(J, lambda t: np.array([grad(t[0] * x, y) @ x]), [0.0], GD(lr), steps=HALF_STEPS)


def naming_values() -> dict[str, str]:
    """½MSE against MSE at one η; one Newton step and one GD step on chapter 7's z(b)."""
    x = SAMPLE_1_1.x
    out = {"lim_mse": fmt(len(x) / float(x @ x), 5), "lim_half": fmt(2 * len(x) / float(x @ x), 5)}
    try:
        _fit_w(mse, mse_grad, HALF_LR)
    except DivergenceError as err:
        out["mse_div_step"] = str(err.run.steps)
    half = _fit_w(half_mse, half_mse_grad, HALF_LR)
    out["half_w_end"] = fmt(half.theta[0])
    out["w_star"] = fmt(float(x @ SAMPLE_1_1.y / (x @ x)))
    z, _, slope = partials(W3, NEWTON_B)
    newton_b, gd_b = newton_and_gd_steps(NEWTON_B, z - 150.0, slope, GD_LR)
    out |= {"nb_z": fmt(z), "nb_slope": fmt(slope), "nb_dz": fmt(z - 150.0)}
    out |= {"newton_b": fmt(newton_b), "newton_z": fmt(partials(W3, newton_b)[0])}
    out |= {
        "gd_b": fmt(gd_b),
        "gd_z": fmt(partials(W3, gd_b)[0]),
        "flat_slope": fmt(partials(W3, B_FLAT)[2]),
        "flat_b": fmt(B_FLAT),
    }
    return out


def signs_values() -> dict[str, str]:
    """Dropped minus; the lost factor x_i; the product of sums; the doubled expansion."""
    try:
        _square(GradientAscent(SQUARE_LR), 1000)
    except DivergenceError as err:
        ascent_step = err.run.steps
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    J = lambda t: mse_wb(t[0], t[1], x, y)  # noqa: E731
    wrong = lambda t: np.array(grad_mse_missing_x(t[0], t[1], x, y))  # noqa: E731
    right = lambda t: np.array(grad_mse(t[0], t[1], x, y))  # noqa: E731
    run = descend(J, wrong, [0.0, 0.0], GD(WRONG_LR), steps=WRONG_STEPS)
    w_star, b_star = least_squares_wb(x, y)
    true, q_pub = true_expansion(), PUBLISHED_EXPANSION
    out = {"ascent_factor": fmt(1 + 2 * SQUARE_LR), "ascent_div_step": str(ascent_step)}
    out["descent_steps"] = str(steps_on_square(SQUARE_X0, SQUARE_LR, TOL))
    out["check_wrong"] = fmt(check_gradient(J, wrong, CHECK_AT).rel_error)
    out["check_right"] = sci(check_gradient(J, right, CHECK_AT).rel_error)
    out |= {
        "wrong_w": fmt(run.theta[0]),
        "wrong_b": fmt(run.theta[1]),
        "wrong_j": fmt(run.losses[-1]),
    }
    out |= {"ls_w": fmt(w_star), "ls_b": fmt(b_star), "ls_j": fmt(J([w_star, b_star]))}
    out["grad_w_right"] = fmt(grad_mse(1.0, 0.0, x, y)[0])
    out["grad_w_wrong"] = fmt(grad_w_product_of_sums(1.0, 0.0, x, y))
    out |= {"true_poly": poly(true), "double_poly": poly(Quadratic(*(2 * c for c in true)))}
    out |= {"published_poly": poly(q_pub), "true_at_0": fmt(true(0.0, 0.0))}
    out["published_at_0"] = fmt(q_pub(0.0, 0.0))
    out |= {
        "true_coef_w": fmt(true.w),
        "double_coef_w": fmt(2 * true.w),
        "pub_coef_w": fmt(q_pub.w),
    }
    out |= dict(zip(("true_min_w", "true_min_b"), map(fmt, minimum(true)), strict=True))
    out |= dict(zip(("pub_min_w", "pub_min_b"), map(fmt, minimum(q_pub)), strict=True))
    return out


def folklore_values() -> dict[str, str]:
    """A correct gradient that passes its check and still diverges once η > 2/L."""
    J = lambda t: 5.0 * float(t[0]) ** 2  # noqa: E731
    grad = lambda t: np.array([10.0 * t[0]])  # noqa: E731
    out = {
        "five_check": sci(check_gradient(J, grad, [FIVE_AT]).rel_error),
        "five_limit": fmt(2 / 10),
    }
    converged = descend(J, grad, [1.0], GD(FIVE_LRS[0]), stop_below=TOL)
    out["five_steps"] = str(converged.steps)
    try:
        descend(J, grad, [1.0], GD(FIVE_LRS[1]), stop_below=TOL)
    except DivergenceError as err:
        out["five_div_step"] = str(err.run.steps)
    small = [steps_on_square(SQUARE_X0, lr, TOL) for lr in SMALL_LRS]
    out |= {"small_first": str(small[0]), "small_last": str(small[-1])}
    return out


def backprop_values() -> dict[str, str]:
    """backward() fills w.grad and moves nothing; the optimiser's step moves w."""
    after, grad, stepped = backward_then_step(*BACKWARD[:3], lr=BACKWARD[3])
    return {"bw_after": fmt(after), "bw_grad": fmt(grad), "bw_step": fmt(stepped)}


def training_code_values() -> dict[str, str]:
    """Two backward() calls without zeroing; (n, 1) against (n,); the spacing of float32."""
    w0, x, y, _ = BACKWARD
    w = Value(w0)
    grads = []
    for _ in range(2):
        ((w * x - y) ** 2).backward()  # no zero_grad() in between
        grads.append(w.grad)
    w_star, b_star = least_squares_wb(SAMPLE_1_1.x, SAMPLE_1_1.y)
    y_hat = w_star * SAMPLE_1_1.x + b_star
    out = {"twice_grad_1": fmt(grads[0]), "twice_grad_2": fmt(grads[1])}
    out |= {"shape_right": fmt(mse(y_hat, SAMPLE_1_1.y))}
    out |= {"shape_wrong": fmt(mse_mismatched(y_hat, SAMPLE_1_1.y))}
    out["f32_spacing"] = fmt(float(np.spacing(np.float32(1e8))))
    out["f32_eps"] = sci(float(np.finfo(np.float32).eps))
    out["f64_eps"] = sci(float(np.finfo(np.float64).eps))
    return out


def values() -> dict[str, str]:
    """Every named number of the common-mistakes page."""
    parts = (wording_values, naming_values, signs_values, folklore_values, backprop_values)
    parts += (training_code_values, best_step_values, cv.values)
    return {k: v for part in parts for k, v in part().items()}


def table_mistakes_best_lr() -> str:
    """η = 1/λ_max against η = 2/(λ_min + λ_max) on the same five problems."""
    return best_lr_table()


def table_torch_double_sigmoid() -> str:
    """BCEWithLogitsLoss of z and of σ(z), labels 1: PyTorch's record beside ours."""
    return markdown_table(["", "PyTorch", "descent"], cv.double_sigmoid_rows())


def table_mistakes_batch_mean() -> str:
    """Per batch size: ‖∂L/∂W‖ at W = 0 and test accuracy after training, mean vs sum."""
    rows = [
        [
            str(b),
            fmt(r["norm_mean"], 3),
            fmt(r["norm_sum"], 1),
            fmt(cv.c.BATCH_LR * b),
            fmt(100 * r["acc_mean"], 1),
            fmt(100 * r["acc_sum"], 1),
        ]
        for b, r in cv.batch_runs().items()
    ]
    heads = ["$B$", r"$\lVert \nabla W \rVert$, mean", r"$\lVert \nabla W \rVert$, sum"]
    heads += [r"$\eta B$", "accuracy, mean (%)", "accuracy, sum (%)"]
    return markdown_table(heads, rows)


def table_torch_onehot_targets() -> str:
    """What PyTorch's CrossEntropyLoss and our cross_entropy do with each kind of target."""
    rec = "onehot_targets"
    rows = [
        ["indices, `int64`", code(torch_repr(rec, "indices")), fmt(cv.index_loss())],
        ["one-hot, `int64`", code(torch_repr(rec, "one-hot, int64")), "`ValueError`"],
        ["one-hot, `float64`", code(torch_repr(rec, "one-hot, float64")), "`ValueError`"],
        ["indices, `float64`", code(torch_repr(rec, "indices, float64")), fmt(cv.index_loss())],
    ]
    return markdown_table(["targets", "PyTorch", "descent"], rows)


def table_mistakes_onehot_error() -> str:
    """The message our cross_entropy raises for one-hot targets."""
    return text_block(cv.onehot_error())
