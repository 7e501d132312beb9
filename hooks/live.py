"""Hook: Run and Edit on code blocks that need only the standard library; a note on the others.

A block included from ``src/`` is runnable when its section needs nothing outside the standard
library (``descent.build.runnable``). Such a block gets Run / Edit / Reset / Stop buttons and an
output area; its preamble and module docstring go into the page as JSON. Blocks that need numpy
get a note linking to the part's notebook. Only pages with a runnable block load
``javascripts/live.js`` (a few hundred bytes); it loads ``live-ui.js`` and starts Pyodide in
a worker on the first click. After the build, the pinned Pyodide core (npm) and a zip of the
package's modules are copied to ``assets/pyodide/``.
"""

from __future__ import annotations

import ast
import html
import json
import re
import shutil
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from descent.build.runnable import SRC, analyse, sections

BLOCK = re.compile(
    r'<div class="highlight"><span class="filename">(src/[\w/]+\.py)</span><pre>.*?</pre></div>',
    re.S,
)
CODE = re.compile(r"<code>(.*?)</code>", re.S)
TAG = re.compile(r"<[^>]+>")
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
TEXT = {
    "zh": {
        "run": "运行",
        "edit": "编辑",
        "reset": "还原",
        "stop": "停止",
        "output": "运行结果",
        "needs": "这段代码需要 {}，不能在页面里运行：",
        "notebook": "下载笔记本",
    },
    "en": {
        "run": "Run",
        "edit": "Edit",
        "reset": "Reset",
        "stop": "Stop",
        "output": "Output",
        "needs": "This code needs {}, which the page cannot run: ",
        "notebook": "download the notebook",
    },
}


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def on_pre_build(config):
    missing = [
        f for f in PYODIDE_FILES if not (_root(config) / "node_modules/pyodide" / f).exists()
    ]
    if missing:
        raise PluginError(f"Pyodide not found in node_modules ({missing[0]}): run `npm ci`")


def _lang(page) -> str:
    return "en" if page.file.src_uri.endswith(".en.md") else "zh"


def _notebook(page, config) -> str:
    """The .ipynb of the part the page belongs to (Part II's for pages outside Parts I–II)."""
    parts = [next(iter(e.values())) for e in config["nav"] if isinstance(e, dict)]
    parts = [p for p in parts if isinstance(p, list)]
    chapters = [[next(iter(e.values())) for e in part] for part in parts]
    notebooks = [c for part in chapters for c in part if c.startswith("notebooks/")]
    source = page.file.src_uri.replace(".en.md", ".md")
    index = next((i for i, part in enumerate(chapters) if source in part), len(notebooks) - 1)
    stem = Path(notebooks[min(index, len(notebooks) - 1)]).stem
    name = f"{stem}.en.ipynb" if _lang(page) == "en" else f"{stem}.ipynb"
    prefix = "en/" if _lang(page) == "en" else ""
    return get_relative_url(f"{prefix}notebooks/{stem}/{name}", page.url)


def _section(path: str, code: str) -> str | None:
    return next((name for name, text in sections(SRC.parent / path).items() if text == code), None)


def _buttons(t: dict, i: int) -> str:
    def button(kind: str, hidden: bool = False) -> str:
        attr = " hidden" if hidden else ""
        return (
            f'<button type="button" class="live-button live-{kind}" data-live="{kind}"{attr}>'
            f"{t[kind]}</button>"
        )

    return (
        f'<div class="live" id="live-{i}" data-block="{i}">'
        f'<div class="live-bar">{button("run")}{button("edit")}{button("reset", True)}'
        f"{button('stop', True)}</div>"
        f'<pre class="live-output" role="status" aria-label="{t["output"]}" hidden>'
        "</pre></div>"
    )


def on_page_content(html_text, page, config, files):
    t, blocks, counter = TEXT[_lang(page)], [], iter(range(10_000))

    def mark(match):
        path = match.group(1)
        code = html.unescape(TAG.sub("", CODE.search(match.group(0)).group(1)))
        name = _section(path, code)
        if name is None:
            return match.group(0)
        section = analyse(SRC.parent / path, name)
        if section.blocker:
            link = _notebook(page, config)
            return (
                f'{match.group(0)}<p class="live-note">{t["needs"].format(section.blocker)}'
                f'<a href="{link}" download>{t["notebook"]}</a></p>'
            )
        i = next(counter)
        doc = ast.get_docstring(ast.parse(section.path.read_text(encoding="utf-8"))) or ""
        blocks.append({"preamble": section.preamble, "doc": doc, "file": path, "section": name})
        return match.group(0).replace(
            '<div class="highlight">', f'<div class="highlight" id="live-code-{i}">', 1
        ) + _buttons(t, i)

    html_text = BLOCK.sub(mark, html_text)
    if blocks:
        data = json.dumps(blocks, ensure_ascii=False).replace("</", "<\\/")
        html_text += f'<script type="application/json" id="live-data">{data}</script>'
    page.meta["live"] = bool(blocks)
    return html_text


def on_post_page(output, page, config):
    if page.meta.get("live"):
        src = get_relative_url("javascripts/live.js", page.url)
        output = output.replace("</body>", f'<script src="{src}" defer></script></body>', 1)
    return output


def on_post_build(config):
    """Copy the Pyodide core and a zip of the package's modules into assets/pyodide/."""
    target = Path(config["site_dir"]) / "assets" / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(_root(config) / "node_modules" / "pyodide" / name, target / name)
    with zipfile.ZipFile(target / "descent.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted((SRC / "descent").rglob("*.py")):
            info = zipfile.ZipInfo(path.relative_to(SRC).as_posix(), (1980, 1, 1, 0, 0, 0))
            archive.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)
