"""Prose numbers of chapter ``deep-nets``."""

from __future__ import annotations

import math

import numpy as np

from descent.chapters.deep_nets import examples as ex
from descent.depth import init_std
from descent.build.table import fmt


def _sci(v: float) -> str:
    """A number in TeX scientific notation with two significant digits: 4.2 \\times 10^{-4}.

    >>> _sci(0.00042), _sci(55.0)
    ('4.2 \\\\times 10^{-4}', '55')
    """
    if 0.1 <= abs(v) < 1000:
        return f"{v:.2g}"
    mantissa, exponent = f"{v:.1e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def per_layer(norms: np.ndarray, first: int, last: int) -> float:
    """The geometric mean factor between neighbouring layers l and l+1, for first ≤ l < last."""
    return float((norms[last - 1] / norms[first - 1]) ** (1 / (last - first)))


def values() -> dict[str, str]:
    n = ex.WIDTH
    sig_small, sig_xavier = ex.norms("sigmoid", "small"), ex.norms("sigmoid", "xavier")
    out = {
        "depth": str(ex.DEPTH),
        "width": str(n),
        "batch": str(ex.BATCH),
        "std_small": fmt(init_std("small", n, n)),
        "std_xavier": fmt(init_std("xavier", n, n)),
        "std_he": fmt(init_std("he", n, n)),
        "predicted_small": fmt(ex.predicted_factor(0.25, init_std("small", n, n))),
        "predicted_small_inv": fmt(1 / ex.predicted_factor(0.25, init_std("small", n, n))),
        "measured_small": fmt(per_layer(sig_small, 1, ex.DEPTH), 1),
        "predicted_xavier": fmt(ex.predicted_factor(0.25, init_std("xavier", n, n)), 3),
        "sig_small_first": _sci(sig_small[0]),
        "sig_small_last": _sci(sig_small[-1]),
        "sig_xavier_first": _sci(sig_xavier[0]),
        "sig_xavier_last": _sci(sig_xavier[-1]),
        "tanh_small_first": _sci(ex.norms("tanh", "small")[0]),
        "relu_he_first": _sci(ex.norms("relu", "he")[0]),
        "relu_he_last": _sci(ex.norms("relu", "he")[-1]),
        "relu_large_first": _sci(ex.norms("relu", "large")[0]),
        "relu_large_last": _sci(ex.norms("relu", "large")[-1]),
        "ratio_3_5": _sci(sig_small[2] / sig_small[4]),
        "ratio_3_5_predicted": _sci(ex.predicted_factor(0.25, 0.01) ** 2),
        "ln10": fmt(math.log(10), 3),
        "lr": fmt(ex.LR),
        "n_var_small": fmt(n * init_std("small", n, n) ** 2),
        "xavier_vs_he": _sci(ex.variance_drop("xavier") / ex.variance_drop("he")),
        "xavier_vs_he_predicted": _sci(0.5 ** (ex.DEPTH - 1)),
        "transitions": str(ex.DEPTH - 1),
        "train_depth": str(ex.TRAIN_DEPTH),
        "train_width": str(ex.TRAIN_WIDTH),
        "train_epochs": str(ex.TRAIN_EPOCHS),
    }
    for activation, scheme in ex.RUNS:
        out[f"final_{activation}_{scheme}"] = fmt(ex.epoch_losses(activation, scheme)[-1], 3)
    return out
