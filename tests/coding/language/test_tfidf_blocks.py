"""``unit_tfidf`` a block of entries at a time (issue 19: no whole-array temporaries at ten times the corpus)
gives the weights of the whole-array computation to the last bit, for any bags and any block size."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coding.language.suggestions import vectors


def _whole(
    rows: np.ndarray, columns: np.ndarray, counts: np.ndarray, idf: np.ndarray, n_rows: int
) -> np.ndarray:
    """The weights as they were computed: over the whole arrays at once."""
    weights = np.log(counts, dtype=np.float64)
    weights += 1.0
    weights *= idf[columns]
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=n_rows).astype(np.float64))
    norms[norms == 0] = 1.0
    weights /= norms[rows]
    return weights


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 30), st.integers(1, 9)), max_size=200),
    st.lists(st.floats(0.0, 12.0), min_size=31, max_size=31),
    st.integers(1, 50),
    st.booleans(),
)
def test_weights_in_blocks_are_those_of_the_whole_arrays(
    entries: list[tuple[int, int, int]], idf_values: list[float], block: int, shuffled: bool
) -> None:
    entries = sorted(entries) if not shuffled else entries  # unsorted rows: computed whole
    rows = np.asarray([e[0] for e in entries], dtype=np.int32)
    columns = np.asarray([e[1] for e in entries], dtype=np.int32)
    counts = np.asarray([e[2] for e in entries], dtype=np.int32)
    idf = np.asarray(idf_values)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vectors, "TFIDF_BLOCK", block)
        found = vectors.unit_tfidf(rows, columns, counts, idf, 41)
    assert np.array_equal(found, _whole(rows, columns, counts, idf, 41))
    assert found.dtype == np.float64


def test_a_row_longer_than_a_block_stays_in_one_block() -> None:
    rows = np.repeat(np.arange(4, dtype=np.int32), [1, 9, 1, 2])
    assert vectors._row_blocks(rows, 3) == [(0, 1), (1, 11), (11, 13)]  # each ends where a row ends
    assert vectors._row_blocks(rows[::-1].copy(), 3) is None
