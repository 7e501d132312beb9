"""The formula reader of the autograd chapter's formula box: grammar, graph, errors."""

from __future__ import annotations

import math
import re

import pytest

from descent.engine import Value
from descent.expression import ExpressionError, build, tokens
from descent.graph import graph


def test_a_formula_builds_the_graph_written_by_hand():
    L = build("(a + b) * (b + 1)", {"a": 2.0, "b": 3.0})
    L.backward()
    a, b = Value(2.0, label="a"), Value(3.0, label="b")
    M = (a + b) * (b + Value(1.0))
    M.backward()
    ours, hand = graph(L), graph(M)
    assert [(n.op, n.label, n.value, n.grad, n.parents) for n in ours] == [
        (n.op, n.label, n.value, n.grad, n.parents) for n in hand
    ]
    assert (ours[0].grad, ours[1].grad) == (4.0, 9.0)  # b feeds two nodes: 5·1 + 4·1


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("a - b - c", (2.0 - 3.0) - 5.0),
        ("a / b / c", (2.0 / 3.0) / 5.0),
        ("-a^2", -(2.0**2)),
        ("a ** -1", 0.5),
        ("a^(-2) * 8", 2.0),
        ("2 × a ÷ b − c", 2 * 2.0 / 3.0 - 5.0),
        ("exp(a) + log(b) + tanh(c) + relu(-a) + sin(a) + sqrt(b) + sigmoid(0)", None),
        ("1.5e1 + .5", 15.5),
    ],
)
def test_precedence_and_functions(text, want):
    inputs = {"a": 2.0, "b": 3.0, "c": 5.0}
    if want is None:
        want = math.exp(2) + math.log(3) + math.tanh(5) + 0 + math.sin(2) + math.sqrt(3) + 0.5
    assert build(text, inputs).data == pytest.approx(want, rel=1e-15)


def test_a_variable_is_one_leaf_however_often_it_appears():
    nodes = graph(build("a * a + a", {"a": 3.0}))
    assert [(n.op, n.label, n.parents) for n in nodes] == [
        ("", "a", ()),
        ("*", "", (0, 0)),
        ("+", "", (1, 0)),
    ]


def test_missing_inputs_are_zero_and_bad_ones_are_refused():
    assert build("a + b", {"a": 1.0}).data == 1.0
    with pytest.raises(ValueError, match="b must be finite"):
        build("a + b", {"a": 1.0, "b": math.nan})
    with pytest.raises(TypeError, match="text must be a string"):
        tokens(3)


@pytest.mark.parametrize(
    ("text", "message", "at"),
    [
        ("", "empty", 0),
        ("a +", "ends too early", 3),
        ("(a + b", "expected ')'", 6),
        ("2a", "unexpected 'a'", 1),
        ("foo(a)", "unknown name 'foo'", 0),
        ("exp a", "expected '(' after exp", 4),
        ("a ^ b", "exponent must be a number", 4),
        ("a $ b", "unexpected character '$'", 2),
        ("a + )", "unexpected ')'", 4),
        ("a" + " + a" * 60, "longer than 200", 200),
    ],
)
def test_a_formula_that_cannot_be_read_says_where(text, message, at):
    with pytest.raises(ExpressionError, match=re.escape(message)) as info:
        build(text, {"a": 1.0})
    assert info.value.position == at


@pytest.mark.parametrize(
    ("text", "error"),
    [("log(a)", ValueError), ("1 / (a + 1)", ZeroDivisionError), ("exp(1000 * c)", OverflowError)],
)
def test_no_derivative_is_the_engines_error(text, error):
    with pytest.raises(error):
        build(text, {"a": -1.0, "c": 1.0})
