"""Tables, logs and named numbers of chapter 1, "The three ideas"."""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from descent import blackbox
from descent.build.table import markdown_table
from descent.chapters.three_ideas import examples as analogies
from descent.data import BLACK_BOX

# The chapter's givens: first guess, learning rate, stopping rule.
W0 = (1.0, 1.0)
LR = 0.25
TOL = 1e-10
MAX_EPOCHS = 10_000
LRS = (0.05, 0.1, 0.2, 0.25, 0.28, 0.29, 0.3)
DIGITS = (1, 3, 4, 4, 4, 4, 4)  # x, y, ŷ, e, e², e·x, e·x²
LOG_EPOCHS = (0, 1, 2, 3, 4, 5, 10, 20, 50, 100, 200, 300)
SECRET, LOW, HIGH = 37, 1, 50
TARGET, X0, BOX_LR, BOX_STEPS = 4.0, 1.0, 0.3, 6


@cache
def run(
    lr: float = LR, tol: float = TOL, w0: tuple[float, float] = W0, max_epochs: int = MAX_EPOCHS
) -> blackbox.Fit:
    """The chapter's training run on the black-box samples (cached: tables share it)."""
    return blackbox.fit(BLACK_BOX.x, BLACK_BOX.y, *w0, lr=lr, tol=tol, max_epochs=max_epochs)


def fixed(v: float, digits: int = 4) -> str:
    """Fixed-point text without a negative zero.

    >>> fixed(-0.00001), fixed(2.5, 2)
    ('0.0000', '2.50')
    """
    text = f"{v:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def sci(v: float, digits: int = 3) -> str:
    r"""Scientific notation as TeX (no dollar signs).

    >>> sci(0.000125)
    '1.25 \\times 10^{-4}'
    """
    mantissa, exponent = f"{v:.{digits - 1}e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def epoch_block(epoch: blackbox.Epoch, lr: float) -> str:
    """One epoch in full: per-sample forward values and errors, the loss, gradient, update."""
    x, y, e = BLACK_BOX.x, BLACK_BOX.y, epoch.e
    rows = []
    for i in range(len(x)):
        cells = [x[i], y[i], epoch.y_hat[i], e[i], e[i] ** 2, e[i] * x[i], e[i] * x[i] ** 2]
        rows.append([f"{i + 1}"] + [fixed(c, d) for c, d in zip(cells, DIGITS, strict=True)])
    means = [np.mean(e**2), np.mean(e * x), np.mean(e * x**2)]
    rows.append([r"$\frac{1}{m}\sum_i$", "", "", "", ""] + [fixed(m) for m in means])
    headers = ["$i$", "$x_i$", "$y_i$", r"$\hat y_i$", r"$e_i=\hat y_i-y_i$"]
    headers += ["$e_i^2$", "$e_i x_i$", "$e_i x_i^2$"]
    w1, w2, g1, g2 = epoch.w1, epoch.w2, epoch.grad_w1, epoch.grad_w2
    return (
        f"$k={epoch.k}$: $\\;w_1={fixed(w1, 6)},\\; w_2={fixed(w2, 6)}$\n\n"
        + markdown_table(headers, rows)
        + f"\n$J=\\tfrac12\\cdot{fixed(means[0], 6)}={fixed(epoch.J, 6)},\\quad"
        f" \\dfrac{{\\partial J}}{{\\partial w_1}}={fixed(g1, 6)},\\quad"
        f" \\dfrac{{\\partial J}}{{\\partial w_2}}={fixed(g2, 6)}$\n\n"
        f"$w_1\\leftarrow {fixed(w1, 6)}-{lr}\\times({fixed(g1, 6)})={fixed(w1 - lr * g1, 6)},"
        f"\\quad w_2\\leftarrow {fixed(w2, 6)}-{lr}\\times({fixed(g2, 6)})"
        f"={fixed(w2 - lr * g2, 6)}$\n"
    )


def table_blackbox_samples() -> str:
    """The box's samples, with the ratio y/x that gives its secret away."""
    rows = [
        [f"{i + 1}", fixed(x, 1), fixed(y, 3), fixed(y / x, 3)]
        for i, (x, y) in enumerate(zip(BLACK_BOX.x, BLACK_BOX.y, strict=True))
    ]
    return markdown_table(["$i$", "$x_i$", "$y_i$", "$y_i/x_i$"], rows)


def table_blackbox_first_epochs() -> str:
    """Epochs k = 0, 1, 2 of the chapter's run, every number shown."""
    return "\n".join(epoch_block(run().epochs[k], LR) for k in range(3))


def table_blackbox_exercise_step() -> str:
    """Exercise: one epoch in full from the guess w₁ = 2, w₂ = 0."""
    return epoch_block(run(w0=(2.0, 0.0)).epochs[0], LR)


def table_blackbox_log() -> str:
    """Loss log of the chapter's run at selected epochs, and its last epoch."""
    epochs = run().epochs
    chosen = [k for k in LOG_EPOCHS if k < len(epochs) - 1] + [len(epochs) - 1]
    rows = [
        [f"{k}", fixed(epochs[k].w1, 6), fixed(epochs[k].w2, 6), f"${sci(epochs[k].J)}$"]
        for k in chosen
    ]
    return markdown_table(["$k$", "$w_1$", "$w_2$", "$J$"], rows)


def lr_outcome(lr: float) -> tuple[int, float, float, float, bool]:
    """(epoch k, w₁, w₂, J) where a run with this lr stopped or was caught diverging."""
    try:
        fit = run(lr=lr)
        return len(fit.epochs) - 1, fit.w1, fit.w2, fit.epochs[-1].J, fit.converged
    except blackbox.DivergenceError as err:
        last = run(lr=lr, max_epochs=err.k - 1).epochs[-1]  # the epoch before it climbed
        w1, w2 = last.w1 - lr * last.grad_w1, last.w2 - lr * last.grad_w2
        return err.k, w1, w2, err.J, False


def table_blackbox_learning_rates() -> str:
    """Outcome of the same run for several learning rates η."""
    rows = []
    for lr in LRS:
        k, w1, w2, J, converged = lr_outcome(lr)
        mark = r"$J_k<10^{-10}$" if converged else r"$J_k>J_0$"
        rows.append([f"{lr}", f"{k}", fixed(w1, 4), fixed(w2, 4), f"${sci(J)}$", mark])
    return markdown_table([r"$\eta$", "$k$", "$w_1$", "$w_2$", "$J_k$", r"$\Rightarrow$"], rows)


def table_guess_number() -> str:
    """The guessing game by halving: interval, guess and the answer's sign."""
    symbol = {1: ">", -1: "<", 0: "="}
    rows = [
        [f"{k + 1}", f"$[{lo},{hi}]$", f"{g}", f"$g_k {symbol[s]} s$"]
        for k, (lo, hi, g, s) in enumerate(analogies.bisect_guesses(SECRET, LOW, HIGH))
    ]
    return markdown_table(["$k$", "$[a_k,b_k]$", "$g_k$", "$g_k\\;?\\;s$"], rows)


def box_steps() -> list[float]:
    """Inputs tried when steering the box's output to the target 4."""
    xs = analogies.seek_target(analogies.black_box, [TARGET], [X0], BOX_LR, BOX_STEPS)
    return [float(x[0]) for x in xs]


def table_box_target() -> str:
    """Steering the box's output to 4: input, output, error at each try."""
    rows = []
    for k, x in enumerate(box_steps()):
        f = float(analogies.black_box([x])[0])
        rows.append([f"{k}", fixed(x, 6), fixed(f, 6), fixed(f - TARGET, 6)])
    return markdown_table(["$k$", "$x_k$", "$f(x_k)$", "$e_k=f(x_k)-4$"], rows)


def worst_guesses(low: int, high: int) -> int:
    """Most guesses halving ever needs over every secret in [low, high]."""
    return max(len(analogies.bisect_guesses(s, low, high)) for s in range(low, high + 1))


def values() -> dict[str, str]:
    """Named numbers for the chapter's prose, as ``three_ideas.<key>``."""
    fit, first = run(), run().epochs[0]
    loose = run(tol=1e-3)
    X = np.column_stack([BLACK_BOX.x, BLACK_BOX.x**2])
    lam_max = float(np.linalg.eigvalsh(X.T @ X / len(X))[-1])
    return {
        "epochs": f"{len(fit.epochs) - 1}",
        "w1": fixed(fit.w1, 4),
        "w2": fixed(fit.w2, 4),
        "w1_long": fixed(fit.w1, 6),
        "w2_sci": sci(fit.w2),
        "j0": fixed(first.J, 6),
        "j_end": sci(fit.epochs[-1].J),
        "rms_tol": sci(math.sqrt(2 * TOL), 2),
        "grad0_w1": fixed(first.grad_w1, 6),
        "grad0_w2": fixed(first.grad_w2, 6),
        "lr_limit": fixed(2 / lam_max, 3),
        "loose_epochs": f"{len(loose.epochs) - 1}",
        "loose_w1": fixed(loose.w1, 4),
        "loose_w2": fixed(loose.w2, 4),
        "loose_j": fixed(loose.epochs[-1].J, 6),
        "diverge_k_029": f"{lr_outcome(0.29)[0]}",
        "diverge_k_03": f"{lr_outcome(0.3)[0]}",
        "guesses": f"{len(analogies.bisect_guesses(SECRET, LOW, HIGH))}",
        "worst_50": f"{worst_guesses(1, 50)}",
        "worst_1000": f"{worst_guesses(1, 1000)}",
        "box_x": fixed(box_steps()[-1], 6),
        "box_x_exact": fixed(TARGET / 2.21, 6),
    }


# The rifle: a shot lands at G·a + bias for aim a; the shooter knows neither G nor bias.
RIFLE_G, RIFLE_BIAS = ((1.0, 0.5), (-0.5, 1.0)), (-3.0, 2.0)
RIFLE_LR, RIFLE_SHOTS = 0.6, 5


def rifle_shots() -> np.ndarray:
    """Where each shot lands when the aim moves against the last miss: rows (x, y)."""
    aims = analogies.seek_target(_rifle, [0.0, 0.0], [0.0, 0.0], RIFLE_LR, RIFLE_SHOTS)
    return np.array([_rifle(a) for a in aims])


def _rifle(a: np.ndarray) -> np.ndarray:
    return np.array(RIFLE_G) @ a + np.array(RIFLE_BIAS)
