/* Two accessibility repairs the theme leaves to the site (axe: aria-dialog-name and
 * scrollable-region-focusable):
 *  - Material's search panel has role="dialog" but no name: name it after the search box.
 *  - A table, equation or code cell that scrolls sideways must be reachable by keyboard:
 *    make it focusable so arrow keys can scroll it.
 * Which regions overflow depends on the screen, so they are measured in the browser, a few
 * at a time while it is idle: off-screen blocks are not laid out (content-visibility in
 * extra.css), and measuring them all at once would lay out the whole chapter in one long
 * task. When every region has been checked, <html> gets data-a11y="done".
 */
(function () {
  "use strict";
  var SCROLLERS = ".md-typeset__scrollwrap, .md-typeset mjx-container[display=true], " +
    ".md-typeset div.arithmatex, .md-typeset pre, " +
    ".jp-Cell .highlight-ipynb, .jp-OutputArea-output";
  var idle = window.requestIdleCallback || function (work) {
    return setTimeout(function () {
      var start = Date.now();
      work({timeRemaining: function () { return Math.max(0, 10 - (Date.now() - start)); }});
    }, 1);
  };

  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var query = document.querySelector("[data-md-component=search-query]");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", query ? query.getAttribute("aria-label") : "Search");
    }
  }

  function focusWideRegions() {
    var regions = document.querySelectorAll(SCROLLERS);
    var next = 0;
    function work(deadline) {
      while (next < regions.length && deadline.timeRemaining() > 1) {
        var el = regions[next++];
        if (el.scrollWidth > el.clientWidth && !el.hasAttribute("tabindex")) {
          el.setAttribute("tabindex", "0");
        }
      }
      if (next < regions.length) {
        idle(work);
      } else {
        document.documentElement.setAttribute("data-a11y", "done");
      }
    }
    idle(work);
  }

  window.addEventListener("load", function () {
    nameSearchDialog();
    focusWideRegions();
  });
})();
