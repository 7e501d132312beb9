"""Hook: copy self-hosted MathJax 3 from node_modules into the built site.

Why: no CDN anywhere. ``npm ci`` installs the pinned ``mathjax`` package; this hook copies
only what pages use to ``assets/mathjax/``: the loader, core, TeX input, CHTML output
with its woff-v2 fonts, the assistive MathML for screen readers and on-demand TeX
extensions. The combined ``tex-chtml.js`` is not used: it carries the context menu,
108 KB of its 264 KB gzipped. Nothing of MathJax is committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

PARTS = [
    "startup.js",  # first: its presence is what on_pre_build checks
    "core.js",
    "input/tex.js",
    "input/tex/extensions",
    "output/chtml.js",
    "output/chtml/fonts/tex.js",
    "output/chtml/fonts/woff-v2",
    "a11y/assistive-mml.js",
]


def _source(config) -> Path:
    return Path(config.config_file_path).parent / "node_modules" / "mathjax" / "es5"


def on_pre_build(config):
    """Fail early, with the fix, when `npm ci` has not been run."""
    if not (_source(config) / PARTS[0]).exists():
        raise PluginError(
            f"MathJax not found at {_source(config)}: run `npm ci` in the repository root"
        )


def on_post_build(config):
    """Copy the MathJax parts into site/assets/mathjax/."""
    target = Path(config.site_dir) / "assets" / "mathjax"
    for part in PARTS:
        src, dst = _source(config) / part, target / part
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dst)
