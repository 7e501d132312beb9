"""Hook: keep full-width closing punctuation on the line of the inline formula before it.

Why: a formula is one unbreakable box, and Chromium will break the line between it and a
following ，or 。, leaving the punctuation at the start of the next line, which Chinese
typesetting never does. The formula and the punctuation after it are wrapped together in a
`.math-nowrap` span (extra.css: white-space: nowrap); the formula itself never broke anyway.
"""

from __future__ import annotations

import re

CLOSING = "，。；：、）！？”’」』》〉】"
INLINE_THEN_CLOSING = re.compile(
    r'(<span class="arithmatex">\\\((?:(?!</span>).)*?\\\)</span>)([' + CLOSING + r"]+)", re.S
)


def keep_together(html: str) -> str:
    """Wrap each inline formula with the closing punctuation right after it.

    >>> keep_together('<span class="arithmatex">\\\\(x\\\\)</span>，而')
    '<span class="math-nowrap"><span class="arithmatex">\\\\(x\\\\)</span>，</span>而'
    """
    return INLINE_THEN_CLOSING.sub(r'<span class="math-nowrap">\1\2</span>', html)


def on_page_content(html, page, config, files):
    return keep_together(html)
