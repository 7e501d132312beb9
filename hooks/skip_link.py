"""Hook: the "Skip to content" link lands on the page's title.

Why: Material points the link at the id of the first table-of-contents entry. On the Chinese
notebook pages nbconvert's slugs drop CJK characters, so the title gets `id=""` while the
table of contents says `#_1`, and the link went nowhere. When no element has the link's
target id, the page title (its first <h1>) is given it.
"""

from __future__ import annotations

import re

SKIP = re.compile(r'<a href="#([^"]+)" class="md-skip">')
FIRST_H1 = re.compile(r"<h1\b([^>]*)>")


def fix_skip_link(html: str) -> str:
    """Give the first <h1> the skip link's target id when nothing on the page has it.

    >>> fix_skip_link('<a href="#_1" class="md-skip">x</a><h1 id="">T</h1>')
    '<a href="#_1" class="md-skip">x</a><h1 id="_1">T</h1>'
    >>> fix_skip_link('<a href="#t" class="md-skip">x</a><h1 id="t">T</h1>')
    '<a href="#t" class="md-skip">x</a><h1 id="t">T</h1>'
    """
    link = SKIP.search(html)
    if not link or f'id="{link[1]}"' in html:
        return html
    h1 = FIRST_H1.search(html, link.end())
    if not h1:
        return html
    attributes = re.sub(r'\s*\bid="[^"]*"', "", h1[1])
    return html[: h1.start()] + f'<h1 id="{link[1]}"{attributes}>' + html[h1.end() :]


def on_post_page(output, page, config):
    return fix_skip_link(output)
