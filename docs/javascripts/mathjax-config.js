// MathJax 3 configuration, loaded before the self-hosted startup.js (the component loader).
// Arithmatex (generic) wraps page math in \( \) and \[ \] inside .arithmatex elements;
// notebook Markdown cells keep $…$ inside .jp-RenderedMarkdown. Only those are typeset:
// everything else in Material's header, content container and search is ignored.
// The loader fetches only these components (no context menu: it would add 108 KB gzipped).
window.MathJax = {
  loader: {
    load: ["core", "input/tex", "output/chtml", "a11y/assistive-mml"]
  },
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
    tags: "none"
  },
  options: {
    ignoreHtmlClass: "md-header|md-container|md-search",
    processHtmlClass: "arithmatex|jp-RenderedMarkdown"
  }
};
