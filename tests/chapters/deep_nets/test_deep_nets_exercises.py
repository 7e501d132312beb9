"""Chapter deep-nets, exercises 15.1 and 15.2: every number in the solutions, recomputed."""

from __future__ import annotations

import math
import re

import pytest

from descent.chapters.deep_nets import examples as ex
from descent.chapters.deep_nets import tables

V = tables.values()


def read(text: str) -> float:
    """A page number: '0.1768' or '4.3 \\times 10^{-4}'."""
    m = re.fullmatch(r"(\S+) \\times 10\^\{(\S+)\}", text)
    return float(m[1]) * 10.0 ** int(m[2]) if m else float(text)


def test_exercise_15_1_ratio_of_layers_3_and_5() -> None:
    factor = 0.25 * 0.01 * math.sqrt(ex.WIDTH)  # σ'(0) · std · √width per layer
    assert read(V["predicted_small"]) == pytest.approx(factor, rel=1e-12)
    assert read(V["ratio_3_5_predicted"]) == pytest.approx(factor**2, rel=0.05)
    norms = ex.norms("sigmoid", "small")
    measured = norms[2] / norms[4]  # layers 3 and 5, counted from 1
    assert read(V["ratio_3_5"]) == pytest.approx(measured, rel=0.05)
    assert measured == pytest.approx(factor**2, rel=0.2)  # the solution's "within 20%"


def test_exercise_15_2_he_and_xavier() -> None:
    n = ex.WIDTH
    assert n == 64
    assert read(V["std_he"]) == pytest.approx(math.sqrt(2 / n), abs=5e-5)
    assert read(V["std_xavier"]) == pytest.approx(math.sqrt(2 / (n + n)), abs=5e-5)
    assert int(V["transitions"]) == int(V["depth"]) - 1
    predicted = 0.5 ** int(V["transitions"])
    assert read(V["xavier_vs_he_predicted"]) == pytest.approx(predicted, rel=0.05)
    measured = ex.variance_drop("xavier") / ex.variance_drop("he")
    assert read(V["xavier_vs_he"]) == pytest.approx(measured, rel=0.05)
