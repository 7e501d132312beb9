"""The graphs exported for the graph stepper: the figure's places, the engine's step order."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from descent.build.stepper import export, plain, to_json
from descent.chapters.autograd import examples as ex
from descent.chapters.autograd import figures as autograd
from descent.chapters.computation_graph import examples as bp
from descent.chapters.computation_graph import figures as backprop
from descent.chapters.nonlinear_backprop import examples as nl
from descent.chapters.nonlinear_backprop import figures as backprop_nonlinear
from descent.engine import Value
from descent.graph import graph

GRAPHS = {
    "target": (backprop.stepper_target_graph, backprop.graph_place),
    "chain": (backprop_nonlinear.stepper_chain_graph, lambda: backprop_nonlinear.CHAIN_PLACE),
    "example": (autograd.stepper_autograd_example_graph, lambda: autograd.EXAMPLE_PLACE),
}
ROOTS = {
    "target": lambda: bp.forward(bp.W0, bp.B0)[0],
    "chain": lambda: nl.forward(nl.X0)[0],
    "example": lambda: ex.example_graph(),
}


def replay(data: dict, nodes) -> list[float]:
    """Gradients from the exported backward order and the engine's own local derivatives."""
    local = [d for n in nodes for d in n.local]
    grad = [0.0] * len(nodes)
    grad[-1] = 1.0
    for e in data["backward"]:
        p, c = data["edges"][e]
        grad[p] += grad[c] * local[e]
    return grad


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_the_export_follows_the_figure_and_the_engine(name):
    make, place = GRAPHS[name]
    data = make()
    root = ROOTS[name]()
    if name != "example":  # example_graph() has run its backward pass already
        root.backward()
    nodes = graph(root)
    assert [(n["x"], n["y"]) for n in data["nodes"]] == [place()[i] for i in range(len(nodes))]
    assert [n["op"] for n in data["nodes"]] == [n.op for n in nodes]
    assert [n["parents"] for n in data["nodes"]] == [list(n.parents) for n in nodes]
    # replaying the edges in the exported order gives the engine's gradients, bit for bit
    assert replay(data, nodes) == [n.grad for n in nodes]
    assert data["forward"] == [n.index for n in nodes if n.parents]
    assert sorted(data["backward"]) == list(range(len(data["edges"])))
    assert json.loads(to_json(data)) == data


def test_a_wrong_order_is_not_the_engines():
    data = backprop.stepper_target_graph()
    z = bp.forward(bp.W0, bp.B0)[0]
    z.backward()
    nodes = graph(z)
    wrong = {**data, "backward": sorted(data["backward"])}  # inputs before results
    assert replay(wrong, nodes) != [n.grad for n in nodes]


def test_titles_are_plain_text_and_unknown_tex_is_refused():
    assert plain(r"$b = \ln a$") == "b = ln a"
    with pytest.raises(ValueError, match="names"):
        plain(r"$\frac{1}{2}$")


def test_bad_exports_are_refused():
    w = Value(3.0, label="w")
    nodes = graph(w * 2)
    place = {0: (0.0, 0.0), 1: (0.0, 1.0), 2: (1.0, 0.5)}
    with pytest.raises(ValueError, match="inputs: no node labelled"):
        export(nodes, place, {}, ["b"])
    odd = [nodes[0], nodes[1], replace(nodes[2], op="cos")]
    with pytest.raises(ValueError, match="no operation 'cos'"):
        export(odd, place, {}, ["w"])
