"""Hook: typeset every formula at build time, as inline SVG, with the pinned MathJax 3.

Why: typesetting in the reader's browser parsed ~300 formulas per chapter with MathJax's TeX
input and laid out ~12,000 CHTML nodes on every visit: seconds of blocked main thread on a
phone, plus ~220 KiB of script and fonts. Here the formulas are converted once, when the site
is built, by ``hooks/tex2svg.cjs`` (Node, the ``mathjax`` npm package pinned by ``npm ci``).
Pages carry no MathJax script. Each formula keeps MathJax's assistive MathML for screen
readers; the glyph outlines a page uses are written once per page and referenced by ``<use>``.
Formulas are found where arithmatex puts them (``.arithmatex``, ``\\( \\)`` and ``\\[ \\]``) and
as ``$…$``/``$$…$$`` in notebook Markdown cells. A formula MathJax cannot parse fails the build.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ARITHMATEX = re.compile(r'(<(span|div) class="arithmatex">)(.*?)(</\2>)', re.S)
NOTEBOOK_MARKDOWN = re.compile(
    r'(<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>)(.*?)(</div>)', re.S
)
TAG_OR_CODE = re.compile(r"(<code\b.*?</code>|<[^>]+>)", re.S)
DOLLARS = re.compile(r"(?<!\\)\$\$(.+?)(?<!\\)\$\$|(?<!\\)\$(.+?)(?<!\\)\$", re.S)
GLYPH_REF = re.compile(r'href="#(MJX-[^"]+)"')
# What the SVG carries only for MathJax's own scripts or for old browsers; none runs here.
STRIP = re.compile(
    r' (?:data-c|data-mjx-texclass|focusable|unselectable|xmlns(?::xlink)?)="[^"]*"'
    r'| data-mml-node="(?!mtable"|merror")[^"]*"'
)
MARK = "\x00math{}\x00"
SOURCES: dict[str, str] = {}  # built page → its source file, to name it in errors
# Formulas already typeset in this build process: the i18n plugin runs on_post_build once per
# language, and the two languages share nearly every formula, so the second run sends Node
# only the few that differ (about 3 s saved per build).
TYPESET: dict[tuple[str, bool], str] = {}
GLYPHS: dict[str, str] = {}
STYLE: list[str] = []  # MathJax's CSS rules, the union over the runs so far


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def cache_file(root: Path) -> Path | None:
    """Where typeset formulas persist between builds: one file per MathJax version and options.

    The name hashes MathJax's version and the two scripts that call it (options included), so
    an upgrade or a changed option starts afresh. A fresh clone has no ``.cache/`` (git ignores
    it), so CI typesets everything; ``DESCENT_NO_CACHE=1`` does too.
    """
    if os.environ.get("DESCENT_NO_CACHE") == "1":
        return None
    h = hashlib.sha256((root / "node_modules" / "mathjax" / "package.json").read_bytes())
    for script in ("tex2svg.cjs", "svg-flatten.cjs"):
        h.update((root / "hooks" / script).read_bytes())
    return root / ".cache" / "mathjax" / f"{h.hexdigest()[:20]}.json"


def _load_cache(path: Path | None) -> None:
    if TYPESET or path is None or not path.is_file():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    TYPESET.update({(tex, display): svg for tex, display, svg in data["typeset"]})
    GLYPHS.update(data["glyphs"])
    STYLE[:] = data["style"]


def _save_cache(path: Path | None) -> None:
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "typeset": [[tex, display, svg] for (tex, display), svg in TYPESET.items()],
        "glyphs": GLYPHS,
        "style": STYLE,
    }
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    partial.replace(path)  # a build stopped halfway never leaves a torn file


def on_pre_build(config):
    """Fail early, with the fix, when `npm ci` has not been run or Node is missing."""
    if not (_root(config) / "node_modules" / "mathjax" / "es5" / "startup.js").exists():
        raise PluginError(f"MathJax not found in {_root(config) / 'node_modules'}: run `npm ci`")
    if shutil.which("node") is None:
        raise PluginError("Node.js is needed to typeset the formulas: install Node.js ≥ 18")


def on_post_page(output, page, config):
    SOURCES[page.file.dest_uri] = page.file.src_uri
    return output


def _tex_in_text(text: str, found: list[tuple[str, bool]]) -> str:
    """Replace $…$ and $$…$$ in Markdown-cell HTML (outside tags and code) by markers."""

    def dollars(match):
        display = match.group(1) is not None
        found.append((html.unescape(match.group(1) if display else match.group(2)), display))
        return MARK.format(len(found) - 1)

    parts = TAG_OR_CODE.split(text)
    return "".join(p if i % 2 else DOLLARS.sub(dollars, p) for i, p in enumerate(parts))


def extract(page: str) -> tuple[str, list[tuple[str, bool]]]:
    """The page with each formula replaced by a marker, and the formulas as (TeX, display)."""
    found: list[tuple[str, bool]] = []

    def arithmatex(match):
        tex = html.unescape(match.group(3)).strip()
        if (tex[:2], tex[-2:]) not in ((r"\(", r"\)"), (r"\[", r"\]")):
            raise PluginError(f"unexpected arithmatex content: {tex[:60]!r}")
        found.append((tex[2:-2], tex[1] == "["))
        return match.group(1) + MARK.format(len(found) - 1) + match.group(4)

    def notebook(match):
        return match.group(1) + _tex_in_text(match.group(2), found) + match.group(3)

    page = ARITHMATEX.sub(arithmatex, page)
    page = NOTEBOOK_MARKDOWN.sub(notebook, page)
    return page, found


def typeset(formulas: list[tuple[str, bool]], root: Path, where: dict | None = None) -> dict:
    """Convert (TeX, display) pairs with hooks/tex2svg.cjs: {svg: [...], glyphs, css}.

    A formula MathJax cannot parse raises PluginError naming it (and, from ``where``, an
    index → pages mapping, the pages it is on).
    """
    result = subprocess.run(
        ["node", str(root / "hooks" / "tex2svg.cjs")],
        input=json.dumps(formulas), capture_output=True, text=True, encoding="utf-8",
    )  # fmt: skip
    if result.returncode:
        raise PluginError(f"typesetting failed:\n{result.stderr.strip()}")
    out = json.loads(result.stdout)
    if out["errors"]:
        lines = [
            f"  {formulas[i][0]!r}: {message} (on {', '.join((where or {}).get(i, ['?']))})"
            for i, message in out["errors"]
        ]
        raise PluginError("MathJax could not typeset:\n" + "\n".join(lines))
    out["svg"] = [STRIP.sub("", s).replace("xlink:href=", "href=") for s in out["svg"]]
    return out


def insert(page: str, svgs: list[str], glyphs: dict[str, str], css: str) -> str:
    """Put the SVG for each marker, the page's glyph outlines and MathJax's CSS into the page."""
    page = re.sub("\x00math(\\d+)\x00", lambda m: svgs[int(m.group(1))], page)
    used = sorted(set(GLYPH_REF.findall(page)))
    missing = [g for g in used if g not in glyphs]
    if missing:
        raise PluginError(f"glyphs referenced but not produced: {missing}")
    defs = "".join(STRIP.sub("", glyphs[g]) for g in used)
    page = page.replace("</head>", f"<style>{css}</style></head>", 1)
    return re.sub(
        r"(<body\b[^>]*>)",
        lambda m: (
            m.group(1) + '<svg style="display:none" aria-hidden="true">'
            f'<defs id="MJX-glyphs">{defs}</defs></svg>'
        ),
        page,
        count=1,
    )


def on_post_build(config):
    """Typeset the math of every page not yet typeset (formulas not seen before: one Node run)."""
    pages = {}
    where: dict[tuple[str, bool], list[str]] = {}
    for path in sorted(Path(config.site_dir).rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if 'id="MJX-glyphs"' in text:
            continue  # typeset by an earlier call (the i18n plugin builds each language)
        text, found = extract(text)
        if found:
            pages[path] = (text, found)
            name = path.relative_to(config.site_dir).as_posix()
            for formula in dict.fromkeys(found):
                where.setdefault(formula, []).append(SOURCES.get(name, name))
    if not pages:
        return
    cache = cache_file(_root(config))
    _load_cache(cache)
    new = [formula for formula in where if formula not in TYPESET]
    if new:
        out = typeset(new, _root(config), {i: where[f] for i, f in enumerate(new)})
        TYPESET.update(zip(new, out["svg"], strict=True))
        GLYPHS.update(out["glyphs"])
        rules = [*STYLE, *re.findall(r"[^{}]+\{[^{}]*\}", re.sub(r"\s+", " ", out["css"]))]
        STYLE[:] = dict.fromkeys(rule.strip() for rule in rules)
        _save_cache(cache)
    for path, (text, found) in pages.items():
        svgs = [TYPESET[f] for f in found]
        path.write_text(insert(text, svgs, GLYPHS, " ".join(STYLE)), encoding="utf-8")
