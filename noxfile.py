"""Sessions for building and checking the book. `nox` alone runs every check but one.

nox -s figures   regenerate figures and tables        nox -s serve   live preview
nox -s docs      figures, then a strict build          nox -s lint    ruff
nox -s tests     unit tests, doctests, docs tests      nox -s browser real Chromium
nox -s torch     PyTorch examples re-run and compared with the book's engine (installs
                 PyTorch, about 5.5 GB with its CUDA wheels; not in the default list)
nox -s pyodide_numpy_probe   is a numpy wheel for the pinned Pyodide on PyPI? (not default)
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "tests", "docs", "browser"]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
CONSTRAINTS = ("-c", "constraints.txt")
ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0", "UV_COMPILE_BYTECODE": "1"}
PLAYWRIGHT_CHROMIUM = (
    "from playwright.sync_api import sync_playwright\n"
    "with sync_playwright() as p: print(p.chromium.executable_path)"
)
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# What a build of the site depends on; the docs session records its hash beside the build so
# the browser session can test that same build instead of building the site a second time.
BUILD_INPUTS = ("mkdocs.yml", "package-lock.json", "pyproject.toml", "constraints.txt")
BUILD_DIRS = ("docs", "src", "hooks", "overrides")
SITE_STAMP = ROOT / ".cache" / "site-sources.sha256"


def _install(session: nox.Session, extras: str) -> None:
    session.install("-e", f".[{extras}]", *CONSTRAINTS)


def _npm_ci(session: nox.Session) -> None:
    # run_install: skipped with -R (reused env), like the Python installs.
    session.run_install("npm", "ci", "--no-audit", "--no-fund", external=True)


def _generate(session: nox.Session) -> None:
    session.run("python", "-m", "descent", "generate", env=ENV)


def find_chromium() -> str | None:
    """The browser the Playwright tests drive: $CHROMIUM, else a system install."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return next((p for p in map(shutil.which, CHROMIUM_CANDIDATES) if p), None)


def site_sources_hash() -> str:
    """A hash of every file the site is built from (and SITE_URL, which the pages embed)."""
    digest = hashlib.sha256(os.environ.get("SITE_URL", "").encode())
    files = [ROOT / name for name in BUILD_INPUTS]
    for folder in BUILD_DIRS:
        files += sorted(
            p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts
        )
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
        digest.update(b"\0")
    return digest.hexdigest()


@nox.session
def figures(session: nox.Session) -> None:
    """Regenerate every figure (SVG) and generated table under docs/."""
    session.install("-e", ".", *CONSTRAINTS)
    _generate(session)


@nox.session
def docs(session: nox.Session) -> None:
    """Regenerate figures and tables, then build the site with `mkdocs build --strict`."""
    _install(session, "docs")
    _npm_ci(session)
    _generate(session)
    SITE_STAMP.unlink(missing_ok=True)
    session.run("mkdocs", "build", "--strict", "-d", "site", *session.posargs, env=ENV)
    if not session.posargs:
        SITE_STAMP.parent.mkdir(exist_ok=True)
        SITE_STAMP.write_text(site_sources_hash() + "\n", encoding="utf-8")


@nox.session
def serve(session: nox.Session) -> None:
    """Regenerate figures and tables, then serve the book at http://127.0.0.1:8000.

    After the first build, an edit rebuilds only the pages it touches (`--dirty`, made safe by
    hooks/preview.py); `nox -s serve -- --clean` rebuilds everything on every change instead.
    """
    _install(session, "docs")
    _npm_ci(session)
    _generate(session)
    mode = [] if "--clean" in session.posargs else ["--dirty"]
    session.run("mkdocs", "serve", "-a", "127.0.0.1:8000", *mode, *session.posargs, env=ENV)


@nox.session
def tests(session: nox.Session) -> None:
    """Run unit tests, doctests of src/ and the docs tests (parity, includes, builds)."""
    _install(session, "docs,test")
    _npm_ci(session)
    # the browser and torch tests have sessions of their own (they need Chromium, PyTorch)
    args = session.posargs or [
        "tests",
        "src",
        "--ignore=tests/browser",
        "--ignore=tests/pytorch_parity",
    ]
    session.run("pytest", *args, env=ENV)


@nox.session
def browser(session: nox.Session) -> None:
    """Serve the built site on 127.0.0.1 and test every page in headless Chromium.

    Tests site/ when the docs session built it from the current sources, else builds first.
    """
    chromium = find_chromium()
    fetch = os.environ.get("DESCENT_INSTALL_CHROMIUM") == "1"
    if not chromium and not fetch:
        session.error(
            "Chromium not found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`; "
            "macOS: `brew install --cask chromium`), set CHROMIUM=/path/to/chrome, or let "
            "Playwright download its own (about 170 MB, once, needs internet): "
            "`DESCENT_INSTALL_CHROMIUM=1 nox -s browser` (runs `playwright install chromium`)"
        )
    _install(session, "docs,browser")
    if not chromium:
        session.run("playwright", "install", "chromium")
        chromium = session.run("python", "-c", PLAYWRIGHT_CHROMIUM, silent=True).strip()
    _npm_ci(session)
    site = ROOT / "site"
    stamp = SITE_STAMP.read_text(encoding="utf-8").strip() if SITE_STAMP.is_file() else ""
    if site.is_dir() and stamp == site_sources_hash():
        session.log(f"testing {site}, built by the docs session from these same sources")
    else:
        site = ROOT / "site-browser"
        session.run("mkdocs", "build", "--strict", "-d", str(site), env=ENV)
    # Four workers on two cores: the tests mostly wait for pages to settle, so they overlap well
    # (test_reading alone: 8 min of test time ran in 4 min with two workers under load 10).
    args = session.posargs or [
        "tests/browser",
        "-n",
        os.environ.get("DESCENT_BROWSER_WORKERS", "4"),
        "--dist",
        "loadgroup",  # tests marked xdist_group("pyodide") share one worker, one at a time
    ]
    session.run(
        "pytest",
        *args,
        f"--site={site}",
        env={**ENV, "CHROMIUM": chromium},
    )


@nox.session
def lint(session: nox.Session) -> None:
    """Check formatting and lint with ruff."""
    session.install("ruff", *CONSTRAINTS)
    session.run("ruff", "format", "--check", ".")
    session.run("ruff", "check", ".")


@nox.session
def torch(session: nox.Session) -> None:
    """Re-run every PyTorch example of chapters 10-11: record unchanged, engine agrees."""
    # PyTorch is not a dependency of the package; it lives in this session's venv only.
    session.install("-e", ".", "pytest", "hypothesis", *CONSTRAINTS)
    session.install("torch==2.14.1")
    # (1) the committed record and docs/generated/torch-*.md match a fresh run (diff if not)
    session.run("python", "-m", "descent.twins.record", "--check", env=ENV)
    # (2) every PyTorch example agrees with its from-scratch twin (1e-12 float64, 1e-6 float32)
    session.run("pytest", "tests/pytorch_parity", *session.posargs, env=ENV)


@nox.session(python=False)
def pyodide_numpy_probe(session: nox.Session) -> None:
    """Report whether PyPI offers a numpy wheel for the pinned Pyodide (not in the default list).

    Blocks that need numpy link to a notebook today; when this finds a wheel built for the
    Pyodide ABI in node_modules/pyodide/pyodide-lock.json, hooks/live.py can make them
    runnable by shipping that wheel into the site the same way.
    """
    import json
    import re
    import urllib.request

    lock = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"
    if not lock.is_file():
        session.error(f"{lock} is missing: run `npm ci`")
    info = json.loads(lock.read_text(encoding="utf-8"))["info"]
    abi, py = info["abi_version"], info["python"]
    tag = f"cp{''.join(py.split('.')[:2])}"
    with urllib.request.urlopen("https://pypi.org/pypi/numpy/json", timeout=30) as response:
        release = json.load(response)
    files = [f["filename"] for f in release["urls"]]
    wasm = [f for f in files if re.search(r"(pyodide|emscripten)_.*wasm32\.whl$", f)]
    fits = [f for f in wasm if f"pyodide_{abi}_wasm32" in f and f"-{tag}-" in f]
    session.log(
        f"Pyodide {info['python']} (ABI {abi}); numpy {release['info']['version']} on PyPI"
    )
    session.log(f"browser wheels on PyPI: {wasm or 'none'}")
    session.log(f"installable in this Pyodide: {'yes: ' + fits[0] if fits else 'no'}")
