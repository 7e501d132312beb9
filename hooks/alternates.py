"""Hook: make the language alternates in each page's <head> absolute URLs.

Why: mkdocs-static-i18n writes ``<link rel="alternate" href="../en/loss/" hreflang="en">``
with relative hrefs; search engines (and Lighthouse's hreflang audit) require absolute ones.
The canonical URL of the page, built from ``site_url``, is the base they are resolved against.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

ALTERNATE = re.compile(r'(<link rel="alternate" href=")([^"]+)(" hreflang="[^"]+">)')


def on_post_page(output: str, page, config) -> str:
    """Resolve every alternate href against the page's canonical URL."""
    base = page.canonical_url
    if not base:
        return output
    return ALTERNATE.sub(lambda m: m[1] + urljoin(base, m[2]) + m[3], output)
