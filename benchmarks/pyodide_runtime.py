"""The in-page Python of the Run buttons: bytes it costs and time to the first result.

Usage (from the repository root, after `nox -s docs`, with Chromium installed):

    python benchmarks/pyodide_runtime.py [--site site] [--page derivatives/] [--runs 3]
                                        [--chromium PATH]

Sizes: each file of assets/pyodide/ (the Pyodide core copied from npm by hooks/live.py and
the zip of the package), raw and gzipped, and the script a page with Run buttons loads at
page load (javascripts/live.js), and the answer boxes' script (javascripts/check.js, loaded at
page load on pages with answer boxes). Time: a fresh browser context (empty cache) opens the page,
clicks the first Run button and waits for its output; the time from the click to the output
is the time to the first result (Pyodide downloaded, compiled, started, package unpacked,
block run). A second click on the same page measures a run once Python is up. Served by the
gzipping server of page_weight.py. Reported, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from page_weight import ARGS, gzip_server

DONE = "el => !el.hidden && !/^(正在加载|运行中|Loading Python|Running)/.test(el.textContent)"


def sizes(site: Path) -> None:
    total_raw = total_gz = 0
    files = sorted((site / "assets" / "pyodide").iterdir())
    files += [
        site / "javascripts" / f"{n}.js" for n in ("live", "live-ui", "live-worker", "check")
    ]
    for path in files:
        raw = path.read_bytes()
        gz = len(gzip.compress(raw, 6))
        if path.parent.name == "pyodide":
            total_raw, total_gz = total_raw + len(raw), total_gz + gz
        print(f"{path.relative_to(site).as_posix():36} {len(raw):>10,} B  gzip {gz:>10,} B")
    print(f"{'runtime total (assets/pyodide/)':36} {total_raw:>10,} B  gzip {total_gz:>10,} B")


def first_result(site: Path, page_path: str, runs: int, chromium: str) -> None:
    server, base = gzip_server(site)
    cold, warm = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + page_path, wait_until="networkidle")
            run = page.locator(".live [data-live=run]").first
            out = page.locator(".live .live-output").first.element_handle()
            for times in (cold, warm):
                start = page.evaluate("performance.now()")
                run.click()
                page.wait_for_function(DONE, arg=out, timeout=300_000)
                times.append((page.evaluate("performance.now()") - start) / 1000)
                page.evaluate("el => { el.hidden = true; }", out)
            context.close()
        browser.close()
    server.shutdown()
    print(f"{page_path}: first result after {statistics.median(cold):.2f} s "
          f"(median of {runs}: {', '.join(f'{t:.2f}' for t in cold)}); "
          f"a later run {statistics.median(warm) * 1000:.0f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--page", default="derivatives/")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    sizes(args.site)
    first_result(args.site, args.page, args.runs, args.chromium)


if __name__ == "__main__":
    main()
