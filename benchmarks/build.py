"""Measure a clean build the way CI and a newcomer meet it: a fresh clone, no caches.

Usage (from the repository root, in the docs environment, e.g. `.nox/docs`):

    python benchmarks/build.py [--runs 3]

Each run clones the committed HEAD into a temporary directory (so no `.cache/` with executed
notebooks or typeset formulas exists), links the installed `node_modules/` into it (installs
are not part of the figure), and times what `nox -s docs` runs there: `python -m descent
generate`, then `mkdocs build --strict`. It then times a second build in the same clone (warm
caches, what `nox -R -s docs` meets) and a build after a change to a module under `src/`
(every figure re-rendered, every notebook re-executed). Prints a Markdown table of wall-clock
seconds, median of the runs. Nothing is asserted: these machines are noisy, so numbers are
reported, never tested.
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

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(args: list[str], cwd: Path) -> float:
    env = {**ENV, "PYTHONPATH": str(cwd / "src")}  # the clone's package, not the installed one
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def one_run() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(repo)], check=True)
        (repo / "node_modules").symlink_to(ROOT / "node_modules")
        generate = [sys.executable, "-m", "descent", "generate"]
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site"]
        result = {"generate": timed(generate, repo), "build": timed(build, repo)}
        result["warm"] = timed(build, repo)
        module = repo / "src" / "descent" / "losses.py"
        module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        result["src"] = timed([*generate, "--force"], repo) + timed(build, repo)
        return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = [one_run() for _ in range(parser.parse_args().runs)]

    def median(key: str) -> float:
        return statistics.median(run[key] for run in runs)

    print(f"| step (fresh clone, median of {len(runs)}) | seconds |\n|---|---:|")
    print(f"| `generate` (committed files match their sources) | {median('generate'):.1f} |")
    build = median("build")
    print(f"| `mkdocs build --strict` (notebooks executed, formulas typeset) | {build:.1f} |")
    total = statistics.median(run["generate"] + run["build"] for run in runs)
    print(f"| **clean `nox -s docs` excluding installs** | **{total:.1f}** |")
    print(f"| … the same build again (warm caches, `nox -R -s docs`) | {median('warm'):.1f} |")
    print(
        f"| … after a change to src/ (all re-rendered, notebooks re-run) | {median('src'):.1f} |"
    )


if __name__ == "__main__":
    main()
