/* Graph stepper: step a computation graph forward node by node, then backward edge by edge.
 *
 * Loaded (as a module) only by the pages that hold a stepper: computation-graph,
 * nonlinear-backprop, autograd, neuron and layers, in both languages. Each <div class="gs">
 * holds the JSON that src/descent/build/stepper.py exports from the static figure's graph (nodes in the engine's
 * topological order, places, the backward order of the edges), or, with data-expression, a
 * formula box whose grammar is that of src/descent/expression.py. Every number is computed
 * here, by the same rules as descent.engine.Value (each local derivative beside its forward
 * value; backward: results before inputs, g[parent] += g[node]·local); the browser tests
 * compare every number shown, exposed at full precision in data-value/-grad/-local, with
 * the engine. A descent step is θ ← θ − η·∂J/∂θ (optim.GD) on the parameters (the JSON's
 * "params"), with J = ½(root − target)², or the binary cross-entropy of root when "loss" is "bce".
 */

const ZH = {
  back: "后退一步", fwd: "前向一步", bwd: "反向一步", reset: "重置", end: "走到最后",
  gd: "梯度下降一步", target: "目标", lr: "学习率 η", build: "画出计算图", expr: "表达式",
  graph: "计算图（可左右滚动）", inputs: "输入", log: "每步的损失 J = ½(输出 − 目标)²",
  ready: (k) => `共 ${k} 步。按“前向一步”或右方向键开始。`,
  fwd1: (k, n, name, v) => `前向第 ${k}/${n} 步：${name} = ${v}。`,
  bwd1: (k, n, from, to, l, add, g, paths) =>
    `反向第 ${k}/${n} 步：边 ${from} → ${to}，局部导数 ${l}；${from} 的梯度加上 ${add}，` +
    `现在是 ${g}${paths > 1 ? `（${paths} 条路径之和）` : ""}。`,
  done: "反向遍历完成：每个节点都有了梯度。", step: (k, J) => `第 ${k} 步梯度下降后 J = ${J}。`,
  bad: "无效的数", err: "无法计算：", perr: "无法读懂这个表达式：",
  noexp: "需要一个数（可以带负号）作为指数", empty: "表达式是空的", early: "表达式没有写完",
  char: (c) => `不认识的字符“${c}”`, name: (w) => `不认识的名字“${w}”`, paren: "缺少“)”",
  open: (w) => `${w} 后面要跟“(”`, unexpected: (w) => `多余的“${w}”`, at: (k) => `（第 ${k} 个字符）`,
  long: "表达式超过 200 个字符", div0: "除以零", logneg: "log 的自变量必须是正数",
  sqrtneg: "sqrt 的自变量必须是正数", pow: "这个幂在这里没有实数导数", big: "数值超出了浮点数范围",
  label: "目标必须在 0 和 1 之间", sat: "σ 在浮点数里恰好等于 0 或 1，交叉熵没有定义",
  bce: "每步的损失 J = −[y ln f + (1 − y) ln(1 − f)]，y 是目标",
};
const EN = {
  back: "Step back", fwd: "Forward step", bwd: "Backward step", reset: "Reset", end: "Run to end",
  gd: "One gradient-descent step", target: "target", lr: "learning rate η", build: "Draw the graph",
  expr: "expression", graph: "Computation graph (scrolls sideways)", inputs: "Inputs",
  log: "Loss after each step, J = ½(output − target)²",
  ready: (k) => `${k} steps. Press “Forward step” or the right arrow key to begin.`,
  fwd1: (k, n, name, v) => `Forward step ${k} of ${n}: ${name} = ${v}.`,
  bwd1: (k, n, from, to, l, add, g, paths) =>
    `Backward step ${k} of ${n}: edge ${from} → ${to}, local derivative ${l}; ` +
    `the gradient of ${from} grows by ${add} to ${g}${paths > 1 ? ` (the sum of ${paths} paths)` : ""}.`,
  done: "Backward pass done: every node has its gradient.",
  step: (k, J) => `After descent step ${k}, J = ${J}.`,
  bad: "not a number", err: "Cannot compute: ", perr: "Cannot read this expression: ",
  noexp: "the exponent must be a number (a minus sign is allowed)", empty: "the expression is empty",
  early: "the expression ends too early", char: (c) => `unexpected character “${c}”`,
  name: (w) => `unknown name “${w}”`, paren: "expected “)”", open: (w) => `expected “(” after ${w}`,
  unexpected: (w) => `unexpected “${w}”`, at: (k) => ` (at character ${k})`,
  long: "the expression is longer than 200 characters", div0: "division by zero",
  logneg: "log needs a positive number", sqrtneg: "sqrt needs a positive number",
  pow: "this power has no real derivative here", big: "a number is too large for a float",
  label: "the target must lie between 0 and 1", sat: "σ is exactly 0 or 1 in floating point: no cross-entropy",
  bce: "Loss after each step, J = −[y ln f + (1 − y) ln(1 − f)], y the target",
};
const T = document.documentElement.lang.startsWith("en") ? EN : ZH;
const SVG = "http://www.w3.org/2000/svg";
const FUNCS = ["exp", "log", "tanh", "relu", "sin", "sqrt", "sigmoid"];
const SHOW = { "*": "×", "/": "÷", "-": "−", neg: "−" };

class Fail extends Error {}

/** A label as the page writes it: w_12 → w₁₂; with a bar, the gradient's name: w̄₁₂. */
function sub(label, bar = "") {
  const [base, digits = ""] = label.split("_");
  return base.slice(0, 1) + bar + base.slice(1) + [...digits].map((d) => "₀₁₂₃₄₅₆₇₈₉"[d] ?? d).join("");
}

// ---- the engine: each operation's value and local derivatives, as in descent.engine ----------
function apply(node, x, y) {
  const op = node.op;
  let out;
  if (op === "+") out = [x + y, [1, 1]];
  else if (op === "-") out = [x - y, [1, -1]];
  else if (op === "*") out = [x * y, [y, x]];
  else if (op === "/") {
    if (y === 0) throw new Fail(T.div0);
    out = [x / y, [1 / y, -x / (y * y)]];
  } else if (op === "neg") out = [-x, [-1]];
  else if (op.startsWith("**")) {
    const n = node.power ?? Number(op.slice(2));
    if ((x < 0 && !Number.isInteger(n)) || (x === 0 && n < 1 && n !== 0)) throw new Fail(T.pow);
    out = [x ** n, [n ? n * x ** (n - 1) : 0]];
  } else if (op === "exp") { const e = Math.exp(x); out = [e, [e]]; }
  else if (op === "log") {
    if (x <= 0) throw new Fail(T.logneg);
    out = [Math.log(x), [1 / x]];
  } else if (op === "sqrt") {
    if (x <= 0) throw new Fail(T.sqrtneg);
    const r = Math.sqrt(x); out = [r, [0.5 / r]];
  } else if (op === "sin") out = [Math.sin(x), [Math.cos(x)]];
  else if (op === "tanh") { const t = Math.tanh(x); out = [t, [1 - t * t]]; }
  else if (op === "sigmoid") {
    const s = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    out = [s, [s * (1 - s)]];
  } else if (op === "relu") out = [Math.max(x, 0), [x > 0 ? 1 : 0]];
  else throw new Fail(op);
  if (![out[0], ...out[1]].every(Number.isFinite)) throw new Fail(T.big);
  return out;
}

/** Values of every node and the local derivative on every edge, for the given inputs. */
function compute(g, inputs) {
  const value = [], local = [];
  g.nodes.forEach((n, i) => {
    if (!n.parents.length) { value[i] = n.label in inputs ? inputs[n.label] : n.value; return; }
    const [v, l] = apply(n, ...n.parents.map((p) => value[p]));
    value[i] = v;
    l.forEach((d, j) => { local[g.first[i] + j] = d; });
  });
  return { value, local };
}

/** Gradients ∂root/∂node after the first m backward edges (engine order), with each term. */
function gradients(g, local, m) {
  const grad = g.nodes.map(() => 0), terms = g.nodes.map(() => []);
  grad[g.nodes.length - 1] = 1;
  for (const e of g.backward.slice(0, m)) {
    const [p, c] = g.edges[e], add = grad[c] * local[e];
    grad[p] += add; // chain rule: one term per path through c
    terms[p].push(add);
  }
  return { grad, terms };
}

function prepare(g) {
  g.first = []; let k = 0;
  g.nodes.forEach((n, i) => { g.first[i] = k; k += n.parents.length; });
  return g;
}

// ---- the formula box: the grammar of descent.expression ---------------------------------------
const TOKEN = /\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([a-z]+)|(\*\*|[-+*/^()×÷−]))/y;

function tokens(text) {
  if (text.length > 200) throw new Fail(T.long + T.at(201));
  const out = []; let at = 0;
  while (text.slice(at).trim()) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) { const s = text.length - text.slice(at).trimStart().length; throw new Fail(T.char(text[s]) + T.at(s + 1)); }
    const kind = m[1] ? "num" : m[2] ? "name" : "op", word = m[1] || m[2] || m[3];
    out.push([kind, { "×": "*", "÷": "/", "−": "-", "**": "^" }[word] || word, m.index + m[0].length - word.length]);
    at = TOKEN.lastIndex;
  }
  return out;
}

/** Parse ``text`` into graph nodes in the engine's topological order (leaves a, b, c shared). */
function parse(text, defaults) {
  const toks = tokens(text), made = [], leaves = {};
  let k = 0;
  const peek = () => toks[k] || ["end", "", text.length];
  const fail = (msg, at) => { throw new Fail(msg + T.at(at + 1)); };
  const take = (w) => (peek()[0] === "op" && peek()[1] === w ? (k++, true) : false);
  const node = (op, parents, extra) => { const n = { op, parents, ...extra }; made.push(n); return n; };
  const close = () => take(")") || fail(T.paren, peek()[2]);
  function sum() {
    let v = product();
    for (let op; (op = peek()[1]) === "+" || op === "-";) { k++; v = node(op, [v, product()]); }
    return v;
  }
  function product() {
    let v = unary();
    for (let op; (op = peek()[1]) === "*" || op === "/";) { k++; v = node(op, [v, unary()]); }
    return v;
  }
  function unary() { return take("-") ? node("neg", [unary()]) : power(); }
  function power() {
    let v = atom();
    if (take("^")) {
      const paren = take("("), sign = take("-") ? -1 : 1, [kind, word, at] = peek();
      if (kind !== "num") fail(T.noexp, at);
      k++;
      if (paren) close();
      const n = sign * Number(word);
      v = node("**" + fmtG(n, 6), [v], { power: n });
    }
    return v;
  }
  function atom() {
    const [kind, word, at] = peek(); k++;
    if (kind === "num") {
      if (!Number.isFinite(Number(word))) fail(T.big, at);
      return node("", [], { value: Number(word), label: "" });
    }
    if (kind === "name" && "abc".includes(word) && word.length === 1)
      return leaves[word] || (leaves[word] = node("", [], { label: word, value: defaults[word] ?? 0 }));
    if (kind === "name" && FUNCS.includes(word)) {
      if (!take("(")) fail(T.open(word), peek()[2]);
      const v = sum(); close();
      return node(word, [v]);
    }
    if (word === "(") { const v = sum(); close(); return v; }
    if (kind === "name") fail(T.name(word), at);
    fail(kind === "end" ? T.early : T.unexpected(word), at);
  }
  if (!toks.length) fail(T.empty, 0);
  const root = sum();
  if (peek()[0] !== "end") fail(T.unexpected(peek()[1]), peek()[2]);
  return fromObjects(root);
}

/** Topological order by the engine's walk (explicit stack, inputs in written order). */
function fromObjects(root) {
  const order = [], seen = new Set(), stack = [[root, false]];
  while (stack.length) {
    const [n, done] = stack.pop();
    if (done) order.push(n);
    else if (!seen.has(n)) {
      seen.add(n); stack.push([n, true]);
      for (const p of [...n.parents].reverse()) if (!seen.has(p)) stack.push([p, false]);
    }
  }
  const index = new Map(order.map((n, i) => [n, i])), depth = [], columns = {};
  const nodes = order.map((n, i) => {
    depth[i] = 1 + Math.max(-1, ...n.parents.map((p) => depth[index.get(p)]));
    (columns[depth[i]] = columns[depth[i]] || []).push(i);
    const title = n.label || (n.parents.length ? SHOW[n.op] || n.op.replace("**", "^") : "");
    return { op: n.op, label: n.label || "", title, value: n.value, parents: n.parents.map((p) => index.get(p)) };
  });
  for (const [d, members] of Object.entries(columns)) // the layout of descent.figures.autograd
    members.forEach((i, k) => { nodes[i].x = Number(d); nodes[i].y = (members.length - 1) / 2 - k; });
  const edges = [], backward = [];
  nodes.forEach((n, i) => n.parents.forEach((p) => edges.push([p, i])));
  const g = prepare({ nodes, edges, forward: nodes.flatMap((n, i) => (n.parents.length ? [i] : [])) });
  for (let i = nodes.length - 1; i >= 0; i--) nodes[i].parents.forEach((_, j) => backward.push(g.first[i] + j));
  g.backward = backward;
  g.inputs = ["a", "b", "c"].filter((v) => nodes.some((n) => n.label === v));
  return g;
}

// ---- numbers as Python writes them: f"{v:.6f}" and f"{v:.6g}" ---------------------------------
function fmtG(v, p) {
  if (v === 0) return "0";
  const [m, e] = v.toExponential(p - 1).split("e"), x = Number(e);
  const strip = (s) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  if (x < -4 || x >= p) return `${strip(m)}e${x < 0 ? "-" : "+"}${String(Math.abs(x)).padStart(2, "0")}`;
  return strip(v.toFixed(Math.max(0, p - 1 - x)));
}
function fmt(v, [kind, p]) {
  const s = kind === "f" ? v.toFixed(p) : fmtG(v, p);
  return (/^-0(\.0*)?$/.test(s) ? s.slice(1) : s).replace(/^-/, "−");
}

// ---- the widget --------------------------------------------------------------------------------
function el(tag, attrs = {}, ...kids) {
  const e = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...kids);
  return e;
}

function button(label, key, onClick) {
  const b = el("button", { type: "button", class: "gs-" + key }, label);
  b.addEventListener("click", onClick);
  return b;
}

function numberField(id, label, value) {
  const input = el("input", { id, type: "number", step: "any", value: String(value), inputmode: "decimal" });
  return [el("label", { class: "gs-field" }, el("span", {}, label), input), input];
}

class Stepper {
  constructor(root, box, g, uid) {
    this.root = root; this.uid = uid; this.digits = (g && g.digits) || ["g", 6];
    this.status = el("p", { class: "gs-status", "aria-live": "polite", role: "status" });
    this.error = el("p", { class: "gs-error", role: "alert" });
    this.area = el("div", { class: "gs-graph", tabindex: "0", role: "group", "aria-label": T.graph });
    const bar = el("div", { class: "gs-bar" },
      button(T.reset, "reset", () => this.go(0)), button(T.back, "back", () => this.go(this.k - 1)),
      button(T.fwd, "fwd", () => this.go(this.k + 1)),
      button(T.bwd, "bwd", () => this.go(Math.max(this.k, this.F) + 1)),
      button(T.end, "end", () => this.go(this.n)));
    this.fields = el("div", { class: "gs-inputs", role: "group", "aria-label": T.inputs });
    this.gdButton = button(T.gd, "gd", () => this.descend());
    const bce = g && g.loss === "bce";
    this.log = el("ol", { class: "gs-log", start: "0", tabindex: "0", "aria-label": bce ? T.bce : T.log });
    box.replaceChildren(this.area, bar, this.status, this.error, this.fields,
      el("div", { class: "gs-descent" }, this.gdButton), el("p", { class: "gs-log-title" }, bce ? T.bce : T.log), this.log);
    box.addEventListener("keydown", (e) => this.key(e));
    if (g) this.load(prepare(g), g.target, g.lr);
  }

  key(e) {
    if (!this.g || e.target.closest("input")) return;
    const to = { ArrowRight: this.k + 1, ArrowLeft: this.k - 1, Home: 0, End: this.n }[e.key];
    if (to === undefined) return;
    e.preventDefault(); this.go(to);
  }

  load(g, target, lr) {
    this.g = g; this.F = g.forward.length; this.n = this.F + g.backward.length;
    g.params = g.params || g.inputs;
    const inputs = this.inputs || {};
    this.inputs = Object.fromEntries(g.inputs.map((v) => [v, v in inputs ? inputs[v] : g.nodes.find((n) => n.label === v).value]));
    this.fields.replaceChildren();
    this.boxes = {};
    for (const [name, value] of [...g.inputs.map((v) => [v, this.inputs[v]]), [T.target, target], [T.lr, lr]]) {
      const key = name === T.target ? "target" : name === T.lr ? "lr" : name;
      const [label, input] = numberField(`gs${this.uid}-${key}`, key === name ? sub(name) : name, value);
      input.addEventListener("input", () => this.edit());
      this.boxes[key] = input; this.fields.append(label);
    }
    this.target = target; this.lr = lr;
    this.draw(); this.recompute(0); this.resetLog();
  }

  clear() {
    this.g = null; this.num = null;
    for (const e of [this.area, this.fields, this.log, this.status]) e.replaceChildren();
    this.gdButton.disabled = true;
  }

  edit() {
    let message = "";
    for (const [key, input] of Object.entries(this.boxes)) {
      const v = input.value.trim() === "" ? NaN : Number(input.value);
      const label = key === "target" && this.g.loss === "bce" && (v < 0 || v > 1);
      const bad = !Number.isFinite(v) || (key === "lr" && v <= 0) || label;
      input.setAttribute("aria-invalid", String(bad));
      if (bad) { message = message || (label ? T.label : T.bad); continue; }
      if (key === "target") this.target = v; else if (key === "lr") this.lr = v; else this.inputs[key] = v;
    }
    if (message) { this.error.textContent = message; return; }
    this.recompute(this.k); this.resetLog();
  }

  recompute(k) {
    try {
      this.num = compute(this.g, this.inputs);
      this.loss(); // a cross-entropy of a saturated σ is refused here, like a failed operation
      this.error.textContent = "";
      this.root.removeAttribute("data-error");
    } catch (err) {
      if (!(err instanceof Fail)) throw err;
      this.num = null; this.error.textContent = T.err + err.message;
      this.root.dataset.error = "compute";
    }
    this.go(k);
  }

  draw() {
    const { nodes, edges } = this.g, X = 170, W = 128, H = 66;
    const Y = Math.max(74, X * (this.g.aspect || 0)); // rows as far apart as in the figure
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const x0 = Math.min(...xs), y1 = Math.max(...ys);
    const px = (n) => (n.x - x0) * X + W / 2 + 6, py = (n) => (y1 - n.y) * Y + H / 2 + 6;
    const width = Math.ceil((Math.max(...xs) - x0) * X + W + 12), height = Math.ceil((y1 - Math.min(...ys)) * Y + H + 12);
    const svg = el("svg:svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": T.graph });
    svg.append(el("svg:defs", {}, el("svg:marker", { id: `gs${this.uid}-arrow`, viewBox: "0 0 10 10", refX: "10", refY: "5",
      markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" }, el("svg:path", { d: "M0 0L10 5L0 10z", class: "gs-arrowhead" }))));
    this.edgeEls = edges.map(([p, c], e) => {
      const a = nodes[p], b = nodes[c], [ax, ay, bx, by] = [px(a), py(a), px(b), py(b)];
      const len = Math.hypot(bx - ax, by - ay), sx = (bx - ax) / len, sy = (by - ay) / len;
      const cut = (dx, dy, w, h) => Math.min(Math.abs(w / 2 / (dx || 1e-9)), Math.abs(h / 2 / (dy || 1e-9))) + 3;
      const ca = cut(sx, sy, a.parents.length || a.label ? W : 56, a.parents.length || a.label ? H : 26);
      const cb = cut(sx, sy, W, H);
      const [x1, y1, x2, y2] = [ax + sx * ca, ay + sy * ca, bx - sx * cb, by - sy * cb];
      const text = el("svg:text", { x: (x1 + x2) / 2, y: (y1 + y2) / 2 + 4, class: "gs-local" });
      const g = el("svg:g", { class: "gs-edge", "data-e": e },
        el("svg:line", { x1, y1, x2, y2, "marker-end": `url(#gs${this.uid}-arrow)` }), text);
      svg.append(g);
      return { g, text };
    });
    this.nodeEls = nodes.map((n, i) => {
      const small = !n.parents.length && !n.label, w = small ? 56 : W, h = small ? 26 : H;
      const g = el("svg:g", { class: "gs-node" + (small ? " gs-const" : ""), "data-i": i, transform: `translate(${px(n)} ${py(n)})` });
      g.append(el("svg:rect", { x: -w / 2, y: -h / 2, width: w, height: h, rx: 6 }));
      const line = (dy, cls) => { const t = el("svg:text", { y: dy, class: cls }); g.append(t); return t; };
      const out = { g, value: line(small ? 5 : -11, "gs-value") };
      if (!small) {
        line(-28 + 4, "gs-title").textContent = n.title || n.label;
        out.value.setAttribute("y", "5"); out.grad = line(21, "gs-grad"); out.terms = line(33, "gs-terms");
      }
      svg.append(g);
      return out;
    });
    this.area.replaceChildren(svg);
    this.area.style.height = `${height + 16}px`; // as reserved by --gs-h on the page
  }

  name(i) { const n = this.g.nodes[i]; return n.label ? sub(n.label) : n.title || n.op; }

  go(k) {
    if (!this.g) return;
    this.k = k = Math.max(0, Math.min(k, this.n));
    const { nodes, edges, backward } = this.g, num = this.num, d = this.digits;
    const shown = new Set(nodes.flatMap((n, i) => (n.parents.length ? [] : [i])).concat(this.g.forward.slice(0, k)));
    const m = Math.max(0, k - this.F), { grad, terms } = num ? gradients(this.g, num.local, m) : { grad: [], terms: [] };
    const done = new Set(backward.slice(0, m));
    nodes.forEach((n, i) => {
      const e = this.nodeEls[i], on = num && shown.has(i), hasGrad = num && m > 0 && (i === nodes.length - 1 || terms[i].length);
      e.value.textContent = on ? fmt(num.value[i], d) : "";
      setData(e.g, "value", on ? num.value[i] : null);
      e.g.classList.toggle("gs-on", Boolean(on));
      if (!e.grad) return;
      const bar = sub(n.label || "v", "\u0304");
      e.grad.textContent = hasGrad ? `${bar} = ${fmt(grad[i], d)}` : "";
      e.terms.textContent = hasGrad && terms[i].length > 1
        ? "= " + terms[i].map((t, j) => (j ? (t < 0 ? " − " : " + ") : "") + fmt(j ? Math.abs(t) : t, ["g", 4])).join("") : "";
      setData(e.g, "grad", hasGrad ? grad[i] : null);
    });
    const last = m ? backward[m - 1] : -1;
    edges.forEach((_, e) => {
      const on = num && done.has(e), el2 = this.edgeEls[e];
      el2.text.textContent = on ? fmt(num.local[e], d) : "";
      setData(el2.g, "local", on ? num.local[e] : null);
      el2.g.classList.toggle("gs-on", Boolean(on)); el2.g.classList.toggle("gs-current", e === last);
    });
    this.root.dataset.k = k; this.root.dataset.steps = this.n; this.root.dataset.forward = this.F;
    this.gdButton.disabled = !num || k !== this.n;
    if (!num) { this.status.textContent = ""; return; }
    if (k === 0) this.status.textContent = T.ready(this.n);
    else if (k <= this.F) {
      const i = this.g.forward[k - 1];
      this.status.textContent = T.fwd1(k, this.F, this.name(i), fmt(num.value[i], d));
    } else {
      const [p, c] = edges[last];
      this.status.textContent = T.bwd1(m, backward.length, this.name(p), this.name(c), fmt(num.local[last], d),
        fmt(terms[p][terms[p].length - 1], d), fmt(grad[p], d), terms[p].length) + (k === this.n ? " " + T.done : "");
    }
  }

  /** J and ∂J/∂root at the current root: ½(root − y)², or the cross-entropy of root and y. */
  loss() {
    const f = this.num.value[this.g.nodes.length - 1], y = this.target;
    if (this.g.loss !== "bce") return [0.5 * (f - y) ** 2, f - y];
    if (!(f > 0 && f < 1)) throw new Fail(T.sat);
    return [-(y * Math.log(f) + (1 - y) * Math.log(1 - f)), -y * (1 / f) + (1 - y) * (1 / (1 - f))];
  }

  resetLog() { this.log.replaceChildren(); this.steps = 0; if (this.num) this.logLoss(); }

  logLoss() {
    const [J] = this.loss(), names = this.g.params, theta = names.map((v) => this.inputs[v]);
    this.log.append(el("li", { "data-loss": String(J), "data-theta": theta.join(",") },
      `J = ${fmt(J, this.digits)}  (${names.map((v, j) => `${sub(v)} = ${fmt(theta[j], this.digits)}`).join(", ")})`));
    this.log.scrollTop = this.log.scrollHeight;
  }

  descend() {
    const { grad } = gradients(this.g, this.num.local, this.g.backward.length);
    const slope = this.loss()[1]; // ∂J/∂root
    for (const v of this.g.params) {
      const i = this.g.nodes.findIndex((n) => n.label === v);
      this.inputs[v] -= this.lr * (slope * grad[i]); // θ ← θ − η·∂J/∂θ, as optim.GD
      this.boxes[v].value = String(this.inputs[v]);
    }
    this.steps += 1;
    this.recompute(this.n);
    if (this.num) { this.logLoss(); this.status.textContent = T.step(this.steps, fmt(this.loss()[0], this.digits)); }
  }
}

function setData(e, key, v) {
  if (v === null) e.removeAttribute("data-" + key); else e.setAttribute("data-" + key, String(v));
}

let uid = 0;
for (const root of document.querySelectorAll(".gs")) {
  uid += 1;
  if (root.dataset.expression !== undefined) {
    const text = el("input", { id: `gs${uid}-expr`, type: "text", value: root.dataset.expression, spellcheck: "false", autocomplete: "off" });
    const go = button(T.build, "build", () => build());
    const form = el("div", { class: "gs-expr" }, el("label", { for: text.id }, T.expr), text, go);
    const holder = el("div");
    root.replaceChildren(form, holder);
    const s = new Stepper(root, holder, null, uid), defaults = { ...root.dataset };
    const build = () => {
      try {
        const g = parse(text.value, Object.fromEntries(["a", "b", "c"].map((v) => [v, Number(defaults[v] || 0)])));
        text.setAttribute("aria-invalid", "false");
        s.load(g, Number(root.dataset.target || 0), Number(root.dataset.lr || 0.1));
        root.removeAttribute("data-error");
      } catch (err) {
        if (!(err instanceof Fail)) throw err;
        text.setAttribute("aria-invalid", "true");
        s.clear();
        s.error.textContent = T.perr + err.message;
        root.dataset.error = "parse";
      }
    };
    text.addEventListener("keydown", (e) => { if (e.key === "Enter") build(); });
    build();
  } else {
    new Stepper(root, root, JSON.parse(root.querySelector("script").textContent), uid);
  }
  root.dataset.ready = "";
}
