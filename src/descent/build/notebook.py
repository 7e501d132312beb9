"""The book's notebooks executed once, kept by content, for the page and the download alike.

A notebook (jupytext ``docs/notebooks/x.py``) is executed in a fresh ``python3`` kernel and
saved as ``.ipynb`` with its outputs and kernelspec under ``.cache/notebooks/``, named by the
SHA-256 of what its outputs depend on: the notebook's source, the package's sources with the
numpy and matplotlib versions (:func:`descent.build.digest.sources_digest`) and the Python
version. The page is rendered from that file and the same file is offered for download, so
a reader's Jupyter opens it ready to run, with the outputs the page shows; ``mkdocs serve``
does not execute an unchanged notebook again. The cache is not committed: a fresh clone
executes every notebook once.

>>> KERNELSPEC["name"], KERNELSPEC["language"]
('python3', 'python')
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from descent.build.digest import sources_digest

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
TIMEOUT = 600  # seconds for one cell


def cache_key(source: Path) -> str:
    """SHA-256 of the notebook's source, the package's sources and the Python version."""
    h = hashlib.sha256()
    h.update(Path(source).read_bytes() + b"\0")
    h.update(sources_digest().encode() + b"\0")
    h.update(f"{sys.version_info[:3]} {KERNELSPEC['name']}".encode())
    return h.hexdigest()


def executed(source: Path, cache_dir: Path) -> Path:
    """The executed ``.ipynb`` of a jupytext notebook, from the cache or executed now.

    A raising cell raises ``nbclient.exceptions.CellExecutionError`` (nothing is cached).
    """
    source = Path(source)
    target = Path(cache_dir) / f"{source.stem}.{cache_key(source)[:16]}.ipynb"
    if target.is_file():
        return target
    notebook = jupytext.read(source)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata.pop("jupytext", None)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name=KERNELSPEC["name"],
        resources={"metadata": {"path": str(source.parent)}},
    )
    client.execute()
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f"{source.stem}.{'?' * 16}.ipynb"):
        stale.unlink()
    partial = target.with_suffix(".partial")
    nbformat.write(notebook, partial)
    partial.replace(target)
    return target
