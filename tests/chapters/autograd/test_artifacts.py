"""Tests for the autograd chapter: sympy checks of equations 9.1–9.9, and every table, value and
figure recomputed independently (closed forms and plain loops, not the engine)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from matplotlib.figure import Figure
from pages import table_rows as rows

from descent.build.figure import new_figure, svg_bytes
from descent.chapters.autograd import exercises as exr
from descent.chapters.autograd import figures as figs
from descent.chapters.autograd import tables as t
from descent.data import SAMPLE_1_1
from descent.engine import Value
from descent.graph import graph
from descent.nn import SGD, MSELoss
from descent.tensor import Tensor

V = t.values()
A, B = 1.0, 2.0  # the example's inputs
a, b, c, s, d = sp.symbols("a b c s d", real=True)
L_FULL = (a * b + sp.sin(a)) * b


def same(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    return sp.simplify(lhs - rhs) == 0


def num(text: str) -> float:
    return float(text)


# ---- equations -----------------------------------------------------------------------------

# The example's nodes and their local derivatives, each from its own definition
LOCAL = {
    "dL/dd": sp.diff(d * b, d),
    "dL/db": sp.diff(d * b, b),
    "dd/dc": sp.diff(c + s, c),
    "dd/ds": sp.diff(c + s, s),
    "dc/da": sp.diff(a * b, a),
    "dc/db": sp.diff(a * b, b),
    "ds/da": sp.diff(sp.sin(a), a),
}
D_OF_AB = a * b + sp.sin(a)


@pytest.mark.equation("9.1")
def test_eq_9_1_sum_over_paths_for_a() -> None:
    paths = LOCAL["dL/dd"] * LOCAL["dd/dc"] * LOCAL["dc/da"]
    paths += LOCAL["dL/dd"] * LOCAL["dd/ds"] * LOCAL["ds/da"]
    step1 = b * 1 * b + b * 1 * sp.cos(a)
    step2 = b**2 + b * sp.cos(a)
    assert same(paths, step1) and same(step1, step2)
    assert same(step2, sp.diff(L_FULL, a))
    assert same(sp.diff(sp.expand(L_FULL), a), step2)  # the check by expanding L


@pytest.mark.equation("9.2")
def test_eq_9_2_sum_over_paths_for_b() -> None:
    paths = LOCAL["dL/dd"] * LOCAL["dd/dc"] * LOCAL["dc/db"] + LOCAL["dL/db"]
    step1 = b * 1 * a + d
    assert same(paths, step1)
    step2 = a * b + (a * b + sp.sin(a))
    assert same(step1.subs(d, D_OF_AB), step2)
    step3 = 2 * a * b + sp.sin(a)
    assert same(step2, step3) and same(step3, sp.diff(L_FULL, b))


def adjoints(nodes: list[tuple[sp.Symbol, sp.Expr]]) -> dict[sp.Symbol, sp.Expr]:
    """Apply (9.3) symbolically: v̄ = Σ over users u of ū·∂u/∂v, from the last node back."""
    bar: dict[sp.Symbol, sp.Expr] = {nodes[-1][0]: sp.Integer(1)}
    for name, expr in reversed(nodes):
        for parent in expr.free_symbols:
            bar[parent] = bar.get(parent, 0) + bar[name] * sp.diff(expr, parent)
    return bar


def inline(expr: sp.Expr, nodes: list[tuple[sp.Symbol, sp.Expr]]) -> sp.Expr:
    """Replace every intermediate node's symbol in ``expr`` by its definition (latest first)."""
    for name, definition in reversed(nodes[:-1]):
        expr = expr.subs(name, definition)
    return expr


@pytest.mark.equation("9.3")
def test_eq_9_3_adjoint_rule_gives_every_partial_derivative() -> None:
    L, u, v, w = sp.symbols("L u v w", real=True)
    graphs = [
        [(c, a * b), (s, sp.sin(a)), (d, c + s), (L, d * b)],  # the chapter's example
        [(u, w * b), (v, u + b), (L, v**2)],  # exercise 9.1
        [(c, a * a), (s, sp.exp(c) + a), (d, s * c - b), (L, sp.log(d**2 + 1) * a)],
    ]
    for nodes in graphs:
        full, bar = inline(nodes[-1][1], nodes), adjoints(nodes)
        for leaf in full.free_symbols:  # the inputs: v̄ is the ordinary partial derivative
            assert same(inline(bar[leaf], nodes), sp.diff(full, leaf))
        # the first intermediate node, held as a free symbol with everything after it inlined
        first = nodes[0][0]
        after = inline(nodes[-1][1], nodes[1:])
        assert same(inline(bar[first], nodes), inline(sp.diff(after, first), nodes))


@pytest.mark.equation("9.4")
def test_eq_9_4_the_examples_adjoints_line_by_line() -> None:
    bar_L = sp.Integer(1)
    bar_d = bar_L * LOCAL["dL/dd"]
    assert same(bar_d, b)
    bar_c, bar_s = bar_d * LOCAL["dd/dc"], bar_d * LOCAL["dd/ds"]
    assert same(bar_c, b) and same(bar_s, b)
    bar_a = bar_c * LOCAL["dc/da"] + bar_s * LOCAL["ds/da"]
    assert same(bar_a, b**2 + b * sp.cos(a)) and same(bar_a, sp.diff(L_FULL, a))
    bar_b = bar_L * LOCAL["dL/db"] + bar_c * LOCAL["dc/db"]
    assert same(bar_b, d + a * b)
    step = (a * b + sp.sin(a)) + a * b
    assert same(bar_b.subs(d, D_OF_AB), step) and same(step, 2 * a * b + sp.sin(a))
    assert same(step, sp.diff(L_FULL, b))


@pytest.mark.equation("9.5")
def test_eq_9_5_broadcast_gradient_is_a_sum() -> None:
    xs, ys = sp.symbols("x1:4", real=True), sp.symbols("y1:4", real=True)
    L = ys[0] ** 2 * ys[1] + 3 * ys[2] + sp.sin(ys[0] * ys[2])  # any L(y₁, y₂, y₃)
    at = {y: x + b for y, x in zip(ys, xs, strict=True)}
    lhs = sp.diff(L.subs(at), b)
    step1 = sum(sp.diff(L, y).subs(at) * sp.diff(x + b, b) for y, x in zip(ys, xs, strict=True))
    step2 = sum(sp.diff(L, y).subs(at) * 1 for y in ys)
    step3 = sum(sp.diff(L, y) for y in ys).subs(at)
    assert same(lhs, step1) and same(step1, step2) and same(step2, step3)


@pytest.mark.equation("9.6")
def test_eq_9_6_matmul_gradients() -> None:
    A_ = sp.Matrix(2, 3, lambda i, k: sp.Symbol(f"A{i}{k}"))
    B_ = sp.Matrix(3, 2, lambda k, j: sp.Symbol(f"B{k}{j}"))
    G = sp.Matrix(2, 2, lambda i, j: sp.Symbol(f"G{i}{j}"))
    Y = A_ * B_
    L = sum(G[i, j] * Y[i, j] for i in range(2) for j in range(2))  # ∂L/∂Y = G
    for i in range(2):
        for k in range(3):
            step1 = sum(G[i, j] * sp.diff(Y[i, j], A_[i, k]) for j in range(2))
            step2 = sum(G[i, j] * B_[k, j] for j in range(2))
            assert same(sp.diff(L, A_[i, k]), step1) and same(step1, step2)
            assert same(step2, (G * B_.T)[i, k])
    for k in range(3):
        for j in range(2):
            step1 = sum(G[i, j] * sp.diff(Y[i, j], B_[k, j]) for i in range(2))
            step2 = sum(A_[i, k] * G[i, j] for i in range(2))
            assert same(sp.diff(L, B_[k, j]), step1) and same(step1, step2)
            assert same(step2, (A_.T * G)[k, j])


@pytest.mark.equation("9.7")
def test_eq_9_7_line_fit_gradient() -> None:
    n = 3
    w = sp.Symbol("w", real=True)
    xs, ys = sp.symbols("x1:4", real=True), sp.symbols("y1:4", real=True)
    r = [w * x + b - y for x, y in zip(xs, ys, strict=True)]
    J = sp.Rational(1, n) * sum(ri**2 for ri in r)
    for p, last in ((w, sum(ri * x for ri, x in zip(r, xs, strict=True))), (b, sum(r))):
        step1 = sp.Rational(1, n) * sum(2 * ri * sp.diff(ri, p) for ri in r)
        assert same(sp.diff(J, p), step1)
        assert same(step1, sp.Rational(2, n) * last)


@pytest.mark.equation("9.8")
def test_eq_9_8_cubic_gradient() -> None:
    theta = sp.symbols("theta0:4", real=True)
    xs, ys = sp.symbols("x1:4", real=True), sp.symbols("y1:4", real=True)
    yhat = [sum(theta[j] * x**j for j in range(4)) for x in xs]
    J = sum((yh - y) ** 2 for yh, y in zip(yhat, ys, strict=True))
    for j in range(4):
        step1 = sum(2 * (yh - y) * sp.diff(yh, theta[j]) for yh, y in zip(yhat, ys, strict=True))
        step2 = 2 * sum((yh - y) * x**j for yh, y, x in zip(yhat, ys, xs, strict=True))
        assert same(sp.diff(J, theta[j]), step1) and same(step1, step2)


@pytest.mark.equation("9.9")
def test_eq_9_9_exercise_backprop_by_hand() -> None:
    w, u, v = sp.symbols("w u v", real=True)
    at = {v: w * b + b}
    L = (w * b + b) ** 2
    bar_v = sp.diff(v**2, v)
    assert same(bar_v, 2 * v)
    bar_u = bar_v * sp.diff(u + b, u)
    assert same(bar_u, 2 * v)
    bar_w = bar_u * sp.diff(w * b, w)
    assert same(bar_w, 2 * v * b) and same(bar_w.subs(at), 2 * b**2 * (w + 1))
    bar_b = bar_u * sp.diff(w * b, b) + bar_v * sp.diff(u + b, b)
    assert same(bar_b, 2 * v * w + 2 * v) and same(bar_b.subs(at), 2 * b * (w + 1) ** 2)
    assert same(bar_w.subs(at), sp.diff(L, w)) and same(bar_b.subs(at), sp.diff(L, b))


# ---- tables --------------------------------------------------------------------------------

EXAMPLE = {  # node: (value, ∂L/∂node), in closed form
    "a": (A, B**2 + B * math.cos(A)),
    "b": (B, 2 * A * B + math.sin(A)),
    "c": (A * B, B),
    "s": (math.sin(A), B),
    "d": (A * B + math.sin(A), B),
    "L": ((A * B + math.sin(A)) * B, 1.0),
}


def test_example_table() -> None:
    table = rows(t.table_autograd_example())
    assert [r[1].split()[0].strip("$") for r in table] == list(EXAMPLE)
    assert [r[3] for r in table] == ["", "", "$a$, $b$", "$a$", "$c$, $s$", "$d$, $b$"]
    for r, (value, grad) in zip(table, EXAMPLE.values(), strict=True):
        assert num(r[4]) == pytest.approx(value, rel=1e-5)
        assert num(r[5]) == pytest.approx(grad, rel=1e-5)


def test_backward_trace_table() -> None:
    dv = A * B + math.sin(A)
    expected = [  # (edge, local, amount, total so far), in reverse topological order
        ("$L$ → $d$", B, B, B),
        ("$L$ → $b$", dv, dv, dv),
        ("$d$ → $c$", 1, B, B),
        ("$d$ → $s$", 1, B, B),
        ("$s$ → $a$", math.cos(A), B * math.cos(A), B * math.cos(A)),
        ("$c$ → $a$", B, B * B, B * B + B * math.cos(A)),
        ("$c$ → $b$", A, A * B, dv + A * B),
    ]
    table = rows(t.table_autograd_backward_trace())
    assert [r[0] for r in table] == [e[0] for e in expected]
    for r, e in zip(table, expected, strict=True):
        assert [num(x) for x in r[1:]] == pytest.approx(e[1:], rel=1e-5)


def test_accumulation_table() -> None:
    x = 3.0
    table = rows(t.table_autograd_accumulation())
    assert [(r[1], r[2], num(r[3])) for r in table] == [
        ("1", "", 2.0),
        ("1", "", 2 * x),
        ("1", "", 2 * x + 1),
        ("2", "", 4 * x),
        ("2", "✓", 2 * x),
    ]


def test_every_name_in_the_names_table_runs() -> None:
    w = Tensor([1.0, 2.0], requires_grad=True)
    ns = {
        "Tensor": Tensor,
        "SGD": SGD,
        "MSELoss": MSELoss,
        "graph": graph,
        "data": [1.0, 2.0],
        "w": w,
        "params": [w],
        "lr": 0.1,
        "loss": (w * w).sum(),
        "t": w * 2.0,
        "g": np.ones(2),
        "optimizer": SGD([w], lr=0.1),
        "a": Tensor(np.ones((2, 2))),
        "b": Tensor(np.ones(2)),
    }
    table = rows(t.table_autograd_names())
    assert len(table) == len(t.NAMES)
    for ours, _ in table:
        eval(ours.strip("`"), ns)  # each of our names is real code that runs


def plain_gd(grad, theta: np.ndarray, lr: float, steps: int) -> np.ndarray:
    for _ in range(steps):
        theta = theta - lr * grad(theta)
    return theta


def test_line_fit_table() -> None:
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y

    def grad(th):
        r = th[0] * x + th[1] - y
        return np.array([2 * np.mean(r * x), 2 * np.mean(r)])

    theta = plain_gd(grad, np.zeros(2), 0.02, 2000)
    best = np.linalg.solve([[np.sum(x * x), np.sum(x)], [np.sum(x), x.size]], [x @ y, np.sum(y)])
    for r, th, bs in zip(rows(t.table_autograd_line_fit()), theta, best, strict=True):
        assert num(r[1]) == num(r[2]) == pytest.approx(th, abs=1e-9)
        assert num(r[3]) == pytest.approx(bs, abs=1e-9)


def test_sin_cubic_table() -> None:
    x = np.linspace(-np.pi, np.pi, 2000)
    y = np.sin(x)
    X = np.vander(x, 4, increasing=True)
    theta = plain_gd(lambda th: 2 * X.T @ (X @ th - y), np.zeros(4), 1e-6, 2000)
    best = np.linalg.solve(X.T @ X, X.T @ y)
    for r, th, bs in zip(rows(t.table_autograd_sin_cubic()), theta, best, strict=True):
        assert num(r[1]) == num(r[2]) == pytest.approx(th, abs=1e-9)
        assert num(r[3]) == pytest.approx(bs, abs=1e-9)


def square_path(zero: bool) -> list[tuple[float, float]]:
    w, acc, out = 0.0, 0.0, []
    for _ in range(4):
        g = 2 * (w - 3)
        acc = g if zero else acc + g
        w -= 0.1 * acc
        out.append((w, acc))
    return out


def test_zero_grad_table() -> None:
    table = rows(t.table_autograd_zero_grad())
    for k, (r, (w1, g1), (w2, g2)) in enumerate(
        zip(table, square_path(True), square_path(False), strict=True), start=1
    ):
        assert int(r[0]) == k
        assert [num(v) for v in r[1:]] == pytest.approx([w1, g1, w2, g2], rel=1e-6)


# ---- values --------------------------------------------------------------------------------


def test_values_recomputed() -> None:
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    assert num(V["ex_sin_a"]) == pytest.approx(math.sin(1), rel=1e-5)
    assert num(V["ex_cos_a"]) == pytest.approx(math.cos(1), rel=1e-5)
    assert num(V["ex_l"]) == pytest.approx(EXAMPLE["L"][0], rel=1e-5)
    assert num(V["ex_grad_a"]) == pytest.approx(EXAMPLE["a"][1], rel=1e-5)
    assert num(V["ex_grad_b"]) == pytest.approx(EXAMPLE["b"][1], rel=1e-5)
    assert num(V["line_loss0"]) == pytest.approx(np.mean(y**2), rel=1e-5)
    w, b0 = np.polyfit(x, y, 1)
    assert num(V["line_w"]) == pytest.approx(w, rel=1e-5)
    assert num(V["line_b"]) == pytest.approx(b0, rel=1e-5)
    assert num(V["line_loss"]) == pytest.approx(np.mean((w * x + b0 - y) ** 2), rel=1e-5)
    xs = np.linspace(-np.pi, np.pi, 2000)
    assert num(V["cubic_loss0"]) == pytest.approx(np.sum(np.sin(xs) ** 2), rel=1e-5)
    assert 8 < num(V["cubic_loss"]) < 10
    assert num(V["cubic_b"]) == pytest.approx(0.843111, abs=2e-6)  # see test_sin_cubic_table
    assert num(V["cubic_d"]) == pytest.approx(-0.0913917, abs=2e-7)
    # exercise 9.1 at w = 1.5, b = 2: u = 3, v = 5, L = 25, ∂L/∂w = 2b²(w+1), ∂L/∂b = 2b(w+1)²
    assert [num(V[k]) for k in ("ex1_u", "ex1_v", "ex1_l")] == [3.0, 5.0, 25.0]
    assert num(V["ex1_grad_w"]) == 2 * 4 * 2.5 and num(V["ex1_grad_b"]) == 2 * 2 * 2.5**2
    assert num(V["ex2_value"]) == pytest.approx(math.log1p(math.exp(0.5)), rel=1e-5)
    assert num(V["ex2_grad"]) == pytest.approx(1 / (1 + math.exp(-0.5)), rel=1e-5)
    assert num(V["ex2_numeric"]) == pytest.approx(1 / (1 + math.exp(-0.5)), rel=1e-5)
    assert num(V["ex3_w_zero"]) == pytest.approx(square_path(True)[-1][0], rel=1e-6)
    assert num(V["ex3_w_nozero"]) == pytest.approx(square_path(False)[-1][0], rel=1e-6)
    X = np.arange(12.0).reshape(4, 3) / 4
    grad = [2 * sum(X[i, j] + exr.EX4_B[j] for i in range(4)) for j in range(3)]
    got = [num(v) for v in V["ex4_grad"].strip("()").split(",\\ ")]
    assert got == pytest.approx(grad, rel=1e-12)


# ---- figures -------------------------------------------------------------------------------


def test_example_graph_figure_shows_every_node() -> None:
    fig = figs.fig_autograd_example_graph()
    assert isinstance(fig, Figure)
    texts = [txt.get_text() for txt in fig.axes[0].texts]
    for label, (value, grad) in EXAMPLE.items():
        assert any(f"${value:.4g}$" in x and f"\\bar{{{label}}} = {grad:.4g}$" in x for x in texts)


def test_layout_puts_every_node_right_of_its_inputs() -> None:
    L = Value(1.0) * Value(2.0) + Value(3.0)
    nodes = graph(L)
    place = figs.layout(nodes)
    assert all(place[p][0] < place[n.index][0] for n in nodes for p in n.parents)


def test_loss_curves_figure() -> None:
    fig = figs.fig_autograd_loss_curves()
    assert len(fig.axes) == 2
    for ax in fig.axes:
        line, dots = ax.get_lines()
        assert line.get_ydata()[0] > line.get_ydata()[-1]
        assert np.allclose(dots.get_ydata(), line.get_ydata()[::100], rtol=1e-12)


def test_draw_graph_handles_unnamed_constants_and_nodes() -> None:
    w, b = Value(3.0, label="w"), Value(4.0, label="b")
    z = (2 * w + 3 * b) * (2 * b + 1)  # chapter 7's z = x·y with x = 2w + 3b, y = 2b + 1
    z.backward()
    fig = new_figure(8, 4)
    ax = fig.add_subplot()
    figs.draw_graph(ax, graph(z), {})
    texts = [txt.get_text() for txt in ax.texts]
    assert "$2$" in texts and "$1$" in texts  # constants: their value only
    assert any("\\bar{w} = 18$" in x for x in texts) and any("\\bar{b} = 63$" in x for x in texts)
    svg_bytes(fig)  # every label is valid mathtext
