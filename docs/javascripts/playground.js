/* Gradient-descent playground (docs/playground.md, docs/playground.en.md).
 *
 * Builds the widget inside <div id="pg-widget">: pick a function, set η on a log scale,
 * set the start by number or by clicking/dragging on the plot, then Step, Run or Reset.
 * The numbers are those of src/descent/playground.py → optim.descend: the same functions,
 * the same update rules (GD: θ ← θ − η·g; heavy ball as optim.Momentum: v ← β·v + g,
 * θ ← θ − η·v, v = g on the first step) and the same divergence test (J not finite,
 * θ not finite, or |J| > 10¹²). tests/browser/test_playground.py checks every iterate.
 * Every iterate is listed in a table whose rows carry exact values (data-theta, data-loss,
 * shortest round-trip decimals); that table is also the plots' text alternative.
 * Links preselect a setting: ?f=square&lr=0.3&x=1.2, see the page for every parameter.
 */
(function () {
  "use strict";

  var LIMIT = 1e12; // optim.descend's default limit on |J|
  var MAX_STEPS = 1000; // playground.MAX_STEPS
  var LR_MIN_LOG = -4, LR_MAX_LOG = 1; // the slider spans η = 10⁻⁴ … 10 (playground.LR_MAX)
  var LR_MAX = 10;

  // ---- the four functions: J and ∇J beside each other, as in descent.landscapes -----------

  // Sample set 1-1 (descent.data.SAMPLE_1_1)
  var SAMPLE_X = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  var SAMPLE_Y = [2.0, 4.1, 6.3, 7.9, 9.8, 11.5, 14.3, 16.6, 18.1, 21.0];

  var FUNCTIONS = {
    square: {
      coords: ["x"], start: [1.2], lr: 0.3, view: { x: [-3, 3], y: [-0.8, 9.5] },
      loss: function (t) { return t[0] ** 2; },
      grad: function (t) { return [2.0 * t[0]]; }
    },
    sin_bowl: {
      coords: ["x", "y"], start: [3.0, 1.0], lr: 0.1, view: { x: [-4, 4], y: [-3.5, 3.5] },
      loss: function (t) { return t[0] ** 2 + Math.sin(t[1]) ** 2; },
      // chain rule on sin²y: 2·sin y·cos y
      grad: function (t) { return [2.0 * t[0], 2.0 * Math.sin(t[1]) * Math.cos(t[1])]; }
    },
    double_well: {
      coords: ["x"], start: [-0.5], lr: 0.05, view: { x: [-2.2, 2.2], y: [-4.5, 12] },
      loss: function (t) { return t[0] ** 4 - 3.0 * t[0] ** 2 + t[0]; },
      grad: function (t) { return [4.0 * t[0] ** 3 - 6.0 * t[0] + 1.0]; }
    },
    line: {
      coords: ["w", "b"], start: [0.0, 0.0], lr: 0.02, view: { x: [-0.5, 4.5], y: [-4, 4] },
      // J(w, b) = (1/n)·Σ(w·x_i + b − y_i)²
      loss: function (t) {
        var s = 0;
        for (var i = 0; i < SAMPLE_X.length; i++) {
          var e = t[0] * SAMPLE_X[i] + t[1] - SAMPLE_Y[i];
          s += e ** 2;
        }
        return s / SAMPLE_X.length;
      },
      // ∇J = (2/n)·(Σe_i·x_i, Σe_i)
      grad: function (t) {
        var sw = 0, sb = 0;
        for (var i = 0; i < SAMPLE_X.length; i++) {
          var e = t[0] * SAMPLE_X[i] + t[1] - SAMPLE_Y[i];
          sw += e * SAMPLE_X[i];
          sb += e;
        }
        return [2 * sw / SAMPLE_X.length, 2 * sb / SAMPLE_X.length];
      }
    }
  };
  var NAMES = ["square", "sin_bowl", "double_well", "line"];

  // ---- words of both languages ------------------------------------------------------------

  var TEXT = {
    zh: {
      names: { square: "x²（一元）", sin_bowl: "x² + sin²y（二元）",
        double_well: "x⁴ − 3x² + x（两个山谷）", line: "直线拟合的 MSE，样本集 1-1，参数 (w, b)" },
      fn: "函数", slider: "学习率（对数刻度 log₁₀ η）", lr: "学习率 η", start: "起点",
      momentum: "动量（重球法）", beta: "动量系数 β", step: "单步", run: "运行", pause: "暂停",
      reset: "重置", full: "显示 17 位有效数字", caption: "迭代记录（每一行是一步后的 θ 和 J）",
      hint: "也可以在图上点击或拖动来设定起点。", link: "当前设置的链接",
      plot: "函数图像与下降路径；每个迭代点都列在下方的迭代记录表中。",
      lossPlot: "损失 J 随步数 k 的变化；数值见下方的迭代记录表。",
      lossAxis: "J", logAxis: "J（对数刻度）", now: "当前",
      diverged: function (k, lr, J) {
        return "第 " + k + " 步发散（η = " + lr + "）：损失 J = " + J +
          "，超过上限 10¹² 或不再是有限数。请减小学习率，再按“重置”。";
      },
      limit: "已走满 " + MAX_STEPS + " 步，运行停止。",
      still: function (k) { return "第 " + k + " 步后 θ 不再移动，运行停止。"; },
      ignored: function (list) { return "链接中的参数无效，已忽略：" + list.join("，"); },
      invalid: function (name, range) { return name + " 需要 " + range + " 之间的数。"; }
    },
    en: {
      names: { square: "x² (one variable)", sin_bowl: "x² + sin²y (two variables)",
        double_well: "x⁴ − 3x² + x (two valleys)", line: "MSE of a line fit, sample set 1-1, over (w, b)" },
      fn: "Function", slider: "Learning rate (log scale, log₁₀ η)", lr: "Learning rate η",
      start: "Start", momentum: "Momentum (heavy ball)", beta: "Momentum β", step: "Step",
      run: "Run", pause: "Pause", reset: "Reset", full: "Show 17 significant digits",
      caption: "Iterates (each row: θ and J after k steps)",
      hint: "You can also click or drag on the plot to set the start.",
      link: "Link to these settings",
      plot: "Plot of the function and the descent path; every iterate is listed in the table of iterates below.",
      lossPlot: "Loss J against step k; the numbers are in the table of iterates below.",
      lossAxis: "J", logAxis: "J (log scale)", now: "now",
      diverged: function (k, lr, J) {
        return "Diverged at step " + k + " with η = " + lr + ": the loss J = " + J +
          " is past the limit 10¹² or not a finite number. Try a smaller learning rate, then Reset.";
      },
      limit: "Reached " + MAX_STEPS + " steps; the run stops here.",
      still: function (k) { return "θ stopped moving after step " + k + "; the run stops."; },
      ignored: function (list) { return "Ignored invalid link parameters: " + list.join(", "); },
      invalid: function (name, range) { return name + " needs a number in " + range + "."; }
    }
  };

  // ---- small helpers ----------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function short(v) { // six significant digits, written as Python's f"{v:.6g}" writes them
    if (!isFinite(v)) return isNaN(v) ? "NaN" : (v > 0 ? "∞" : "−∞");
    var parts = v.toExponential(5).split("e"), exp = Number(parts[1]);
    if (exp < -4 || exp >= 6) {
      var mantissa = parts[0].replace(/\.?0+$/, "");
      return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
    return (Object.is(v, -0) ? "-" : "") + String(Number(v.toPrecision(6)));
  }

  function full(v) {
    if (!isFinite(v)) return short(v);
    return v.toPrecision(17);
  }

  function parseNumber(text) { // a finite number, or null (Python float() accepts the same)
    if (text === null || !/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text)) return null;
    var v = Number(text);
    return isFinite(v) ? v : null;
  }

  function validLr(v) { return v !== null && v > 0 && v <= LR_MAX; }
  function validBeta(v) { return v !== null && v >= 0 && v < 1; }
  function round3(v) { return Number(v.toPrecision(3)); } // slider → tidy η: 0.316, not 0.31622…

  // ---- one widget -------------------------------------------------------------------------

  function Playground(root) {
    var lang = (document.documentElement.lang || "zh").slice(0, 2) === "en" ? "en" : "zh";
    this.t = TEXT[lang];
    this.root = root;
    this.state = { f: "square", lr: 0.3, momentum: false, beta: 0.9, start: [1.2] };
    this.build();
    this.applyQuery(new URLSearchParams(location.search));
    this.bind();
    this.reset();
    var steps = this.linkSteps;
    for (var i = 0; i < steps && this.step(); i++) { /* steps= from the link */ }
    this.draw();
    root.setAttribute("data-ready", "true");
  }

  Playground.prototype.build = function () {
    var t = this.t, root = this.root;
    root.textContent = "";
    var options = NAMES.map(function (name) {
      return el("option", { value: name, text: t.names[name] });
    });
    this.select = el("select", { id: "pg-f" }, options);
    this.slider = el("input", { id: "pg-loglr", type: "range", min: String(LR_MIN_LOG),
      max: String(LR_MAX_LOG), step: "0.01" });
    this.lrInput = el("input", { id: "pg-lr", type: "number", step: "any", min: "0",
      max: String(LR_MAX), inputmode: "decimal" });
    this.lrShown = el("output", { id: "pg-lr-shown", for: "pg-loglr pg-lr" });
    this.startBox = el("div", { class: "pg-start" });
    this.momentumBox = el("input", { id: "pg-momentum", type: "checkbox" });
    this.betaInput = el("input", { id: "pg-beta", type: "number", step: "any", min: "0",
      max: "0.999", inputmode: "decimal" });
    this.stepButton = el("button", { type: "button", id: "pg-step", text: t.step });
    this.runButton = el("button", { type: "button", id: "pg-run", text: t.run,
      "aria-pressed": "false" });
    this.resetButton = el("button", { type: "button", id: "pg-reset", text: t.reset });
    this.fullBox = el("input", { id: "pg-full", type: "checkbox" });
    this.status = el("p", { id: "pg-status", class: "pg-status" });
    this.message = el("p", { id: "pg-message", class: "pg-message", role: "alert", hidden: "" });
    this.notice = el("p", { id: "pg-notice", class: "pg-notice", role: "status" });
    this.permalink = el("a", { id: "pg-link", href: "?", text: t.link });
    this.plot = el("canvas", { id: "pg-plot", class: "pg-plot", role: "img", "aria-label": t.plot });
    this.lossPlot = el("canvas", { id: "pg-loss", class: "pg-loss", role: "img",
      "aria-label": t.lossPlot });
    this.body = el("tbody");
    this.head = el("tr");
    this.table = el("table", { id: "pg-log", class: "pg-log", "aria-labelledby": "pg-log-title" },
      [el("thead", {}, [this.head]), this.body]);
    // its title stays above the scrolling box, so it is seen whichever rows are in view
    this.scroller = el("div", { class: "pg-scroll", tabindex: "0", role: "region",
      "aria-labelledby": "pg-log-title" }, [this.table]);

    function field(label, input, extra, wide) {
      return el("div", { class: "pg-field" + (wide ? " " + wide : "") },
        [el("label", { for: input.id, text: label }), input].concat(extra || []));
    }
    var controls = el("div", { class: "pg-controls" }, [
      field(t.fn, this.select, [], "pg-wide"),
      field(t.slider, this.slider, [this.lrShown]),
      field(t.lr, this.lrInput),
      el("fieldset", { class: "pg-fieldset" }, [el("legend", { text: t.start }), this.startBox,
        el("p", { class: "pg-hint", text: t.hint })]),
      el("div", { class: "pg-field" }, [
        el("div", { class: "pg-check" }, [this.momentumBox,
          el("label", { for: "pg-momentum", text: t.momentum })]),
        el("label", { for: "pg-beta", text: t.beta }), this.betaInput]),
      el("div", { class: "pg-buttons pg-wide" }, [this.stepButton, this.runButton, this.resetButton])
    ]);
    root.appendChild(controls);
    root.appendChild(this.notice);
    root.appendChild(this.message);
    root.appendChild(this.status);
    root.appendChild(el("div", { class: "pg-plots" }, [this.plot, this.lossPlot]));
    root.appendChild(el("div", { class: "pg-log-head" }, [
      el("p", { id: "pg-log-title", class: "pg-log-title", text: t.caption }),
      el("div", { class: "pg-check" }, [this.fullBox, el("label", { for: "pg-full", text: t.full })])
    ]));
    root.appendChild(this.scroller);
    root.appendChild(el("p", { class: "pg-permalink" }, [this.permalink]));
    this.linkSteps = 0;
  };

  // Start inputs, one per coordinate of the chosen function (x; x, y; w, b).
  Playground.prototype.buildStart = function () {
    var self = this, fn = FUNCTIONS[this.state.f];
    this.startBox.textContent = "";
    this.startInputs = fn.coords.map(function (name, i) {
      var input = el("input", { id: "pg-start-" + name, type: "number", step: "any",
        inputmode: "decimal", "data-coord": name });
      input.value = String(self.state.start[i]);
      self.startBox.appendChild(el("span", { class: "pg-coord" }, [
        el("label", { for: input.id, text: name + "₀" }), input]));
      return input;
    });
    this.startInputs.forEach(function (input, i) {
      var apply = function (event) {
        var v = parseNumber(input.value);
        input.setAttribute("aria-invalid", v === null ? "true" : "false");
        if (v === null) {
          if (event.type === "change") {
            self.say(self.t.invalid(input.dataset.coord + "₀", "(−∞, ∞)"), input.id);
          }
          return;
        }
        self.settle(input.id);
        if (v !== self.state.start[i]) { self.state.start[i] = v; self.reset(); }
      };
      input.addEventListener("input", apply);
      input.addEventListener("change", apply);
    });
    this.head.textContent = "";
    ["k"].concat(fn.coords, ["J"]).forEach(function (name) {
      self.head.appendChild(el("th", { scope: "col", text: name }));
    });
  };

  // ---- link parameters (the same names and ranges as playground.parse_query) --------------

  Playground.prototype.applyQuery = function (q) {
    var bad = [], s = this.state;
    if (q.has("f")) {
      if (FUNCTIONS.hasOwnProperty(q.get("f"))) s.f = q.get("f");
      else bad.push("f=" + q.get("f"));
    }
    var fn = FUNCTIONS[s.f];
    s.lr = fn.lr;
    s.start = fn.start.slice();
    q.forEach(function (value, name) {
      var v = parseNumber(value), i = fn.coords.indexOf(name);
      if (name === "f") return;
      if (name === "lr" && validLr(v)) s.lr = v;
      else if (name === "momentum" && validBeta(v)) { s.momentum = true; s.beta = v; }
      else if (name === "steps" && /^\d+$/.test(value) && Number(value) <= MAX_STEPS) {
        this.linkSteps = Number(value);
      } else if (i >= 0 && v !== null) s.start[i] = v;
      else bad.push(name + "=" + value);
    }, this);
    if (bad.length) this.say(this.t.ignored(bad));
    this.showSettings();
  };

  Playground.prototype.showSettings = function () {
    var s = this.state;
    this.select.value = s.f;
    this.lrInput.value = String(s.lr);
    this.slider.value = String(Math.log10(s.lr));
    this.momentumBox.checked = s.momentum;
    this.betaInput.value = String(s.beta);
    this.betaInput.disabled = !s.momentum;
    this.buildStart();
    this.showLr();
  };

  Playground.prototype.showLr = function () {
    this.lrShown.textContent = "η = " + this.state.lr;
    this.slider.setAttribute("aria-valuetext", "η = " + this.state.lr);
  };

  Playground.prototype.linkHref = function () {
    var s = this.state, fn = FUNCTIONS[s.f];
    var parts = ["f=" + s.f, "lr=" + String(s.lr)];
    fn.coords.forEach(function (name, i) { parts.push(name + "=" + String(s.start[i])); });
    if (s.momentum) parts.push("momentum=" + String(s.beta));
    return "?" + parts.join("&");
  };

  // A complaint about a field (field given) is withdrawn once that field holds a valid value.
  Playground.prototype.say = function (text, field) {
    this.notice.textContent = text;
    if (field) this.notice.dataset.field = field; else delete this.notice.dataset.field;
  };
  Playground.prototype.settle = function (field) {
    if (this.notice.dataset.field === field) this.say("");
  };

  // ---- controls ---------------------------------------------------------------------------

  Playground.prototype.bind = function () {
    var self = this, s = this.state;
    this.select.addEventListener("change", function () {
      s.f = self.select.value;
      s.lr = FUNCTIONS[s.f].lr;
      s.start = FUNCTIONS[s.f].start.slice();
      self.showSettings();
      self.reset();
    });
    this.slider.addEventListener("input", function () {
      s.lr = round3(10 ** Number(self.slider.value));
      self.lrInput.value = String(s.lr);
      self.lrInput.setAttribute("aria-invalid", "false");
      self.settle("lr");
      self.showLr();
      self.reset();
    });
    var applyLr = function (event) {
      var v = parseNumber(self.lrInput.value);
      self.lrInput.setAttribute("aria-invalid", validLr(v) ? "false" : "true");
      if (!validLr(v)) {
        if (event.type === "change") self.say(self.t.invalid("η", "(0, " + LR_MAX + "]"), "lr");
        return;
      }
      self.settle("lr");
      if (v !== s.lr) {
        s.lr = v;
        self.slider.value = String(Math.log10(v));
        self.showLr();
        self.reset();
      }
    };
    this.lrInput.addEventListener("input", applyLr);
    this.lrInput.addEventListener("change", applyLr);
    this.momentumBox.addEventListener("change", function () {
      s.momentum = self.momentumBox.checked;
      self.betaInput.disabled = !s.momentum;
      self.reset();
    });
    var applyBeta = function (event) {
      var v = parseNumber(self.betaInput.value);
      self.betaInput.setAttribute("aria-invalid", validBeta(v) ? "false" : "true");
      if (!validBeta(v)) {
        if (event.type === "change") self.say(self.t.invalid("β", "[0, 1)"), "beta");
        return;
      }
      self.settle("beta");
      if (v !== s.beta) { s.beta = v; self.reset(); }
    };
    this.betaInput.addEventListener("input", applyBeta);
    this.betaInput.addEventListener("change", applyBeta);
    this.stepButton.addEventListener("click", function () { self.pause(); self.step(); self.draw(); });
    this.runButton.addEventListener("click", function () {
      if (self.timer) self.pause(); else self.run();
    });
    this.resetButton.addEventListener("click", function () { self.reset(); });
    this.fullBox.addEventListener("change", function () { self.refreshTable(); });
    this.bindPointer();
    var redraw = function () { self.background = null; self.draw(); };
    var width = null;
    if (window.ResizeObserver) {
      new ResizeObserver(function () { // only a new width changes the plots (rows add height)
        if (self.root.clientWidth !== width) { width = self.root.clientWidth; redraw(); }
      }).observe(this.root);
    }
    new MutationObserver(redraw).observe(document.body,
      { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  };

  // Click or drag on the plot to set the start (1-D: only x; 2-D: both coordinates).
  Playground.prototype.bindPointer = function () {
    var self = this, plot = this.plot, dragging = false;
    function place(event) {
      var box = plot.getBoundingClientRect(), a = self.axes;
      if (!a) return;
      var px = event.clientX - box.left, py = event.clientY - box.top;
      var x = a.x0 + (px - a.left) / a.width * (a.x1 - a.x0);
      var y = a.y1 - (py - a.top) / a.height * (a.y1 - a.y0);
      var start = [Math.round(x * 100) / 100];
      if (FUNCTIONS[self.state.f].coords.length === 2) start.push(Math.round(y * 100) / 100);
      self.state.start = start;
      self.startInputs.forEach(function (input, i) {
        input.value = String(start[i]);
        input.setAttribute("aria-invalid", "false");
      });
      self.reset();
    }
    // Mouse and pen act at once; a finger acts on a tap or a sideways drag, so that a
    // vertical swipe over the plot still scrolls the page (touch-action: pan-y).
    plot.addEventListener("pointerdown", function (event) {
      dragging = true;
      if (event.pointerType !== "touch") {
        if (plot.setPointerCapture) plot.setPointerCapture(event.pointerId);
        place(event);
      }
    });
    plot.addEventListener("pointermove", function (event) { if (dragging) place(event); });
    plot.addEventListener("pointerup", function (event) {
      if (dragging && event.pointerType === "touch") place(event);
      dragging = false;
    });
    plot.addEventListener("pointercancel", function () { dragging = false; });
  };

  // ---- the descent ------------------------------------------------------------------------

  Playground.prototype.reset = function () {
    var s = this.state, fn = FUNCTIONS[s.f];
    this.pause();
    this.thetas = [s.start.slice()];
    this.losses = [fn.loss(s.start)];
    this.v = null; // momentum's velocity: none before the first step
    this.stopped = null;
    this.body.textContent = "";
    this.addRow(0);
    this.message.hidden = true;
    this.message.textContent = "";
    this.permalink.setAttribute("href", this.linkHref());
    this.enable();
    this.draw();
  };

  // One optimiser step; false once the run cannot go on (diverged or at MAX_STEPS).
  Playground.prototype.step = function () {
    if (this.stopped) return false;
    var s = this.state, fn = FUNCTIONS[s.f], v = this.v;
    var theta = this.thetas[this.thetas.length - 1];
    var g = fn.grad(theta);
    if (s.momentum) {
      // heavy ball (optim.Momentum): v ← β·v + g, and v = g on the first step
      v = v === null ? g : g.map(function (gi, i) { return s.beta * v[i] + gi; });
      this.v = v;
    } else {
      v = g;
    }
    var next = theta.map(function (ti, i) {
      return ti - s.lr * v[i]; // against the gradient
    });
    var J = fn.loss(next);
    this.thetas.push(next);
    this.losses.push(J);
    var k = this.thetas.length - 1;
    this.addRow(k);
    if (!(isFinite(J) && next.every(isFinite) && Math.abs(J) <= LIMIT)) {
      this.stop("diverged", this.t.diverged(k, s.lr, short(J)));
      this.message.dataset.step = String(k);
      this.message.dataset.lr = String(s.lr);
      return false;
    }
    if (k >= MAX_STEPS) { this.stop("limit", this.t.limit); return false; }
    return true;
  };

  Playground.prototype.stop = function (why, text) {
    this.stopped = why;
    this.pause();
    this.message.textContent = text;
    this.message.dataset.kind = why;
    this.message.hidden = false;
    this.enable();
  };

  Playground.prototype.enable = function () {
    this.stepButton.disabled = !!this.stopped;
    this.runButton.disabled = !!this.stopped;
  };

  Playground.prototype.run = function () {
    var self = this;
    var calm = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;
    this.runButton.textContent = this.t.pause;
    this.runButton.setAttribute("aria-pressed", "true");
    this.timer = setInterval(function () {
      // a few steps a second at first, then faster, so long runs end within seconds
      var k = self.thetas.length - 1, batch = calm ? MAX_STEPS : Math.ceil((k + 1) / 30);
      for (var i = 0; i < batch; i++) {
        if (!self.step()) break;
        var a = self.thetas[self.thetas.length - 2], b = self.thetas[self.thetas.length - 1];
        var moved = b.some(function (bi, j) { return Math.abs(bi - a[j]) > 1e-12 * Math.max(1, Math.abs(bi)); });
        if (!moved) {
          self.stop("still", self.t.still(self.thetas.length - 1));
          break;
        }
      }
      self.draw();
    }, 80);
  };

  Playground.prototype.pause = function () {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.runButton.textContent = this.t.run;
    this.runButton.setAttribute("aria-pressed", "false");
  };

  // ---- the log table ----------------------------------------------------------------------

  Playground.prototype.addRow = function (k) {
    var theta = this.thetas[k], J = this.losses[k];
    var row = el("tr", { "data-k": String(k), "data-theta": theta.map(String).join(","),
      "data-loss": String(J) });
    this.fillRow(row, k, theta, J);
    this.body.appendChild(row);
    this.status.textContent = "k = " + k + " · " + FUNCTIONS[this.state.f].coords.map(
      function (name, i) { return name + " = " + short(theta[i]); }).join(", ") +
      " · J = " + short(J);
    if (this.scroller.scrollHeight > this.scroller.clientHeight) {
      this.scroller.scrollTop = this.scroller.scrollHeight;
    }
  };

  Playground.prototype.fillRow = function (row, k, theta, J) {
    var show = this.fullBox.checked ? full : short;
    row.textContent = "";
    row.appendChild(el("td", { text: String(k) }));
    theta.forEach(function (v) { row.appendChild(el("td", { text: show(v) })); });
    row.appendChild(el("td", { text: show(J) }));
  };

  Playground.prototype.refreshTable = function () {
    var self = this;
    Array.prototype.forEach.call(this.body.rows, function (row, k) {
      self.fillRow(row, k, self.thetas[k], self.losses[k]);
    });
  };

  // ---- drawing ----------------------------------------------------------------------------

  function colours() {
    var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    var style = getComputedStyle(document.body);
    return {
      dark: dark,
      fg: style.getPropertyValue("--md-default-fg-color").trim() || (dark ? "#ddd" : "#222"),
      faint: dark ? "rgba(220,224,240,0.35)" : "rgba(0,0,0,0.28)",
      bg: style.getPropertyValue("--md-default-bg-color").trim() || (dark ? "#1e2129" : "#fff"),
      curve: dark ? "#9fa8ff" : "#303f9f",
      path: dark ? "#ffab40" : "#c43e00",
      low: dark ? [52, 62, 130] : [178, 186, 232],
      high: dark ? [30, 33, 41] : [255, 255, 255]
    };
  }

  function niceStep(range, count) {
    var raw = range / count, p = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / p;
    return p * (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10);
  }

  function ticks(lo, hi, count) {
    var s = niceStep(hi - lo, count), out = [];
    for (var v = Math.ceil(lo / s) * s; v <= hi + s * 1e-9; v += s) out.push(Math.abs(v) < s * 1e-9 ? 0 : v);
    return out;
  }

  function tickLabel(v) { return String(Number(v.toPrecision(4))); }

  // A canvas sized to its box at the device's pixel ratio; returns its 2-D context.
  function prepare(canvas) {
    var ratio = window.devicePixelRatio || 1, w = canvas.clientWidth, h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
    }
    var ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { ctx: ctx, w: w, h: h, ratio: ratio };
  }

  function frame(ctx, a, c, xName, yName, yTicks) {
    ctx.strokeStyle = c.faint;
    ctx.lineWidth = 1;
    ctx.strokeRect(a.left + 0.5, a.top + 0.5, a.width, a.height);
    ctx.fillStyle = c.fg;
    ctx.font = "12px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ticks(a.x0, a.x1, Math.max(3, a.width / 80)).forEach(function (v) {
      var px = a.px(v);
      ctx.fillRect(px, a.top + a.height, 1, 4);
      ctx.fillText(tickLabel(v), px, a.top + a.height + 6);
    });
    ctx.fillText(xName, a.left + a.width / 2, a.top + a.height + 20);
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    (yTicks || ticks(a.y0, a.y1, Math.max(3, a.height / 50))).forEach(function (v) {
      var py = a.py(v.at === undefined ? v : v.at);
      ctx.fillRect(a.left - 4, py, 4, 1);
      ctx.fillText(v.label || tickLabel(v), a.left - 6, py);
    });
    ctx.save();
    ctx.translate(12, a.top + a.height / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = "center";
    ctx.fillText(yName, 0, 0);
    ctx.restore();
  }

  function axes(w, h, view, left) {
    var a = { left: left || 56, top: 10, x0: view.x[0], x1: view.x[1], y0: view.y[0], y1: view.y[1] };
    a.width = Math.max(10, w - a.left - 12);
    a.height = Math.max(10, h - a.top - 40);
    a.px = function (x) { return a.left + (x - a.x0) / (a.x1 - a.x0) * a.width; };
    a.py = function (y) { return a.top + (a.y1 - y) / (a.y1 - a.y0) * a.height; };
    return a;
  }

  // Marching squares on a grid of J: line segments where J crosses `level`.
  function contour(ctx, grid, nx, ny, level, cx, cy) {
    function at(i, j) { return grid[j * (nx + 1) + i]; }
    function mix(p, q, vp, vq) { return p + (level - vp) / (vq - vp) * (q - p); }
    ctx.beginPath();
    for (var j = 0; j < ny; j++) {
      for (var i = 0; i < nx; i++) {
        var a = at(i, j), b = at(i + 1, j), c = at(i + 1, j + 1), d = at(i, j + 1);
        var pts = [];
        if ((a < level) !== (b < level)) pts.push([cx(mix(i, i + 1, a, b)), cy(j)]);
        if ((b < level) !== (c < level)) pts.push([cx(i + 1), cy(mix(j, j + 1, b, c))]);
        if ((d < level) !== (c < level)) pts.push([cx(mix(i, i + 1, d, c)), cy(j + 1)]);
        if ((a < level) !== (d < level)) pts.push([cx(i), cy(mix(j, j + 1, a, d))]);
        for (var p = 0; p + 1 < pts.length; p += 2) {
          ctx.moveTo(pts[p][0], pts[p][1]);
          ctx.lineTo(pts[p + 1][0], pts[p + 1][1]);
        }
      }
    }
    ctx.stroke();
  }

  // The function itself (curve or coloured contour map), cached until size or palette change.
  Playground.prototype.drawBackground = function (size, a, c) {
    var s = this.state, fn = FUNCTIONS[s.f];
    var canvas = document.createElement("canvas");
    canvas.width = Math.round(size.w * size.ratio);
    canvas.height = Math.round(size.h * size.ratio);
    var ctx = canvas.getContext("2d");
    ctx.setTransform(size.ratio, 0, 0, size.ratio, 0, 0);
    if (fn.coords.length === 1) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(a.left, a.top, a.width, a.height);
      ctx.clip();
      ctx.strokeStyle = c.faint;
      ctx.beginPath();
      ctx.moveTo(a.left, a.py(0));
      ctx.lineTo(a.left + a.width, a.py(0));
      ctx.stroke();
      ctx.strokeStyle = c.curve;
      ctx.lineWidth = 2;
      ctx.beginPath();
      for (var px = 0; px <= a.width; px++) {
        var x = a.x0 + px / a.width * (a.x1 - a.x0), py = a.py(fn.loss([x]));
        if (px === 0) ctx.moveTo(a.left + px, py); else ctx.lineTo(a.left + px, py);
      }
      ctx.stroke();
      ctx.restore();
      frame(ctx, a, c, fn.coords[0], "J");
      return canvas;
    }
    var nx = Math.ceil(a.width / 4), ny = Math.ceil(a.height / 4), grid = new Float64Array((nx + 1) * (ny + 1));
    var lo = Infinity, hi = -Infinity;
    for (var j = 0; j <= ny; j++) {
      for (var i = 0; i <= nx; i++) {
        var J = fn.loss([a.x0 + i / nx * (a.x1 - a.x0), a.y1 - j / ny * (a.y1 - a.y0)]);
        grid[j * (nx + 1) + i] = J;
        lo = Math.min(lo, J);
        hi = Math.max(hi, J);
      }
    }
    // colour and contour levels evenly spaced in log(1 + J − min): the line's bowl is steep
    var tr = function (J) { return Math.log1p(J - lo) / Math.log1p(hi - lo); };
    var image = document.createElement("canvas");
    image.width = nx + 1;
    image.height = ny + 1;
    var ictx = image.getContext("2d"), data = ictx.createImageData(nx + 1, ny + 1);
    for (var n = 0; n < grid.length; n++) {
      var u = tr(grid[n]);
      for (var ch = 0; ch < 3; ch++) data.data[4 * n + ch] = c.low[ch] + u * (c.high[ch] - c.low[ch]);
      data.data[4 * n + 3] = 255;
    }
    ictx.putImageData(data, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(image, a.left, a.top, a.width, a.height);
    ctx.strokeStyle = c.faint;
    ctx.lineWidth = 1;
    for (var l = 1; l < 14; l++) {
      var level = lo + Math.expm1(l / 14 * Math.log1p(hi - lo));
      contour(ctx, grid, nx, ny, level,
        function (i) { return a.left + i / nx * a.width; },
        function (j) { return a.top + j / ny * a.height; });
    }
    frame(ctx, a, c, fn.coords[0], fn.coords[1]);
    return canvas;
  };

  Playground.prototype.draw = function () {
    if (!this.thetas) return;
    this.drawPath();
    this.drawLoss();
  };

  Playground.prototype.drawPath = function () {
    var s = this.state, fn = FUNCTIONS[s.f], c = colours(), size = prepare(this.plot);
    if (!size.w || !size.h) return; // not laid out yet: the ResizeObserver draws it later
    var a = axes(size.w, size.h, fn.view);
    this.axes = a;
    var plot = this.plot;
    ["left", "top", "width", "height", "x0", "x1", "y0", "y1"].forEach(function (key) {
      plot.dataset[key] = String(a[key]);
    });
    var key = [s.f, size.w, size.h, size.ratio, c.dark].join("|");
    if (!this.background || this.backgroundKey !== key) {
      this.background = this.drawBackground(size, a, c);
      this.backgroundKey = key;
    }
    var ctx = size.ctx, one = fn.coords.length === 1, losses = this.losses;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, plot.width, plot.height);
    ctx.drawImage(this.background, 0, 0);
    ctx.restore();
    ctx.save();
    ctx.beginPath();
    ctx.rect(a.left, a.top, a.width, a.height);
    ctx.clip();
    var pts = this.thetas.map(function (t, k) {
      return [a.px(t[0]), a.py(one ? losses[k] : t[1])];
    }).filter(function (p) { return isFinite(p[0]) && isFinite(p[1]); });
    ctx.strokeStyle = c.path;
    ctx.fillStyle = c.path;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    pts.forEach(function (p, k) { if (k) ctx.lineTo(p[0], p[1]); else ctx.moveTo(p[0], p[1]); });
    ctx.stroke();
    pts.forEach(function (p, k) {
      ctx.beginPath();
      ctx.arc(p[0], p[1], k === pts.length - 1 ? 5 : 2.5, 0, 2 * Math.PI);
      ctx.fill();
    });
    if (pts.length) { // the start: a ring
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(pts[0][0], pts[0][1], 7, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.restore();
  };

  Playground.prototype.drawLoss = function () {
    var c = colours(), size = prepare(this.lossPlot), ctx = size.ctx;
    if (!size.w || !size.h) return;
    var losses = this.losses.filter(isFinite), K = Math.max(10, this.losses.length - 1);
    ctx.clearRect(0, 0, size.w, size.h);
    if (!losses.length) return;
    var positive = losses.every(function (J) { return J > 0; });
    var f = positive ? Math.log10 : function (J) { return J; };
    var vals = losses.map(f), lo = Math.min.apply(null, vals), hi = Math.max.apply(null, vals);
    if (!(hi > lo)) { lo -= 1; hi += 1; }
    var pad = (hi - lo) * 0.05;
    var a = axes(size.w, size.h, { x: [0, K], y: [lo - pad, hi + pad] });
    var yTicks = null;
    if (positive) {
      yTicks = ticks(lo - pad, hi + pad, 4).filter(function (v) { return v === Math.round(v); })
        .map(function (v) { return { at: v, label: "1e" + v }; });
      if (!yTicks.length) yTicks = null;
    }
    frame(ctx, a, c, "k", positive ? this.t.logAxis : this.t.lossAxis, yTicks);
    ctx.save();
    ctx.beginPath();
    ctx.rect(a.left, a.top, a.width, a.height);
    ctx.clip();
    ctx.strokeStyle = c.path;
    ctx.fillStyle = c.path;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    var started = false;
    this.losses.forEach(function (J, k) {
      if (!isFinite(J)) return;
      var p = [a.px(k), a.py(f(J))];
      if (started) ctx.lineTo(p[0], p[1]); else ctx.moveTo(p[0], p[1]);
      started = true;
    });
    ctx.stroke();
    if (this.losses.length <= 60) {
      this.losses.forEach(function (J, k) {
        if (!isFinite(J)) return;
        ctx.beginPath();
        ctx.arc(a.px(k), a.py(f(J)), 2.5, 0, 2 * Math.PI);
        ctx.fill();
      });
    }
    ctx.restore();
  };

  function start() {
    var root = document.getElementById("pg-widget");
    if (root && !root.hasAttribute("data-ready")) window.descentPlayground = new Playground(root);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
