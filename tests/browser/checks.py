"""What the browser tests look for on a page, as functions the self-tests can break."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

RAW_TEX = ("$$", "\\begin{", "\\frac", "\\(", "\\[")

VISIBLE_TEXT_JS = """() => {
  const root = document.querySelector('article') || document.body;
  const copy = root.cloneNode(true);
  copy.querySelectorAll('mjx-container, script, style, pre, code, .highlight, mjx-assistive-mml')
      .forEach(e => e.remove());
  return copy.innerText;
}"""

MATH_JS = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const sources = [...document.querySelectorAll('.arithmatex')];
  const unrendered = sources.filter(e => !e.querySelector('mjx-container')).length;
  const notebookMath = [...document.querySelectorAll('.jp-RenderedMarkdown')]
      .some(e => /\\$[^$]+\\$/.test(e.textContent) || e.querySelector('mjx-container'));
  // Hidden tabs have no layout; every visible container must have a real width.
  const boxes = [...document.querySelectorAll('mjx-container')]
      .filter(e => e.offsetParent !== null || e.getClientRects().length)
      .map(e => e.getBoundingClientRect().width);
  return {sources: sources.length, unrendered, notebookMath, boxes};
}"""

SCROLL_THROUGH_JS = """async () => {
  // two frames: the page is rendered at the new position and the IntersectionObserver
  // callbacks of docs/javascripts/a11y.js have run, however slow the machine
  const frame = () => new Promise(done => requestAnimationFrame(() => done()));
  const pause = async () => {
    await frame();
    await frame();
    await new Promise(done => setTimeout(done, 20));
  };
  const y0 = window.scrollY;
  // a screen at a time: a11y.js observes with a margin of one screen above and below, so
  // every region comes within its reach at some step
  for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
    window.scrollTo(0, y);
    await pause();
  }
  window.scrollTo(0, y0);
  await pause();
}"""

IMAGES_JS = (
    """() => [...document.images].map(i => ({src: i.src, ok: i.complete && i.naturalWidth > 0}))"""
)

NOTEBOOK_JS = """() => ({
  cells: document.querySelectorAll('.jp-Cell').length,
  outputs: document.querySelectorAll('.jp-OutputArea-output').length,
  raw: document.body.innerText.includes('# %%'),
})"""


@dataclass
class Watch:
    """Everything a page asked for or complained about while it loaded."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, page) -> Watch:
        page.on("request", lambda r: self.requests.append(r.url))
        page.on(
            "response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}")
        )
        page.on("requestfailed", lambda r: self.failed.append(f"{r.failure} {r.url}"))
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        return self

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith((self.origin, "data:", "blob:"))]

    def unexpected_failures(self) -> list[str]:
        # docs/javascripts/requests.js aborts Material's sitemap.xml requests beside alternates
        return [
            f
            for f in self.failed
            if not (f.startswith("net::ERR_ABORTED") and f.endswith("/sitemap.xml"))
        ]

    def errors(self) -> list[str]:
        return self.console_errors + self.page_errors


def wait_until_typeset(page) -> None:
    """Wait for MathJax (when the page loads it) and for web fonts."""
    page.wait_for_function(
        "() => !window.MathJax || !!(MathJax.startup && MathJax.startup.promise)"
    )
    page.evaluate("() => window.MathJax && MathJax.startup.promise")
    page.evaluate("() => document.fonts.ready.then(() => true)")


def raw_tex(page) -> list[str]:
    text = page.evaluate(VISIBLE_TEXT_JS)
    return [marker for marker in RAW_TEX if marker in text]


def math_problems(page) -> list[str]:
    info = page.evaluate(MATH_JS)
    problems = []
    if (info["sources"] or info["notebookMath"]) and not info["boxes"]:
        problems.append("page has math but no rendered MathJax container")
    if info["unrendered"]:
        problems.append(f"{info['unrendered']} of {info['sources']} math sources not typeset")
    zero = sum(1 for w in info["boxes"] if w <= 0)
    if zero:
        problems.append(f"{zero} math containers of zero width")
    return problems


def broken_images(page) -> list[str]:
    return [i["src"] for i in page.evaluate(IMAGES_JS) if not i["ok"]]


def notebook_problems(page) -> list[str]:
    info = page.evaluate(NOTEBOOK_JS)
    problems = []
    if not info["cells"]:
        problems.append("no rendered notebook cells")
    if not info["outputs"]:
        problems.append("no cell outputs")
    if info["raw"]:
        problems.append("raw jupytext source shown")
    return problems


def accessibility_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page, as 'rule: target, …' lines.

    Run after docs/javascripts/a11y.js has repaired what it repairs: it measures each wide
    region as it comes near the viewport, so the page is first scrolled through, top to
    bottom, as a reader would. Every block is then rendered: inside a block that
    content-visibility (extra.css) keeps off screen, Chromium can report a stale computed
    style (after a palette switch: the light code background under dark text), which a
    reader never sees, since a block is restyled before it is painted.
    Transitions are switched off so that axe reads the final colours, not a fade between them.
    """
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} is missing: run `npm ci` in the repository root")
    page.evaluate(SCROLL_THROUGH_JS)
    page.add_style_tag(
        content=".md-typeset > * { content-visibility: visible !important; }"
        " * { transition: none !important; }"
    )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): "
        + ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        + (f" and {len(v['nodes']) - 3} more" if len(v["nodes"]) > 3 else "")
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def wait_for_repairs(page) -> None:
    """Wait until docs/javascripts/a11y.js has checked every region (it marks <html> last)."""
    page.wait_for_function(
        "() => document.documentElement.getAttribute('data-a11y') === 'done'", timeout=20_000
    )


def use_palette(page, scheme: str) -> None:
    """Switch Material's palette toggle until the page shows ``scheme`` ("default" or "slate")."""
    if page.evaluate("() => document.body.dataset.mdColorScheme") != scheme:
        page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
        page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{scheme}'")


EQUATIONS_JS = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const exCache = new Map();
  const ex = (box) => {  // one ex of the formula's font, in px
    const style = getComputedStyle(box);
    const key = style.fontSize + style.fontFamily;
    if (!exCache.has(key)) {
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;width:100ex;height:0';
      box.appendChild(probe);
      exCache.set(key, probe.getBoundingClientRect().width / 100);
      probe.remove();
    }
    return exCache.get(key);
  };
  return [...document.querySelectorAll('mjx-container[display="true"]')]
    .filter(box => box.getClientRects().length)  // not in a hidden tab
    .map(box => {
      const svg = box.querySelector(':scope > svg');
      const size = svg.getAttribute('width');
      // MathJax gives a formula its width in ex; numbered ones are width="100%" with a
      // min-width in ex (the formula plus its tag)
      const natural = parseFloat(size.endsWith('ex') ? size : svg.style.minWidth) * ex(box);
      const column = box.parentElement.getBoundingClientRect().width;
      return {
        tex: (box.querySelector('mjx-assistive-mml') || box).textContent.slice(0, 40),
        natural, column,
        drawn: svg.getBoundingClientRect().width,
        box: box.getBoundingClientRect().width,
        scrollWidth: box.scrollWidth,
        overflow: getComputedStyle(box).overflowX,
      };
    });
}"""


def equation_problems(equations: list[dict]) -> list[str]:
    """Formulas drawn narrower than their natural width, or cut without a scrollbar.

    A formula passes when its SVG is drawn at its natural width and either its box is that
    wide, or its box takes the column and scrolls sideways to the whole formula.
    """
    problems = []
    for e in equations:
        fits = e["box"] >= e["natural"] - 1
        scrolls = (
            e["overflow"] in ("auto", "scroll")
            and e["scrollWidth"] >= e["natural"] - 1
            and e["box"] >= 0.9 * e["column"]
        )
        if e["drawn"] < e["natural"] - 1 or not (fits or scrolls):
            problems.append(
                f"{e['tex']!r}: natural {e['natural']:.0f} px, drawn {e['drawn']:.0f} px"
                f" in a box of {e['box']:.0f} px (column {e['column']:.0f} px)"
            )
    return problems
