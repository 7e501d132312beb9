/* Two requests Material's bundle makes on every page, adjusted before the bundle runs
 * (this file is loaded in <head>, see overrides/main.html). Both are XMLHttpRequests.
 *
 * 1. search/search_index.json (both languages, growing with every chapter) is held back until
 *    the reader first opens search: the search box gets focus, the search toggle is switched
 *    on (the mobile search button), or the URL carries ?q= .
 *    It asks for the index of the page's language, search/search_index.<lang>.json
 *    (<html lang>; written by hooks/search.py), so results stay in the reader's language.
 * 2. Material fetches sitemap.xml beside every <link rel="alternate">, expecting alternates to
 *    be language roots; the i18n plugin gives page-level alternates (…/en/loss/), so those
 *    requests could only 404. They are aborted instead; Material treats that as "no sitemap".
 *
 * tests/browser/test_interactions.py checks 1; every page test fails on any 404 or console error.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var SITEMAP = /\/sitemap\.xml$/;
  var held = [];
  var released = false;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var lang = document.documentElement.lang;
    this.descentHold = INDEX.test(String(url));
    this.descentDrop = SITEMAP.test(String(url));
    if (this.descentHold && /^[a-z]{2}(-[A-Za-z]+)?$/.test(lang)) {
      args[1] = String(url).replace(/\.json$/, "." + lang + ".json");
    }
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.descentDrop) {
      var request = this;
      setTimeout(function () { request.abort(); }, 0);
      return undefined;
    }
    if (this.descentHold && !released) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) release();
  });
  if (new URLSearchParams(location.search).has("q")) release();
})();
