"""Shared pytest options: `--site` points the browser tests at a built site.

Hypothesis runs without its per-example time limit: these machines are shared and noisy, and
the book's rule is that speed is measured by benchmarks/, never asserted by a test.
"""

from __future__ import annotations

try:  # the browser session's environment has no hypothesis
    from hypothesis import settings
except ImportError:
    pass
else:
    settings.register_profile("book", deadline=None)
    settings.load_profile("book")


def pytest_addoption(parser):
    parser.addoption("--site", default=None, help="built site directory for tests/browser")
