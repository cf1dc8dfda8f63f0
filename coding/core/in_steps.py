"""Sorting, converting and letting go of hundreds of thousands of records in steps, so that a worker thread never
holds the GIL for long while the window waits for it (issue 19: "every operation that can take more than ~200 ms
runs off the GUI thread" is not enough when the worker then keeps the GUI thread from running).

A thread running Python bytecode hands the GIL over every 5 ms when another thread asks; a single C call does not:
Python's ``sorted`` over key tuples, ``ndarray.tolist``, ``numpy.array`` of a list of tuples, and freeing a list
(or the locals of a returning function) that holds the last references to many objects each run to their end.
At ten times the corpus a Find's worker held the GIL 0.6 s CPU freeing what it had built on the way, 0.23 s in
one sort and 0.15 s in ``tolist``; the window froze that long. Here the same work takes steps of a few
milliseconds, or moves into numpy's sorts, which let other threads run while they sort.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import numpy as np

T = TypeVar("T")

#: Records a step takes (≈ 1–5 ms of C per step for the records Codewerk holds).
STEP = 8_192


def sorted_by(items: Sequence[T], *keys: Sequence[float] | np.ndarray) -> list[T]:
    """``items`` ordered by ``keys`` (each one number per item, the first key first, each ascending; stable, as
    ``sorted`` is), sorted by numpy, which lets other threads run meanwhile. Descending is a negated key; a key
    of strings is given as their ranks (:func:`ranks`)."""
    import numpy as np  # a numeric library: loaded by what sorts this much, not at the window's start

    if len(items) < 2:
        return list(items)
    order = np.lexsort([np.asarray(key) for key in reversed(keys)])
    return [items[i] for i in as_list(order)]


def ranks(values: Sequence[str]) -> list[int]:
    """Each value's place among the distinct values in Python's order of strings (a sort key for
    :func:`sorted_by`): the distinct ones are few (documents' names, code paths)."""
    place = {value: n for n, value in enumerate(sorted(set(values)))}
    return [place[value] for value in values]


def as_list(array: np.ndarray) -> list[Any]:
    """``array.tolist()`` a step at a time (one call over 500,000 numbers holds the GIL ≈ 50 ms, and more under
    load)."""
    if len(array) <= STEP:
        return list(array.tolist())
    out: list[Any] = []
    for start in range(0, len(array), STEP):
        out.extend(array[start : start + STEP].tolist())
    return out


def json_list(values: Sequence[Any]) -> str:
    """``json.dumps(list(values))`` a step at a time: the same text (items joined by ", "), made from pieces of
    :data:`STEP` items. A Find at ten times the corpus was caught in one such call over its candidates' reasons
    (storing them for the next session) while the window had waited 0.5 s (gui_audit, 2026-12-07)."""
    if len(values) <= STEP:
        return json.dumps(list(values))
    pieces = [json.dumps(list(values[start : start + STEP]))[1:-1] for start in range(0, len(values), STEP)]
    return "[" + ", ".join(pieces) + "]"


def let_go(*containers: list[Any] | dict[Any, Any] | set[Any]) -> None:
    """Empty big lists, dicts and sets a step at a time (freeing what they alone hold), instead of all at once
    when the last reference goes: a function returning from hundreds of thousands of records freed them in one
    C call holding the GIL."""
    for container in containers:
        if isinstance(container, list):
            while len(container) > STEP:
                del container[-STEP:]
            container.clear()
        else:  # one entry at a time: a few entries may hold much (an undo step's columns of 255,136 values)
            pop = container.popitem if isinstance(container, dict) else container.pop
            for _ in range(len(container)):
                pop()


def running_count(flags: np.ndarray) -> np.ndarray:
    """``numpy.cumsum`` of a boolean array, as int64: numpy's own casts each element while holding the GIL
    (0.46 s of 0.8 s over 5 million under load), after ``astype`` it adds in one pass that lets threads run."""
    import numpy as np

    counts: np.ndarray = np.asarray(flags).astype(np.int64).cumsum()
    return counts


def unique_inverse(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``numpy.unique(keys, return_index=True, return_inverse=True)`` of a 1-d array, without the boolean
    ``cumsum`` inside it that holds the GIL (0.13–0.28 s in a Find at ten times the corpus): the distinct keys
    in order, where each first comes, and each key's place among them."""
    import numpy as np

    keys = np.asarray(keys).reshape(-1)
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    new = np.empty(len(keys), dtype=bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    inverse = np.empty(len(keys), dtype=np.int64)
    inverse[order] = running_count(new) - 1
    return ordered[new], order[new], inverse
