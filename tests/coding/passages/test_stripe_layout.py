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


LONG = "".join(f"{'x' * width}\n" for width in (4, 9, 2, 7, 5, 3, 8, 6, 4, 10))


@st.composite
def _before_and_after(draw: st.DrawFn) -> tuple[list[PassageInfo], list[PassageInfo], tuple[int, int]]:
    """Passages, a span, and the passages after a change there (those overlapping it replaced)."""
    length = len(LONG)
    spans = draw(st.lists(st.tuples(st.integers(0, length - 1), st.integers(1, 25)), max_size=30))
    codes = st.lists(st.integers(1, 4), min_size=1, max_size=3, unique=True)
    before = [_passage(n, s, min(s + w, length), *draw(codes)) for n, (s, w) in enumerate(spans, 1)]
    start = draw(st.integers(0, length - 1))
    end = draw(st.integers(start + 1, min(length, start + 30)))
    # what is there afterwards: a fresh passage or two overlapping the span, some old ones again
    kept_again = [p for p in before if p.start < end and p.end > start and draw(st.booleans())]
    added = [
        _passage(100 + n, s, e, *draw(codes))
        for n, (s, e) in enumerate(
            draw(
                st.lists(
                    st.tuples(st.integers(max(0, start - 10), end - 1), st.integers(1, 20)).map(
                        lambda p: (p[0], min(length, max(p[0] + p[1], start + 1)))
                    ),
                    max_size=3,
                )
            )
        )
    ]
    return before, kept_again + added, (start, end)


@given(_before_and_after())
def test_splicing_a_change_into_the_index_equals_a_fresh_index(
    case: tuple[list[PassageInfo], list[PassageInfo], tuple[int, int]],
) -> None:
    before, fresh, (start, end) = case
    index = PassageIndex(before)
    index.passage_of(CodingId(0))  # the look-up by coding built, so that the splice keeps it up
    changed = index.replace(start, end, fresh)
    after = [p for p in before if not (p.start < end and p.end > start)] + fresh
    whole = PassageIndex(after)
    assert index.passages == whole.passages
    for position in range(0, len(LONG), 3):
        assert index.overlapping(position, position + 4) == whole.overlapping(position, position + 4)
        assert index.crosses(position) == any(p.start < position < p.end for p in after)
    for passage in after:
        assert index.get(passage.id) == passage
        for application in passage.codings:
            assert index.passage_of(application.coding_id) == passage
    for passage in before:
        if passage not in after:
            assert index.get(passage.id) is None
    differing = PassageIndex(before).changed_range(whole)
    if differing is not None:  # what changed lies within the range the splice names
        assert changed[0] <= differing[0] and differing[1] <= changed[1]
