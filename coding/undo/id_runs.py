"""Ids as runs of consecutive ids: how undo steps name many rows in a few conditions."""

from __future__ import annotations

from collections.abc import Iterable


def id_runs(ids: Iterable[int]) -> list[tuple[int, int]]:
    """``ids`` in their order as runs of consecutive ids: ``[(first, last), …]``.

    Sorted, distinct ids give the fewest runs; ids out of order start a new run wherever they do not follow on.
    """
    runs: list[tuple[int, int]] = []
    for key in ids:
        if runs and key == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], key)
        else:
            runs.append((key, key))
    return runs
