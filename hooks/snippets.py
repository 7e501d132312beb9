"""Hook: check every snippet include of a page before Markdown runs, naming page and include.

Why: pymdownx.snippets with ``check_paths: true`` does fail on a missing section, but its
message names neither the page nor the file. This check runs first and says both.
``unresolved()`` is also used by the docs tests.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

INCLUDE = re.compile(r'^[ \t]*-{1,}8<-{1,}[ \t]+"([^"]+)"[ \t]*$', re.M)


def unresolved(markdown: str, root: Path) -> list[str]:
    """Return a description of every include in ``markdown`` that does not resolve."""
    problems = []
    for include in INCLUDE.findall(markdown):
        path, _, section = include.partition(":")
        target = root / path
        if not target.is_file():
            problems.append(f"include {include!r}: no file {path}")
            continue
        text = target.read_text(encoding="utf-8")
        if section and not all(f"--8<-- [{m}:{section}]" in text for m in ("start", "end")):
            problems.append(f"include {include!r}: {path} has no section '{section}'")
    return problems


def on_page_markdown(markdown, page, config, files):
    """Fail the build on the first page whose includes do not resolve."""
    problems = unresolved(markdown, Path(config.config_file_path).parent)
    if problems:
        raise PluginError(f"{page.file.src_uri}: " + "; ".join(problems))
    return markdown
