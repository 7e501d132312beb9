"""Hook: a notebook page's headings carry meaningful ids, and its figures a description.

Why: mkdocs-jupyter takes a notebook's table of contents from Python-Markdown (Chinese
headings become ``_1``, ``1``, ``2``…) and the headings' ids from its own slugs (a Chinese
title gets ``id=""``), so the two agree only by luck. Both are replaced by the slugs of the
English twin's headings (``part1.en.py`` for ``part1.py``), in order: the same ids in both
languages, as on every chapter. And nbconvert gives each figure the alt text "No description
has been provided for this image"; a figure's description is the ``alt`` metadata of the cell
that draws it (jupytext: ``# %% alt="…"``), written in the notebook's language. A notebook whose
headings do not match its twin's, or a figure cell without ``alt``, fails the build.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import jupytext
from markdown.extensions.toc import slugify, unique
from mkdocs.exceptions import PluginError

from descent.build.notebook import executed

HEADING = re.compile(r'<h([1-6]) id="[^"]*">(.*?)<a class="anchor-link" href="#[^"]*">', re.S)
NO_ALT = 'alt="No description has been provided for this image"'
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def _is_notebook(page) -> bool:
    return page.file.src_uri.startswith("notebooks/") and page.file.src_uri.endswith(".py")


def heading_ids(markdown_cells: list[str]) -> list[str]:
    """Slugs of the headings of a notebook's Markdown cells, in order, each unique.

    >>> heading_ids(["# Part I: the data\\n\\ntext", "## 1. The data", "## 1. The data"])
    ['part-i-the-data', '1-the-data', '1-the-data_1']
    >>> heading_ids(["## 5. SGD: $x$ and `y`"])
    ['5-sgd-x-and-y']
    """
    ids: set[str] = set()
    found = []
    for source in markdown_cells:
        source = re.sub(r"```.*?```", "", source, flags=re.S)
        for text in MARKDOWN_HEADING.findall(source):
            found.append(unique(slugify(re.sub(r"[$`*\\]", "", text), "-"), ids))
    return found


def twin_ids(source: Path) -> list[str]:
    """Heading ids of a notebook, taken from its English twin (``x.en.py`` beside ``x.py``)."""
    twin = source if source.stem.endswith(".en") else source.with_suffix(".en.py")
    if not twin.is_file():
        raise PluginError(f"{source.name}: no English twin {twin.name} to take heading ids from")
    cells = [c.source for c in jupytext.read(twin).cells if c.cell_type == "markdown"]
    return heading_ids(cells)


def _toc_items(toc):
    for item in toc:
        yield item
        yield from _toc_items(item.children)


def set_heading_ids(page_html: str, ids: list[str], name: str) -> str:
    """Give the notebook's headings (the ones with an anchor link) ``ids``, in order.

    >>> set_heading_ids('<h2 id="">一<a class="anchor-link" href="#">¶</a></h2>', ["one"], "x")
    '<h2 id="one">一<a class="anchor-link" href="#one">¶</a></h2>'
    """
    found = HEADING.findall(page_html)
    if len(found) != len(ids):
        raise PluginError(f"{name}: {len(found)} headings, but its English twin has {len(ids)}")
    it = iter(ids)

    def one(m: re.Match) -> str:
        slug = next(it)
        return f'<h{m[1]} id="{slug}">{m[2]}<a class="anchor-link" href="#{slug}">'

    return HEADING.sub(one, page_html)


def figure_alts(notebook) -> list[str | None]:
    """The ``alt`` metadata of each code cell's image outputs, in order (None when missing)."""
    alts = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if any(k.startswith("image/") for k in output.get("data", {})):
                alts.append(cell.metadata.get("alt"))
    return alts


def set_alts(page_html: str, alts: list[str | None], name: str) -> str:
    """Replace nbconvert's placeholder alt text of each image by its cell's description.

    >>> set_alts('<img alt="No description has been provided for this image">', ["A"], "x")
    '<img alt="A">'
    """
    if any(not alt for alt in alts):
        raise PluginError(f'{name}: a cell that draws a figure has no alt="…" metadata')
    if page_html.count(NO_ALT) != len(alts):
        raise PluginError(f"{name}: {page_html.count(NO_ALT)} images, {len(alts)} described")
    for alt in alts:
        page_html = page_html.replace(NO_ALT, f'alt="{html.escape(alt)}"', 1)
    return page_html


def on_page_context(context, page, config, nav):
    """The table of contents links to the ids the headings will carry."""
    if _is_notebook(page):
        ids = twin_ids(Path(page.file.abs_src_path))
        items = list(_toc_items(page.toc))
        if len(items) != len(ids):
            raise PluginError(
                f"{page.file.src_uri}: {len(items)} headings, its English twin {len(ids)}"
            )
        for item, slug in zip(items, ids, strict=True):
            item.id = slug
    return context


def on_post_page(output, page, config):
    if not _is_notebook(page):
        return output
    source = Path(page.file.abs_src_path)
    output = set_heading_ids(output, twin_ids(source), page.file.src_uri)
    cache = Path(config.config_file_path).parent / ".cache" / "notebooks"
    notebook = jupytext.read(executed(source, cache))
    return set_alts(output, figure_alts(notebook), page.file.src_uri)
