"""Main-thread work of loading one page: how long the renderer is busy, and on what.

Usage (from the repository root, after `nox -s docs`, with Chromium installed):

    python benchmarks/page_load.py [--site site] [--page autograd/ ...] [--width 390]
                                   [--runs 3] [--block a11y.js ...] [--chromium PATH]

Each page is loaded in a fresh browser context (empty cache) at the given width (390 px: a
phone, the default; 1280: a desktop) and Chromium's own counters are read once the network
is quiet: busy time of the main thread (TaskDuration), and within it script, layout and
style work, with the number of layouts and style recalculations. A page's scripts can force
many small recalculations by interleaving reads and writes of the layout; the counts show
it. ``--block NAME`` aborts every request whose URL contains NAME, to see one script's share.
Medians of --runs loads; reported, never asserted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
from pathlib import Path

from page_weight import ARGS, every_page, gzip_server
from playwright.sync_api import sync_playwright

METRICS = (
    ("TaskDuration", "busy ms", 1000),
    ("ScriptDuration", "script ms", 1000),
    ("LayoutDuration", "layout ms", 1000),
    ("RecalcStyleDuration", "style ms", 1000),
    ("LayoutCount", "layouts", 1),
    ("RecalcStyleCount", "style recalcs", 1),
)


def load_metrics(site: Path, paths: list[str], chromium: str, width: int, runs: int,
                 block: list[str]) -> dict[str, dict[str, float]]:  # fmt: skip
    """The median of each counter over ``runs`` loads of every page in ``paths``."""
    server, base = gzip_server(site)
    result = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for path in paths:
            samples: dict[str, list[float]] = {name: [] for name, _, _ in METRICS}
            for _ in range(runs):
                context = browser.new_context(viewport={"width": width, "height": 844})
                page = context.new_page()
                for name in block:
                    page.route(f"**/*{name}*", lambda route: route.abort())
                cdp = context.new_cdp_session(page)
                cdp.send("Performance.enable")
                page.goto(base + path, wait_until="load")
                page.wait_for_load_state("networkidle")
                got = {
                    m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]
                }
                for name, _, _ in METRICS:
                    samples[name].append(got[name])
                context.close()
            result[path] = {name: statistics.median(v) for name, v in samples.items()}
        browser.close()
    server.shutdown()
    server.server_close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--page", action="append")
    parser.add_argument("--width", type=int, default=390)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--block", action="append", default=[])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    paths = args.page or every_page(args.site)
    found = load_metrics(args.site, paths, args.chromium, args.width, args.runs, args.block)
    blocked = f", {' and '.join(args.block)} blocked" if args.block else ""
    print(f"{args.width} px wide, median of {args.runs} loads{blocked}")
    print(f"{'page':28}" + "".join(f"{label:>15}" for _, label, _ in METRICS))
    for path in sorted(found, key=lambda p: -found[p]["TaskDuration"]):
        row = found[path]
        print(f"/{path:27}" + "".join(f"{row[n] * k:15.0f}" for n, _, k in METRICS))


if __name__ == "__main__":
    main()
