"""Bytes transferred (gzipped) to show one chapter page: HTML (with its typeset math), CSS,
scripts, figures and fonts.

Usage (from the repository root, after `nox -s docs`, with Chromium installed):

    python benchmarks/page_weight.py [--site site] [--page loss/ ...] [--chromium PATH]

Without --page every built page is measured, one line each, heaviest first, against the
goal of 400 KB (400,000 bytes); the heaviest page's largest responses are listed.

The built site is served from 127.0.0.1 by a server that gzips text responses the way
GitHub Pages does; headless Chromium loads the page and waits for the network to go quiet,
and the encoded body sizes of every response are added up. The page's own HTML is shown
apart: the formulas are SVG inside it (hooks/mathjax.py). Reported, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".map")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def gzip_server(site: Path) -> tuple[ThreadingHTTPServer, str]:
    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *a, **k):
            super().__init__(*a, directory=str(site), **k)

        def log_message(self, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            wants = "gzip" in self.headers.get("Accept-Encoding", "")
            if not (wants and path.is_file() and path.suffix in TEXT):
                return super().send_head()
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io

            return io.BytesIO(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(site: Path, page_paths: list[str], chromium: str) -> dict[str, list[tuple[str, int]]]:
    """Load each page in a fresh browser context and return the encoded size of every response."""
    server, base = gzip_server(site)
    result: dict[str, list[tuple[str, int]]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        for page_path in page_paths:
            context = browser.new_context()  # empty cache: every page counted from scratch
            page = context.new_page()
            responses = []
            page.on("requestfinished", lambda r, responses=responses: responses.append(r))
            page.goto(base + page_path, wait_until="load")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            page.wait_for_load_state("networkidle")
            result[page_path] = [
                (r.url.removeprefix(base), r.sizes()["responseBodySize"]) for r in responses
            ]
            context.close()
        browser.close()
    server.shutdown()
    server.server_close()
    return result


def every_page(site: Path) -> list[str]:
    """Every built page's path, e.g. ``loss/`` and ``en/loss/`` (the 404 page left out)."""
    return sorted(
        "" if f.parent == site else f.parent.relative_to(site).as_posix() + "/"
        for f in site.glob("**/index.html")
        if "assets" not in f.parts
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--page", action="append")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    pages = measure(args.site, args.page or every_page(args.site), args.chromium)
    totals = {path: sum(n for _, n in sizes) for path, sizes in pages.items()}
    print(f"{'page':32} {'requests':>8} {'KiB':>6} {'KB':>6} {'HTML KiB':>9}  goal 400 KB")
    for path in sorted(totals, key=lambda path: -totals[path]):
        sizes, total = pages[path], totals[path]
        html = sizes[0][1]  # the document itself is the first response
        verdict = "ok" if total <= 400_000 else "OVER"
        print(f"/{path:31} {len(sizes):8d} {total / 1024:6.0f} {total / 1000:6.0f} "
              f"{html / 1024:9.0f}  {verdict}")  # fmt: skip
    heaviest = max(totals, key=totals.__getitem__)
    print(f"largest responses of /{heaviest}:")
    for url, n in sorted(pages[heaviest], key=lambda item: -item[1])[:8]:
        print(f"    {n / 1024:7.1f} KiB  {url}")


if __name__ == "__main__":
    main()
