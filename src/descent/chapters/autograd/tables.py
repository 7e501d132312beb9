"""Tables and named numbers of the chapter that builds an autograd engine from scratch."""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from descent.build.table import markdown_table
from descent.chapters.autograd import examples as ex
from descent.chapters.autograd import exercises as exr
from descent.chapters.autograd import fits
from descent.data import SAMPLE_1_1
from descent.engine import Value
from descent.numdiff import derivative

NODE_TEX = {"a": "$a$", "b": "$b$", "c": r"$c = a \cdot b$", "s": r"$s = \sin a$"}
NODE_TEX |= {"d": "$d = c + s$", "L": r"$L = d \cdot b$"}

# Our name, PyTorch's name. The test checks that every name on the left exists in the package.
NAMES = [
    ("Tensor(data, requires_grad=True)", "torch.tensor(data, requires_grad=True)"),
    ("w.grad", "w.grad"),
    ("loss.backward()", "loss.backward()"),
    ("t.backward(grad=g)", "t.backward(gradient=g)"),
    ("loss.item()", "loss.item()"),
    ("SGD(params, lr=lr)", "torch.optim.SGD(params, lr=lr)"),
    ("optimizer.step()", "optimizer.step()"),
    ("optimizer.zero_grad()", "optimizer.zero_grad()"),
    ('MSELoss(reduction="sum")', 'torch.nn.MSELoss(reduction="sum")'),
    ("a @ b", "a @ b"),
    ("graph(loss)", "loss.grad_fn"),
]


def _g(v: float, digits: int = 6) -> str:
    text = f"{v:.{digits}g}"
    return "0" if text in ("-0", "0") else text


@cache
def _fits() -> dict[str, fits.Fit]:
    return {
        "line": fits.train_line(SAMPLE_1_1.x, SAMPLE_1_1.y),
        "line_np": fits.line_numpy(SAMPLE_1_1.x, SAMPLE_1_1.y),
        "cubic": fits.train_cubic(),
        "cubic_np": fits.cubic_numpy(),
    }


def table_autograd_example() -> str:
    """The example graph in topological order: each node's inputs, value and gradient."""
    nodes = ex.example_nodes()
    rows = [
        [
            str(n.index),
            NODE_TEX[n.label],
            f"`{n.op}`" if n.op else "",
            ", ".join(f"${nodes[p].label}$" for p in n.parents),
            _g(n.value),
            _g(n.grad),
        ]
        for n in nodes
    ]
    headers = ["`index`", "", "`op`", "`parents`", "`value`", "`grad`"]
    return markdown_table(headers, rows)


def table_autograd_backward_trace() -> str:
    """The backward pass edge by edge: the amount each node hands to each of its inputs."""
    nodes = ex.example_nodes()
    name = [f"${n.label}$" for n in nodes]
    rows = [
        [
            f"{name[c.child]} → {name[c.parent]}",
            _g(c.local),
            _g(c.amount),
            _g(c.total),
        ]
        for c in ex.backward_trace(nodes)
    ]
    headers = [
        "$v \\to p$",
        r"$\partial v / \partial p$",
        r"$\bar v \cdot \partial v / \partial p$",
    ]
    return markdown_table([*headers, r"$\bar p$"], rows)


def table_autograd_accumulation() -> str:
    """a.grad after one or two backward passes, with and without zero_grad() in between."""
    rows = [
        [f"${c.tex}$", str(c.passes), "✓" if c.zero_between else "", _g(c.grad)]
        for c in ex.accumulation_cases()
    ]
    return markdown_table(["$L$", "`backward()`", "`a.zero_grad()`", "`a.grad`"], rows)


def table_autograd_names() -> str:
    """Our names beside PyTorch's, for reading the two training loops side by side."""
    return markdown_table(["descent", "PyTorch"], [[f"`{a}`", f"`{b}`"] for a, b in NAMES])


def _fixed(v: float) -> str:
    text = f"{v:.10f}"
    return "0.0000000000" if text == "-0.0000000000" else text  # no sign on rounding noise


def _fit_table(ours: fits.Fit, ref: fits.Fit, names: str, best: np.ndarray) -> str:
    rows = [
        [f"${n}$", _fixed(o), _fixed(r), _fixed(b)]
        for n, o, r, b in zip(names, ours.theta, ref.theta, best, strict=True)
    ]
    return markdown_table(["", "`loss.backward()`", "numpy", r"$\theta^*$"], rows)


def least_squares_cubic() -> np.ndarray:
    """The exact minimiser of Σ(ŷ − y)² for the cubic, by numpy's least squares solver."""
    x, y = fits.cubic_data()
    return np.linalg.lstsq(np.stack([x**0, x, x**2, x**3], axis=1), y, rcond=None)[0]


def table_autograd_line_fit() -> str:
    """The line fit after 2000 steps: autograd, closed-form numpy GD, and least squares."""
    best = np.polyfit(SAMPLE_1_1.x, SAMPLE_1_1.y, 1)
    return _fit_table(_fits()["line"], _fits()["line_np"], "wb", best)


def table_autograd_sin_cubic() -> str:
    """The sin cubic after 2000 steps: autograd, closed-form numpy GD, and least squares."""
    return _fit_table(_fits()["cubic"], _fits()["cubic_np"], "abcd", least_squares_cubic())


def table_autograd_zero_grad() -> str:
    """Exercise: w and w.grad after each SGD step, with and without zero_grad()."""
    rows = [
        [str(k), _g(w1), _g(g1), _g(w2), _g(g2)]
        for k, ((w1, g1), (w2, g2)) in enumerate(
            zip(exr.descend_on_square(True), exr.descend_on_square(False), strict=True), start=1
        )
    ]
    headers = ["$k$", "$w$ ✓", "`w.grad` ✓", "$w$ ✗", "`w.grad` ✗"]
    return markdown_table(headers, rows)


def values() -> dict[str, str]:
    """Numbers quoted in the chapter's prose."""
    nodes = {n.label: n for n in ex.example_nodes()}
    f = _fits()
    L, gw, gb = exr.hand_backprop(exr.EX1_W, exr.EX1_B)
    sp_x = Value(exr.EX2_X)
    sp_y = exr.softplus(sp_x)
    sp_y.backward()
    zero, nozero = exr.descend_on_square(True), exr.descend_on_square(False)
    bgrad = exr.broadcast_bias_grad()
    return {
        "ex_sin_a": _g(math.sin(ex.EXAMPLE_A)),
        "ex_cos_a": _g(math.cos(ex.EXAMPLE_A)),
        "ex_l": _g(nodes["L"].value),
        "ex_grad_a": _g(nodes["a"].grad),
        "ex_grad_b": _g(nodes["b"].grad),
        "line_w": _g(f["line"].theta[0]),
        "line_b": _g(f["line"].theta[1]),
        "line_loss": _g(f["line"].losses[-1]),
        "line_loss0": _g(f["line"].losses[0]),
        "cubic_b": _g(f["cubic"].theta[1]),
        "cubic_d": _g(f["cubic"].theta[3]),
        "cubic_loss0": _g(f["cubic"].losses[0]),
        "cubic_loss": _g(f["cubic"].losses[-1]),
        "ex1_u": _g(exr.EX1_W * exr.EX1_B),
        "ex1_v": _g(exr.EX1_W * exr.EX1_B + exr.EX1_B),
        "ex1_l": _g(L),
        "ex1_grad_w": _g(gw),
        "ex1_grad_b": _g(gb),
        "ex2_value": _g(sp_y.data),
        "ex2_grad": _g(sp_x.grad),
        "ex2_numeric": _g(derivative(lambda t: math.log1p(math.exp(t)), exr.EX2_X)),
        "ex3_w_zero": _g(zero[-1][0]),
        "ex3_w_nozero": _g(nozero[-1][0]),
        "ex4_grad": "(" + ",\\ ".join(_g(v) for v in bgrad) + ")",
    }
