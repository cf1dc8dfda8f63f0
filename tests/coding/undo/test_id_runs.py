"""Ids as runs: expanding the runs gives the ids back, and sorted distinct ids give the fewest runs."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from coding.undo.id_runs import id_runs


@given(st.lists(st.integers(min_value=-50, max_value=50)))
def test_runs_expand_to_the_ids_in_their_order(ids: list[int]) -> None:
    runs = id_runs(ids)
    assert [key for first, last in runs for key in range(first, last + 1)] == ids
    assert all(first <= last for first, last in runs)


@given(st.sets(st.integers(min_value=0, max_value=200)))
def test_sorted_distinct_ids_give_one_run_per_gap(ids: set[int]) -> None:
    ordered = sorted(ids)
    gaps = sum(1 for a, b in pairwise(ordered) if b != a + 1)
    assert len(id_runs(ordered)) == (gaps + 1 if ordered else 0)


def test_examples() -> None:
    assert id_runs([3, 4, 5, 9, 10, 2]) == [(3, 5), (9, 10), (2, 2)]
    assert id_runs([]) == []
