"""Shared pytest options: `--site` points the browser tests at a built site."""

from __future__ import annotations


def pytest_addoption(parser):
    parser.addoption("--site", default=None, help="built site directory for tests/browser")
