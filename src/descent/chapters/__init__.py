"""The book: one subpackage per page, named as the page with ``-`` → ``_``.

``docs/<page>.md`` ↔ ``descent/chapters/<page>/``: ``examples.py`` (worked examples the page
includes), ``exercises.py``, ``figures.py`` (``fig_<name>()`` → ``docs/figures/<name>.svg``) and
``tables.py`` (``table_<name>()`` → ``docs/generated/<name>.md``; ``values()`` → prose numbers).
"""
