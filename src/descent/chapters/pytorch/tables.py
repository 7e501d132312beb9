"""Tables and named numbers of chapter 10: PyTorch's outputs beside our engine's.

The PyTorch column of every ``torch-*`` table comes from the committed record of a real
PyTorch run (:mod:`descent.twins.record`); the descent column is computed here, now.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from descent.build.table import markdown_table
from descent.chapters.pytorch import examples as ex
from descent.chapters.pytorch import training as tr
from descent.graph import graph
from descent.twins.record_format import code, g, number, text_block, torch_repr, torch_value


@cache
def fits() -> dict[str, dict]:
    """Our engine's three fits; the mini-batch one visits the batches PyTorch's loader drew."""
    x, y = ex.line_data()
    orders = [np.array(o) for o in torch_value("orders", "orders")]
    return {
        "per_sample_w": tr.fit_w_per_sample(x, y),
        "per_sample_wb": tr.fit_wb_per_sample(x, y),
        "minibatch": tr.fit_minibatch(x, y, orders),
    }


# --8<-- [start:least-squares]
def least_squares() -> dict[str, float]:
    """The exact minima: w* = Σxy/Σx² through the origin, and (w*, b*) of the full line."""
    x, y = ex.line_data()
    w_origin = float(np.sum(x * y) / np.sum(x * x))
    w, b = np.polyfit(x, y, 1)
    return {"w_origin": w_origin, "w": float(w), "b": float(b)}


# --8<-- [end:least-squares]


def mse(w: float, b: float = 0.0) -> float:
    x, y = ex.line_data()
    return float(np.mean((w * x + b - y) ** 2))


def table_torch_requires_grad() -> str:
    """y, w.grad and b.grad as PyTorch prints them and as our engine holds them."""
    ours = ex.requires_grad()
    rows = [[code(k), code(torch_repr("requires_grad", k)), code(repr(ours[k]))] for k in ours]
    return markdown_table(["", "PyTorch", "descent"], rows)


def table_torch_graph() -> str:
    """The graph of y = w² + w + b: our nodes beside PyTorch's grad_fn nodes, inputs first."""
    ours = graph(ex.requires_grad()["y"])
    theirs = torch_value("graph", "nodes")
    if len(ours) != len(theirs):
        raise ValueError(f"{len(ours)} nodes here, {len(theirs)} in PyTorch's graph")
    rows = [
        [str(n.index), code(n.label or n.op), str(list(n.parents)), code(name), str(parents)]
        for n, (name, parents) in zip(ours, theirs, strict=True)
    ]
    return markdown_table(["#", "descent", "`_parents`", "PyTorch", "`next_functions`"], rows)


def table_torch_leaves() -> str:
    """Leaves and the gradients they keep, in PyTorch and in our engine."""
    ours = ex.leaves()
    pairs = [
        ("w.is_leaf", 'w.op == ""', "w is a leaf"),
        ("y.is_leaf", 'y.op == ""', "y is a leaf"),
    ]
    pairs.append(("y.grad", "y.grad", "y.grad"))
    rows = [
        [code(t), code(torch_repr("leaves", key)), code(o), code(repr(ours[key]))]
        for t, o, key in pairs
    ]
    return markdown_table(["PyTorch", "", "descent", ""], rows)


def table_torch_warning_non_leaf() -> str:
    """The warning PyTorch gives when a non-leaf's .grad is read."""
    return text_block("UserWarning: " + torch_repr("leaves", "warning"))


def table_torch_zero_grad() -> str:
    """Gradients after the first pass, and after w.grad.zero_() and a second pass."""
    ours = ex.zero_grad()
    rows = [
        [p, code(k), code(torch_repr("zero_grad", f"{k} {p}")),
         repr(float(np.float32(torch_value("zero_grad", f"{k} {p}")))), g(ours[f"{k} {p}"])]
        for p in ("1", "2") for k in ("w.grad", "b.grad")
    ]  # fmt: skip
    return markdown_table(["`backward()`", "", "PyTorch", "`.item()`", "descent"], rows)


def table_torch_optimizer_step() -> str:
    """One optimizer.step(): w before, its gradient, and w, b after."""
    ours = ex.optimizer_step()
    names = {"w before": "$w$", "w.grad": r"$\partial L / \partial w$"}
    names |= {"w after": r"$w - \eta\,\partial L / \partial w$"}
    names |= {"b after": r"$b - \eta\,\partial L / \partial b$"}
    rows = []
    for key, name in names.items():
        rows.append([name, code(torch_repr("optimizer_step", key)), g(number(ours[key]))])
    return markdown_table(["", "PyTorch", "descent"], rows)


def table_torch_mse_loss() -> str:
    """MSELoss for each reduction: the loss and its gradient ∂loss/∂ŷ, PyTorch and ours."""
    ours = tr.mse_loss()
    rows = []
    for r in ("mean", "sum", "none"):
        mine = [g(ours[r].item()), str(ours[f"{r} grad"].tolist())] if r in ours else ["—", "—"]
        theirs = torch_value("mse_loss", r)
        grad = torch_value("mse_loss", f"{r} grad") if r != "none" else "—"
        rows.append([f'`"{r}"`', str(theirs), str(grad), *mine])
    headers = ["`reduction`", "PyTorch: loss", r"$\partial\,\mathrm{loss} / \partial \hat y$"]
    return markdown_table([*headers, "descent: loss", "descent: ∂loss/∂ŷ"], rows)


def table_torch_batches() -> str:
    """The first epoch of PyTorch's seeded DataLoader: indices, x, y, and y − 10x per batch."""
    x, y = ex.line_data()
    order = torch_value("orders", "orders")[0]
    rows = []
    for k in range(0, len(order), ex.BATCH_SIZE):
        batch = order[k : k + ex.BATCH_SIZE]
        cells = [str(batch), *(", ".join(g(v, 4) for v in u[batch]) for u in (x, y))]
        rows.append(
            [
                str(k // ex.BATCH_SIZE + 1),
                *cells,
                ", ".join(f"{v:.2f}" for v in (y - ex.SLOPE * x)[batch]),
            ]
        )
    return markdown_table(["batch", "index", "$x$", "$y$", "$y - 10x$"], rows)


def table_torch_fits() -> str:
    """The three fits: PyTorch's w, b beside ours, and the final mean squared error."""
    models = {
        "per_sample_w": (r"$\hat y = wx$", "1"),
        "per_sample_wb": (r"$\hat y = wx + b$", "1"),
        "minibatch": (r"$\hat y = wx + b$", str(ex.BATCH_SIZE)),
    }
    rows = []
    for run, (model, batch) in models.items():
        ours = fits()[run]
        w_t, b_t = torch_value(run, "w"), torch_value(run, "b") if "b" in ours else 0.0
        b_cells = [g(b_t), g(number(ours["b"]))] if "b" in ours else ["—", "—"]
        rows.append([model, batch, g(w_t), g(number(ours["w"])), *b_cells, g(mse(w_t, b_t), 6)])
    headers = ["", "$B$", "$w$: PyTorch", "$w$: descent", "$b$: PyTorch", "$b$: descent", "$J$"]
    return markdown_table(headers, rows)


def table_torch_loss_graph() -> str:
    """The graph of (w·x + b − y)²: PyTorch's nodes, and ours (constants included)."""
    ours = graph(ex.one_sample_loss())
    theirs = torch_value("loss_graph", "nodes")
    rows = [
        [str(n.index), code(n.label or n.op or g(n.value)), str(list(n.parents))] for n in ours
    ]
    for i, (name, parents) in enumerate(theirs):
        rows[i] += [code(name), str(parents)]
    for row in rows[len(theirs) :]:
        row += ["", ""]
    return markdown_table(["#", "descent", "`_parents`", "PyTorch", "`next_functions`"], rows)


# --8<-- [start:sum-reduction]
@cache
def sum_reduction_fit() -> dict:
    """Exercise: the mini-batch fit with reduction="sum" and lr divided by the batch size."""
    x, y = ex.line_data()
    orders = [np.array(o) for o in torch_value("orders", "orders")]
    lr = ex.BATCH_LR / ex.BATCH_SIZE
    return tr.fit_minibatch(x, y, orders, lr=lr, reduction="sum")


# --8<-- [end:sum-reduction]


def values() -> dict[str, str]:
    """Numbers for the chapter's prose."""
    ls = least_squares()
    demo, one, step = ex.requires_grad(), ex.one_sample_loss(), ex.optimizer_step()
    summed, mean = sum_reduction_fit(), fits()["minibatch"]
    gap = max(abs(number(summed[k]) - number(mean[k])) for k in ("w", "b"))
    return {
        "rg_y": g(demo["y"].data),
        "rg_w": g(demo["w.grad"]),
        "one_loss": g(one.data),
        "one_r": g(ex.W0 * ex.ONE_X + ex.B0 - ex.ONE_Y),
        "one_grad": g(step["w.grad"]),
        "one_grad_f32": repr(float(np.float32(step["w.grad"]))),
        "one_w1": g(number(step["w after"])),
        "sum_lr": g(ex.BATCH_LR / ex.BATCH_SIZE),
        "sum_w": g(number(summed["w"])),
        "sum_b": g(number(summed["b"])),
        "sum_gap": f"{gap:.0e}" if gap else "0",
        "w_only": g(torch_value("per_sample_w", "w"), 6),
        "w_origin": g(ls["w_origin"], 6),
        "origin_shift": g(ls["w_origin"] - ex.SLOPE, 4),
        "mse_origin": g(mse(ls["w_origin"]), 4),
        "ls_w": g(ls["w"], 6),
        "ls_b": g(ls["b"], 6),
        "mse_line": g(mse(ls["w"], ls["b"]), 4),
        "wb_w": g(torch_value("per_sample_wb", "w"), 6),
        "wb_b": g(torch_value("per_sample_wb", "b"), 6),
        "mb_w": g(torch_value("minibatch", "w"), 6),
        "mb_b": g(torch_value("minibatch", "b"), 6),
        "steps_per_sample": str(ex.EPOCHS * ex.N),
        "steps_minibatch": str(ex.BATCH_EPOCHS * ex.N // ex.BATCH_SIZE),
    }
