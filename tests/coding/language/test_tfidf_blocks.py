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


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 30), st.integers(1, 300)), max_size=200),
    st.lists(st.floats(0.0, 12.0), min_size=31, max_size=31),
    st.integers(1, 50),
    st.data(),
)
def test_weights_made_from_counts_when_asked_are_those_of_unit_tfidf_to_the_last_bit(
    entries: list[tuple[int, int, int]], idf_values: list[float], block: int, data: st.DataObject
) -> None:
    """The sentence and turn vectors keep each entry's count and each row's norm (``UnitWeights``), not its
    weight: any entries asked for (a slice, the entries of some rows, any numbers) get the very weights."""
    entries = sorted(entries)
    rows = np.asarray([e[0] for e in entries], dtype=np.int32)
    columns = np.asarray([e[1] for e in entries], dtype=np.int32)
    counts = np.asarray([e[2] for e in entries], dtype=np.int32)
    idf = np.asarray(idf_values)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vectors, "TFIDF_BLOCK", block)
        kept = vectors.UnitWeights.of(rows, columns, counts, idf, 41)
    whole = _whole(rows, columns, counts, idf, 41)
    assert kept.counts.dtype == (np.uint16 if len(counts) and counts.max() > 255 else np.uint8)
    assert len(kept) == len(whole)
    assert kept[:].tobytes() == whole.tobytes()
    low = data.draw(st.integers(0, len(whole)))
    high = data.draw(st.integers(low, len(whole)))
    assert kept[low:high].tobytes() == whole[low:high].tobytes()
    some = np.asarray(
        data.draw(st.lists(st.integers(0, max(len(whole) - 1, 0)), max_size=30)), dtype=np.int64
    )
    if len(whole):
        assert kept[some].tobytes() == whole[some].tobytes()
    # what reads them a block of rows at a time gets the same table as from the weights themselves
    matrix = np.asarray(data.draw(st.lists(st.floats(0.0, 1.0), min_size=31 * 3, max_size=31 * 3))).reshape(
        3, 31
    )
    assert np.array_equal(
        vectors.dots_table(rows, columns, kept, matrix, 41, block=7),
        vectors.dots_table(rows, columns, whole, matrix, 41, block=7),
    )


def test_stored_weights_come_back_as_stored_and_refuse_rows_without_norms() -> None:
    rows = np.asarray([0, 0, 1, 3], dtype=np.int32)
    columns = vectors.narrowed(np.asarray([2, 5, 5, 1], dtype=np.int32))
    kept = vectors.UnitWeights.of(rows, columns, np.asarray([1, 3, 2, 70_000]), np.linspace(1.0, 2.0, 6), 4)
    assert (columns.dtype, kept.counts.dtype) == (np.uint8, np.uint32)
    arrays = vectors.pack_weights(kept)
    back = vectors.unpack_weights(arrays, rows, columns)
    assert isinstance(back, vectors.UnitWeights)
    assert back[:].tobytes() == kept[:].tobytes()
    with pytest.raises(ValueError, match="without their norms"):
        vectors.unpack_weights({**arrays, "norms": arrays["norms"][:3]}, rows, columns)
    plain = np.arange(4, dtype=np.float64)
    assert vectors.unpack_weights(vectors.pack_weights(plain), rows, columns) is plain
    with pytest.raises(ValueError, match="another shape"):
        vectors.unpack_weights({"weights": plain[:2]}, rows, columns)
    assert vectors.narrowed(np.asarray([-1, 3])).dtype == np.int64  # a negative number: left as it is
