"""Chapter layers's figures, for the artifact discovery of descent.figures (they live in
descent.chapters.layers.figures; this module goes once discovery scans the chapters)."""

from matplotlib.figure import Figure

from descent.chapters.layers import figures as _f


def fig_digits_learning_curve() -> Figure:
    return _f.fig_digits_learning_curve()


def fig_digits_confusion() -> Figure:
    return _f.fig_digits_confusion()


def fig_digits_misclassified() -> Figure:
    return _f.fig_digits_misclassified()
