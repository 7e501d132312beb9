"""Whether the files under ``docs/`` were generated from the package's current sources.

``python -m descent generate`` skips its work when the digest recorded in
``docs/.sources.sha256`` equals :func:`sources_digest`; ``--force`` ignores it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from descent.build.artifacts import discover

DIGEST = ".sources.sha256"  # under docs/; a dotfile, so mkdocs never publishes it


def sources_digest() -> str:
    """SHA-256 of what the artifacts are made from: the package's files, numpy and matplotlib.

    Both libraries are pinned in constraints.txt; figure bytes depend on matplotlib's version.
    """
    import matplotlib
    import numpy

    package = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    h.update(f"numpy {numpy.__version__} ".encode())
    h.update(f"matplotlib {matplotlib.__version__}\n".encode())
    for path in sorted(package.rglob("*")):
        if (
            path.is_file()
            and path.suffix in (".py", ".json", ".toml")
            and "__pycache__" not in path.parts
        ):
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def up_to_date(docs_dir: Path) -> bool:
    """True when the last full generation used these exact sources and its files are there."""
    record = Path(docs_dir) / DIGEST
    if not record.is_file() or record.read_text(encoding="utf-8").strip() != sources_digest():
        return False
    return all((Path(docs_dir) / a.path).is_file() for a in discover())


def record_digest(docs_dir: Path) -> None:
    """Remember which sources the files under ``docs_dir`` were generated from."""
    (Path(docs_dir) / DIGEST).write_text(sources_digest() + "\n", encoding="utf-8")
