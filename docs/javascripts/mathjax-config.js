// MathJax 3 configuration, loaded before the self-hosted tex-chtml.js.
// Arithmatex (generic) wraps page math in \( \) and \[ \] inside .arithmatex elements;
// notebook Markdown cells keep $…$ inside .jp-RenderedMarkdown. Only those are typeset:
// everything else in Material's header, content container and search is ignored.
window.MathJax = {
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
