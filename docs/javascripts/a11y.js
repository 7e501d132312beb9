/* Two accessibility repairs the theme leaves to the site (axe: aria-dialog-name and
 * scrollable-region-focusable):
 *  - Material's search panel has role="dialog" but no name: name it after the search box.
 *  - A table, equation, paragraph, figure or code cell that scrolls sideways must be reachable by keyboard:
 *    make it focusable so arrow keys can scroll it.
 * Which regions overflow depends on the screen, so each is measured in the browser when it
 * comes within a screen's height of the viewport. Blocks further away are not laid out yet
 * (content-visibility in extra.css); measuring them all when the page opens would lay out
 * the whole chapter at once, the very work content-visibility saves. A skipped block reports
 * no overflow, so the region and the blocks around it are rendered for its measurement (they
 * are about to be anyway).
 * After the first round of measurements, <html> gets data-a11y="done".
 */
(function () {
  "use strict";
  var SCROLLERS = ".md-typeset__scrollwrap, .md-typeset table:not([class]), " +
    ".md-typeset mjx-container[display=true], " +
    ".md-typeset div.arithmatex, .md-typeset pre, .md-typeset .figure-pan, .md-typeset p, " +
    ".jp-Cell .highlight-ipynb, .jp-OutputArea-output";

  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var query = document.querySelector("[data-md-component=search-query]");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", query ? query.getAttribute("aria-label") : "Search");
    }
  }

  // el and its ancestors inside the article: the blocks whose layout decides its width
  function blocksOf(el) {
    var blocks = [];
    for (var node = el; node && !node.classList.contains("md-typeset"); node = node.parentElement) {
      blocks.push(node);
    }
    return blocks;
  }

  /* Make every region of els that overflows focusable. All reads come before any write, so
   * the browser lays the page out once per batch, not once per region. With `reveal`, the
   * blocks around each region that may skip layout are rendered for the reading. */
  function measure(els, reveal) {
    var saved = [];
    if (reveal) {
      els.forEach(function (el) {
        blocksOf(el).forEach(function (node) {
          if (node.style.contentVisibility === "visible") return;  // set already (or by us)
          saved.push([node, node.style.contentVisibility]);
          node.style.contentVisibility = "visible";
        });
      });
    }
    var wide = els.filter(function (el) { return el.scrollWidth > el.clientWidth; });
    saved.forEach(function (s) { s[0].style.contentVisibility = s[1]; });
    wide.forEach(function (el) {
      if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
    });
  }

  /* A region whose block may skip layout (content-visibility: auto) is measured when it
   * comes near; every other region (e.g. a notebook's cells, which never skip) at once, so
   * that none that overflows is left unfocusable far down the page. */
  function skips(el) {
    return blocksOf(el).some(function (node) {
      return getComputedStyle(node).contentVisibility === "auto";
    });
  }

  function focusWideRegions() {
    var regions = Array.prototype.slice.call(document.querySelectorAll(SCROLLERS));
    var done = function () { document.documentElement.setAttribute("data-a11y", "done"); };
    if (!("IntersectionObserver" in window)) {
      measure(regions, true);
      done();
      return;
    }
    var far = [], near = [];
    regions.forEach(function (el) { (skips(el) ? far : near).push(el); });  // reads only
    measure(near, false);
    if (!far.length) {
      done();
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      var near = entries.filter(function (e) { return e.isIntersecting; })
        .map(function (e) { return e.target; });
      measure(near, true);
      near.forEach(function (el) { observer.unobserve(el); });
      done();
    }, {rootMargin: "100% 0px"});
    far.forEach(function (el) { observer.observe(el); });
  }

  window.addEventListener("load", function () {
    nameSearchDialog();
    focusWideRegions();
  });
})();
