/* Python for the Run buttons: the Pyodide core and the book's package (assets/pyodide/), both
 * from this site. One worker per page; the page terminates it to stop a run. */
import { loadPyodide } from "../assets/pyodide/pyodide.mjs";

const ASSETS = new URL("../assets/pyodide/", import.meta.url);
let python = null;

async function start() {
  const py = await loadPyodide({ indexURL: ASSETS.href });
  const zip = await fetch(new URL("descent.zip", ASSETS));
  if (!zip.ok) throw new Error(`descent.zip: HTTP ${zip.status}`);
  py.unpackArchive(await zip.arrayBuffer(), "zip", { extractDir: "/book" });
  py.runPython("import sys; sys.path.insert(0, '/book')");
  return py.pyimport("descent.live").run;
}

self.onmessage = async (event) => {
  const { id, code, preamble, doc } = event.data;
  try {
    // a start that failed (a file that did not arrive) is tried again on the next Run
    if (!python) python = start().catch((error) => { python = null; throw error; });
    const run = await python;
    self.postMessage({ id, state: "running" });
    self.postMessage({ id, state: "done", text: run(code, preamble, doc) });
  } catch (error) {
    self.postMessage({ id, state: "error", text: String(error && error.message || error) });
  }
};
