"""Answer boxes of the deep-nets chapter's exercises 15.1 and 15.2, from (15.4) and the inits.

>>> check_ex15_2_std()["answer"]
[0.1767766952966369, 0.125]
"""

from __future__ import annotations

from descent.build.checks import number, vector
from descent.chapters.deep_nets import examples as ex
from descent.depth import init_std

SIGMOID_SLOPE = 0.25  # σ′(0)


def check_ex15_1_ratio() -> dict:
    per_layer = ex.predicted_factor(SIGMOID_SLOPE, init_std("small", ex.WIDTH, ex.WIDTH))
    return number("‖∂L/∂W₃‖ / ‖∂L/∂W₅‖", per_layer**2)  # layers 5 → 4 → 3


def check_ex15_2_std() -> dict:
    n = ex.WIDTH
    stds = [init_std("he", n, n), init_std("xavier", n, n)]
    return vector("(σ_He, σ_Xavier)", stds, hints=[("index", stds[::-1])])


def check_ex15_2_ratio() -> dict:
    n = ex.WIDTH
    per_layer = n * init_std("xavier", n, n) ** 2 / 2  # (15.1)–(15.2) with ReLU's ½
    label = {
        "zh": f"方差之比（第 {ex.DEPTH} 层相对于 He）",
        "en": f"variance ratio to He (layer {ex.DEPTH})",
    }
    return number(label, per_layer ** (ex.DEPTH - 1))
