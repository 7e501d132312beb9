"""Chapter deep_nets's prose numbers, for descent.tables' discovery (they live in
descent.chapters.deep_nets.tables; this module goes once discovery scans the chapters)."""

from descent.chapters.deep_nets import tables as _t


def values() -> dict[str, str]:
    return _t.values()
