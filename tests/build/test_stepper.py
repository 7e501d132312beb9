"""The graphs exported for the graph stepper: the figure's places, the engine's step order."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest

from descent import logistic
from descent.build.stepper import export, plain, to_json
from descent.chapters.autograd import examples as ex
from descent.chapters.autograd import figures as autograd
from descent.chapters.computation_graph import examples as bp
from descent.chapters.computation_graph import figures as backprop
from descent.chapters.layers import figures as layers
from descent.chapters.layers import tiny_mlp
from descent.chapters.neuron import examples as neuron_ex
from descent.chapters.neuron import figures as neuron
from descent.chapters.nonlinear_backprop import examples as nl
from descent.chapters.nonlinear_backprop import figures as backprop_nonlinear
from descent.engine import Value
from descent.graph import graph

GRAPHS = {
    "target": (backprop.stepper_target_graph, backprop.graph_place),
    "chain": (backprop_nonlinear.stepper_chain_graph, lambda: backprop_nonlinear.CHAIN_PLACE),
    "example": (autograd.stepper_autograd_example_graph, lambda: autograd.EXAMPLE_PLACE),
    "neuron": (neuron.stepper_neuron_graph, neuron._place),
    "mlp": (layers.stepper_mlp_graph, lambda: layers.MLP_PLACE),
}
ROOTS = {
    "target": lambda: bp.forward(bp.W0, bp.B0)[0],
    "chain": lambda: nl.forward(nl.X0)[0],
    "example": lambda: ex.example_graph(),
    "neuron": lambda: logistic.neuron(list(neuron_ex.W), neuron_ex.B, list(neuron_ex.X))[0],
    "mlp": lambda: tiny_mlp.forward(tiny_mlp.X, tiny_mlp.W, tiny_mlp.B, tiny_mlp.V, tiny_mlp.C),
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
    leaves = {n.label for n in nodes if not n.parents}
    assert set(data["params"]) <= set(data["inputs"]) <= leaves


def test_the_neuron_descends_on_w_and_b_and_the_mlp_on_its_nine_parameters():
    data = neuron.stepper_neuron_graph()
    assert (data["loss"], data["params"], data["target"]) == ("bce", ["w_1", "w_2", "b"], 1.0)
    assert sorted(data["inputs"]) == ["b", "w_1", "w_2", "x_1", "x_2"]
    data = layers.stepper_mlp_graph()
    assert data["loss"] == "half-square" and len(data["params"]) == 9
    assert sorted(set(data["inputs"]) - set(data["params"])) == ["x_1", "x_2"]
    x1 = data["inputs"].index("x_1")  # x₁ feeds both hidden units: two edges leave it
    assert sum(p == x1 for p, _ in data["edges"]) == 2
    nodes = tiny_mlp.nodes()
    assert [n["title"] for n in data["nodes"] if n["op"] == "*"] == ["×"] * 6
    weights = {"w_11": 0.5, "w_12": -1.0, "w_21": 0.625, "w_22": 0.25}  # w_ij: input i → unit j
    assert tiny_mlp.start() == {"x_1": 1.0, "x_2": -2.0, **weights, "b_1": 0.5, "b_2": 0.5,
                                "v_1": 1.0, "v_2": -2.0, "c": 0.25}  # fmt: skip
    assert math.isclose(nodes[-1].value, 0.25 + math.tanh(-0.25) - 2 * math.tanh(-1.0))


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
    with pytest.raises(ValueError, match="params"):
        export(nodes, place, {}, ["w"], params=["b"])
    with pytest.raises(ValueError, match="loss"):
        export(nodes, place, {}, ["w"], loss="hinge")


def test_the_small_mlp_needs_every_input():
    with pytest.raises(ValueError, match="values: missing"):
        tiny_mlp.from_inputs({"x_1": 1.0})
    f = tiny_mlp.from_inputs(tiny_mlp.start())
    assert f.data == tiny_mlp.nodes()[-1].value
