"""Hook: give every figure <img> the width and height of its SVG.

Why: an image without a size takes no room until it has loaded, and then pushes the text below
it down (Lighthouse: layout shift, "unsized images"). The sizes are read from the figure files
in docs/figures/ (matplotlib writes them in pt; 1 pt = 4/3 CSS px); extra.css scales the
image down to the column with its aspect ratio kept.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

IMG = re.compile(r'<img\b[^>]*\bsrc="[^"]*\bfigures/([\w.-]+\.svg)"[^>]*>')
SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)(pt|px)?"[^>]*?\bheight="([\d.]+)(pt|px)?"')
PX_PER = {"pt": 4 / 3, "px": 1.0, None: 1.0}


def svg_size(path: Path) -> tuple[int, int]:
    """(width, height) in CSS px from an SVG file's root element."""
    match = SIZE.search(path.read_text(encoding="utf-8")[:2000])
    if not match:
        raise PluginError(f"{path}: no width/height on the <svg> element")
    w, wu, h, hu = match.groups()
    return round(float(w) * PX_PER[wu]), round(float(h) * PX_PER[hu])


def on_page_content(html, page, config, files):
    figures = Path(config.docs_dir) / "figures"

    def sized(match):
        tag = match.group(0)
        if " width=" in tag:
            return tag
        path = figures / match.group(1)
        if not path.is_file():
            raise PluginError(f"{page.file.src_uri}: figure {path.name} not found in {figures}")
        width, height = svg_size(path)
        return tag.replace("<img ", f'<img width="{width}" height="{height}" ', 1)

    return IMG.sub(sized, html)
