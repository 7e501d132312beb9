"""Lighthouse scores (mobile preset) for chapter pages, served gzipped as GitHub Pages would.

Usage (from the repository root, after `nox -s docs`, with Chromium installed):

    npm ci --prefix benchmarks          # Lighthouse, pinned in benchmarks/package-lock.json
    python benchmarks/lighthouse.py [--site site] [--runs 3] [--page loss/ --page en/loss/ ...]

Prints performance, accessibility, best practices and SEO (0–100) for each page, the median
of --runs runs (performance varies from run to run on a busy machine; Lighthouse advises the
median of several), every run's performance score with the host's benchmarkIndex (as
score@index: Lighthouse's 4× CPU slowdown assumes a fast desktop, and the index shows how
fast this machine was during that run), and the audits that cost points.
The goal is ≥ 95 in every category; reported, never asserted.

Chinese pages are laid out with whatever CJK font the machine has (a reader's device always
has one; a bare Linux server often none), so the script prints which it measured with. On
the 2-core machine of README.md's table, installing fonts-noto-cjk moved the medians less
than the spread between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from page_weight import gzip_server

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run"


def cjk_fonts() -> str:
    """The CJK fonts fontconfig offers Chromium for Chinese text ("none" if there are none)."""
    if not shutil.which("fc-list"):
        return "unknown (no fc-list)"
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    families = sorted({line.split(",")[0] for line in out.stdout.splitlines() if line.strip()})
    return ", ".join(families[:3]) + (" …" if len(families) > 3 else "") if families else "none"


def audit(url: str, chromium: str) -> dict:
    """Run Lighthouse once on ``url`` (mobile emulation, simulated throttling)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            check=True, env={**os.environ, "CHROME_PATH": chromium},
        )  # fmt: skip
        return json.loads(report.read_text(encoding="utf-8"))


def summary(report: dict) -> tuple[dict[str, int], list[str]]:
    """Scores per category (and the host's benchmarkIndex), and the audits below 0.9."""
    scores = {c: round(100 * report["categories"][c]["score"]) for c in CATEGORIES}
    scores["host"] = round(report["environment"]["benchmarkIndex"])
    failing = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit_result = report["audits"][ref["id"]]
            score = audit_result.get("score")
            if ref["weight"] and score is not None and score < 0.9:
                value = audit_result.get("displayValue", "")
                failing.append(f"{category}: {ref['id']} score {score:.2f} {value}".rstrip())
    return scores, failing


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--page", action="append")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `npm ci --prefix benchmarks`")
    server, base = gzip_server(args.site)
    try:
        print(f"CJK fonts on this machine: {cjk_fonts()}")
        print(f"{'page':24}" + "".join(f"{c:>16}" for c in CATEGORIES) + "  performance@host")
        notes = []
        for page in args.page or ["loss/", "en/loss/"]:
            runs = [summary(audit(base + page, args.chromium)) for _ in range(args.runs)]
            median = {c: statistics.median(s[c] for s, _ in runs) for c in CATEGORIES}
            print(f"/{page:23}" + "".join(f"{median[c]:>16g}" for c in CATEGORIES)
                  + "  " + " ".join(f"{s['performance']}@{s['host']}"
                                    for s, _ in runs))  # fmt: skip
            notes += sorted({f"  /{page} {line}" for _, failing in runs for line in failing})
        print("\n".join(["audits below 0.9:", *notes]) if notes else "every weighted audit ≥ 0.9")
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
