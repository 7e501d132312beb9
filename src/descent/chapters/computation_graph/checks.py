"""Answer boxes of the computation-graph chapter's exercises 7.1, 7.2 and 7.4.

z = x·y with x = 2w + 3b and y = 2b + 1: b reaches z along two paths; a hint of kind "path"
is the answer with one of them left out.

>>> check_ex7_1_value()["answer"] == bp.partials(*_split_point())[2]
True
"""

from __future__ import annotations

from descent.build.checks import formula, number, vector
from descent.chapters.computation_graph import examples as bp
from descent.chapters.computation_graph import exercises as bx

ONE_PATH = ("6*b + 3", "4*w + 6*b")  # 3y only (through x), 2x only (through y)


def check_ex7_1_formula() -> dict:
    ranges = {"b": (1.0, 5.0), "w": (1.0, 4.0)}
    hints = [("path", h) for h in ONE_PATH]
    return formula("∂z/∂b", "4*w + 12*b + 3", ranges, hints=hints, seed=71)


def _split_point() -> tuple[float, float]:
    first = bp.divide_error(move="wb", recompute=False)[1]  # after one split-in-half step
    return first.w, first.b


def check_ex7_1_value() -> dict:
    w, b = _split_point()
    hints = [("path", 3 * (2 * b + 1)), ("path", 2 * (2 * w + 3 * b))]
    return number("∂z/∂b", bp.partials(w, b)[2], hints=hints)


def _dz2(recompute: bool) -> float:
    return bp.divide_error(move="b", recompute=recompute)[2].dz


def check_ex7_2_fixed() -> dict:
    dz = _dz2(False)
    return number({"zh": "Δz（f_b 不变）", "en": "Δz (f_b fixed)"}, dz, hints=[("sign", -dz)])


def check_ex7_2_recomputed() -> dict:
    dz = _dz2(True)
    return number(
        {"zh": "Δz（每步重算 f_b）", "en": "Δz (f_b recomputed)"}, dz, hints=[("sign", -dz)]
    )


def check_ex7_4_step() -> dict:
    w1, b1, _ = bx.shortest_steps(bp.W0, bp.B0)[1]
    step = [bp.W0 - w1, bp.B0 - b1]
    return vector("(Δw, Δb)", step, hints=[("index", step[::-1])])


def check_ex7_4_end() -> dict:
    w, b, _ = bx.shortest_steps(bp.W0, bp.B0)[-1]
    return vector("(w, b)", [w, b], hints=[("index", [b, w])])
