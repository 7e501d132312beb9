"""Tables and named numbers of chapter 11: each pitfall run in PyTorch and in our engine.

PyTorch's side comes from the committed record of a real run (:mod:`descent.twins.record`);
our side is computed here.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from descent.build.table import markdown_table
from descent.chapters.pitfalls import examples as pf
from descent.chapters.pytorch import examples as ex
from descent.chapters.pytorch import training as tr
from descent.twins.record_format import code, g, number, text_block, torch_repr, torch_value


@cache
def full_batch() -> dict[str, dict]:
    """Our engine's full-batch runs: with and without zero_grad, and with the summed loss."""
    x, y = ex.line_data()
    return {
        "full_batch": pf.fit_full_batch(x, y),
        "no_zero_grad": pf.fit_full_batch(x, y, zero_grad=False),
        "sum": pf.fit_full_batch(x, y, steps=pf.SUM_STEPS, reduction="sum"),
    }


def table_torch_backward_again() -> str:
    """w.grad and b.grad after each of three backward passes through the same y."""
    ours = pf.backward_again()
    rows = []
    for k in range(len(ours["w.grad"])):
        pairs = [
            (torch_value("backward_again", key)[k], ours[key][k]) for key in ("w.grad", "b.grad")
        ]
        rows.append([str(k + 1), *(g(v) for pair in pairs for v in pair)])
    headers = ["`backward()`", "`w.grad`: PyTorch", "descent", "`b.grad`: PyTorch", "descent"]
    return markdown_table(headers, rows)


def table_torch_error_backward() -> str:
    """What PyTorch says to a second backward() through a freed graph."""
    return text_block(torch_repr("backward_again", "error"))


def _loss_rows(runs: tuple[str, str], steps: list[int]) -> list[list[str]]:
    rows = []
    for k in steps:
        cells = [str(k)]
        for run in runs:
            theirs, ours = torch_value(run, "loss"), full_batch()[run]["loss"]
            cells += [g(theirs[k], 8), g(ours[k], 8) if k < len(ours) else "—"]
        rows.append(cells)
    return rows


def table_torch_no_zero_grad() -> str:
    """The loss J step by step, with optimizer.zero_grad() and without it."""
    steps = [*range(11), 50, 100, 150, 200, pf.FULL_STEPS - 1]
    rows = _loss_rows(("full_batch", "no_zero_grad"), steps)
    headers = ["step", "✓ `zero_grad`: PyTorch", "descent", "✗: PyTorch", "descent"]
    return markdown_table(headers, rows)


def table_torch_used_twice() -> str:
    """∂L/∂a at a = 3: exact, PyTorch, our engine, and a backward that assigns instead of adds."""
    a, ours = pf.TWICE_A, pf.used_twice()
    wrong = pf.used_twice(backward=pf.backward_assigning)
    exact = {"a + a": 2.0, "a * a": 2 * a, "a * a + a": 2 * a + 1}
    tex = {"a + a": "$a + a$", "a * a": r"$a \cdot a$", "a * a + a": r"$a \cdot a + a$"}
    rows = [
        [tex[k], f"{exact[k]:g}", g(torch_value("used_twice", k)), g(ours[k]), g(wrong[k])]
        for k in exact
    ]
    return markdown_table(["$L$", "$dL/da$", "PyTorch", "descent", "`=` ✗"], rows)


def first_inf(losses: list[float]) -> int:
    """The first step whose loss is not finite.

    >>> first_inf([1.0, 2.0, float("inf")])
    2
    """
    return next(k for k, v in enumerate(losses) if not math.isfinite(v))


def table_torch_sum_vs_mean() -> str:
    """The loss with reduction "mean" and "sum" at the same lr, first steps and the overflow."""
    k = first_inf(torch_value("sum", "loss"))
    mean_steps = list(range(9))
    rows = []
    for s in [*mean_steps, k - 1, k, k + 1]:
        mean_t, mean_o = (
            (torch_value("full_batch", "loss")[s], full_batch()["full_batch"]["loss"][s])
            if s < pf.FULL_STEPS
            else (None, None)
        )
        sum_t, sum_o = torch_value("sum", "loss")[s], full_batch()["sum"]["loss"]
        rows.append(
            [str(s)]
            + ["—" if v is None else g(v, 6) for v in (mean_t, mean_o)]
            + [g(sum_t, 6), g(sum_o[s], 6) if s < len(sum_o) else "—"]
        )
    return markdown_table(
        ["step", '`"mean"`: PyTorch', "descent", '`"sum"`: PyTorch', "descent"], rows
    )


def table_scratch_error_sum() -> str:
    """What our engine says when the summed loss overflows."""
    return text_block(full_batch()["sum"]["error"])


def table_torch_float32() -> str:
    """The same numbers in float32 and float64, PyTorch beside numpy and our engine."""
    x, y = ex.line_data()
    ours = pf.float32_basics()
    rows = [[code(k), torch_repr("float32_basics", k), repr(ours[k])] for k in ours]
    w32, w64 = pf.fit_w_per_sample_float32(x, y)["w"], number(tr.fit_w_per_sample(x, y)["w"])
    rows.append(["$w$, float32", torch_repr("per_sample_w_float32", "w"), repr(w32)])
    rows.append(["$w$, float64", g(torch_value("per_sample_w", "w"), 12), g(w64, 12)])
    return markdown_table(["", "PyTorch", "numpy / descent"], rows)


def table_torch_error_dtype() -> str:
    """What a float32 layer says to a float64 input."""
    return text_block(torch_repr("float32_basics", "error"))


def table_torch_rebind() -> str:
    """PyTorch's output when w is updated outside torch.no_grad(), both ways."""
    lines = [
        f"step 1: w = {torch_repr('rebind', 'w')}",
        "UserWarning: " + torch_repr("rebind", "warning").split(". ")[0] + ".",
        f"step 2: {torch_repr('rebind', 'error')}",
        "",
        f"w -= lr * w.grad: {torch_repr('rebind', 'in-place error')}",
    ]
    return text_block("\n".join(lines))


def table_scratch_rebind() -> str:
    """How many nodes the loss's graph holds at each step when w is rebound."""
    nodes = pf.rebind()["nodes"]
    steps = [1, 2, 3, 10, 100]
    return markdown_table(["step", "nodes"], [[str(k), str(nodes[k - 1])] for k in steps])


def table_torch_shape_mismatch() -> str:
    """MSELoss of a (3, 1) prediction against a (3,) target, in PyTorch and in our engine."""
    ours = pf.shape_mismatch()
    rows = [
        ["(3, 1), (3,)", code(torch_repr("shape_mismatch", "broadcast")), "`ValueError`"],
        ["(3,), (3,)", code(torch_repr("shape_mismatch", "fixed")), g(ours["fixed"])],
    ]
    return markdown_table(["shapes", "PyTorch", "descent"], rows)


def table_torch_warning_shape() -> str:
    """The warning PyTorch gives, and the error our MSELoss raises, for mismatched shapes."""
    ours = pf.shape_mismatch()["error"]
    return text_block("UserWarning: " + torch_repr("shape_mismatch", "warning") + "\n\n" + ours)


def values() -> dict[str, str]:
    """Numbers for the chapter's prose."""
    no_zero = torch_value("no_zero_grad", "loss")
    sums = torch_value("sum", "loss")
    x, _ = ex.line_data()
    nodes = pf.rebind()["nodes"]
    w32 = torch_value("per_sample_w_float32", "w")
    w64 = torch_value("per_sample_w", "w")
    return {
        "full_loss_end": g(torch_value("full_batch", "loss")[-1], 4),
        "no_zero_min": g(min(no_zero[-100:]), 4),
        "no_zero_max": g(max(no_zero[-100:]), 4),
        "no_zero_end": g(no_zero[-1], 4),
        "sum_inf_step": str(first_inf(sums)),
        "sum_factor": g(sums[1] / sums[0], 3),
        "sum_w_end": g(torch_value("sum", "w"), 3),
        "n_steps": str(pf.SUM_STEPS),
        "n": str(len(x)),
        "lr_sum_safe": g(pf.FULL_LR / len(x), 3),
        "w32": g(w32, 8),
        "w64": g(w64, 8),
        "w32_gap": f"{abs(w32 - w64):.1e}",
        "nodes_100": str(nodes[99]),
        "broadcast_loss": g(torch_value("shape_mismatch", "broadcast"), 5),
        "no_grad_w": g(torch_value("update_in_no_grad", "w"), 5),
        "rebind_w1": g(number(pf.rebind(steps=1)["w"]), 5),
        "sum_fixed_gap": f"{sum_fixed_gap():.0e}",
        "f32_k": str(pf.smallest_visible_increment()),
        "cube_right": g(pf.grad_of(lambda a: a * a * a, pf.TWICE_A)),
        "cube_wrong": g(pf.grad_of(lambda a: a * a * a, pf.TWICE_A, pf.backward_assigning)),
    }


# --8<-- [start:sum-fixed-gap]
def sum_fixed_gap() -> float:
    """Exercise: the summed loss with lr/n, divided by n, against the mean loss: largest gap."""
    x, y = ex.line_data()
    fixed = pf.fit_full_batch(x, y, lr=pf.FULL_LR / len(x), reduction="sum")
    mean = full_batch()["full_batch"]["loss"]
    return float(np.max(np.abs(np.array(fixed["loss"]) / len(x) - mean) / np.array(mean)))


# --8<-- [end:sum-fixed-gap]
