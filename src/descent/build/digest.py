"""Whether the files under ``docs/`` were generated from the package's current sources.

``python -m descent generate`` skips its work when the digest recorded in
``docs/.sources.sha256`` equals :func:`sources_digest` and the files' own digest
(so a hand-edited generated file is noticed); ``--force`` ignores it.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

DIGEST = ".sources.sha256"  # under docs/; a dotfile, so mkdocs never publishes it


def sources_digest() -> str:
    """SHA-256 of what the artifacts are made from: the package's files, numpy and matplotlib.

    Both libraries are pinned in constraints.txt; figure bytes depend on matplotlib's version.
    The versions are read from the installed metadata, so that the build hooks that ask (the
    notebook cache's key) do not pay for importing matplotlib.
    """
    package = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    h.update(f"numpy {version('numpy')} ".encode())
    h.update(f"matplotlib {version('matplotlib')}\n".encode())
    for path in sorted(package.rglob("*")):
        if (
            path.is_file()
            and path.suffix in (".py", ".json", ".toml")
            and "__pycache__" not in path.parts
        ):
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _files_digest(docs_dir: Path) -> str | None:
    """SHA-256 over every artifact's path and bytes; None if one is missing."""
    from descent.build.artifacts import discover  # imports every chapter's figures

    h = hashlib.sha256()
    for artifact in discover():
        path = Path(docs_dir) / artifact.path
        if not path.is_file():
            return None
        h.update(artifact.path.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def up_to_date(docs_dir: Path) -> bool:
    """True when the last full generation used these exact sources and its files are unedited."""
    record = Path(docs_dir) / DIGEST
    if not record.is_file():
        return False
    lines = record.read_text(encoding="utf-8").split()
    return lines == [sources_digest(), _files_digest(docs_dir)]


def record_digest(docs_dir: Path) -> None:
    """Remember which sources the files under ``docs_dir`` were generated from, and the files."""
    text = f"{sources_digest()}\n{_files_digest(docs_dir)}\n"
    (Path(docs_dir) / DIGEST).write_text(text, encoding="utf-8")
