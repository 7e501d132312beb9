"""Tables and named numbers of chapter 7: the graph z = x·y, error division, gradient descent."""

from __future__ import annotations

from functools import cache

from descent.build.table import markdown_table
from descent.chapters.autograd.examples import backward_trace
from descent.chapters.computation_graph import examples as bp
from descent.chapters.computation_graph import exercises as bx
from descent.graph import GraphNode, graph
from descent.optim import Run

VALUES_KEY = "backprop"  # the prefix the page uses: {{ backprop.<key> }}

# TeX titles of the graph's nodes (the constants 2, 3, 2, 1 stay unnamed)
NODE_TEX = {"w": "$w$", "b": "$b$", "u": "$u = 2w$", "v": "$v = 3b$", "s": "$s = 2b$"}
NODE_TEX |= {"x": "$x = u + v$", "y": "$y = s + 1$", "z": r"$z = x \cdot y$"}
RATES = (1e-4, 2e-4)  # the learning rates of the gradient-descent runs
RATE_TEX = {1e-4: r"10^{-4}", 2e-4: r"2 \cdot 10^{-4}"}


def _f6(v: float) -> str:
    text = f"{v:.6f}"
    return "0.000000" if text == "-0.000000" else text


def _g(v: float, digits: int = 6) -> str:
    return f"{v:.{digits}g}"


def _tex(v: float) -> str:
    """Scientific notation as TeX, for use inside $…$: 2.520 \\times 10^{-4}."""
    mantissa, exponent = f"{v:.3e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def _e(v: float) -> str:
    return f"${_tex(v)}$"


def graph_nodes() -> list[GraphNode]:
    """The example's graph at w = 3, b = 4 after z.backward()."""
    z, _, _ = bp.forward(bp.W0, bp.B0)
    z.backward()
    return graph(z)


@cache
def _logs() -> dict[str, list[bp.Step]]:
    return {
        f"{move}_{kind}": bp.divide_error(move=move, recompute=kind == "recomputed")
        for move in ("b", "wb")
        for kind in ("fixed", "recomputed")
    }


@cache
def _gd() -> dict[str, Run]:
    return {f"{move}_{lr:g}": bp.descend_on_loss(lr, move=move) for move in ("b", "wb")
            for lr in RATES}  # fmt: skip


def table_target_graph_nodes() -> str:
    """Each named node of the graph: its value and ∂z/∂(node) from one backward pass."""
    rows = [[NODE_TEX[n.label], _g(n.value), _g(n.grad)] for n in graph_nodes() if n.label]
    return markdown_table(["", "`value`", r"$\partial z / \partial(\cdot)$"], rows)


def _log_table(log: list[bp.Step], both: bool) -> str:
    rows = []
    for k, s in enumerate(log):
        last = s.factor_b is None and s.factor_w is None
        update = [] if last else [_f6(s.factor_b), _f6(s.delta_b)]
        if both:
            update = [] if last else [_f6(s.factor_w), _f6(s.factor_b), _f6(s.delta_w),
                                      _f6(s.delta_b)]  # fmt: skip
        width = 4 if both else 2
        head = [str(k), _f6(s.w), _f6(s.b)] if both else [str(k), _f6(s.b)]
        rows.append([*head, _f6(s.z), _f6(s.dz), *(update or [""] * width)])
    headers = ["$k$", "$w$", "$b$"] if both else ["$k$", "$b$"]
    headers += ["$z$", r"$\Delta z$"]
    headers += (
        [r"$f_w$", r"$f_b$", r"$\Delta w$", r"$\Delta b$"] if both else [r"$f_b$", r"$\Delta b$"]
    )
    return markdown_table(headers, rows)


def table_target_b_fixed() -> str:
    """Moving b alone, dividing Δz by the first factor 63 every time."""
    return _log_table(_logs()["b_fixed"], both=False)


def table_target_b_recomputed() -> str:
    """Moving b alone, dividing Δz by ∂z/∂b recomputed at every b."""
    return _log_table(_logs()["b_recomputed"], both=False)


def table_target_wb_fixed() -> str:
    """Moving w and b, half of Δz each, with the first factors 18 and 63 kept."""
    return _log_table(_logs()["wb_fixed"], both=True)


def table_target_wb_recomputed() -> str:
    """Moving w and b, half of Δz each, with both factors recomputed at every point."""
    return _log_table(_logs()["wb_recomputed"], both=True)


def table_target_convergence() -> str:
    """The error Δz_k of both b-runs, with the ratios that reveal linear and quadratic speed."""
    fixed = [s.dz for s in _logs()["b_fixed"]]
    newton = [s.dz for s in _logs()["b_recomputed"]]
    rows = []
    for k in range(len(fixed)):
        ratio = _f6(fixed[k + 1] / fixed[k]) if k + 1 < len(fixed) else ""
        cells = ["", ""]
        if k < len(newton):
            # a ratio of errors near 1e-12 would measure float rounding (|z| ≈ 150), not the method
            shown = k + 1 < len(newton) and abs(newton[k + 1]) > 1e-9
            quad = _f6(newton[k + 1] / newton[k] ** 2) if shown else ""
            cells = [_e(newton[k]), quad]
        rows.append([str(k), _e(fixed[k]), ratio, *cells])
    headers = ["$k$", r"$\Delta z_k$ ($f_b = 63$)", r"$\Delta z_{k+1} / \Delta z_k$"]
    headers += [
        r"$\Delta z_k$ ($f_b = \partial z / \partial b$)",
        r"$\Delta z_{k+1} / \Delta z_k^2$",
    ]
    return markdown_table(headers, rows)


def method_rows() -> list[tuple[str, str, int, float, float, float]]:
    """(variables, method, steps, w, b, z − 150) for every run of the comparison."""
    out = []
    for move, var in (("b", "$b$"), ("wb", "$w, b$")):
        for kind, tex in (
            ("fixed", "$f = f_0$"),
            ("recomputed", r"$f = \partial z / \partial \cdot$"),
        ):
            log = _logs()[f"{move}_{kind}"]
            last = log[-1]
            out.append((var, tex, len(log) - 1, last.w, last.b, last.dz))
        for lr in RATES:
            run = _gd()[f"{move}_{lr:g}"]
            w, b = run.theta if move == "wb" else (bp.W0, run.theta[0])
            z = bp.partials(w, b)[0]
            out.append((var, f"GD $\\eta = {RATE_TEX[lr]}$", run.steps, w, b, z - bp.Z_TARGET))
    return out


def table_target_methods() -> str:
    """Steps and end points of error division and of gradient descent, b alone and w with b."""
    rows = [[v, m, str(n), _f6(w), _f6(b), _e(d)] for v, m, n, w, b, d in method_rows()]
    return markdown_table(["", "", "`steps`", "$w$", "$b$", "$z - 150$"], rows)


def convergence_limits() -> dict[str, float]:
    """z'(b*) at the root, and the limits 1 − z'(b*)/63 and 6/z'(b*)² of the two ratios."""
    b_star = bp.exact_b()[1]
    slope = bp.partials(bp.W0, b_star)[2]
    f0 = bp.partials(bp.W0, bp.B0)[2]
    return {"slope": slope, "linear": 1 - slope / f0, "quadratic": 6 / slope**2}


def values() -> dict[str, str]:
    """Numbers quoted in chapter 7's prose."""
    nodes = {n.label: n for n in graph_nodes()}
    logs, gd = _logs(), _gd()
    roots, lim = bp.exact_b(), convergence_limits()
    one = bp.divide_error(move="w")
    hand = bp.divide_error(move="b", recompute=False)
    wb_fix, wb_new = logs["wb_fixed"][-1], logs["wb_recomputed"][-1]
    first = logs["wb_fixed"][0]
    out = {k: _g(nodes[k].value) for k in ("x", "y", "z")}
    out |= {"dz_dw": _g(nodes["w"].grad), "dz_db": _g(nodes["b"].grad)}
    out |= {"dz_dx": _g(nodes["x"].grad), "dz_dy": _g(nodes["y"].grad)}
    out |= _path_values()
    out |= {
        "w_one": _f6(one[1].w),
        "z_one": _g(one[1].z),
        "dw_one": _f6(one[0].delta_w),
        "b1": _f6(hand[1].b),
        "z1": _f6(hand[1].z),
        "dz1": _f6(hand[1].dz),
        "b_root": _f6(roots[1]),
        "b_root_neg": _f6(roots[0]),
        "steps_b_fixed": str(len(logs["b_fixed"]) - 1),
        "steps_b_new": str(len(logs["b_recomputed"]) - 1),
        "steps_wb_fixed": str(len(logs["wb_fixed"]) - 1),
        "steps_wb_new": str(len(logs["wb_recomputed"]) - 1),
        "wb_fixed_w": _f6(wb_fix.w),
        "wb_fixed_b": _f6(wb_fix.b),
        "wb_new_w": _f6(wb_new.w),
        "wb_new_b": _f6(wb_new.b),
        "split_dw": _f6(first.delta_w),
        "split_db": _f6(first.delta_b),
        "split_ratio": _g(first.delta_w / first.delta_b, 3),
        "slope_root": _f6(lim["slope"]),
        "linear_limit": _f6(lim["linear"]),
        "quadratic_limit": _f6(lim["quadratic"]),
        "lr_match": _tex(1 / 63**2),
        "lr_limit": _tex(2 / lim["slope"] ** 2),
    }
    out |= _exercise_values()
    for move in ("b", "wb"):
        for lr, key in zip(RATES, ("1", "2"), strict=True):
            run = gd[f"{move}_{lr:g}"]
            out[f"gd_{move}_steps_{key}"] = str(run.steps)
            out |= {f"gd_{move}_{n}_{key}": _f6(t) for n, t in zip(move, run.theta, strict=True)}
    return out


def _exercise_values() -> dict[str, str]:
    fixed, new = _logs()["b_fixed"], _logs()["b_recomputed"]
    w1, b1 = _logs()["wb_fixed"][1].w, _logs()["wb_fixed"][1].b
    shortest = bx.shortest_steps(bp.W0, bp.B0)
    return {
        "ex1_w": _f6(w1),
        "ex1_b": _f6(b1),
        "ex1_dz_db": _f6(bp.partials(w1, b1)[2]),
        "ex2_fixed_b2": _f6(fixed[2].b),
        "ex2_fixed_z2": _f6(fixed[2].z),
        "ex2_new_b2": _f6(new[2].b),
        "ex2_new_z2": _f6(new[2].z),
        "ex2_new_dz2": _tex(new[2].dz),
        "ex2_factor1": _f6(new[1].factor_b),
        "ex4_steps": str(len(shortest) - 1),
        "ex4_w": _f6(shortest[-1][0]),
        "ex4_b": _f6(shortest[-1][1]),
        "ex4_dw": _f6(bp.W0 - shortest[1][0]),
        "ex4_db": _f6(bp.B0 - shortest[1][1]),
    }


def _path_values() -> dict[str, str]:
    """What b receives along each of its two paths, and other numbers of the first sections."""
    nodes = graph_nodes()
    label = {n.index: n.label for n in nodes}
    into_b = {label[c.child]: c.amount for c in backward_trace(nodes) if label[c.parent] == "b"}
    f_last = [s.factor_b for s in _logs()["b_recomputed"] if s.factor_b is not None][-1]
    z0, _, _ = bp.partials(bp.W0, bp.B0)
    return {
        "path_x": _g(into_b["v"]),  # b → v → x → z
        "path_y": _g(into_b["s"]),  # b → s → y → z
        "factor_b_last": _f6(f_last),
        "b_flat": _g(-(4 * bp.W0 + 3) / 12),  # 4w + 12b + 3 = 0
        "dz0": _g(z0 - bp.Z_TARGET),
        "half_dz0": _g((z0 - bp.Z_TARGET) / 2),
    }
