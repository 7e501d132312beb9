"""Build tests: the real site builds strictly, notebooks render, and broken input fails loudly.

The failure cases build a tiny copy of the project (same mkdocs.yml, hooks and overrides)
with one defect each, and check that the build fails with a message naming the file.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from pages import ROOT, load_hook

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
MATHJAX = load_hook("mathjax")


def _mkdocs(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = _mkdocs(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_both_languages_are_built(site):
    assert (site / "index.html").is_file()
    assert (site / "en" / "index.html").is_file()
    zh = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in zh and 'hreflang="en"' in zh


def test_notebook_pages_are_rendered_not_copied_raw(site):
    notebooks = sorted((ROOT / "docs" / "notebooks").glob("*.py"))
    assert notebooks
    for source in notebooks:
        stem = source.stem.removesuffix(".en")
        lang = "en/" if source.stem.endswith(".en") else ""
        html = (site / f"{lang}notebooks/{stem}/index.html").read_text(encoding="utf-8")
        assert "jp-Cell" in html and "jp-OutputArea-output" in html, f"{source.name} not rendered"
        assert "# %%" not in html, f"{source.name}: raw jupytext source in the page"
        # JupyterLab's CSS comes from one shared stylesheet, not inline (hooks/notebooks.py)
        assert '<style type="text/css">' not in html
        href = re.search(r'<link rel="stylesheet" href="([^"]*notebook\.\w+\.css)">', html)[1]
        css = (site / f"{lang}notebooks/{stem}" / href).resolve().read_text(encoding="utf-8")
        assert ".jp-Cell" in css and ".jp-OutputArea-output" in css


def test_notebooks_are_offered_as_ipynb_and_py(site):
    for source in sorted((ROOT / "docs" / "notebooks").glob("*.py")):
        stem = source.stem.removesuffix(".en")
        folder = site / ("en/" if source.stem.endswith(".en") else "") / "notebooks" / stem
        html = (folder / "index.html").read_text(encoding="utf-8")
        for name in (f"{source.stem}.ipynb", source.name):
            assert (folder / name).is_file(), f"{name} not written"
            assert f'href="{name}"' in html, f"no download link for {name}"
        nbformat.validate(nbformat.read(folder / f"{source.stem}.ipynb", as_version=4))


NOTEBOOKS = sorted(p.name for p in (ROOT / "docs" / "notebooks").glob("*.py"))


def _download(site: Path, notebook: str) -> tuple[Path, str]:
    stem = notebook.removesuffix(".py")
    lang = "en/" if stem.endswith(".en") else ""
    return site / lang / "notebooks" / stem.removesuffix(".en"), stem


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_downloaded_notebook_opens_ready_with_the_outputs_the_page_shows(site, notebook):
    # hooks/notebooks.py: the page and the download come from one execution
    folder, stem = _download(site, notebook)
    downloaded = nbformat.read(folder / f"{stem}.ipynb", as_version=4)
    assert downloaded.metadata["kernelspec"]["name"] == "python3"
    assert downloaded.metadata["kernelspec"]["language"] == "python"
    html = (folder / "index.html").read_text(encoding="utf-8")
    parts = re.split(r'<div class="jp-Cell ([^"]*)" id="cell-id=', html)
    cells = zip(parts[1::2], parts[2::2], strict=True)  # (classes, the cell's HTML)
    shown = [("jp-OutputArea-output" in body) for kind, body in cells if "jp-CodeCell" in kind]
    code = [c for c in downloaded.cells if c.cell_type == "code"]
    assert [bool(c.outputs) for c in code] == shown, "outputs differ from the page's"
    assert all(c.execution_count for c in code) and any(shown)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_downloaded_notebook_runs_in_a_fresh_kernel(site, tmp_path, notebook):
    # what a reader gets: the .ipynb from the page, run elsewhere with only the package installed
    folder, stem = _download(site, notebook)
    downloaded = nbformat.read(folder / f"{stem}.ipynb", as_version=4)
    for cell in downloaded.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    NotebookClient(downloaded, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()  # fmt: skip
    code = [c for c in downloaded.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code)
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]


def test_math_is_typeset_at_build_time(site):
    # hooks/mathjax.py: every formula is SVG + MathML in the page; no page loads MathJax
    typeset_pages = 0
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(site).as_posix()
        assert not re.search(r"<script\b[^>]*mathjax", html, re.I), f"{name} loads MathJax"
        for _, inner in re.findall(r'<(span|div) class="arithmatex">(.*?)</\1>', html, re.S):
            assert inner.startswith("<mjx-container"), f"{name}: untypeset {inner[:60]!r}"
            assert "<svg" in inner and "<math" in inner and 'aria-hidden="true"' in inner
        for _, cell, _ in MATHJAX.NOTEBOOK_MARKDOWN.findall(html):
            text = re.sub(
                r"<code>.*?</code>|<mjx-container.*?</mjx-container>", "", cell, flags=re.S
            )
            assert "$" not in text, f"{name}: notebook math left as $…$"
        # every glyph a formula draws is defined on the same page
        defined = set(re.findall(r'<path id="(MJX-[^"]+)"', html))
        assert set(re.findall(r'href="#(MJX-[^"]+)"', html)) <= defined, name
        typeset_pages += "<mjx-container" in html
    assert typeset_pages >= 20
    assert not (site / "assets" / "mathjax").exists()


def test_figures_reserve_their_space(site):
    # hooks/figures.py: width and height on every figure, in the proportions of its viewBox,
    # so the page does not shift when the image arrives
    figures = 0
    for path in sorted(site.rglob("*.html")):
        for tag in re.findall(r"<img\b[^>]*>", path.read_text(encoding="utf-8")):
            if 'src="data:image/' in tag:
                continue  # a notebook's output, drawn when the notebook ran, not docs/figures
            src = re.search(r'src="[^"]*figures/([^"]+)"', tag)
            assert src, f"{path}: image outside docs/figures: {tag}"
            width = int(re.search(r'\swidth="(\d+)"', tag)[1])
            height = int(re.search(r'\sheight="(\d+)"', tag)[1])
            svg = (ROOT / "docs" / "figures" / src[1]).read_text(encoding="utf-8")
            *_, vb_width, vb_height = map(float, re.search(r'viewBox="([^"]+)"', svg)[1].split())
            ratio = vb_width / vb_height  # both sizes rounded to whole px: allow ½ px on each
            assert width > 100 and abs(width - height * ratio) <= 0.5 * (1 + ratio), tag
            figures += 1
    assert figures >= 38


def test_no_page_loads_anything_from_another_host(site):
    # Resources only (src=…, <link href=…>); ordinary <a href> links to other sites are fine.
    src = re.compile(r"""\ssrc\s*=\s*["'](?:https?:)?//([^/"']+)""")
    link = re.compile(r"""<link\b[^>]*\bhref\s*=\s*["'](?:https?:)?//([^/"']+)""")
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        text = re.sub(r'<link rel="(?:canonical|alternate)"[^>]*>', "", text)
        hosts = set(src.findall(text)) | set(link.findall(text))
        assert not hosts, f"{html.relative_to(site)} loads from {hosts}"


def test_every_page_has_its_own_meta_description(site):
    # front matter `description:` on pages, the first paragraph on notebooks (hooks/notebooks.py)
    meta = re.compile(r'<meta name="description" content="([^"<>]{20,})">')  # unbroken quoting
    seen: dict[str, str] = {}
    for html in sorted(site.rglob("index.html")):
        page = html.relative_to(site).as_posix()
        if page.startswith("assets/"):
            continue
        found = meta.findall(html.read_text(encoding="utf-8"))
        assert len(found) == 1, f"{page}: {len(found)} meta descriptions"
        assert found[0] not in seen, f"{page} repeats the description of {seen.get(found[0])}"
        seen[found[0]] = page


def test_language_alternates_are_absolute_and_point_at_built_pages(site):
    # hooks/alternates.py: hreflang links must be absolute URLs (site_url + the page's path)
    alternate = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="(zh|en)">')
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/")  # as mkdocs.yml reads it
    for html in sorted(site.rglob("index.html")):
        page = html.relative_to(site).as_posix()
        if page.startswith("assets/"):
            continue
        links = dict((lang, href) for href, lang in alternate.findall(html.read_text("utf-8")))
        assert set(links) == {"zh", "en"}, f"{page}: alternates {links}"
        for href in links.values():
            assert href.startswith(site_url), f"{page}: {href} is not absolute"
            assert (site / href.removeprefix(site_url) / "index.html").is_file(), href


def test_generated_inputs_are_not_published(site):
    assert not (site / "generated").exists()


def test_search_indexes_are_per_language_and_read_as_text(site):
    # hooks/search.py: one index per <html lang>, no TeX or pilcrow, Chinese segmented
    langs = {
        re.search(r'<html lang="(\w+)"', p.read_text(encoding="utf-8"))[1]
        for p in site.rglob("index.html")
    }
    assert langs == {"zh", "en"}
    indexes = {
        lang: json.loads((site / "search" / f"search_index.{lang}.json").read_text("utf-8"))
        for lang in langs
    }
    assert all(d["location"].startswith("en/") for d in indexes["en"]["docs"])
    assert not any(d["location"].startswith("en/") for d in indexes["zh"]["docs"])
    for index in indexes.values():
        assert len(index["docs"]) > 100
        for doc in index["docs"]:
            text = doc["title"] + doc["text"]
            assert not [m for m in ("\\(", "\\[", "\\begin", "$$", "¶") if m in text], doc
    zh = [d[field] for d in indexes["zh"]["docs"] for field in ("title", "text")]
    assert any("反向\u200b传播" in t for t in zh) and any("链式法则" in t for t in zh)
    runs = [run for t in zh for run in re.findall(r"[\u4e00-\u9fff]+", t)]
    assert max(map(len, runs)) <= 6, "Chinese text left unsegmented"
    whole = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    key = lambda doc: json.dumps(doc, sort_keys=True)  # noqa: E731
    assert sorted(map(key, whole["docs"])) == sorted(
        map(key, indexes["zh"]["docs"] + indexes["en"]["docs"])
    )
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.js"))
    assert "descent: fewest index terms" in worker.read_text(encoding="utf-8")


def test_the_repository_is_one_setting_linked_from_every_page(site):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    default = re.search(r'^repo_url: !ENV \[REPO_URL, "([^"]+)"\]', config, re.M)[1]
    for lang in ("", "en/"):
        home = re.sub(r"<[^>]+>", "", (site / lang / "index.html").read_text(encoding="utf-8"))
        assert f"git clone {default} descent" in home
        assert not re.search(r"&lt;[^&]*(仓库|repository)[^&]*&gt;", home), "placeholder left"
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        link = re.search(
            r'<a href="([^"]+)" title="[^"]*" class="md-source"( data-md-[^>]*)?>', html
        )
        assert link and link[1] == default, page
        assert not link[2], f"{page}: Material would fetch the repository's stats"


# --- failure cases on a tiny copy of the project -------------------------------------------

PAGE = """# Home {{ #home }}

Some math ${math}$ and a figure:

![f](figures/{figure}.svg)

```python
--8<-- "src/descent/example.py:{section}"
```

[link](other.md{anchor})
"""
NOTEBOOK = "# %% [markdown]\n# # Notebook\n\n# %%\nprint(1 + 1)\n{extra}"


def _tiny_project(
    tmp_path: Path,
    *,
    figure="f",
    section="ok",
    anchor="#other",
    notebook_extra="",
    math="x^2",
    with_translation=True,
) -> Path:
    project = tmp_path / "project"
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    code = project / "src" / "descent"
    code.mkdir(parents=True)
    (code / "example.py").write_text("# --8<-- [start:ok]\nx = 1\n# --8<-- [end:ok]\n")
    docs = project / "docs"
    for sub in ("figures", "generated", "notebooks", "javascripts", "stylesheets"):
        (docs / sub).mkdir(parents=True)
    (docs / "generated" / "values.json").write_text("{}")
    (docs / "figures" / "f.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="30pt" height="15pt" viewBox="0 0 30 15"/>'
    )
    shutil.copy(ROOT / "docs/stylesheets/extra.css", docs / "stylesheets")
    langs = ["", ".en"] if with_translation else [""]
    for lang in langs:
        text = PAGE.format(figure=figure, section=section, anchor=anchor, math=math)
        (docs / f"index{lang}.md").write_text(text)
        (docs / f"other{lang}.md").write_text("# Other { #other }\n")
        (docs / "notebooks" / f"nb{lang}.py").write_text(NOTEBOOK.format(extra=notebook_extra))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(
        r"\nnav:\n.*?\n(?=validation:)",
        "\nnav:\n  - 首页: index.md\n  - 其他: other.md\n  - 笔记本: notebooks/nb.py\n\n",
        config,
        flags=re.S,
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def test_the_tiny_project_builds(tmp_path):
    result = _mkdocs(_tiny_project(tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("defect", "named"),
    [
        ({"section": "missing"}, "example.py"),
        ({"figure": "missing"}, "index.md"),
        ({"anchor": "#missing"}, "index.md"),
        ({"notebook_extra": "raise ValueError('cell fails')\n"}, "nb.py"),
        ({"math": r"\frac{1"}, "index.md"),
        ({"math": r"\wrongmacro x"}, "index.md"),
    ],
    ids=[
        "missing-snippet",
        "missing-figure",
        "broken-anchor",
        "raising-cell",
        "bad-tex",
        "unknown-macro",
    ],
)
def test_a_defect_fails_the_build_naming_the_file(tmp_path, defect, named):
    result = _mkdocs(_tiny_project(tmp_path, **defect), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"build passed despite {defect}"
    assert named in output, f"the error does not name {named}:\n{output[-2000:]}"
