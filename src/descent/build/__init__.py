"""Build machinery: finds every chapter's figures, tables and values and writes them under docs/.

``artifacts`` discovers ``fig_*``/``table_*``/``values()`` in ``descent.chapters.*`` and renders
them; ``digest`` records which sources they came from; ``figure`` and ``table`` are the shared
figure style (reproducible SVG) and Markdown table helpers every chapter uses.
"""
