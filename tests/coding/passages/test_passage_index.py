"""The transcript view's passage look-ups agree with a brute-force scan."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coding.core.ids import CodeId, CodingId, DocumentId, PassageId
from coding.core.records import CodeApplication, PassageInfo
from coding.passages.passage_index import PassageIndex


def _passage(number: int, start: int, end: int) -> PassageInfo:
    application = CodeApplication(CodingId(number), CodeId(1), "", None)
    return PassageInfo(PassageId(number), DocumentId(1), start, end, "x" * (end - start), (application,))


spans = st.lists(
    st.tuples(st.integers(0, 200), st.integers(1, 60)).map(lambda t: (t[0], t[0] + t[1])), max_size=40
)


@given(spans, st.integers(0, 260), st.integers(0, 60))
def test_overlapping_matches_a_scan(pairs: list[tuple[int, int]], start: int, length: int) -> None:
    passages = [_passage(n, s, e) for n, (s, e) in enumerate(pairs, start=1)]
    index = PassageIndex(passages)
    end = start + length
    if length:
        expected = {s.id for s in passages if s.start < end and s.end > start}
    else:
        expected = {s.id for s in passages if s.start <= start < s.end}
    assert {s.id for s in index.overlapping(start, end)} == expected
    assert {s.id for s in index.at(start)} == {s.id for s in passages if s.start <= start < s.end}


def test_innermost_is_the_shortest_passage_at_a_position() -> None:
    index = PassageIndex([_passage(1, 0, 100), _passage(2, 10, 20), _passage(3, 15, 60)])
    assert index.innermost(17).id == 2
    assert index.innermost(30).id == 3
    assert index.innermost(100) is None
    assert index.passage_of(CodingId(3)).id == 3


def test_changed_range_covers_exactly_the_passages_that_differ() -> None:
    before = PassageIndex([_passage(1, 0, 10), _passage(2, 40, 50)])
    after = PassageIndex([_passage(1, 0, 10), _passage(2, 40, 55), _passage(3, 70, 80)])
    assert after.changed_range(before) == (40, 80)
    assert before.changed_range(before) is None


def test_the_service_reads_the_passages_of_a_range(coded_project) -> None:  # type: ignore[no-untyped-def]
    text = coded_project.documents.text("R5_uwv_zwolle")
    first = text.index("volledig")
    coded_project.code("R5_uwv_zwolle", "4b", first - 20, first + 40)
    everything = coded_project.codings.passages("R5_uwv_zwolle")
    assert len(everything) == 3
    for start, end in ((0, len(text)), (first, first + 1), (0, 5), (first + 30, len(text))):
        expected = [s for s in everything if s.start < end and s.end > start]
        assert coded_project.codings.passages("R5_uwv_zwolle", start, end) == expected
