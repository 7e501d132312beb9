/* Two accessibility repairs the theme leaves to the site (axe: aria-dialog-name and
 * scrollable-region-focusable), applied once the math is typeset, since MathJax decides
 * which display equations are wider than the column:
 *  - Material's search panel has role="dialog" but no name: name it after the search box.
 *  - A table, equation or code cell that scrolls sideways must be reachable by keyboard:
 *    make it focusable so arrow keys can scroll it.
 */
(function () {
  "use strict";
  function repair() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var query = document.querySelector("[data-md-component=search-query]");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", query ? query.getAttribute("aria-label") : "Search");
    }
    var scrollers = ".md-typeset__scrollwrap, .md-typeset mjx-container[display=true], " +
      ".md-typeset .arithmatex, .md-typeset pre, .jp-Cell .highlight-ipynb, .jp-OutputArea-output";
    document.querySelectorAll(scrollers).forEach(function (el) {
      if (el.scrollWidth > el.clientWidth && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
      }
    });
  }
  window.addEventListener("load", function () {
    var typeset = window.MathJax && MathJax.startup && MathJax.startup.promise;
    (typeset || Promise.resolve()).then(repair, repair);
  });
})();
