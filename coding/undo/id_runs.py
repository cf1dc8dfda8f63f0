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


def joined_runs(runs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``runs`` in their order, those that follow on from each other as one: for sorted runs of distinct
    ids what :func:`id_runs` gives for their ids, without an id at a time."""
    joined: list[tuple[int, int]] = []
    for first, last in runs:
        if joined and first == joined[-1][1] + 1:
            joined[-1] = (joined[-1][0], last)
        else:
            joined.append((first, last))
    return joined
