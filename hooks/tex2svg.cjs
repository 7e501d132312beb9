// TeX → SVG for hooks/mathjax.py, with the pinned MathJax 3 from node_modules.
// usage:  node tex2svg.cjs [--nested] < formulas.json
// stdin:  JSON [[tex, display], ...]
// stdout: JSON {svg: [...], glyphs: {id: "<path …>"}, css: "…", errors: [[index, message]]}
// Glyph outlines are not repeated inside each formula: every <use> points at an id in
// `glyphs`, which the hook writes once per page. MathJax's nested groups are flattened
// (svg-flatten.cjs): a third as many SVG elements for the browser to style and lay out.
// A formula MathJax cannot parse is listed in `errors` (the hook fails the build with it).
"use strict";
const path = require("path");
const mathjax = require(path.join(__dirname, "..", "node_modules", "mathjax"));
const {flattenChildren} = require("./svg-flatten.cjs");

function readStdin() {
  return new Promise((resolve) => {
    const chunks = [];
    process.stdin.on("data", (c) => chunks.push(c));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

async function main() {
  const nested = process.argv.includes("--nested");  // MathJax's own nesting, for the tests
  const items = JSON.parse(await readStdin());
  const MathJax = await mathjax.init({
    loader: {load: ["input/tex", "output/svg", "a11y/assistive-mml"]},
    // without noundefined an unknown macro is an error, not red text on the page
    tex: {tags: "none", packages: {"[-]": ["noundefined"]}},
    svg: {fontCache: "global"},
  });
  const adaptor = MathJax.startup.adaptor;
  const svg = [];
  const errors = [];
  for (const [index, [tex, display]] of items.entries()) {
    const node = await MathJax.tex2svgPromise(tex, {display});
    if (!nested) flattenChildren(adaptor, adaptor.firstChild(node));
    const html = adaptor.outerHTML(node);
    if (html.includes("<merror")) {  // in the assistive MathML, which is never flattened
      errors.push([index, adaptor.textContent(adaptor.firstChild(node))]);
    }
    svg.push(html);
  }
  const glyphs = {};
  const defs = MathJax.startup.output.fontCache.getCache();
  for (const child of adaptor.childNodes(defs)) {
    glyphs[adaptor.getAttribute(child, "id")] = adaptor.outerHTML(child);
  }
  const css = adaptor.textContent(MathJax.svgStylesheet());
  process.stdout.write(JSON.stringify({svg, glyphs, css, errors}));
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
