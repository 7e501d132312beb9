"""Which sections run in the page (descent.build.runnable) and what a run prints (descent.live)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys

import pytest

from descent.build.runnable import SRC, analyse, blocker, included, sections
from descent.live import examples, run

PKG = SRC / "descent"


def test_a_section_of_a_numpy_module_runs_when_what_it_uses_is_stdlib():
    # logistic.py imports numpy, but the neuron-graph section uses only the scalar engine
    assert blocker("descent.logistic") == "numpy"
    section = analyse(PKG / "logistic.py", "neuron-graph")
    assert section.blocker is None
    assert "descent.logistic" not in section.preamble


@pytest.mark.parametrize(
    ("file", "name", "needs"),
    [
        ("linear.py", "loss-over-parameters", "numpy"),  # uses np directly
        ("optim.py", "gd-step", "numpy"),
        # a numpy-free module, but the section imports descent.optim inside its function
        ("chapters/computation_graph/examples.py", "descend-on-loss", "numpy"),
        ("numdiff.py", "central-difference", "numpy"),  # through descent.validate
        ("twins/examples.py", "requires-grad", "torch"),  # try: import torch
    ],
)
def test_sections_that_need_numpy_are_refused(file, name, needs):
    assert analyse(PKG / file, name).blocker == needs


def test_the_preamble_imports_what_the_section_uses_from_its_module():
    section = analyse(
        SRC.parent / "src/descent/chapters/computation_graph/examples.py", "forward-graph"
    )
    assert "from descent.engine import Value" in section.preamble
    assert "from descent.chapters.autograd.examples import named" in section.preamble
    assert "numpy" not in section.preamble


def test_sections_are_read_dedented_and_complete():
    found = sections(PKG / "logistic.py")
    assert found["neuron-graph"].startswith("def ")
    assert "[end:" not in found["neuron-graph"] and found["neuron-graph"].endswith("\n")


def test_a_run_shows_the_docstring_examples_with_their_results():
    section = analyse(
        SRC.parent / "src/descent/chapters/computation_graph/examples.py", "forward-graph"
    )
    doc = ast.get_docstring(ast.parse(section.path.read_text(encoding="utf-8")))
    assert (
        run(section.code, section.preamble, doc) == ">>> partials(3.0, 4.0)\n(162.0, 18.0, 63.0)\n"
    )


def test_an_edit_changes_the_output_and_errors_are_shown_not_raised():
    code = "def f(x):\n    '''>>> f(2)'''\n    return x + 1\n"
    assert run(code) == ">>> f(2)\n3\n"
    assert run(code.replace("x + 1", "x * 10")) == ">>> f(2)\n20\n"
    assert run(code.replace("x + 1", "x / 0")).endswith("ZeroDivisionError: division by zero\n")
    assert "SyntaxError" in run("def f(:\n")
    assert run("print('a')\nraise ValueError('x must be positive')\n") == (
        "a\nValueError: x must be positive\n"
    )


def test_module_examples_are_taken_only_when_they_use_what_the_block_defines():
    assert examples("def g(): pass\n", ">>> f(1)\n1\n>>> g()\n") == ["g()\n"]


# the scalar code of the gradient-descent, derivatives, computation-graph, nonlinear-backprop and
# linear-algebra pages, the sigmoid of the loss page and the scalar demos of the PyTorch pages:
# loops and rules on plain floats and Values, with math instead of numpy
SCALAR = [
    ("plain.py", "plain-descent"),
    ("landscapes.py", "square"),
    ("landscapes.py", "sin-bowl"),
    ("landscapes.py", "double-well"),
    ("lrstudy.py", "contraction"),
    ("calculus.py", "parabola"),
    ("calculus.py", "chain-rule"),
    ("calculus.py", "neuron-loss"),
    ("activations.py", "sigmoid"),
    ("chapters/pytorch/examples.py", "requires-grad"),
    ("chapters/pytorch/examples.py", "leaf-tensors"),
    ("chapters/pytorch/examples.py", "zero-grad"),
    ("chapters/pitfalls/examples.py", "backward-again"),
    ("chapters/computation_graph/examples.py", "divide-error"),
    ("chapters/computation_graph/exercises.py", "two-variable-by-hand"),
    ("chapters/computation_graph/exercises.py", "shortest-step"),
    ("chapters/nonlinear_backprop/examples.py", "chain-forward"),
    ("chapters/nonlinear_backprop/examples.py", "divide-error-chain"),
    ("eigen2.py", "eigen-2x2"),
    ("eigen2.py", "curvature"),
]


@pytest.mark.parametrize(("file", "name"), SCALAR)
def test_scalar_sections_are_runnable(file, name):
    section = analyse(PKG / file, name)
    assert section.blocker is None
    assert "numpy" not in section.preamble + section.code


def _doc(section) -> str:
    return ast.get_docstring(ast.parse(section.path.read_text(encoding="utf-8"))) or ""


NO_NUMPY = """
import json, sys
sys.modules["numpy"] = None  # `import numpy` now fails, as in the page's Python
from descent.live import run
print(json.dumps([run(*block) for block in json.load(sys.stdin)]))
"""


def test_every_runnable_section_prints_the_same_without_numpy():
    pages = sorted((SRC.parent / "docs").glob("*.md"))
    runnable = {(s.path, s.name): s for p in pages for s in included(p) if s.blocker is None}
    assert {(PKG / f, n) for f, n in SCALAR} <= set(runnable)
    blocks = [(s.code, s.preamble, _doc(s)) for s in runnable.values()]
    done = subprocess.run(
        [sys.executable, "-c", NO_NUMPY],
        input=json.dumps(blocks),
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"PYTHONPATH": str(SRC)},
    )
    for (key, section), got in zip(runnable.items(), json.loads(done.stdout), strict=True):
        assert got == run(section.code, section.preamble, _doc(section)), key
        assert "Error" not in got, (key, got)
