"""Fixtures for the browser tests: a local HTTP server over the built site and Chromium.

Run through `nox -s browser`, which builds the site and passes --site and $CHROMIUM.
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest output readable
        pass


class _Server(ThreadingHTTPServer):
    # the default backlog of 5 can refuse a connection when a page, its worker and Pyodide's
    # files are all requested at once on a loaded machine
    request_queue_size = 128


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``directory`` on 127.0.0.1 (a free port) from a daemon thread."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_dir(pytestconfig) -> Path:
    site = pytestconfig.getoption("--site")
    if not site or not (Path(site) / "index.html").is_file():
        pytest.fail("the browser tests need a built site: run `nox -s browser`", pytrace=False)
    return Path(site)


@pytest.fixture(scope="session")
def base_url(site_dir):
    server, url = serve(site_dir)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def chromium():
    executable = os.environ.get("CHROMIUM")
    if not executable:
        pytest.fail("set CHROMIUM to a Chromium binary (nox -s browser finds it)", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(chromium):
    ctx = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


def built_pages(site: Path, containing: str | None = None) -> list[str]:
    """Every HTML page of the built site, as URL paths (both languages); with ``containing``,
    only the pages whose HTML contains that text (e.g. a widget's marker)."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if rel.startswith("assets"):
            continue
        if containing is not None and containing not in html.read_text(encoding="utf-8"):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages
