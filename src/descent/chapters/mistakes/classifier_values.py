"""Numbers and table rows of the classifier mistakes (docs/mistakes.md, Part IV entries).

PyTorch's side comes from the committed record (:mod:`descent.twins.record`), ours from the
library and the wrong code of :mod:`descent.chapters.mistakes.classifiers`.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from descent import softmax as sm
from descent.build.table import fmt
from descent.chapters.mistakes import classifiers as c
from descent.functional import cross_entropy
from descent.logistic import bce_with_logits, bce_with_logits_grad
from descent.tensor import Tensor
from descent.twins.record_format import g, torch_value


def _special(v: float) -> str:
    """nan and inf as Python prints them, other numbers by ``fmt``.

    >>> _special(float("nan")), _special(float("inf")), _special(0.25)
    ('nan', 'inf', '0.25')
    """
    return repr(v) if not math.isfinite(v) else fmt(v)


def _sci(v: float) -> str:
    r"""A number as LaTeX with three significant digits.

    >>> _sci(-8.3795e-05)
    '−8.38 \\times 10^{−5}'
    """
    mantissa, exponent = f"{v:.2e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}".replace("-", "−")


def naive_losses() -> dict[str, float]:
    """The naive and the log-sum-exp cross-entropy at the two sets of logits."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):  # the failure shown
        naive = {
            k: c.naive_cross_entropy(z, 1) for k, z in (("large", c.LARGE), ("apart", c.APART))
        }
    return {
        "naive_large": naive["large"],
        "stable_large": sm.cross_entropy(c.LARGE, 1),
        "naive_apart": naive["apart"],
        "stable_apart": sm.cross_entropy(c.APART, 1),
    }


def double_sigmoid() -> dict[str, object]:
    """Loss and ∂L/∂z with logits (right) and with σ applied first (wrong), for label 1."""
    z, y = np.array(c.SATURATED), np.ones(len(c.SATURATED))
    return {
        "loss, logits": bce_with_logits(z, y),
        "loss, sigmoid first": c.double_sigmoid_loss(z, y),
        "grad, logits": bce_with_logits_grad(z, y),
        "grad, sigmoid first": c.double_sigmoid_grad(z, y),
    }


def double_sigmoid_rows() -> list[list[str]]:
    """One row per recorded quantity: PyTorch's numbers beside ours."""

    def show(v: object) -> str:
        return ", ".join(g(x, 5) for x in np.atleast_1d(np.asarray(v, dtype=float)))

    names = {"loss": "$L$", "grad": r"$\partial L / \partial z$"}
    rows = []
    for key, ours in double_sigmoid().items():
        kind, given = key.split(", ")
        label = f"{names[kind]}, " + ("`sigmoid(z)`" if given == "sigmoid first" else "`z`")
        rows.append([label, show(torch_value("double_sigmoid", key)), show(ours)])
    return rows


@cache
def batch_runs() -> dict[int, dict[str, float]]:
    """Per batch size: gradient norms at W = 0 and test accuracy after training, mean vs sum."""
    out = {}
    for b in c.BATCH_SIZES:
        mean_run, sum_run = c.softmax_regression(b, False), c.softmax_regression(b, True)
        out[b] = {
            "norm_mean": c.weight_gradient_norm(b, False),
            "norm_sum": c.weight_gradient_norm(b, True),
            "loss_mean": mean_run[0],
            "acc_mean": mean_run[1],
            "loss_sum": sum_run[0],
            "acc_sum": sum_run[1],
        }
    return out


def onehot_error() -> str:
    """The message our cross_entropy raises for one-hot targets."""
    try:
        c.cross_entropy_onehot(c.ONEHOT_LOGITS, list(c.ONEHOT_LABELS))
    except ValueError as error:
        return f"ValueError: {error}"
    raise AssertionError("one-hot targets were accepted")  # pragma: no cover


def index_loss() -> float:
    """Our cross_entropy at the same logits with class indices: the right call."""
    return cross_entropy(Tensor(np.array(c.ONEHOT_LOGITS)), list(c.ONEHOT_LABELS)).item()


def values() -> dict[str, str]:
    """The named numbers of the four classifier entries."""
    naive = naive_losses()
    ds = double_sigmoid()
    runs = batch_runs()
    small, big = min(c.BATCH_SIZES), max(c.BATCH_SIZES)
    out = {f"lse_{k}": _special(v) for k, v in naive.items()}
    out["lse_max_exp"] = fmt(math.log(np.finfo(np.float64).max), 2)
    out |= {
        "ds_right_wrong": fmt(ds["grad, logits"][1], 4),
        "ds_wrong_wrong": _sci(ds["grad, sigmoid first"][1]),
        "ds_shrink": f"{ds['grad, logits'][1] / ds['grad, sigmoid first'][1]:.0f}",
        "ds_floor_1": fmt(math.log1p(math.exp(-1)), 4),
        "ds_floor_0": fmt(math.log(2), 4),
    }
    out |= {
        "bm_lr": fmt(c.BATCH_LR),
        "bm_epochs": str(c.BATCH_EPOCHS),
        "bm_small": str(small),
        "bm_big": str(big),
        "bm_eff_big": fmt(c.BATCH_LR * big),
        "bm_loss_sum_big": fmt(runs[big]["loss_sum"], 1),
        "bm_acc_sum_big": fmt(100 * runs[big]["acc_sum"], 1),
        "bm_acc_mean_big": fmt(100 * runs[big]["acc_mean"], 1),
        "oh_loss": fmt(index_loss(), 4),
    }
    return out
