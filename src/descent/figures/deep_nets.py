"""Chapter deep_nets's figures, for the artifact discovery of descent.figures (they live in
descent.chapters.deep_nets.figures; this module goes once discovery scans the chapters)."""

from matplotlib.figure import Figure

from descent.chapters.deep_nets import figures as _f


def fig_gradient_norms_depth() -> Figure:
    return _f.fig_gradient_norms_depth()


def fig_deep_training() -> Figure:
    return _f.fig_deep_training()
