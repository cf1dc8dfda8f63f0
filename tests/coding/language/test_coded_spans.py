"""What is coded, as a find of suggestions reads it, held as arrays (issue 19, memory): the same keys in the same
order, each with the same passages in the same order, as a dict filled row by row."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from coding.core.ids import CodeId, DocumentId
from coding.language.suggestions.coded import CodedSpans
from coding.language.suggestions.kept import codings_stamp


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
