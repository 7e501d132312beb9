"""Hook: an answer box where an exercise writes ``<div class="ck" data-check="NAME"></div>``.

The box is rendered here, in the page's language, around ``docs/generated/check-NAME.json``
(written by ``python -m descent generate`` from ``check_<name>()`` in the chapter's checks
module, so the reference answer comes from the tested exercise code). It stays hidden until
``javascripts/check.js`` runs; only pages with a box load that script. A missing JSON file
fails the build naming the page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

SLOT = re.compile(r'(?:<p>)?<div class="ck" data-check="([a-z0-9-]+)"></div>(?:</p>)?')
TEXT = {
    "zh": {
        "title": "核对答案",
        "button": "核对",
        "number": "填一个数，也可以写算式，如 28/5",
        "vector": "各分量用逗号隔开，如 (1, −2)",
        "formula": "用 {} 写一个式子，如 2x^2 + sin(x)",
    },
    "en": {
        "title": "Check your answer",
        "button": "Check",
        "number": "a number; an expression such as 28/5 is fine",
        "vector": "components separated by commas, e.g. (1, −2)",
        "formula": "a formula in {}, e.g. 2x^2 + sin(x)",
    },
}


def _box(name: str, data: dict, t: dict, lang: str) -> str:
    i = f"ck-{name}"
    label = data["label"] if isinstance(data["label"], str) else data["label"][lang]
    help_text = t[data["kind"]].format(", ".join(data.get("vars", [])))
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return (
        f'<form class="ck" data-check="{name}" hidden>'
        f'<label for="{i}"><span class="ck-title">{t["title"]}</span> '
        f'<span class="ck-label">{label} =</span></label>'
        f'<span class="ck-row"><input id="{i}" type="text" autocomplete="off" '
        f'autocapitalize="off" spellcheck="false" aria-describedby="{i}-help {i}-msg">'
        f'<button type="submit" class="ck-button">{t["button"]}</button></span>'
        f'<span class="ck-help" id="{i}-help">{help_text}</span>'
        f'<span class="ck-msg" id="{i}-msg" role="status"></span>'
        f'<script type="application/json">{payload}</script></form>'
    )


def on_page_content(html_text, page, config, files):
    lang = "en" if page.file.src_uri.endswith(".en.md") else "zh"
    t = TEXT[lang]
    docs = Path(config["docs_dir"])

    def box(match):
        name = match.group(1)
        path = docs / "generated" / f"check-{name}.json"
        if not path.exists():
            raise PluginError(f"{page.file.src_uri}: no {path} (python -m descent generate)")
        return _box(name, json.loads(path.read_text(encoding="utf-8")), t, lang)

    html_text, count = SLOT.subn(box, html_text)
    page.meta["checks"] = count > 0
    return html_text


def on_post_page(output, page, config):
    if page.meta.get("checks"):
        src = get_relative_url("javascripts/check.js", page.url)
        output = output.replace("</body>", f'<script type="module" src="{src}"></script></body>')
    return output
