"""The softmax chapter's tables and values against a plain computation with math."""

from __future__ import annotations

import math

import pytest
from pages import table_rows as rows

from descent.chapters.softmax import examples as ex
from descent.chapters.softmax import tables as t

V = t.values()
E = [math.exp(v) for v in (1.0, 2.0, 3.0)]
P = [e / sum(E) for e in E]


def number(cell: str) -> float:
    return float(cell.replace("−", "-"))


def vector(text: str) -> list[float]:
    return [number(v) for v in text.strip("()").split(", ")]


def test_worked_table_from_plain_math() -> None:
    table = rows(t.table_softmax_worked())
    assert len(table) == 3
    for i, row in enumerate(table):
        assert number(row[2]) == pytest.approx(E[i], abs=5e-5)
        assert number(row[3]) == pytest.approx(P[i], abs=5e-7)
        assert row[4] == str(int(i == 1))
        assert number(row[5]) == pytest.approx(P[i] - (i == 1), abs=5e-7)


def test_worked_values() -> None:
    assert vector(V["p"]) == pytest.approx(P, abs=5e-7)
    assert number(V["loss"]) == pytest.approx(-math.log(P[1]), abs=5e-7)
    assert vector(V["grad"]) == pytest.approx([P[0], P[1] - 1, P[2]], abs=5e-7)
    assert number(V["jac_11"]) == pytest.approx(P[1] * (1 - P[1]), abs=5e-7)
    assert number(V["jac_12"]) == pytest.approx(-P[1] * P[2], abs=5e-7)
    assert number(V["sum_e"]) == pytest.approx(sum(E), abs=5e-5)
    assert number(V["max_exp_arg"]) == pytest.approx(709.78, abs=0.005)


def test_exercises() -> None:
    assert V["p_shifted"] == V["p"] and V["loss_shifted"] == V["loss"]  # exercise 13.1
    assert V["grad_sum"] == "0"  # exercise 13.2
    assert V["loss_equal"] == V["ln3"] and number(V["ln3"]) == pytest.approx(math.log(3), abs=5e-7)


def test_overflow_table_naive_fails_exactly_past_the_float_limit() -> None:
    table = rows(t.table_softmax_overflow())
    assert [number(r[0]) for r in table] == list(ex.SHIFTS)
    for row, c in zip(table, ex.SHIFTS, strict=True):
        assert vector(row[2]) == pytest.approx(P, abs=5e-5)  # stable: always the same p
        if 3 + c < math.log(1.7976931348623157e308):
            assert row[1] == row[2]
        else:
            assert row[1] == "(nan, nan, nan)"
