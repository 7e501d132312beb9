"""The formulas on the pages draw exactly what MathJax draws.

hooks/tex2svg.cjs flattens MathJax's nested SVG groups (hooks/svg-flatten.cjs), composing
each glyph's transforms into one. Every formula of the built site, plus a few shapes the book
does not use yet (rules in a table, colour, text, roots), is rendered both ways in Chromium,
and every glyph, rule and text box must land on the same pixels.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import serve

ROOT = Path(__file__).resolve().parents[2]

CODE = re.compile(r"^\s*(`{3,}|~{3,}).*?^\s*\1|`[^`\n]+`", re.S | re.M)
TEX = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$(?!\s)([^$\n]+?)(?<!\s)\$", re.S)
EXTRA = [
    (r"\begin{array}{c|c} a & b \\ \hline c & d \end{array}", True),
    (r"\color{red}{x} + \sqrt[3]{y^2} - \text{学习率 } \eta", False),
    (r"f(x) = \begin{cases} x^2 & x > 0 \\ -x & \text{otherwise} \end{cases}", True),
    (
        r"\begin{aligned} a &= \frac{\partial J}{\partial w} \\ &= \sum_i x_i \end{aligned}",
        True,
    ),
]

COMPARE_JS = """(count) => {
  // every drawn leaf's box, relative to its formula's <svg>
  const leaves = (id) => {
    const svg = document.getElementById(id).querySelector('svg');
    const o = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('use, rect, line, text')].map(e => {
      const r = e.getBoundingClientRect();
      return [r.x - o.x, r.y - o.y, r.width, r.height];
    });
    return [[0, 0, o.width, o.height], ...boxes];
  };
  const worst = [];
  for (let i = 0; i < count; i++) {
    const a = leaves('n' + i), b = leaves('f' + i);
    let d = a.length === b.length && a.length > 1 ? 0 : Infinity;
    for (let k = 0; k < Math.min(a.length, b.length); k++) {
      for (let p = 0; p < 4; p++) d = Math.max(d, Math.abs(a[k][p] - b[k][p]));
    }
    worst.push(d);
  }
  return worst;
}"""


def _convert(formulas, *flags):
    result = subprocess.run(
        ["node", str(ROOT / "hooks" / "tex2svg.cjs"), *flags],
        input=json.dumps(formulas), capture_output=True, text=True, encoding="utf-8", check=True,
    )  # fmt: skip
    out = json.loads(result.stdout)
    assert not out["errors"], out["errors"]
    return out


@pytest.fixture(scope="module")
def both_ways(site_dir, tmp_path_factory):
    formulas = {}  # the built pages hold SVG already: the TeX comes from the Markdown
    for source in sorted((ROOT / "docs").rglob("*.md")):
        formulas.update(dict.fromkeys(_tex_in_markdown(source.read_text(encoding="utf-8"))))
    formulas.update(dict.fromkeys(EXTRA))
    formulas = list(formulas)
    nested, flat = _convert(formulas, "--nested"), _convert(formulas)
    glyphs = "".join({**nested["glyphs"], **flat["glyphs"]}.values())
    body = "".join(
        f'<p id="n{i}">{a}</p><p id="f{i}">{b}</p>'
        for i, (a, b) in enumerate(zip(nested["svg"], flat["svg"], strict=True))
    )
    root = tmp_path_factory.mktemp("math")
    (root / "index.html").write_text(
        f'<!doctype html><html><head><meta charset="utf-8"><style>{nested["css"]}</style>'
        f'</head><body><svg style="display:none"><defs>{glyphs}</defs></svg>{body}</body></html>',
        encoding="utf-8",
    )
    server, url = serve(root)
    yield url, formulas
    server.shutdown()
    server.server_close()


def _tex_in_markdown(text):
    text = re.sub(r"\{\{[^{}]*\}\}", "1", CODE.sub("", text))  # {{ module.key }} → a number
    for match in TEX.finditer(text):
        if match.group(1) is not None:
            yield match.group(1).strip(), True
        else:
            yield match.group(2), False


def test_flattened_formulas_draw_what_mathjax_draws(context, both_ways):
    url, formulas = both_ways
    assert len(formulas) > 1000
    page = context.new_page()
    page.goto(url)
    worst = page.evaluate(COMPARE_JS, len(formulas))
    off = [(formulas[i][0], d) for i, d in enumerate(worst) if d > 0.05]
    assert not off, f"{len(off)} formulas drawn differently, e.g. {off[:3]}"
