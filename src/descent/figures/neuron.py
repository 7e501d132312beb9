"""Until artifact discovery scans `descent.chapters`: the figures of `descent.chapters.neuron`."""

from __future__ import annotations

from descent.chapters.neuron import figures as _chapter

_PREFIX = "fig_"


def _forward(name: str):  # defined here, so discovery sees a function of this module
    def render():
        return getattr(_chapter, name)()

    render.__name__ = name
    return render


for _name in dir(_chapter):
    if _name.startswith(_PREFIX):
        globals()[_name] = _forward(_name)
