"""The book's chapters: one subpackage per page, named as the page with ``-`` → ``_``."""
