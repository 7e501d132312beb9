"""Tests for descent.graph: a deterministic, recursion-free topological order and graph records."""

from __future__ import annotations

import sys

import numpy as np

from descent.engine import Value
from descent.graph import GraphNode, graph, topological_order
from descent.tensor import Tensor


def is_topological(order: list) -> bool:
    position = {id(n): i for i, n in enumerate(order)}
    return all(position[id(p)] < position[id(n)] for n in order for p in n._parents)


def test_inputs_come_first_root_last_each_node_once() -> None:
    a, b = Value(1.0, label="a"), Value(2.0, label="b")
    c = a * b
    L = (c + a) * (c - b)
    order = topological_order(L)
    assert order[-1] is L
    assert len(order) == len({id(n) for n in order}) == 6
    assert is_topological(order)


def test_order_follows_insertion_order_of_parents() -> None:
    a, b = Value(1.0, label="a"), Value(2.0, label="b")
    assert [n.label for n in topological_order(a + b)][:2] == ["a", "b"]
    assert [n.label for n in topological_order(b + a)][:2] == ["b", "a"]


def test_a_chain_deeper_than_the_recursion_limit() -> None:
    v = Value(0.0)
    for _ in range(5 * sys.getrecursionlimit()):
        v = -v
    order = topological_order(v)
    assert len(order) == 5 * sys.getrecursionlimit() + 1
    assert is_topological(order)


def test_graph_records_name_parents_by_index_in_insertion_order() -> None:
    w = Value(3.0, label="w")
    y = w * w + w
    y.backward()
    assert graph(y) == [
        GraphNode(0, "", "w", 3.0, 7.0, (), ()),
        GraphNode(1, "*", "", 9.0, 1.0, (0, 0), (3.0, 3.0)),
        GraphNode(2, "+", "", 12.0, 1.0, (1, 0), (1.0, 1.0)),
    ]


def test_graph_works_for_tensors_too() -> None:
    w = Tensor([1.0, 2.0], requires_grad=True, label="w")
    loss = (w * w).sum()
    loss.backward()
    nodes = graph(loss)
    assert [(n.op, n.label, n.parents) for n in nodes] == [
        ("", "w", ()),
        ("*", "", (0, 0)),
        ("sum", "", (1,)),
    ]
    assert np.array_equal(nodes[0].grad, [2.0, 4.0])
    assert nodes[1].local is None  # a Tensor keeps gradient rules, not numbers
