"""The notebook-page hook: headings take the English twin's ids, figures their cell's alt."""

from __future__ import annotations

import doctest

import nbformat
import pytest
from mkdocs.exceptions import PluginError
from pages import ROOT, load_hook

hook = load_hook("notebook_html")
NO_ALT = '<img alt="No description has been provided for this image">'


def test_the_examples_in_the_docstrings():
    result = doctest.testmod(hook)
    assert result.attempted >= 4 and result.failed == 0


def test_every_notebook_has_as_many_headings_as_its_twin():
    import jupytext

    for source in sorted((ROOT / "docs" / "notebooks").glob("*.py")):
        cells = [c.source for c in jupytext.read(source).cells if c.cell_type == "markdown"]
        assert len(hook.heading_ids(cells)) == len(hook.twin_ids(source)) > 3, source.name


def test_a_heading_too_many_or_too_few_fails():
    page = '<h1 id="">一<a class="anchor-link" href="#">¶</a></h1>'
    with pytest.raises(PluginError, match=r"x\.py: 1 headings, but its English twin has 2"):
        hook.set_heading_ids(page, ["a", "b"], "x.py")


def test_a_figure_without_a_description_fails():
    with pytest.raises(PluginError, match=r"x\.py: a cell that draws a figure has no alt"):
        hook.set_alts(NO_ALT, [None], "x.py")
    with pytest.raises(PluginError, match=r"x\.py: 2 images, 1 described"):
        hook.set_alts(NO_ALT * 2, ["A"], "x.py")


def test_the_description_is_escaped():
    assert hook.set_alts(NO_ALT, ['a "b" <c>'], "x") == '<img alt="a &quot;b&quot; &lt;c&gt;">'


def test_alt_texts_come_from_the_cells_that_draw():
    figure = nbformat.v4.new_output("display_data", data={"image/png": "iVBO", "text/plain": "F"})
    text = nbformat.v4.new_output("stream", text="1\n")
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("print(1)", outputs=[text]),
            nbformat.v4.new_code_cell("fig", outputs=[figure], metadata={"alt": "A"}),
            nbformat.v4.new_markdown_cell("# t"),
            nbformat.v4.new_code_cell("fig", outputs=[figure]),
        ]
    )
    assert hook.figure_alts(notebook) == ["A", None]
