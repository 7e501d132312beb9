"""Hook: Chinese pages say the few interface words that no theme translation covers.

Why: Material translates its own interface from `theme.language`, but the heading anchors'
title comes from Python-Markdown's toc (one `permalink_title` for the whole build), and the
notebook cells' copy button from mkdocs-jupyter's template, both in English. On Chinese
pages (those whose <html lang> is zh) they are replaced by their Chinese wording.
"""

from __future__ import annotations

ZH = {
    'title="Permanent link"': 'title="永久链接"',
    'aria-label="Copy to Clipboard"': 'aria-label="复制到剪贴板"',
    'hidden="">Copied!</span>': 'hidden="">已复制</span>',
}


def translate(html: str) -> str:
    """Replace the English interface strings of a Chinese page.

    >>> translate('<html lang="zh"><a title="Permanent link">¶</a>')
    '<html lang="zh"><a title="永久链接">¶</a>'
    >>> translate('<html lang="en"><a title="Permanent link">¶</a>')
    '<html lang="en"><a title="Permanent link">¶</a>'
    """
    if '<html lang="zh"' not in html[:500]:
        return html
    for english, chinese in ZH.items():
        html = html.replace(english, chinese)
    return html


def on_post_page(output, page, config):
    return translate(output)
