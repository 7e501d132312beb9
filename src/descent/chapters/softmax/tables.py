"""Tables and prose values of the softmax chapter."""

from __future__ import annotations

import math

import numpy as np

from descent.build.table import fmt, markdown_table
from descent.chapters.softmax import examples as ex
from descent.softmax import cross_entropy


def _vec(v: np.ndarray, digits: int = 4) -> str:
    return "(" + ", ".join(fmt(x, digits) for x in v) + ")"


def table_softmax_worked() -> str:
    """The worked example class by class: z, e^z, p, onehot(y) and p − onehot(y)."""
    w = ex.worked()
    rows = [
        [
            str(i),
            fmt(z),
            fmt(math.exp(z), 4),
            fmt(w["p"][i], 6),
            str(int(i == ex.Y)),
            fmt(w["grad"][i], 6),
        ]
        for i, z in enumerate(ex.Z)
    ]
    headers = [
        "$i$",
        "$z_i$",
        "$e^{z_i}$",
        "$p_i$",
        r"$\mathbb{1}[i = y]$",
        r"$\partial L / \partial z_i$",
    ]
    return markdown_table(headers, rows)


def table_softmax_overflow() -> str:
    """Naive and stable softmax of z + c as c grows."""
    rows = []
    for c in ex.SHIFTS:
        naive, stable = ex.shifted(c)
        rows.append([fmt(c), _vec(naive), _vec(stable)])
    return markdown_table(["$c$", "`softmax_naive(z + c)`", "`softmax(z + c)`"], rows)


def values() -> dict[str, str]:
    w = ex.worked()
    jac = w["jacobian"]
    shifted = np.array(ex.Z) + ex.CONSTANT
    return {
        "p": _vec(w["p"], 6),
        "loss": fmt(w["loss"], 6),
        "grad": _vec(w["grad"], 6),
        "sum_e": fmt(sum(math.exp(z) for z in ex.Z), 4),
        "jac_11": fmt(jac[1, 1], 6),
        "jac_12": fmt(jac[1, 2], 6),
        "max_exp_arg": fmt(math.log(np.finfo(np.float64).max), 2),
        "shift_c": fmt(ex.CONSTANT),
        "p_shifted": _vec(ex.shifted(ex.CONSTANT)[1], 6),
        "loss_shifted": fmt(cross_entropy(shifted, ex.Y), 6),
        "grad_sum": fmt(float(w["grad"].sum()), 6),
        "ln3": fmt(math.log(3), 6),
        "loss_equal": fmt(cross_entropy([0.0, 0.0, 0.0], ex.Y), 6),
    }
