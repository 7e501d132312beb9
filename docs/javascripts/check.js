/* Answer boxes on exercises. hooks/checks.py renders each box (hidden until this script runs)
 * with the JSON that descent.build.checks exports from the tested exercise code. The reader's
 * answer is read by a small parser, never eval: numbers, + − × ÷ * / ^, parentheses, implicit
 * products (3x, 2(x + 1)), the functions below and the check's variables. A number is accepted
 * within a relative tolerance; a formula when it agrees with the reference at every point the
 * JSON lists. A wrong answer that matches one of the exercise's common slips names the slip. */
const ZH = {
  right: "正确。",
  wrong: "还不对。",
  empty: "先写下答案。",
  parse: "读不懂这一处（第 {} 个字符）。",
  count: "应当有 {} 个分量。",
  hint: {
    sign: "还不对：符号反了。",
    factor2: "还不对：差了一个因子 2。",
    index: "还不对：分量的顺序弄反了。",
    unit: "还不对：方向要先化成单位向量。",
    mean: "还不对：这是总和，还要除以样本数取平均。",
    path: "还不对：漏掉了一条路径，各条路径的贡献要相加。",
  },
};
const EN = {
  right: "Correct.",
  wrong: "Not yet.",
  empty: "Write an answer first.",
  parse: "Cannot read this (at character {}).",
  count: "The answer has {} components.",
  hint: {
    sign: "Not yet: the sign is flipped.",
    factor2: "Not yet: a factor of 2 is missing or extra.",
    index: "Not yet: the components are in the wrong order.",
    unit: "Not yet: make the direction a unit vector first.",
    mean: "Not yet: that is the sum; divide by the number of samples to get the mean.",
    path: "Not yet: a path is missing; add up the contributions of every path.",
  },
};
const T = document.documentElement.lang.startsWith("en") ? EN : ZH;
const sigmoid = (x) => 1 / (1 + Math.exp(-x));
const FUNCS = { exp: Math.exp, log: Math.log, ln: Math.log, sin: Math.sin, cos: Math.cos,
  tanh: Math.tanh, sqrt: Math.sqrt, sigmoid, "σ": sigmoid };
const SAME = { "×": "*", "·": "*", "÷": "/", "−": "-", "**": "^", "[": "(", "]": ")" };
const TOKEN = /\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([a-zσπ]+)|(\*\*|[-+*/^()×·÷−,[\]]))/y;

class ReadError extends Error {
  constructor(at) { super("read"); this.at = at; }
}

function tokens(text) {
  text = text.replace(/−/g, "-"); // 7.713e−05 as well as 7.713e-05
  const out = [];
  TOKEN.lastIndex = 0;
  while (text.slice(TOKEN.lastIndex).trim()) {
    const at = TOKEN.lastIndex, m = TOKEN.exec(text);
    if (!m) throw new ReadError(at + text.slice(at).length - text.slice(at).trimStart().length);
    const word = m[1] || m[2] || m[3];
    out.push({ kind: m[1] ? "num" : m[2] ? "name" : "op", word: SAME[word] || word,
      at: m.index + m[0].length - word.length });
  }
  out.push({ kind: "end", word: "", at: text.length });
  return out;
}

/* Recursive descent; each level returns a function of the variables' values. */
function read(text, vars) {
  const toks = tokens(text);
  let k = 0;
  const peek = () => toks[k];
  const take = (w) => (peek().kind === "op" && peek().word === w ? (k++, true) : false);
  const expect = (w) => { if (!take(w)) throw new ReadError(peek().at); };
  function sum() {
    let f = product();
    for (let op; (op = peek().word) === "+" || op === "-";) {
      k++;
      const a = f, b = product();
      f = op === "+" ? (e) => a(e) + b(e) : (e) => a(e) - b(e);
    }
    return f;
  }
  function product() {
    let f = unary();
    for (;;) {
      const t = peek();
      const implicit = t.kind === "num" || t.kind === "name" || (t.kind === "op" && t.word === "(");
      if (!implicit && !(t.kind === "op" && (t.word === "*" || t.word === "/"))) return f;
      if (!implicit) k++;
      const a = f, b = unary();
      f = t.word === "/" ? (e) => a(e) / b(e) : (e) => a(e) * b(e);
    }
  }
  function unary() {
    if (take("-")) { const a = unary(); return (e) => -a(e); }
    if (take("+")) return unary();
    const base = atom();
    if (!take("^")) return base;
    const power = unary();
    return (e) => Math.pow(base(e), power(e));
  }
  function atom() {
    const t = toks[k++];
    if (t.kind === "num") { const v = Number(t.word); return () => v; }
    if (t.kind === "name" && (t.word === "pi" || t.word === "π")) return () => Math.PI;
    if (t.kind === "name" && vars.includes(t.word)) return (e) => e[t.word];
    if (t.kind === "name" && Object.hasOwn(FUNCS, t.word)) {
      expect("(");
      const a = sum(), fn = FUNCS[t.word];
      expect(")");
      return (e) => fn(a(e));
    }
    if (t.kind === "op" && t.word === "(") { const a = sum(); expect(")"); return a; }
    if (t.kind === "name" && [...t.word].every((v) => vars.includes(v))) { // xy = x·y
      return (e) => [...t.word].reduce((p, v) => p * e[v], 1);
    }
    throw new ReadError(t.at);
  }
  const parts = [];
  const wrapped = take("(");
  do parts.push(sum()); while (take(","));
  if (wrapped) expect(")");
  if (wrapped && parts.length === 1) { // "(a + b) * c": read again as one formula
    k = 0;
    parts.length = 0;
    parts.push(sum());
  }
  if (peek().kind !== "end") throw new ReadError(peek().at);
  return parts;
}

function close(a, b, tol, floor) {
  return Number.isFinite(a) && Math.abs(a - b) <= tol * Math.max(Math.abs(b), floor);
}

/* Does the answer read from ``text`` equal ``want`` (a number, a list, or a formula)? */
function same(data, parts, want) {
  if (data.kind === "formula") {
    const ref = read(want, data.vars)[0], mine = parts[0];
    return data.points.every((p) => close(mine(p), ref(p), data.tol, 1));
  }
  const values = parts.map((f) => f({}));
  const wanted = Array.isArray(want) ? want : [want];
  return values.every((v, i) => close(v, wanted[i], data.tol, wanted[i] === 0 ? 1 : 0));
}

function judge(data, text) {
  if (!text.trim()) return ["empty", T.empty];
  let parts;
  try {
    parts = read(text, data.kind === "formula" ? data.vars : []);
  } catch (err) {
    if (err instanceof ReadError) return ["error", T.parse.replace("{}", err.at + 1)];
    throw err;
  }
  const n = Array.isArray(data.answer) ? data.answer.length : 1;
  if (parts.length !== n) return ["error", T.count.replace("{}", n)];
  if (same(data, parts, data.answer)) return ["right", T.right];
  const slip = data.hints.find((h) => same(data, parts, h.answer));
  return slip ? ["wrong", T.hint[slip.kind], slip.kind] : ["wrong", T.wrong];
}

for (const form of document.querySelectorAll("form.ck")) {
  const data = JSON.parse(form.querySelector("script").textContent);
  const input = form.querySelector("input"), msg = form.querySelector(".ck-msg");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const [state, text, hint] = judge(data, input.value);
    form.dataset.state = state;
    form.dataset.hint = hint || "";
    input.setAttribute("aria-invalid", String(state === "wrong" || state === "error"));
    msg.textContent = text;
  });
  form.hidden = false;
}
