"""Sorting, converting and letting go in steps (``coding.core.in_steps``) gives what the one-call forms give:
the same order as ``sorted`` over key tuples (stable, ties kept in their order), the same list as ``tolist``,
and containers emptied."""

from __future__ import annotations

import json

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from coding.core import in_steps
from coding.core.in_steps import as_list, json_list, let_go, ranks, running_count, sorted_by, unique_inverse

rows = st.lists(
    st.tuples(
        st.integers(-3, 3),
        st.floats(-2, 2, allow_nan=False, width=32),
        st.sampled_from(["R10", "R2", "r1", "Zwolle", "Ämsterdam", ""]),
        st.integers(0, 10**12),
    ),
    max_size=60,
)


@given(rows)
def test_sorted_by_orders_as_sorted_over_key_tuples_ties_in_their_order(
    items: list[tuple[int, float, str, int]],
) -> None:
    numbered = list(enumerate(items))  # the position tells ties apart: a stable sort keeps them in order
    expected = sorted(numbered, key=lambda n: (n[1][0], -n[1][1], n[1][2]))
    found = sorted_by(
        numbered,
        [n[1][0] for n in numbered],
        [-n[1][1] for n in numbered],
        ranks([n[1][2] for n in numbered]),
    )
    assert found == expected


def test_sorted_by_takes_numpy_keys_and_many_rows(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(in_steps, "STEP", 7)  # as_list in several steps
    rng = np.random.default_rng(5)
    scores = rng.integers(0, 5, 100)
    items = [f"s{n}" for n in range(100)]
    assert sorted_by(items, -scores) == sorted(items, key=lambda s: -scores[int(s[1:])])


@given(st.lists(st.integers(-(2**40), 2**40), max_size=50), st.integers(1, 9))
def test_as_list_is_tolist(values: list[int], step: int) -> None:
    original = in_steps.STEP
    in_steps.STEP = step
    try:
        array = np.array(values, dtype=np.int64)
        assert as_list(array) == array.tolist() == values
    finally:
        in_steps.STEP = original


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(st.lists(json_values, max_size=30), st.integers(1, 9))
def test_json_list_is_the_same_text_as_json_dumps(values: list[object], step: int) -> None:
    original = in_steps.STEP
    in_steps.STEP = step  # several steps, one, or none (an empty list)
    try:
        assert json_list(values) == json.dumps(values)
    finally:
        in_steps.STEP = original


def test_let_go_empties_lists_dicts_and_sets_in_steps(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(in_steps, "STEP", 3)
    freed: list[int] = []

    class Record:
        def __init__(self, n: int) -> None:
            self.n = n

        def __del__(self) -> None:
            freed.append(self.n)

    listed = [Record(n) for n in range(10)]
    kept = listed[4]  # still held elsewhere: not freed
    mapped = {n: Record(100 + n) for n in range(7)}
    bag = {frozenset({n}) for n in range(8)}
    let_go(listed, mapped, bag)
    assert listed == [] and mapped == {} and bag == set()
    assert sorted(freed) == [0, 1, 2, 3, 5, 6, 7, 8, 9, *range(100, 107)]
    assert freed[:3] == [9, 8, 7] or sorted(freed[:3]) == [7, 8, 9]  # the last ones first, a step at a time
    assert kept.n == 4


@given(st.lists(st.integers(-5, 5), max_size=80))
def test_unique_inverse_and_running_count_are_numpys(values: list[int]) -> None:
    keys = np.array(values, dtype=np.int64)
    present, first, inverse = unique_inverse(keys)
    expected = np.unique(keys, return_index=True, return_inverse=True)
    assert [a.tolist() for a in (present, first, inverse)] == [a.reshape(-1).tolist() for a in expected]
    flags = keys > 0
    assert running_count(flags).tolist() == np.cumsum(flags).tolist()
