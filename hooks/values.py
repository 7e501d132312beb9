"""Hook: replace ``{{ module.key }}`` in page Markdown with numbers from generated/values.json.

Why: prose numbers (a fitted weight, a loss after 20 steps) must be computed, not typed.
``python -m descent generate`` writes ``docs/generated/values.json`` from the ``values()``
functions in ``descent.chapters.*.tables``; an unknown key fails the build naming the page and key.
Files under ``generated/`` are inputs to pages, so they are left out of the built site.

A number in e-notation (``2.2e-16``) would read as Euler's e inside a formula: it is written
``2.2 \\times 10^{-16}`` inside math and ``2.2 × 10⁻¹⁶`` in prose.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

TOKEN = re.compile(r"\{\{\s*([a-z][a-z0-9_]*\.[a-z0-9_]+)\s*\}\}")
E_NOTATION = re.compile(r"^([-−]?\d+(?:\.\d+)?)e([-−+]?)0*(\d+)$")
MATH = re.compile(r"\$\$.+?\$\$|(?<![\\$])\$(?!\s)[^$\n]+?(?<!\s)\$", re.S)
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
_values: dict[str, str] = {}


def on_config(config):
    """Load the generated values once per build (and again on every `serve` rebuild)."""
    path = Path(config.docs_dir) / "generated" / "values.json"
    if not path.exists():
        raise PluginError(f"{path} is missing: run `nox -s figures` (python -m descent generate)")
    _values.clear()
    _values.update(json.loads(path.read_text(encoding="utf-8")))
    _values["config.repo_url"] = config.repo_url  # the repository, one setting in mkdocs.yml
    return config


def on_files(files, config):
    """Generated tables and values are included into pages, never published on their own."""
    for file in [f for f in files if f.src_uri.startswith("generated/")]:
        files.remove(file)
    return files


def scientific(value: str, math: bool) -> str:
    """``2.2e-16`` as a power of ten, for a formula (TeX) or for prose; other values unchanged."""
    found = E_NOTATION.match(value)
    if not found:
        return value
    mantissa, sign, exponent = found.groups()
    exponent = ("-" if sign in "-−" and sign else "") + exponent
    if math:
        return f"{mantissa} \\times 10^{{{exponent}}}"
    return f"{mantissa} × 10{exponent.translate(SUPERSCRIPT)}"


def on_page_markdown(markdown, page, config, files):
    """Substitute every token; an unknown one is an error that names page and key."""

    def value(match: re.Match, math: bool) -> str:
        key = match.group(1)
        if key not in _values:
            raise PluginError(f"{page.file.src_uri}: unknown value {{{{ {key} }}}}")
        return scientific(_values[key], math)

    markdown = MATH.sub(lambda m: TOKEN.sub(lambda t: value(t, True), m.group(0)), markdown)
    return TOKEN.sub(lambda t: value(t, False), markdown)
