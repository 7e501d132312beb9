"""The computation graph behind a result: its nodes in a fixed topological order, no recursion.

Both engines (:mod:`descent.engine` for scalars, :mod:`descent.tensor` for arrays) record, on
every result, the operation that made it (``op``), its inputs in the order they were written
(``_parents``, a tuple, never a set) and the data it holds. This module walks that record.

>>> from descent.engine import Value
>>> a = Value(2.0, label="a")
>>> [(n.index, n.op, n.value, n.parents) for n in graph(a * a + a)]
[(0, '', 2.0, ()), (1, '*', 4.0, (0, 0)), (2, '+', 6.0, (1, 0))]
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Protocol


class Node(Protocol):
    """What a graph node must carry: its inputs in insertion order, an op label, data, grad."""

    _parents: tuple[Any, ...]
    op: str
    label: str
    data: Any
    grad: Any


# --8<-- [start:topological-order]
def topological_order(root: Node) -> list[Node]:
    """Return every node ``root`` depends on, inputs before results, ``root`` last.

    A depth-first walk with an explicit stack instead of recursion, so a graph a million
    nodes deep needs no deep Python call stack. Parents are visited in the order they
    were written, which makes the order the same on every run.

    >>> from descent.engine import Value
    >>> a, b = Value(1.0, label="a"), Value(2.0, label="b")
    >>> [n.label or n.op for n in topological_order((a + b) * a)]
    ['a', 'b', '+', '*']
    """
    order: list[Node] = []
    visited: set[Node] = set()  # nodes hash by identity: one entry per object
    stack, parents_done = [root], [False]  # two parallel stacks: a node, and a flag
    while stack:
        node, done = stack.pop(), parents_done.pop()
        if done:
            order.append(node)  # every input of node is in `order`: node may follow
        elif node not in visited:
            visited.add(node)
            stack.append(node)  # come back to node once its parents are placed …
            parents_done.append(True)
            # … reversed, so that the first-written parent is popped (and placed) first
            for parent in reversed(node._parents):
                if parent not in visited:
                    stack.append(parent)
                    parents_done.append(False)
    return order


# --8<-- [end:topological-order]


@dataclass(frozen=True)
class GraphNode:
    """One node of a graph as a plain record: what a diagram or a table needs to show."""

    index: int  # position in the topological order
    op: str  # "" for an input (a leaf), else "+", "*", "exp", "**2", ...
    label: str  # a name given by the user, e.g. "w", or ""
    value: Any  # the forward value (a float, or an array for a Tensor)
    grad: Any  # ∂(root)/∂(node) after backward(), 0.0 or None before
    parents: tuple[int, ...]  # indices of the inputs, in the order they were written
    local: tuple[float, ...] | None  # ∂node/∂parent for each parent (None for a Tensor)


def graph(root: Node) -> list[GraphNode]:
    """Return the nodes ``root`` depends on as records, in topological order (root last).

    >>> from descent.engine import Value
    >>> w = Value(3.0, label="w")
    >>> y = 2 * w
    >>> y.backward()
    >>> for n in graph(y):
    ...     print(n.index, repr(n.op), repr(n.label), n.value, n.grad, n.parents, n.local)
    0 '' '' 2.0 3.0 () ()
    1 '' 'w' 3.0 2.0 () ()
    2 '*' '' 6.0 1.0 (0, 1) (3.0, 2.0)
    """
    order = topological_order(root)
    index = {id(node): i for i, node in enumerate(order)}
    return [
        GraphNode(
            index=i,
            op=node.op,
            label=node.label,
            value=node.data,
            grad=node.grad,
            parents=tuple(index[id(p)] for p in node._parents),
            local=getattr(node, "_local", None),
        )
        for i, node in enumerate(order)
    ]


def copy_graph(root: Node, memo: dict[int, Any]) -> Any:
    """``copy.deepcopy`` of ``root`` and everything it depends on, without recursion.

    Nodes are copied inputs first, so each node's copied inputs already exist; ``memo`` (the
    one ``deepcopy`` passes) keeps a node shared between several copied objects shared.

    >>> import copy
    >>> from descent.engine import Value
    >>> a = Value(2.0)
    >>> a2, y2 = copy.deepcopy((a, a * a))
    >>> y2._parents == (a2, a2), a2 is a
    (True, False)
    """
    for node in topological_order(root):
        if id(node) in memo:
            continue
        new = object.__new__(type(node))
        memo[id(node)] = new
        for slot in type(node).__slots__:
            if slot == "_parents":
                new._parents = tuple(memo[id(p)] for p in node._parents)
            elif slot != "_g" and hasattr(node, slot):  # _g is scratch space of backward()
                setattr(new, slot, copy.deepcopy(getattr(node, slot), memo))
    return memo[id(root)]
