"""Tests for autograd/examples.py: the example graph against sympy, accumulation cases."""

from __future__ import annotations

import math

import pytest
import sympy as sp

from descent.chapters.autograd import examples as ex


def test_example_graph_values_and_gradients() -> None:
    a, b = sp.symbols("a b", real=True)
    L = (a * b + sp.sin(a)) * b
    point = {a: ex.EXAMPLE_A, b: ex.EXAMPLE_B}
    nodes = {n.label: n for n in ex.example_nodes()}
    assert nodes["L"].value == pytest.approx(float(L.subs(point)), rel=1e-15)
    assert nodes["a"].grad == pytest.approx(float(sp.diff(L, a).subs(point)), rel=1e-15)
    assert nodes["b"].grad == pytest.approx(float(sp.diff(L, b).subs(point)), rel=1e-15)
    # intermediate nodes: ∂L/∂d = b, ∂L/∂c = ∂L/∂s = ∂L/∂d
    assert nodes["d"].grad == nodes["c"].grad == nodes["s"].grad == ex.EXAMPLE_B
    assert nodes["s"].value == math.sin(ex.EXAMPLE_A)


def test_accumulation_cases() -> None:
    a = ex.ACCUMULATION_A
    got = [(c.passes, c.zero_between, c.grad) for c in ex.accumulation_cases(a)]
    assert got == [
        (1, False, 2.0),  # a + a: two paths of slope 1
        (1, False, 2 * a),  # a·a: two paths of slope a
        (1, False, 2 * a + 1),
        (2, False, 2 * (2 * a)),  # twice without zeroing: the sum of two passes
        (2, True, 2 * a),  # zeroed in between: one pass's worth
    ]
