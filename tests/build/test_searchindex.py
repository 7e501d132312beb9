"""descent.build.searchindex: formulas made readable, languages apart, Chinese queries split."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from descent.build.searchindex import by_language, clean_text, patch_segmenter, tex_to_text

WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


@pytest.mark.parametrize(
    ("tex", "text"),
    [
        (r"\eta", "η"),
        (r"\hat y_i", "ŷᵢ"),
        (r"3.15 \times 10^{-2}", "3.15 × 10⁻²"),
        (r"\theta^\top X^\top y", "θᵀ Xᵀ y"),
        (r"0 &lt; \eta &lt; \frac{1}{A}", "0 < η < 1/A"),
        (r"\tfrac12 (\hat y - y)^2", "1/2 (ŷ - y)²"),
        (r"\lambda\operatorname{sign}(w)", "λsign(w)"),
        (r"\frac{\partial J}{\partial w_1}", "(∂J)/(∂w₁)"),
        (r"\lvert\Delta\rvert", "|Δ|"),
        (r"\sqrt{b} = c", "√b = c"),
        (r"\eta_{\max}", "ηₘₐₓ"),
    ],
)
def test_inline_formulas_read_as_text(tex, text):
    assert tex_to_text(tex) == text


@pytest.mark.parametrize("tex", [r"\begin{pmatrix} 1 \end{pmatrix}", r"\unknownmacro x"])
def test_a_formula_with_an_unknown_macro_is_dropped(tex):
    assert tex_to_text(tex) is None
    assert clean_text(rf"<p>a \({tex}\) b</p>") == "<p>a b</p>"


def test_display_formulas_anchors_and_notebook_math_leave_the_text():
    text = clean_text(
        "<h1>Title¶</h1> \\[ \\begin{aligned} J &amp;= w^2 \\\\ &amp;= 1 \\end{aligned} \\] "
        "<p>$J(x)=x^2$ and $$x$$ and \\begin{align} a \\end{align}</p>"
    )
    assert text == "<h1>Title</h1> <p>J(x)=x² and and</p>"


def test_readable_text_is_escaped_for_the_index_html():
    assert clean_text(r"<p>\(a &lt; b\)</p>") == "<p>a &lt; b</p>"


def test_entries_are_split_by_language_folder():
    docs = [{"location": "en/"}, {"location": ""}, {"location": "english/"}, {"location": "x#en"}]
    split = by_language(docs, ["zh", "en"], "zh")
    assert [d["location"] for d in split["en"]] == ["en/"]
    assert [d["location"] for d in split["zh"]] == ["", "english/", "x#en"]


def test_the_installed_worker_is_patched_exactly_once():
    (worker,) = WORKERS.glob("search.*.min.js")
    original = worker.read_text(encoding="utf-8")
    patched = patch_segmenter(original)
    assert patched != original and patch_segmenter(patched) == patched
    assert patched.count("descent: fewest index terms") == 1


SEGMENT_JS = """
const src = require("fs").readFileSync(process.argv[1], "utf8");
const name = src.match(/function (\\w+)\\(t,e\\)\\{\\/\\*descent/)[1];
const fn = new Function(src.match(/function \\w+\\(t,e\\)\\{\\/\\*descent.*?\\?r:\\[t\\]\\)\\}/)[0]
  + "; return " + name + ";")();
const index = JSON.parse(process.argv[2]);
console.log(JSON.stringify(JSON.parse(process.argv[3]).map(q => [...fn(q, index)])));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_the_patched_worker_splits_chinese_queries_into_index_terms(tmp_path):
    (worker,) = WORKERS.glob("search.*.min.js")
    patched = tmp_path / "worker.js"
    patched.write_text(patch_segmenter(worker.read_text(encoding="utf-8")), encoding="utf-8")
    terms = ["反向", "传播", "链", "式", "法", "链式法则", "学习", "率", "梯度", "下降"]
    queries = ["反向传播", "链式法则", "学习率", "梯度下降", "未知词", "梯"]
    run = subprocess.run(
        ["node", "-e", SEGMENT_JS, str(patched), json.dumps({term: {} for term in terms}),
         json.dumps(queries)],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert json.loads(run.stdout) == [
        ["反向", "传播"],
        ["链式法则"],
        ["学习", "率"],
        ["梯度", "下降"],
        ["未知词"],
        ["梯"],
    ]
