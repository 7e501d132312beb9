"""Hook: replace ``{{ module.key }}`` in page Markdown with numbers from generated/values.json.

Why: prose numbers (a fitted weight, a loss after 20 steps) must be computed, not typed.
``python -m descent generate`` writes ``docs/generated/values.json`` from the ``values()``
functions in ``descent.chapters.*.tables``; an unknown key fails the build naming the page and key.
Files under ``generated/`` are inputs to pages, so they are left out of the built site.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

TOKEN = re.compile(r"\{\{\s*([a-z][a-z0-9_]*\.[a-z0-9_]+)\s*\}\}")
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


def on_page_markdown(markdown, page, config, files):
    """Substitute every token; an unknown one is an error that names page and key."""

    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key not in _values:
            raise PluginError(f"{page.file.src_uri}: unknown value {{{{ {key} }}}}")
        return _values[key]

    return TOKEN.sub(replace, markdown)
