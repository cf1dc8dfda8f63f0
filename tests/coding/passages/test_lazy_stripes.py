"""Stripes laid out where they are looked at equal the whole layout, also after changes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coding.core.ids import CodeId
from coding.core.records import PassageInfo
from coding.passages.lazy_stripes import LazyStripes
from coding.passages.passage_index import PassageIndex
from coding.passages.stripe_layout import layout_stripes, line_starts
from tests.coding.passages.test_stripe_layout import LONG, _before_and_after, _passage

RANK = {CodeId(c): 4 - c for c in range(1, 5)}


def _check(lazy: LazyStripes, passages: list[PassageInfo], looked_at: list[tuple[int, int]]) -> None:
    """What ``lazy`` shows for the ranges looked at is the whole layout's, and so are its lanes."""
    whole = layout_stripes(PassageIndex(passages), line_starts(LONG), RANK)
    assert lazy.lanes == whole.lanes
    by_passage: dict[object, list[object]] = {}
    for stripe in whole.stripes:
        by_passage.setdefault(stripe.passage_id, []).append(stripe)
    for start, end in looked_at:
        lazy.around(start, end)
        for passage in lazy.index.overlapping(start, end):
            assert lazy.of(passage.id) == by_passage.get(passage.id, [])
    assert lazy.stripes == whole.stripes


ranges = st.lists(
    st.tuples(st.integers(0, len(LONG) - 1), st.integers(1, 12)).map(lambda r: (r[0], r[0] + r[1])),
    min_size=1,
    max_size=6,
)


@given(_before_and_after(), ranges, ranges)
def test_lazy_stripes_equal_the_whole_layout_before_and_after_a_change(
    case: tuple[list[PassageInfo], list[PassageInfo], tuple[int, int]],
    looked_before: list[tuple[int, int]],
    looked_after: list[tuple[int, int]],
) -> None:
    before, fresh, (start, end) = case
    lazy = LazyStripes(PassageIndex(before), line_starts(LONG), RANK, ahead=0)
    for low, high in looked_before:  # some parts laid out before the change, some not
        lazy.around(low, high)
        for passage in lazy.index.overlapping(low, high):
            lazy.of(passage.id)
    changed = lazy.replace(start, end, fresh)
    after = [p for p in before if not (p.start < end and p.end > start)] + fresh
    assert {p.id for p in changed} == {p.id for p in before if p.start < end and p.end > start} | {
        p.id for p in fresh
    }
    _check(lazy, after, looked_after)


@given(_before_and_after(), ranges)
def test_lazy_stripes_of_an_unchanged_document(
    case: tuple[list[PassageInfo], list[PassageInfo], tuple[int, int]], looked_at: list[tuple[int, int]]
) -> None:
    before = case[0]
    _check(LazyStripes(PassageIndex(before), line_starts(LONG), RANK, ahead=0), before, looked_at)


def test_lanes_are_known_before_anything_is_laid_out() -> None:
    passages = [_passage(1, 0, 12, 1, 2), _passage(2, 3, 4, 3), _passage(3, 30, 33, 1)]
    lazy = LazyStripes(PassageIndex(passages), line_starts(LONG), RANK, ahead=0)
    assert lazy.lanes == 3  # two codes on the first passage and one nested in it
    assert lazy.of(passages[0].id) == []  # nothing laid out yet
    lazy.around(30, 31)
    assert [s.lane for s in lazy.of(passages[2].id)] == [0]
    assert lazy.of(passages[0].id) == []  # the first paragraphs are still not laid out
    assert LazyStripes(PassageIndex(), line_starts(LONG)).lanes == 0
