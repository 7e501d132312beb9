/* A link to a heading (page#id: the table of contents, links between chapters, search
 * results) lands on the heading, and the table of contents highlights its section.
 * Blocks far off screen skip layout (content-visibility in extra.css) and count with an
 * estimated height until they come near the viewport: a jump computed with those estimates
 * lands hundreds of pixels away. So, only when there is a target, the blocks above it and
 * the two screens below it are laid out once before the jump. They keep their real height
 * afterwards (contain-intrinsic-size: auto remembers it), so they may skip layout again.
 * Until the page has loaded and the reader has not scrolled, the target is kept in place
 * while anything above it still changes size. Pages opened without a target pay nothing.
 */
(function () {
  "use strict";
  var BLOCKS = ".md-typeset > *, .md-typeset > :is(.admonition, details) > *";
  var INPUT = ["wheel", "touchstart", "keydown", "mousedown"];

  function byHash(hash) {
    if (!hash || hash.length < 2) return null;
    try {
      return document.getElementById(decodeURIComponent(hash.slice(1)));
    } catch (e) {
      return null;
    }
  }

  function layOut(target) {
    var blocks = document.querySelectorAll(BLOCKS);
    var chosen = [];
    var i = 0;
    for (; i < blocks.length; i++) {
      if (!(blocks[i].compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      chosen.push(blocks[i]);
    }
    var below = target.getBoundingClientRect().top + 2 * window.innerHeight;
    for (; i < blocks.length && blocks[i].getBoundingClientRect().top < below; i++) {
      chosen.push(blocks[i]);
    }
    var shown = chosen.filter(function (block) {
      return getComputedStyle(block).contentVisibility === "auto";
    });
    shown.forEach(function (block) { block.style.contentVisibility = "visible"; });
  }

  function go(target) {
    layOut(target);
    target.scrollIntoView();
    var done = false;
    var keep = function () {  // Material wraps tables in new blocks as it starts: lay them out too
      if (done) return;
      layOut(target);
      target.scrollIntoView();
    };
    var observer = "ResizeObserver" in window ? new ResizeObserver(keep) : null;
    var release = function () {
      done = true;
      if (observer) observer.disconnect();
      INPUT.forEach(function (name) { window.removeEventListener(name, release, true); });
    };
    INPUT.forEach(function (name) {
      window.addEventListener(name, release, {capture: true, passive: true});
    });
    if (observer) observer.observe(document.body);
    document.addEventListener("DOMContentLoaded", keep);
    if (document.readyState === "complete") {
      setTimeout(release, 500);
    } else {
      window.addEventListener("load", function () {
        keep();
        setTimeout(release, 500);
      });
    }
  }

  // A link to this page's heading: lay out before the browser's own jump (its default action).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    var target = link && byHash(link.getAttribute("href"));
    if (target) layOut(target);
  }, true);
  window.addEventListener("hashchange", function () {
    var target = byHash(location.hash);
    if (target) go(target);
  });

  var target = byHash(location.hash);
  if (target) go(target);
})();
