"""Tables and named numbers of chapter 8: the chain x → x² → ln → √ and the target c = 2.13."""

from __future__ import annotations

import math
from functools import cache

from descent.build.table import markdown_table
from descent.chapters.nonlinear_backprop import examples as nl
from descent.graph import GraphNode, graph
from descent.numdiff import derivative
from descent.optim import Run

VALUES_KEY = "backprop_nonlinear"  # the prefix the page uses: {{ backprop_nonlinear.<key> }}

NODE_TEX = {"x": "$x$", "a": "$a = x^2$", "b": r"$b = \ln a$", "c": r"$c = \sqrt{b}$"}
RATES = (1.0, 10.0, 100.0, 400.0)  # the learning rates of the gradient-descent runs
X_MIRROR = -2.0  # exercise 8.2's start
X_NEAR = 9.0  # exercise 8.4's second start


def _f3(v: float) -> str:
    text = f"{v:.3f}"
    return "0.000" if text == "-0.000" else text


def _f6(v: float) -> str:
    return f"{v:.6f}"


def _tex(v: float) -> str:
    mantissa, exponent = f"{v:.3e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def graph_nodes(x: float = nl.X0) -> list[GraphNode]:
    """The chain's graph at ``x`` after c.backward(): values, ∂c/∂(node), local derivatives."""
    c, _ = nl.forward(x)
    c.backward()
    return graph(c)


@cache
def _rounds() -> list[nl.Round]:
    return nl.divide_error_chain()


@cache
def _gd() -> dict[float, Run]:
    return {lr: nl.descend_on_chain(lr) for lr in RATES}


def eta_match() -> float:
    """The rate at which a GD step equals a Newton step near the root: (x*·t)² = 1/(dc/dx)²."""
    return (nl.exact_x()[1] * nl.C_TARGET) ** 2


def overshoot_start(lo: float = 20.0, hi: float = 30.0) -> float:
    """The start x > 1 whose first error-division step lands on x = 0 (bisection on [lo, hi])."""

    def landing(x: float) -> float:  # x − Δx = x·(1 − (c − t)·c), eq. 8.7
        c = nl.forward(x)[0].data
        return x * (1 - (c - nl.C_TARGET) * c)

    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if landing(mid) > 0 else (lo, mid)
    return lo


def table_chain_rounds() -> str:
    """Forward values and the errors passed back, one column per round, three decimals."""
    rounds = _rounds()
    rows = [
        ["$x$", *(_f3(r.x) for r in rounds)],
        ["$a = x^2$", *(_f3(r.a) for r in rounds)],
        [r"$b = \ln a$", *(_f3(r.b) for r in rounds)],
        [r"$c = \sqrt{b}$", *(_f3(r.c) for r in rounds)],
        [r"$\Delta c = c - 2.13$", *(_f3(r.delta_c) for r in rounds)],
    ]
    for tex, key in (
        (r"$\Delta b = \Delta c \cdot 2\sqrt{b}$", "delta_b"),
        (r"$\Delta a = \Delta b \cdot a$", "delta_a"),
        (r"$\Delta x = \Delta a / (2x)$", "delta_x"),
    ):
        cells = [getattr(r, key) for r in rounds]
        rows.append([tex, *("" if v is None else _f3(v) for v in cells)])
    return markdown_table(["", *(f"$k = {k}$" for k in range(len(rounds)))], rows)


def table_chain_local() -> str:
    """Each edge's local derivative at x = 2: the formula's value beside the engine's record."""
    nodes = graph_nodes()
    x, a, b, c = (n.value for n in nodes)
    formula = {"a": 2 * x, "b": 1 / a, "c": 1 / (2 * math.sqrt(b))}
    rows = [
        [f"$d{n.label}/d{nodes[n.parents[0]].label}$", _f6(formula[n.label]), _f6(n.local[0])]
        for n in nodes[1:]
    ]
    rows.append(["$dc/dx$", _f6(1 / (x * c)), _f6(nodes[0].grad)])
    return markdown_table(["", "(8.1)–(8.4)", "`Value`"], rows)


def method_rows() -> list[tuple[str, int, float, float]]:
    """(method, steps, x, c − 2.13) for the error-division run and every GD run."""
    last = _rounds()[-1]
    out = [("(8.7)", len(_rounds()) - 1, last.x, last.delta_c)]
    for lr, run in _gd().items():
        x = float(run.theta[0])
        out.append((f"GD $\\eta = {lr:g}$", run.steps, x, nl.forward(x)[0].data - nl.C_TARGET))
    return out


def table_chain_methods() -> str:
    """Steps and end points of error division and of gradient descent at four rates."""
    rows = [[m, str(n), _f6(x), f"${_tex(d)}$"] for m, n, x, d in method_rows()]
    return markdown_table(["", "`steps`", "$x$", "$c - 2.13$"], rows)


def values() -> dict[str, str]:
    """Numbers quoted in chapter 8's prose."""
    nodes = {n.label: n for n in graph_nodes()}
    rounds, gd = _rounds(), _gd()
    root = nl.exact_x()[1]
    last = rounds[-1]
    mirror = nl.divide_error_chain(X_MIRROR)
    eta = eta_match()
    far, near = nl.descend_on_chain(eta), nl.descend_on_chain(eta, x=X_NEAR)
    out = {"a": f"{nodes['a'].value:g}", "b": _f6(nodes["b"].value), "c": _f6(nodes["c"].value)}
    out["overshoot_x"] = f"{overshoot_start():.1f}"
    out |= {
        "dc_dx": _f6(nodes["x"].grad),
        "dc_dx_numeric": _f6(derivative(lambda x: nl.forward(x)[0].data, nl.X0)),
        "dc_dx_root": _f6(1 / (root * nl.C_TARGET)),
        "curvature_root": _f6(1 / (root * nl.C_TARGET) ** 2),
        "curvature_start": _f6(nodes["x"].grad ** 2),
        "ln_x2": _f6(nl.C_TARGET**2),
        "half_sq": _f6(nl.C_TARGET**2 / 2),
        "root": _f6(root),
        "steps": str(len(rounds) - 1),
        "final_x": _f6(last.x),
        "final_c": _f6(last.c),
        "final_x_error": _f6(root - last.x),
        "first_x": _f6(rounds[1].x),
        "mirror_x": _f6(mirror[-1].x),
        "mirror_steps": str(len(mirror) - 1),
        "eta_match": _f6(eta),
        "eta_far_steps": str(far.steps),
        "eta_far_x1": _f6(far.thetas[1, 0]),
        "eta_near_steps": str(near.steps),
    }
    out |= {f"gd_steps_{lr:g}": str(run.steps) for lr, run in gd.items()}
    out |= {f"gd_x_{lr:g}": _f6(run.theta[0]) for lr, run in gd.items()}
    return out
