"""Evaluating a code query over units: which units of which documents it holds in.

A unit is ``(document, index)``; indices count the units of one document in text order, so
"``n`` units apart" is a difference of indices. Pure: the property tests compare it with a
unit-by-unit evaluation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Set
from typing import TypeVar

from coding.analysis.query import And, Code, Near, Node, Not, Or

D = TypeVar("D", bound=Hashable)
Unit = tuple[D, int]


def evaluate(node: Node, units_of: Callable[[Code], Set[Unit[D]]], universe: Set[Unit[D]]) -> set[Unit[D]]:
    """The units of ``universe`` in which ``node`` holds; ``units_of(code)`` are a code's units."""
    if isinstance(node, Code):
        return set(units_of(node)) & set(universe)
    if isinstance(node, Not):
        return set(universe) - evaluate(node.operand, units_of, universe)
    left = evaluate(node.left, units_of, universe)
    right = evaluate(node.right, units_of, universe)
    if isinstance(node, And):
        return left & right
    if isinstance(node, Or):
        return left | right
    if isinstance(node, Near):
        return _near(left, right, node.distance) | _near(right, left, node.distance)
    return _follows(left, right, node.distance)


def _by_document(units: Set[Unit[D]]) -> dict[D, list[int]]:
    out: dict[D, list[int]] = defaultdict(list)
    for document, index in units:
        out[document].append(index)
    for indices in out.values():
        indices.sort()
    return out


def _near(these: Set[Unit[D]], others: Set[Unit[D]], distance: int) -> set[Unit[D]]:
    """The units of ``these`` with a unit of ``others`` at most ``distance`` away."""
    other = _by_document(others)
    out: set[Unit[D]] = set()
    for document, index in these:
        indices = other.get(document)
        if not indices:
            continue
        at = bisect_left(indices, index - distance)
        if at < len(indices) and indices[at] <= index + distance:
            out.add((document, index))
    return out


def _follows(later: Set[Unit[D]], earlier: Set[Unit[D]], distance: int | None) -> set[Unit[D]]:
    """Units of ``later`` after a unit of ``earlier`` (at most ``distance`` after), and those
    units of ``earlier``."""
    limit = distance if distance is not None else float("inf")
    after = _by_document(later)
    before = _by_document(earlier)
    out: set[Unit[D]] = set()
    for document, index in later:
        indices = before.get(document)
        if indices:
            at = bisect_left(indices, index) - 1
            if at >= 0 and index - indices[at] <= limit:
                out.add((document, index))
    for document, index in earlier:
        indices = after.get(document)
        if indices:
            at = bisect_right(indices, index)
            if at < len(indices) and indices[at] - index <= limit:
                out.add((document, index))
    return out
