"""Chapter layers's prose numbers, for descent.tables' discovery (they live in
descent.chapters.layers.tables; this module goes once discovery scans the chapters)."""

from descent.chapters.layers import tables as _t


def values() -> dict[str, str]:
    return _t.values()
