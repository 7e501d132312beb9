/* Fetch the search index only when the reader first opens search.
 *
 * Material requests search/search_index.json (both languages, growing with every chapter) with
 * XMLHttpRequest as soon as any page loads. This script, loaded in <head> before Material's
 * bundle, holds that one request back until the search box gets focus, the search toggle is
 * switched on (the mobile search button), or the URL carries ?q= . Everything else about
 * search is Material's own; tests/browser/test_interactions.py checks both halves.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var held = [];
  var released = false;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.descentHold = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
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
