"""Which sections run in the page (descent.build.runnable) and what a run prints (descent.live)."""

from __future__ import annotations

import ast

import pytest

from descent.build.runnable import SRC, analyse, blocker, sections
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
        (
            "chapters/computation_graph/examples.py",
            "divide-error",
            "numpy",
        ),  # through descent.validate
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
