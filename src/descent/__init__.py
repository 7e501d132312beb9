"""Descent: the computations behind the book's pages.

Every number, table and figure in the book is produced by a function in this package,
and every such function is tested. See README.md for how modules map to chapters.
"""

__version__ = "0.1.0"
