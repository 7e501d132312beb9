// Flattening of MathJax's SVG: MathJax nests one <g> per MathML node (about 12 per formula),
// each with its own transform. Only the glyphs (<use>) and rules (<rect>) draw anything, so
// each gets its ancestors' transforms composed into one and the empty groups go.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

function multiply([a, b, c, d, e, f], [A, B, C, D, E, F]) {
  return [a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D,
    a * E + c * F + e, b * E + d * F + f];
}

function parseTransform(text) {
  let m = [1, 0, 0, 1, 0, 0];
  const re = /(translate|scale|matrix)\(([^)]*)\)/g;
  let match;
  while ((match = re.exec(text || ""))) {
    const v = match[2].trim().split(/[\s,]+/).map(Number);
    let t;
    if (match[1] === "translate") t = [1, 0, 0, 1, v[0], v[1] || 0];
    else if (match[1] === "scale") t = [v[0], 0, 0, v.length > 1 ? v[1] : v[0], 0, 0];
    else if (v.length === 6) t = v;
    else throw new Error(`transform not understood: ${text}`);
    m = multiply(m, t);
  }
  return m;
}

const fmt = (v) => {
  const r = Number(v.toPrecision(6));
  return (Object.is(r, -0) ? 0 : r).toString();
};

// The shortest transform attribute value for m, or "" for the identity.
function transformText([a, b, c, d, e, f]) {
  const move = e || f ? `translate(${fmt(e)}${f ? " " + fmt(f) : ""})` : "";
  if (b || c) return `matrix(${[a, b, c, d, e, f].map(fmt).join(" ")})`;
  if (a === 1 && d === 1) return move;
  const scale = a === d ? `scale(${fmt(a)})` : `scale(${fmt(a)} ${fmt(d)})`;
  return move ? `${move} ${scale}` : scale;
}

const PLAIN_GROUP = new Set(["transform", "data-mml-node", "data-mjx-texclass"]);
const STYLED = new Set(["mtable", "merror"]);  // MathJax's CSS selects their children

// Replace the children of `parent` (in place) by their drawn leaves, each with one transform.
// Groups that carry more than a transform (a colour, or a table whose rules MathJax's CSS
// selects as children) are kept, with their insides flattened; so is a nested <svg>, which
// cannot take a transform and is wrapped in a group instead.
function flattenChildren(adaptor, parent) {
  const out = [];
  const walk = (node, m) => {
    const kind = adaptor.kind(node);
    if (kind === "#text" || kind === "#comment") return;
    const names = adaptor.allAttributes(node).map((a) => a.name);
    const own = parseTransform(adaptor.getAttribute(node, "transform"));
    if (kind === "g" && names.every((n) => PLAIN_GROUP.has(n)) &&
        !STYLED.has(adaptor.getAttribute(node, "data-mml-node"))) {
      const mm = multiply(m, own);
      for (const child of adaptor.childNodes(node)) walk(child, mm);
      return;
    }
    if (kind === "svg") {
      flattenChildren(adaptor, node);
      const t = transformText(m);
      out.push(t ? adaptor.node("g", {transform: t}, [node], SVG_NS) : node);
      return;
    }
    const t = transformText(multiply(m, own));
    if (t) adaptor.setAttribute(node, "transform", t);
    else adaptor.removeAttribute(node, "transform");
    if (kind === "g") flattenChildren(adaptor, node);
    out.push(node);
  };
  const children = [...adaptor.childNodes(parent)];
  for (const child of children) walk(child, [1, 0, 0, 1, 0, 0]);
  for (const child of children) if (adaptor.parent(child) === parent) adaptor.remove(child);
  for (const node of out) {
    if (adaptor.parent(node)) adaptor.remove(node);
    adaptor.append(parent, node);
  }
}

module.exports = {flattenChildren, parseTransform, transformText, multiply};
