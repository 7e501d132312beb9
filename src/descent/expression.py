"""Read a formula in a, b, c (``(a + b) * (b + 1)``) and build it as a graph of ``Value`` nodes.

The grammar, loosest binding first: ``+ −``, then ``× ÷ * /``, then a leading minus, then a
power ``^`` or ``**`` whose exponent is a number, then a number, a variable, a function call
``exp( )``, ``log( )``, ``tanh( )``, ``relu( )``, ``sin( )``, ``sqrt( )``, ``sigmoid( )`` or a
parenthesised formula. The graph stepper in the page (docs/javascripts/graph-stepper.js)
reads the same grammar and builds the same nodes in the same order.

>>> from descent.graph import topological_order
>>> L = build("(a + b) * (b + 1)", {"a": 2.0, "b": 3.0})
>>> L.backward()
>>> L.data, [n.label or n.op for n in topological_order(L)]
(20.0, ['a', 'b', '+', '', '+', '*'])
"""

from __future__ import annotations

import re

from descent.engine import Value
from descent.validate import finite_number

VARIABLES = ("a", "b", "c")
FUNCTIONS = ("exp", "log", "tanh", "relu", "sin", "sqrt", "sigmoid")
MAX_LENGTH = 200  # longer text is refused before it is read
NUMBER = r"(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)"
TOKEN = re.compile(r"\s*(?:" + NUMBER + r"|([a-z]+)|(\*\*|[-+*/^()×÷−]))")


class ExpressionError(ValueError):
    """A formula that cannot be read; ``position`` is where reading stopped (0-based)."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position + 1})")
        self.position = position


def tokens(text: str) -> list[tuple[str, str, int]]:
    """Split ``text`` into (kind, text, position) tokens: kind is "num", "name" or "op".

    >>> [t[1] for t in tokens("2*a^2 − b÷c")]
    ['2', '*', 'a', '^', '2', '-', 'b', '/', 'c']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, got {text!r}")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the formula is longer than {MAX_LENGTH} characters", MAX_LENGTH)
    out, at = [], 0
    while text[at:].strip():
        m = TOKEN.match(text, at)
        if not m:
            start = len(text) - len(text[at:].lstrip())
            raise ExpressionError(f"unexpected character {text[start]!r}", start)
        kind = "num" if m.group(1) else "name" if m.group(2) else "op"
        word = m.group(m.lastindex)
        word = {"×": "*", "÷": "/", "−": "-", "**": "^"}.get(word, word)
        out.append((kind, word, m.start(m.lastindex)))
        at = m.end()
    return out


class _Reader:
    """Recursive descent over the tokens; each method reads one level of the grammar."""

    def __init__(self, text: str, inputs: dict[str, float]) -> None:
        self.toks, self.k, self.end = tokens(text), 0, len(text)
        self.inputs, self.leaves = inputs, {}

    def peek(self) -> tuple[str, str, int]:
        return self.toks[self.k] if self.k < len(self.toks) else ("end", "", self.end)

    def take(self, word: str) -> bool:
        if self.peek()[1] == word and self.peek()[0] == "op":
            self.k += 1
            return True
        return False

    def sum(self) -> Value:
        v = self.product()
        while (op := self.peek()[1]) in ("+", "-") and self.take(op):
            v = v + self.product() if op == "+" else v - self.product()
        return v

    def product(self) -> Value:
        v = self.unary()
        while (op := self.peek()[1]) in ("*", "/") and self.take(op):
            v = v * self.unary() if op == "*" else v / self.unary()
        return v

    def unary(self) -> Value:
        return -self.unary() if self.take("-") else self.power()

    def power(self) -> Value:
        v = self.atom()
        if self.take("^"):
            paren, sign = self.take("("), -1.0 if self.take("-") else 1.0
            kind, word, at = self.peek()
            if kind != "num":
                raise ExpressionError("the exponent must be a number", at)
            self.k += 1
            if paren and not self.take(")"):
                raise ExpressionError("expected ')'", self.peek()[2])
            v = v ** (sign * float(word))
        return v

    def atom(self) -> Value:
        kind, word, at = self.peek()
        self.k += 1
        if kind == "num":
            return Value(float(word))
        if kind == "name" and word in VARIABLES:
            if word not in self.leaves:  # one leaf per variable, however often it appears
                value = finite_number(word, self.inputs.get(word, 0.0))
                self.leaves[word] = Value(value, label=word)
            return self.leaves[word]
        if kind == "name" and word in FUNCTIONS:
            if not self.take("("):
                raise ExpressionError(f"expected '(' after {word}", self.peek()[2])
            v = self.sum()
            if not self.take(")"):
                raise ExpressionError("expected ')'", self.peek()[2])
            return getattr(v, word)()
        if word == "(":
            v = self.sum()
            if not self.take(")"):
                raise ExpressionError("expected ')'", self.peek()[2])
            return v
        if kind == "name":
            raise ExpressionError(f"unknown name {word!r}", at)
        ended = kind == "end"
        raise ExpressionError(
            "the formula ends too early" if ended else f"unexpected {word!r}", at
        )


def build(text: str, inputs: dict[str, float]) -> Value:
    """Build the formula ``text`` from leaves a, b, c holding ``inputs`` (missing ones are 0).

    Raises ExpressionError for text that is not a formula, and the engine's own errors
    (ValueError, ZeroDivisionError, OverflowError) where a value has no derivative.

    >>> build("2 ** 3 + a", {"a": 0.5}).data
    8.5
    """
    reader = _Reader(text, inputs)
    if not reader.toks:
        raise ExpressionError("the formula is empty", 0)
    root = reader.sum()
    kind, word, at = reader.peek()
    if kind != "end":
        raise ExpressionError(f"unexpected {word!r}", at)
    return root
