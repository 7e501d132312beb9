"""How long until an edit shows in `mkdocs serve`: a page, a notebook, a module under src/.

Copies the repository (without site/, .nox/, .git/) to a temporary directory, starts
`mkdocs serve` there on a free port, waits for the first build, then makes one edit at a
time and polls the served HTML until it contains the edit. Reports seconds per edit.
Run inside the docs environment: `.nox/docs/bin/python benchmarks/preview.py` (serves with
`--dirty`, as `nox -s serve` does; pass other `mkdocs serve` options, e.g. `--clean`, instead).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(
    ".git", ".nox", "site", "site-browser", "__pycache__", ".cache", "node_modules"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def served(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, marker: str, limit: float = 300.0) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if marker in served(url):
            return time.perf_counter() - start
        time.sleep(0.2)
    raise TimeoutError(f"{marker!r} not served at {url} within {limit} s")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "book"
        shutil.copytree(ROOT, copy, ignore=SKIP, symlinks=True)
        (copy / "node_modules").symlink_to(ROOT / "node_modules")
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        options = sys.argv[1:] or ["--dirty"]
        env = {**os.environ, "PYTHONPATH": str(copy / "src")}  # the copy's package, edits and all
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *options],
            cwd=copy, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            print(f"first build served after {wait_for(base + 'loss/', 'loss'):.1f} s")
            edits = [
                ("page docs/loss.md", copy / "docs" / "loss.md", "\nPREVIEWPAGE\n", "loss/"),
                (
                    "notebook docs/notebooks/part1.py",
                    copy / "docs" / "notebooks" / "part1.py",
                    "\n# %% [markdown]\n# PREVIEWNOTEBOOK\n",
                    "notebooks/part1/",
                ),
                (
                    "module src/descent/linear.py (an included section's comment)",
                    copy / "src" / "descent" / "linear.py",
                    "\n# PREVIEWMODULE\n",
                    "loss/",
                ),
            ]
            for name, path, text, page in edits:
                marker = text.strip().split()[-1]
                if name.startswith("module"):
                    # a module shows on a page only through an included section: edit inside one
                    source = path.read_text(encoding="utf-8")
                    anchor = "# --8<-- [end:loss-quadratic]"
                    path.write_text(source.replace(anchor, f"# {marker}\n" + anchor, 1))
                else:
                    append(path, text)
                print(f"{name}: served after {wait_for(base + page, marker):.1f} s")
            index = json.loads(served(base + "search/search_index.json") or "{}")
            pages = {doc["location"].split("#")[0] for doc in index.get("docs", [])}
            print(f"search index after the edits: {len(pages)} pages")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
