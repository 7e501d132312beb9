"""Measure a clean build: figures/tables, notebook execution, and the mkdocs build.

Usage (from the repository root, in the docs environment, e.g. `.nox/docs`):

    python benchmarks/build.py [--runs 3]

Prints a Markdown table of wall-clock seconds (median of the runs). Nothing is asserted:
these machines are noisy, so numbers are reported, never tested.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jupytext
import nbclient

ROOT = Path(__file__).resolve().parents[1]


def time_generate(docs: str | None = None) -> float:
    """Full rendering into an empty directory, or the docs session's run on the real docs/."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "descent", "generate", "--docs", docs or tmp],
                       cwd=ROOT, check=True, capture_output=True)  # fmt: skip
        return time.perf_counter() - start


def time_notebooks() -> float:
    start = time.perf_counter()
    for path in sorted((ROOT / "docs" / "notebooks").glob("*.py")):
        notebook = jupytext.read(path)
        nbclient.NotebookClient(notebook, kernel_name="python3", timeout=600).execute()
    return time.perf_counter() - start


def time_mkdocs() -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", tmp],
                       cwd=ROOT, env=env, check=True, capture_output=True)  # fmt: skip
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    full = statistics.median(time_generate() for _ in range(runs))
    gen = statistics.median(time_generate("docs") for _ in range(runs))
    nb = statistics.median(time_notebooks() for _ in range(runs))
    mk = statistics.median(time_mkdocs() for _ in range(runs))
    print(f"| step (median of {runs}) | seconds |\n|---|---:|")
    print(f"| every figure and table rendered (`generate` into an empty directory) | {full:.1f} |")
    print(f"| `generate` on a clean clone (committed files match their sources) | {gen:.1f} |")
    print(f"| notebooks executed (inside the mkdocs build) | {nb:.1f} |")
    print(f"| mkdocs build --strict, without notebook execution | {mk - nb:.1f} |")
    print(f"| **clean `nox -s docs` excluding installs** | **{gen + mk:.1f}** |")
    print(f"| … after a change to src/ (everything re-rendered) | {full + mk:.1f} |")


if __name__ == "__main__":
    main()
