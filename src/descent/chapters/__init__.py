"""The book's chapters: one subpackage per page (``-`` in the page's name becomes ``_``)."""
