"""What is coded, as a find of suggestions reads it, held as arrays (issue 19, memory): the same keys in the same
order, each with the same passages in the same order, as a dict filled row by row."""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coding.core.ids import CodeId, DocumentId
from coding.language.suggestions.coded import CodedSpans, overlapping
from coding.language.suggestions.kept import codings_stamp
from coding.language.suggestions.service import SuggestionService
from tests.coding.language.code_trees import TREE


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 6), st.integers(1, 5), st.integers(0, 10_000), st.integers(0, 10_000)),
        max_size=60,
    )
)
def test_what_is_coded_as_arrays_is_what_a_dict_filled_row_by_row_holds(
    rows: list[tuple[int, int, int, int]],
) -> None:
    expected: dict[tuple[DocumentId, CodeId], list[tuple[int, int]]] = defaultdict(list)
    for doc_id, code_id, start, end in rows:
        expected[(DocumentId(doc_id), CodeId(code_id))].append((start, end))
    coded = CodedSpans.of_rows(iter(rows))
    assert list(coded) == list(expected) and len(coded) == len(expected)
    assert list(coded.items()) == list(expected.items())
    assert list(coded.values()) == list(expected.values())
    assert coded.passages() == len(rows)
    for doc_id in range(0, 8):
        for code_id in range(0, 7):
            key = (DocumentId(doc_id), CodeId(code_id))
            assert (key in coded) == (key in expected)
            assert coded.get(key) == expected.get(key)
            assert coded.get(key, ()) == expected.get(key, ())
    assert codings_stamp(coded, []) == codings_stamp(dict(expected), [])
    assert ("x",) not in coded  # type: ignore[comparison-overlap]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 4), st.integers(1, 3), st.integers(0, 30), st.integers(0, 30)), max_size=40
    ),
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 4), st.integers(0, 30), st.integers(0, 30)), max_size=40
    ),
)
@example([(1, 1, 5, 10), (1, 1, 12, 12)], [(1, 1, 0, 5), (1, 1, 10, 20), (1, 1, 9, 20), (1, 1, 11, 13)])
def test_rows_overlapping_what_is_coded_are_those_a_loop_over_each_rows_passages_finds(
    rows: list[tuple[int, int, int, int]], asked: list[tuple[int, int, int, int]]
) -> None:
    """``overlapping`` pairs each row with the passages of its document and code by arrays: the rows the loop
    the turns' source had finds (``s < end and start < e and s < e``), for the arrays and for a dict of lists."""
    expected_coded: dict[tuple[DocumentId, CodeId], list[tuple[int, int]]] = defaultdict(list)
    for doc_id, code_id, start, end in rows:
        expected_coded[(DocumentId(doc_id), CodeId(code_id))].append((start, end))
    expected = [
        any(
            s < end and start < e and s < e
            for s, e in expected_coded.get((DocumentId(doc), CodeId(code)), ())
        )
        for doc, code, start, end in asked
    ]
    columns = [np.array(values, dtype=np.int64).reshape(-1) for values in zip(*asked, strict=True)] or [
        np.zeros(0, dtype=np.int64)
    ] * 4
    for coded in (CodedSpans.of_rows(iter(rows)), dict(expected_coded)):
        assert overlapping(coded, *columns).tolist() == expected


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 4), st.integers(1, 6), st.integers(0, 30), st.integers(0, 30)), max_size=40
    ),
    st.one_of(st.none(), st.sets(st.integers(1, 6))),
)
def test_the_subcodes_passages_from_the_arrays_are_those_of_the_dict(
    rows: list[tuple[int, int, int, int]], codes: set[int] | None
) -> None:
    """A passage coded with a subcode counts for its ancestors: from the arrays only the keys of codes with an
    ancestor asked about are made, the same lists in the same order as from a dict filled row by row."""
    expected_coded: dict[tuple[DocumentId, CodeId], list[tuple[int, int]]] = defaultdict(list)
    for doc_id, code_id, start, end in rows:
        expected_coded[(DocumentId(doc_id), CodeId(code_id))].append((start, end))
    arrays = CodedSpans.of_rows(iter(rows))
    assert arrays.codes() == sorted({CodeId(code) for _, code, _, _ in rows})
    chosen = {1, 3} if codes is None else codes
    assert list(arrays.items_of_codes(chosen)) == [
        (key, spans) for key, spans in expected_coded.items() if key[1] in chosen
    ]
    service = SimpleNamespace(_context=SimpleNamespace(resolve=SimpleNamespace(code_tree=lambda: TREE)))
    wanted = None if codes is None else {CodeId(code) for code in codes}
    found = SuggestionService._coded_with_subcodes(service, arrays, wanted)  # type: ignore[arg-type]
    expected = SuggestionService._coded_with_subcodes(service, dict(expected_coded), wanted)  # type: ignore[arg-type]
    assert list(found.items()) == list(expected.items())
