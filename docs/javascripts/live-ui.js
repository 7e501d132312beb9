/* What the Run / Edit / Reset / Stop buttons do (loaded on the first click by live.js).
 * One worker per page runs every block; Stop terminates it (the next Run starts a new one). */
const TEXT = {
  zh: { loading: "正在加载 Python（只在第一次运行时）……", running: "运行中……", empty: "（运行完毕，没有输出）",
        stopped: "已停止。", failed: "无法启动 Python：", code: "可编辑的代码",
        missing: "它的文件没有下载下来（网络中断了？）。再点一次“运行”即可重试。" },
  en: { loading: "Loading Python (first run only)…", running: "Running…", empty: "(finished, no output)",
        stopped: "Stopped.", failed: "Python could not start: ", code: "Editable code",
        missing: "its files did not arrive (a dropped connection?). Press Run to try again." },
};
const t = TEXT[document.documentElement.lang === "en" ? "en" : "zh"];
const data = JSON.parse(document.getElementById("live-data").textContent);
let worker = null;
let started = false;
let current = null; // the block whose run is in progress: { box, id }
let counter = 0;

function parts(box) {
  const i = box.dataset.block;
  return {
    i,
    code: document.getElementById(`live-code-${i}`),
    out: box.querySelector(".live-output"),
    area: box.querySelector("textarea"),
    button: (kind) => box.querySelector(`[data-live="${kind}"]`),
  };
}

function source(box) {
  const p = parts(box);
  return p.area ? p.area.value : p.code.querySelector("code").textContent;
}

function finish(box, text) {
  const p = parts(box);
  p.out.hidden = false;
  p.out.textContent = text;
  p.button("stop").hidden = true;
  document.querySelectorAll(".live [data-live=run]").forEach((b) => { b.disabled = false; });
  current = null;
}

function getWorker() {
  if (!worker) {
    worker = new Worker(new URL("live-worker.js", import.meta.url), { type: "module" });
    worker.onmessage = (event) => {
      const { id, state, text } = event.data;
      if (!current || current.id !== id) return;
      const p = parts(current.box);
      if (state === "running") { started = true; p.out.textContent = t.running; return; }
      finish(current.box, state === "error" ? t.failed + text : text || t.empty);
    };
    // the worker's own script (or Pyodide's) could not be loaded: say so, and let the next
    // Run start a fresh worker instead of leaving the block loading for ever
    worker.onerror = (event) => {
      event.preventDefault();
      const box = current && current.box;
      worker.terminate();
      worker = null;
      started = false;
      if (box) finish(box, t.failed + [event.message, t.missing].filter(Boolean).join(" — "));
    };
  }
  return worker;
}

function run(box) {
  if (current) return;
  const p = parts(box);
  const block = data[p.i];
  current = { box, id: ++counter };
  document.querySelectorAll(".live [data-live=run]").forEach((b) => { b.disabled = true; });
  p.out.hidden = false;
  p.out.textContent = started ? t.running : t.loading;
  p.button("stop").hidden = false;
  getWorker().postMessage({ id: current.id, code: source(box), preamble: block.preamble, doc: block.doc });
}

function stop(box) {
  if (!current || current.box !== box) return;
  worker.terminate();
  worker = null;
  started = false;
  finish(box, t.stopped);
  parts(box).button("run").focus();
}

function edit(box) {
  const p = parts(box);
  if (p.area) { p.area.focus(); return; }
  const area = document.createElement("textarea");
  area.className = "live-editor";
  area.spellcheck = false;
  area.setAttribute("aria-label", t.code);
  area.value = p.code.querySelector("code").textContent;
  area.rows = Math.min(30, area.value.split("\n").length + 1);
  box.insertBefore(area, box.firstChild);
  p.code.hidden = true;
  p.button("edit").hidden = true;
  p.button("reset").hidden = false;
  area.focus();
}

function reset(box) {
  const p = parts(box);
  if (p.area) p.area.remove();
  p.code.hidden = false;
  p.button("reset").hidden = true;
  p.button("edit").hidden = false;
  p.out.hidden = true;
  p.out.textContent = "";
  p.button("edit").focus();
}

export function handle(button) {
  const box = button.closest(".live");
  ({ run, stop, edit, reset })[button.dataset.live](box);
}
