/* Run / Edit buttons on code blocks (hooks/live.py adds them; only pages with such a block load
 * this file). Nothing else loads until the first click: then live-ui.js, which starts Python
 * (Pyodide, from this site) in a worker. */
(function () {
  "use strict";
  var base = document.currentScript.src;
  var ui = null;
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-live]");
    if (!button) return;
    ui = ui || import(new URL("live-ui.js", base).href);
    ui.then(function (m) { m.handle(button); }, function () { ui = null; }); // retried on the next click
  });
})();
