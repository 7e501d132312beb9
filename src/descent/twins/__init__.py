"""PyTorch twins of the book's from-scratch examples, and their recorder.

``examples``, ``training`` and ``pitfalls`` run each example in PyTorch (only in `nox -s torch`);
``record`` writes or checks ``torch_record.json`` (``python -m descent.twins.record --check``),
from which ``record_format`` renders the PyTorch output the pages show, without PyTorch.
"""
