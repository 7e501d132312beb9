"""Bytes transferred (gzipped) to show one chapter page, MathJax and fonts included.

Usage (from the repository root, after `nox -s docs`, with Chromium installed):

    python benchmarks/page_weight.py [--site site] [--page loss/] [--chromium /usr/bin/chromium]

The built site is served from 127.0.0.1 by a server that gzips text responses the way
GitHub Pages does; headless Chromium loads the page, waits for MathJax, and the encoded
body sizes of every response are added up. Reported, never asserted.
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


def measure(site: Path, page_path: str, chromium: str) -> list[tuple[str, int]]:
    server, base = gzip_server(site)
    sizes: list[tuple[str, int]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page()
        responses = []
        page.on("requestfinished", lambda r: responses.append(r))
        page.goto(base + page_path, wait_until="load")
        page.evaluate("() => window.MathJax && MathJax.startup.promise")
        page.evaluate("() => document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
        for request in responses:
            s = request.sizes()
            sizes.append((request.url.removeprefix(base), s["responseBodySize"]))
        browser.close()
    server.shutdown()
    server.server_close()
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--page", action="append")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    for page_path in args.page or ["loss/", "en/loss/"]:
        sizes = measure(args.site, page_path, args.chromium)
        total = sum(n for _, n in sizes)
        mathjax = sum(n for u, n in sizes if "mathjax" in u)
        print(f"/{page_path}: {len(sizes)} requests, {total / 1024:.0f} KiB transferred "
              f"(MathJax and its fonts {mathjax / 1024:.0f} KiB)")  # fmt: skip
        for url, n in sorted(sizes, key=lambda item: -item[1])[:8]:
            print(f"    {n / 1024:7.1f} KiB  {url}")


if __name__ == "__main__":
    main()
