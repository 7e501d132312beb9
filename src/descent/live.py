"""Run a block of the book's code as the page's Run button does, and return what it printed.

The block runs in a fresh module after its preamble (what it uses from its own module, see
``descent.build.runnable``). Then the examples in its docstrings, and those in its module's
docstring that use a name the block defines, run as in an interactive session: each is echoed after
``>>>`` and followed by what it prints or returns. The page runs this same function in the
browser (Pyodide); the tests run it under CPython and compare the two outputs byte for byte.

>>> run("def double(x):\\n    '''>>> double(21)'''\\n    return 2 * x\\n").splitlines()
['>>> double(21)', '42']
>>> print(run("print(1 / 0)"), end="")
ZeroDivisionError: division by zero
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import io
import sys
import traceback
import types

__all__ = ["run"]


def _docstrings(tree: ast.Module) -> list[str]:
    """The docstrings of the functions and classes the block defines (methods included)."""
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return [
        d for node in ast.walk(tree) if isinstance(node, kinds) if (d := ast.get_docstring(node))
    ]


def _defined(tree: ast.Module) -> set[str]:
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {node.name for node in tree.body if isinstance(node, kinds)}


def _echo(source: str) -> str:
    lines = source.rstrip("\n").split("\n")
    return "".join(f"{'>>>' if i == 0 else '...'} {line}\n" for i, line in enumerate(lines))


def _error(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc))


def examples(code: str, module_doc: str = "") -> list[str]:
    """The sources of the examples the block's run shows, in order.

    >>> examples("def f():\\n    '''>>> f()\\n    1\\n    '''", ">>> f() + 1\\n>>> g()\\n")
    ['f()\\n', 'f() + 1\\n']
    """
    tree = ast.parse(code)
    parser, names = doctest.DocTestParser(), _defined(tree)
    found = [e.source for d in _docstrings(tree) for e in parser.get_examples(d)]
    for example in parser.get_examples(module_doc):
        used = {n.id for n in ast.walk(ast.parse(example.source)) if isinstance(n, ast.Name)}
        if used & names:
            found.append(example.source)
    return found


def run(code: str, preamble: str = "", module_doc: str = "", name: str = "__book__") -> str:
    """Run ``preamble`` then ``code`` in a fresh module, then its examples; return the output."""
    module = types.ModuleType(name)
    sys.modules[name] = module  # dataclasses and pickling look a class's module up here
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                exec(compile(preamble + code, "<block>", "exec"), module.__dict__)
                sources = examples(code, module_doc)
            except Exception as exc:  # the reader's edit may not even parse
                out.write(_error(exc))
                return out.getvalue()
            hook, sys.displayhook = sys.displayhook, sys.__displayhook__
            try:
                for source in sources:
                    out.write(_echo(source))
                    try:
                        exec(compile(source, "<example>", "single"), module.__dict__)
                    except Exception as exc:
                        out.write(_error(exc))
            finally:
                sys.displayhook = hook
    finally:
        sys.modules.pop(name, None)
    return out.getvalue()
