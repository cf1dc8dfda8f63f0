"""Coding stripes: overlapping passages never share a lane; separate paragraphs reuse lanes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coding.core.ids import CodeId, CodingId, DocumentId, PassageId
from coding.core.records import CodeApplication, PassageInfo
from coding.passages.passage_index import PassageIndex
from coding.passages.stripe_layout import layout_stripes, line_starts, paragraph_of

TEXT = "aaaa bbbb\ncccc dddd\neeee ffff\n"


def _passage(number: int, start: int, end: int, *codes: int) -> PassageInfo:
    applications = tuple(CodeApplication(CodingId(number * 10 + c), CodeId(c), "", None) for c in codes)
    return PassageInfo(PassageId(number), DocumentId(1), start, end, "", applications)


def test_lanes_for_nested_and_separate_passages() -> None:
    starts = line_starts(TEXT)
    assert starts == [0, 10, 20, 30]
    index = PassageIndex([_passage(1, 0, 19, 1, 2), _passage(2, 5, 9, 3), _passage(3, 20, 24, 4)])
    layout = layout_stripes(index, starts, {CodeId(2): 0, CodeId(1): 1, CodeId(3): 2, CodeId(4): 3})
    lanes = {s.coding_id: s.lane for s in layout.stripes}
    # one passage with two codes: two lanes, codebook order; the nested passage a third lane
    assert lanes == {CodingId(12): 0, CodingId(11): 1, CodingId(23): 2, CodingId(34): 0}
    assert layout.lanes == 3


@given(st.lists(st.tuples(st.integers(0, 28), st.integers(1, 10)), max_size=25))
def test_stripes_in_one_lane_never_share_a_paragraph(pairs: list[tuple[int, int]]) -> None:
    starts = line_starts(TEXT)
    passages = [_passage(n, s, min(s + length, len(TEXT)), 1) for n, (s, length) in enumerate(pairs, 1)]
    layout = layout_stripes(PassageIndex(passages), starts)
    assert len(layout.stripes) == len(passages)
    by_lane: dict[int, list[tuple[int, int]]] = {}
    for stripe in layout.stripes:
        first = paragraph_of(starts, stripe.start)
        last = paragraph_of(starts, stripe.end - 1)
        for other_first, other_last in by_lane.get(stripe.lane, []):
            assert last < other_first or first > other_last
        by_lane.setdefault(stripe.lane, []).append((first, last))
    assert layout.lanes == (max(by_lane) + 1 if by_lane else 0)
