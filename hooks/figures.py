"""Hook: give every figure <img> the width and height of its SVG.

Why: an image without a size takes no room until it has loaded, and then pushes the text below
it down (Lighthouse: layout shift, "unsized images"). The sizes are read from the figure files
in docs/figures/ (matplotlib writes them in pt; 1 pt = 4/3 CSS px); extra.css scales the
image down to the column with its aspect ratio kept.

Scaled down too far, a figure's text becomes unreadable (a 6.4-in figure on a 390-px phone
draws 10-pt text at under 8 CSS px). Each figure is wrapped in a `.figure-pan` block that
carries the narrowest width at which its smallest text is still LEGIBLE_PX tall; below that
width the figure keeps it and the block scrolls sideways (a11y.js makes it focusable).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

IMG = re.compile(r'<img\b[^>]*\bsrc="[^"]*\bfigures/([\w.-]+\.svg)"[^>]*>')
SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)(pt|px)?"[^>]*?\bheight="([\d.]+)(pt|px)?"')
PX_PER = {"pt": 4 / 3, "px": 1.0, None: 1.0}
# matplotlib draws text as glyph paths 100 units tall, in groups scaled by size/100, y flipped
GLYPHS = re.compile(r'transform="[^"]*scale\(([\d.]+) -\1\)"')
LEGIBLE_PX = 9.0  # smallest text height (CSS px of font size) a figure may be shown at


def smallest_font(path: Path) -> float | None:
    """Font size in pt of the smallest text in a matplotlib SVG (None: no text)."""
    sizes = [100 * float(s) for s in GLYPHS.findall(path.read_text(encoding="utf-8"))]
    return min(sizes) if sizes else None


def legible_width(path: Path) -> int | None:
    """Narrowest rendered width in CSS px at which the figure's smallest text is LEGIBLE_PX.

    Rendered at w px, a figure W px wide draws f-pt text at f·(4/3)·w/W px.
    """
    font = smallest_font(path)
    if font is None:
        return None
    width_px = svg_size(path)[0]
    return math.ceil(LEGIBLE_PX * width_px / (font * PX_PER["pt"]))


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
        tag = tag.replace("<img ", f'<img width="{width}" height="{height}" ', 1)
        legible = legible_width(path)
        if legible is None:
            return tag
        return f'<span class="figure-pan" style="--legible-width: {legible}px">{tag}</span>'

    return IMG.sub(sized, html)
