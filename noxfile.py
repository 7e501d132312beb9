"""Sessions for building and checking the book. `nox` alone runs every check but one.

nox -s figures   regenerate figures and tables        nox -s serve   live preview
nox -s docs      figures, then a strict build          nox -s lint    ruff
nox -s tests     unit tests, doctests, docs tests      nox -s browser real Chromium
nox -s torch     PyTorch examples re-run and compared with the book's engine (installs
                 PyTorch, about 5.5 GB with its CUDA wheels; not in the default list)
"""

from __future__ import annotations

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
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


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
    session.run("mkdocs", "build", "--strict", "-d", "site", *session.posargs, env=ENV)


@nox.session
def serve(session: nox.Session) -> None:
    """Regenerate figures and tables, then serve the book at http://127.0.0.1:8000."""
    _install(session, "docs")
    _npm_ci(session)
    _generate(session)
    session.run("mkdocs", "serve", "-a", "127.0.0.1:8000", *session.posargs, env=ENV)


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
    """Build the site, serve it on 127.0.0.1 and test every page in headless Chromium."""
    chromium = find_chromium()
    if not chromium:
        session.error(
            "Chromium not found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`; "
            "macOS: `brew install --cask chromium`) or set CHROMIUM=/path/to/chrome."
        )
    _install(session, "docs,browser")
    _npm_ci(session)
    site = ROOT / "site-browser"
    session.run("mkdocs", "build", "--strict", "-d", str(site), env=ENV)
    args = session.posargs or ["tests/browser"]
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
