"""Hook: make jupytext notebooks under docs/notebooks/ render under i18n, and offer .ipynb.

Why: mkdocs-static-i18n re-creates every File and drops mkdocs-jupyter's wrapper, so a
``.py`` notebook would be copied raw to ``…/index.html`` and ``--strict`` would not notice.
Declaring ``.py`` a documentation extension makes MkDocs build a Page for each notebook
(``x.py`` and ``x.en.py``); mkdocs-jupyter then executes and renders it as usual.

Each notebook is executed once by descent.build.notebook (cached in ``.cache/notebooks/`` by
content); all of them start at the beginning of the build, in kernels that run beside the
rendering of the other pages. The page is rendered from that executed ``.ipynb`` and the same
file, with its outputs and a python3 kernelspec, is written as ``<name>.ipynb`` beside the
page for download.
The hook also exposes the file names to ``overrides/main.html`` for download buttons, and
gives each notebook page a meta description: the first paragraph of its first Markdown cell.
And it removes nbconvert's MathJax 2 loader (an empty ``<script src="">`` and its config):
hooks/mathjax.py typesets notebook math at build time like every other page's. nbconvert's
inline CSS (JupyterLab's, about 590 KB, the same on every notebook page) is moved to one
stylesheet, ``assets/stylesheets/notebook.<hash>.css``, which the browser caches.
"""

from __future__ import annotations

import hashlib
import os
import re
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import jupytext
import mkdocs.utils
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url
from nbclient.exceptions import CellExecutionError

from descent.build.notebook import executed

if ".py" not in mkdocs.utils.markdown_extensions:
    mkdocs.utils.markdown_extensions = (*mkdocs.utils.markdown_extensions, ".py")

NOTEBOOK_DIR = "notebooks/"
STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
NBCONVERT_MATHJAX = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S
)


# Notebooks executing in the background: source path → the executed .ipynb to come. Each runs
# in its own kernel process, so they run beside mkdocs rendering the other pages.
RUNNING: dict[str, Future] = {}
POOL = ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1), thread_name_prefix="notebook")


def _cache_dir(config) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "notebooks"


def on_pre_build(config):
    """Start executing every notebook (or finding it in the cache) before the pages render."""
    RUNNING.clear()
    sources = (Path(config.docs_dir) / NOTEBOOK_DIR).glob("*.py")
    # the default language's first: its pages are built first (the other language's after them)
    for source in sorted(sources, key=lambda s: (s.stem.endswith(".en"), s.name)):
        RUNNING[str(source)] = POOL.submit(executed, source, _cache_dir(config))


def _is_notebook(page) -> bool:
    return page.file.src_uri.startswith(NOTEBOOK_DIR) and page.file.src_uri.endswith(".py")


def description(notebook) -> str | None:
    """The first paragraph after the title of the first Markdown cell, on one line.

    A notebook whose first cell has only a title is described by the title; one without a
    Markdown cell keeps the site's description (None).
    """
    cell = next((c for c in notebook.cells if c.cell_type == "markdown"), None)
    if cell is None:
        return None
    paragraphs = [p for p in cell.source.split("\n\n") if p.strip()]
    text_paragraphs = [p for p in paragraphs if not p.startswith("#")]
    chosen = text_paragraphs[0] if text_paragraphs else paragraphs[0].lstrip("# ")
    text = ""
    for line in chosen.splitlines():
        # Chinese lines join without a space; English ones with one
        text += ("" if not text or text[-1] >= "\u3000" else " ") + line.strip()
    return text


def _executed(page, config) -> Path:
    source = page.file.abs_src_path
    try:
        if source in RUNNING:
            return RUNNING[source].result()
        return executed(Path(source), _cache_dir(config))
    except CellExecutionError as error:
        raise PluginError(f"{page.file.src_uri}: a cell raised\n{error}") from error


@event_priority(-50)  # after mkdocs-jupyter has set its renderer
def on_pre_page(page, config, files):
    """Render a notebook page from its executed .ipynb (mkdocs-jupyter does not execute)."""
    if _is_notebook(page) and "render" in vars(page):
        render = page.render

        def render_executed(config, files):
            source = page.file.abs_src_path
            page.file.abs_src_path = str(_executed(page, config))
            try:
                render(config, files)
            finally:
                page.file.abs_src_path = source

        page.render = render_executed
    return page


def on_page_context(context, page, config, nav):
    """Tell the template which files a notebook page offers, and describe the page."""
    if _is_notebook(page):
        stem = Path(page.file.src_uri).stem
        page.meta["notebook_downloads"] = [f"{stem}.ipynb", f"{stem}.py"]
        text = description(jupytext.read(page.file.abs_src_path))
        if text:
            page.meta.setdefault("description", text)
    return context


def on_page_content(html, page, config, files):
    """Drop nbconvert's MathJax loader, and move its styles out of the content before the
    search plugin parses it (~2 s)."""
    if _is_notebook(page):
        return _shared_stylesheet(NBCONVERT_MATHJAX.sub("", html), page, config)
    return html


def on_post_page(output, page, config):
    """Write the executed .ipynb next to the page (the .py copy is made by mkdocs-jupyter)."""
    if _is_notebook(page):
        source = Path(page.file.abs_src_path)
        target = Path(page.file.abs_dest_path).parent / f"{source.stem}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_executed(page, config).read_bytes())
    return output


def _shared_stylesheet(output: str, page, config) -> str:
    """Replace the content's <style> blocks (all nbconvert's) by one <link>."""
    blocks = STYLE.findall(output)
    if not blocks:
        return output
    css = '@charset "UTF-8";\n' + "\n".join(b.replace('@charset "UTF-8";', "") for b in blocks)
    name = f"assets/stylesheets/notebook.{hashlib.sha256(css.encode()).hexdigest()[:10]}.css"
    target = Path(config.site_dir) / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")
    link = f'<link rel="stylesheet" href="{get_relative_url(name, page.url)}">'
    first = STYLE.search(output)
    return output[: first.start()] + link + STYLE.sub("", output[first.start() :])
