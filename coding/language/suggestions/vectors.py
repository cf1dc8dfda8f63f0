"""Bags of word stems and TF-IDF cosine similarity.

Small vectors (a code's profile words) are dicts; the corpus's many bags (sentences, questions)
are sparse rows of integer stem ids with numpy weights, so that comparing one profile with all
of them is a few array operations instead of a Python loop per bag.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeAlias

import numpy as np
import numpy.typing as npt

from coding.core.in_steps import unique_inverse

Vector = dict[str, float]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.integer[Any]]
IndexArray = IntArray


def idf_weights(bags: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency over ``bags`` (each a collection of stems)."""
    frequency: Counter[str] = Counter()
    count = 0
    for bag in bags:
        count += 1
        frequency.update(set(bag))
    return {stem: math.log((count + 1) / (df + 1)) + 1.0 for stem, df in frequency.items()}


def tfidf(bag: Iterable[str], idf: Mapping[str, float], default_idf: float = 1.0) -> Vector:
    """Unit-length TF-IDF vector of a bag of stems (sub-linear term frequency)."""
    counts = Counter(bag)
    vector = {stem: (1.0 + math.log(n)) * idf.get(stem, default_idf) for stem, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {stem: w / norm for stem, w in vector.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(stem, 0.0) for stem, weight in a.items())


def shared_words(a: Mapping[str, float], b: Mapping[str, float], limit: int = 4) -> list[str]:
    """The stems contributing most to the similarity of ``a`` and ``b``."""
    contributions = sorted(
        ((weight * b[stem], stem) for stem, weight in a.items() if stem in b), reverse=True
    )
    return [stem for _, stem in contributions[:limit]]


# -- many bags at once -------------------------------------------------------------------------
def bag_counts(rows: IntArray, columns: IntArray, width: int) -> tuple[IntArray, IntArray, IntArray]:
    """Each ``(row, column)`` pair once with how often it occurs, sorted by row, then column."""
    width = max(width, 1)
    key = rows.astype(np.int64) * width
    key += columns
    unique, counts = np.unique(key, return_counts=True)
    del key
    row, column = np.divmod(unique, width)
    return row.astype(np.int32), column.astype(np.int32), counts.astype(np.int32)


class Bags:
    """:func:`bag_counts` of many rows, added a part at a time (each part's rows after the earlier parts'),
    counted a block at a time: the sort's copies of a large corpus's millions of words are never held at
    once. The result is :func:`bag_counts` of all the parts together."""

    #: Words counted at once.
    BLOCK = 1 << 20

    def __init__(self, width: int) -> None:
        self.width = width
        self._pending: list[tuple[IntArray, IntArray]] = []
        self._size = 0
        self._done: list[tuple[IntArray, IntArray, IntArray]] = []

    def add(self, rows: IntArray, columns: IntArray) -> None:
        self._pending.append((rows, columns))
        self._size += len(rows)
        if self._size >= self.BLOCK:
            self._count()

    def _count(self) -> None:
        if self._size:
            rows = np.concatenate([r for r, _ in self._pending])
            columns = np.concatenate([c for _, c in self._pending])
            self._done.append(bag_counts(rows, columns, self.width))
        self._pending, self._size = [], 0

    def counts(self) -> tuple[IntArray, IntArray, IntArray]:
        """Each ``(row, column)`` once with how often it occurs, sorted by row, then column (int32)."""
        self._count()
        if not self._done:
            empty = np.zeros(0, dtype=np.int32)
            return empty, empty, empty
        done, self._done = self._done, []
        return tuple(np.concatenate([part[i] for part in done]) for i in range(3))  # type: ignore[return-value]


#: Entries of :func:`unit_tfidf` computed at once: its temporaries stay a few megabytes (at ten times the large
#: corpus, three whole-array temporaries were ≈ 140 MB of fresh pages per call, most of it the kernel's time).
TFIDF_BLOCK = 1 << 18


def unit_tfidf(
    rows: IntArray, columns: IntArray, counts: IntArray, idf: FloatArray, n_rows: int
) -> FloatArray:
    """The weights of :func:`tfidf` for sparse bags (rows with at least one weight above zero). With ``rows``
    sorted, a block of :data:`TFIDF_BLOCK` entries at a time, each block ending where a row does: every row's
    squares are summed in one ``np.bincount`` in the order of its entries, as over the whole array, so the
    weights are the same to the last bit."""
    weights = np.log(counts, dtype=np.float64)
    weights += 1.0
    bounds = _row_blocks(rows, TFIDF_BLOCK)
    if bounds is None:
        weights *= idf[columns]
        squares = np.bincount(rows, weights=weights * weights, minlength=n_rows).astype(
            np.float64, copy=False
        )
    else:
        squares = np.zeros(n_rows)
        for low, high in bounds:
            part = weights[low:high]
            part *= idf[columns[low:high]]
            first = int(rows[low])
            found = np.bincount(rows[low:high] - first, weights=part * part)
            squares[first : first + len(found)] = found
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0  # rows whose words all weigh nothing stay zero
    if bounds is None:
        weights /= norms[rows]
    else:
        for low, high in bounds:
            weights[low:high] /= norms[rows[low:high]]
    return weights


def unit_norms(
    rows: IntArray, columns: IntArray, counts: IntArray, idf: FloatArray, n_rows: int
) -> FloatArray:
    """What :func:`unit_tfidf` divides each row's weights by: the root of the sum of their squares, summed as it
    sums them (a block of whole rows at a time, or all at once), 1.0 for a row whose words all weigh nothing."""
    bounds = _row_blocks(rows, TFIDF_BLOCK)
    squares = np.zeros(n_rows)
    for low, high in [(0, len(rows))] if bounds is None else bounds:
        part = np.log(counts[low:high], dtype=np.float64)
        part += 1.0
        part *= idf[columns[low:high]]
        if bounds is None:
            squares = np.bincount(rows, weights=part * part, minlength=n_rows).astype(np.float64, copy=False)
        else:
            first = int(rows[low])
            found = np.bincount(rows[low:high] - first, weights=part * part)
            squares[first : first + len(found)] = found
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    return norms


class UnitWeights:
    """The weights of :func:`unit_tfidf` of many sparse bags, kept as what they are made of: each entry's count
    (one or two bytes), its column (the stem) and row, the inverse frequencies and each row's norm
    (:func:`unit_norms`). The weights of the entries asked for (``weights[entries]``, a slice or the entries'
    numbers) are made when asked, with the same operations on the same numbers as :func:`unit_tfidf`: the same to
    the last bit. A large corpus's sentence and turn vectors hold ≈ 11 million entries: 8 bytes each as weights,
    1–2 as counts; those who read them read a few rows at a time, or a block of rows (:func:`closest_two`)."""

    __slots__ = ("columns", "counts", "idf", "norms", "rows")

    def __init__(
        self, rows: IntArray, columns: IntArray, counts: IntArray, idf: FloatArray, norms: FloatArray
    ) -> None:
        if not len(rows) == len(columns) == len(counts):
            raise ValueError("weights of another shape")
        self.rows, self.columns, self.counts, self.idf, self.norms = rows, columns, counts, idf, norms

    @classmethod
    def of(
        cls, rows: IntArray, columns: IntArray, counts: IntArray, idf: FloatArray, n_rows: int
    ) -> UnitWeights:
        """The weights of the bags ``rows``, ``columns``, ``counts`` (as :func:`unit_tfidf` takes them), the counts
        held in the fewest bytes that hold them."""
        return cls(rows, columns, narrowed(counts), idf, unit_norms(rows, columns, counts, idf, n_rows))

    def __len__(self) -> int:
        return len(self.counts)

    def __getitem__(self, entries: slice | IntArray) -> FloatArray:
        weights = np.log(self.counts[entries], dtype=np.float64)
        weights += 1.0
        weights *= self.idf[self.columns[entries]]
        weights /= self.norms[self.rows[entries]]
        return weights


class StoredUnitWeights(UnitWeights):
    """:class:`UnitWeights` of vectors read from the project (``stored_state.StoredArrays``): each array read when
    it is first asked for, each entry's row found from where every row's entries start (``firsts``, stored with
    them: one number per row, where the rows are one per entry). A find that reads the weights of a few rows reads
    neither the rows nor the entries it never looks at; the weights are :class:`UnitWeights`' to the last bit."""

    __slots__ = ("_arrays",)

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        self._arrays = arrays

    @property
    def rows(self) -> IntArray:  # type: ignore[override]
        return self._arrays["rows"]

    @property
    def columns(self) -> IntArray:  # type: ignore[override]
        return self._arrays["columns"]

    @property
    def counts(self) -> IntArray:  # type: ignore[override]
        return self._arrays["counts"]

    @property
    def idf(self) -> FloatArray:  # type: ignore[override]
        return self._arrays["idf"]

    @property
    def norms(self) -> FloatArray:  # type: ignore[override]
        return self._arrays["norms"]

    @property
    def firsts(self) -> IntArray:
        """Where each row's entries start, and where the last ends (``len(norms) + 1`` numbers)."""
        return self._arrays["firsts"]

    def __len__(self) -> int:
        return shape_of(self._arrays, "counts")[0]

    def __getitem__(self, entries: slice | IntArray) -> FloatArray:
        weights = np.log(self.counts[entries], dtype=np.float64)
        weights += 1.0
        weights *= self.idf[self.columns[entries]]
        weights /= self.norms[self.rows_of(entries)]
        return weights

    def rows_of(self, entries: slice | IntArray) -> IntArray:
        """The rows of ``entries`` (``rows[entries]``, the same numbers): from ``firsts`` for a few, from the rows
        for many (then read) or when they are read already."""
        if isinstance(entries, slice):
            low, high, step = entries.indices(len(self))
            count = len(range(low, high, step))
        else:
            count = len(entries)
        if count * _ROWS_READ_FROM > len(self) or _was_read(self._arrays, "rows"):
            return self.rows[entries]
        numbers = np.arange(low, high, step) if isinstance(entries, slice) else np.asarray(entries)
        return np.searchsorted(self.firsts, numbers, side="right") - 1


#: :meth:`StoredUnitWeights.rows_of` reads the rows for more than this share (its inverse) of all entries.
_ROWS_READ_FROM = 4


def shape_of(arrays: Mapping[str, np.ndarray], key: str) -> tuple[int, ...]:
    """The shape of ``arrays[key]``, not read when ``arrays`` reads each array when asked for
    (``stored_state.StoredArrays``, which has a ``shape``)."""
    shape = getattr(arrays, "shape", None)
    return tuple(shape(key)) if callable(shape) else tuple(arrays[key].shape)


def _was_read(arrays: Mapping[str, np.ndarray], key: str) -> bool:
    was_read = getattr(arrays, "was_read", None)
    return bool(was_read(key)) if callable(was_read) else True


class Rows(Protocol):
    """Sparse rows (the sentence or span vectors): each entry's row (sorted), and the weights."""

    @property
    def rows(self) -> IntArray: ...

    @property
    def weights(self) -> Weights: ...

    def __len__(self) -> int: ...


def row_firsts(vectors: Rows) -> IntArray:
    """Where each of the rows' entries start and the last ends: stored with weights read from the project
    (:class:`StoredUnitWeights`: the rows, one per entry, are not read for it), else found in the rows."""
    weights = vectors.weights
    if isinstance(weights, StoredUnitWeights):
        return weights.firsts
    rows = vectors.rows
    return np.searchsorted(rows, np.arange(len(vectors) + 1, dtype=rows.dtype))


def rows_of(vectors: Rows, entries: slice) -> IntArray:
    """``vectors.rows[entries]`` (the same numbers), without reading all rows of weights read from the project."""
    weights = vectors.weights
    if isinstance(weights, StoredUnitWeights):
        return weights.rows_of(entries)
    return vectors.rows[entries]


def pack_stored_weights(rows: IntArray, weights: Weights, n_rows: int) -> dict[str, np.ndarray]:
    """:func:`pack_weights`, with where each row's entries start (``firsts``, :class:`StoredUnitWeights`)."""
    firsts = weights.firsts if isinstance(weights, StoredUnitWeights) else _firsts(rows, n_rows)
    return {**pack_weights(weights), "firsts": narrowed(firsts)}


def _firsts(rows: IntArray, n_rows: int) -> IntArray:
    return np.searchsorted(rows, np.arange(n_rows + 1, dtype=rows.dtype))


def unpack_stored_weights(arrays: Mapping[str, np.ndarray], n_rows: int) -> Weights:
    """The weights :func:`pack_stored_weights` stored, each array read when asked for when ``arrays`` reads them so
    (the rows' and columns' too); ``ValueError`` or ``KeyError`` for arrays that do not fit ``n_rows`` rows."""
    if "weights" in arrays:
        return unpack_weights(arrays, arrays["rows"], arrays["columns"])
    entries = shape_of(arrays, "rows")
    if (
        shape_of(arrays, "columns") != entries
        or shape_of(arrays, "counts") != entries
        or shape_of(arrays, "norms") != (n_rows,)
        or shape_of(arrays, "firsts") != (n_rows + 1,)
        or len(entries) != 1
    ):
        raise ValueError("weights of another shape")
    return StoredUnitWeights(arrays)


Weights: TypeAlias = FloatArray | UnitWeights


def pack_weights(weights: Weights) -> dict[str, np.ndarray]:
    """The arrays that store ``weights`` (with the rows and columns stored beside them): :func:`unpack_weights`."""
    if isinstance(weights, UnitWeights):
        return {"counts": weights.counts, "norms": weights.norms, "idf": weights.idf}
    return {"weights": weights}


def unpack_weights(arrays: Mapping[str, np.ndarray], rows: IntArray, columns: IntArray) -> Weights:
    """The weights :func:`pack_weights` stored, of the entries ``rows`` (sorted) and ``columns``; ``ValueError``
    or ``KeyError`` for arrays that do not fit them."""
    if "weights" in arrays:
        weights = arrays["weights"]
        if len(weights) != len(rows):
            raise ValueError("weights of another shape")
        return weights
    norms = arrays["norms"]
    if len(rows) and not 0 <= int(rows[0]) <= int(rows[-1]) < len(norms):
        raise ValueError("rows without their norms")
    return UnitWeights(rows, columns, arrays["counts"], arrays["idf"], norms)


def narrowed(values: IntArray) -> IntArray:
    """``values`` (none below zero) in the narrowest unsigned integer type that holds them (the same numbers)."""
    top = int(values.max()) if len(values) else 0
    if int(values.min() if len(values) else 0) < 0:
        return values
    for dtype in (np.uint8, np.uint16, np.uint32):
        if top <= np.iinfo(dtype).max:
            return values.astype(dtype, copy=False)
    return values


def _row_blocks(rows: IntArray, block: int) -> list[tuple[int, int]] | None:
    """``rows`` (sorted) cut into spans of about ``block`` entries that each end where a row ends; ``None``
    when ``rows`` is not sorted."""
    size = len(rows)
    if size <= block:
        return [(0, size)] if size and bool(np.all(rows[1:] >= rows[:-1])) else ([] if not size else None)
    for low in range(0, size - 1, block):  # sorted, checked a block at a time (no whole-array temporary)
        high = min(size, low + block + 1)
        if not bool(np.all(rows[low + 1 : high] >= rows[low : high - 1])):
            return None
    cuts = np.searchsorted(rows, rows[np.arange(block, size, block)], side="left").tolist()
    edges = sorted({0, *cuts, size})
    return list(itertools.pairwise(edges))


def row_dots(
    rows: IntArray, columns: IntArray, weights: Weights, dense: FloatArray, n_rows: int
) -> FloatArray:
    """Each sparse row's dot product with the dense vector ``dense``."""
    products = dense[columns]
    products *= weights[:]
    return np.bincount(rows, weights=products, minlength=n_rows).astype(np.float64, copy=False)


def dots_table(
    rows: IntArray,
    columns: IntArray,
    weights: Weights,
    matrix: FloatArray,
    n_rows: int,
    block: int = 4096,
    *,
    by_column: FloatArray | None = None,
) -> FloatArray:
    """Rows × matrix rows: each sparse row's dot product with each row of ``matrix`` (``rows`` sorted), equal to
    :func:`row_dots` with each matrix row to the last bit. Each product is summed into its row in the order of the
    entries, as ``np.bincount`` sums them, but for all matrix rows at once: the rows are taken longest first and
    their ``k``-th entries added for every ``k`` (one gather of the matrix's columns per entry, not one pass over
    all entries per matrix row). ``block`` rows at a time: the sums and products held besides the table stay a
    few megabytes. ``by_column``: ``matrix`` transposed (contiguous), when a caller with several tables made it."""
    table = np.zeros((n_rows, len(matrix)))
    if not n_rows or not len(matrix) or not len(rows):
        return table
    if by_column is None:
        by_column = np.ascontiguousarray(matrix.T)
    bounds = np.searchsorted(rows, np.arange(0, n_rows + block, block, dtype=rows.dtype)).tolist()
    for number, low in enumerate(range(0, n_rows, block)):
        high = min(n_rows, low + block)
        entries = slice(bounds[number], bounds[number + 1])
        table[low:high] = _dots_by_column(
            rows[entries] - low, columns[entries], weights[entries], by_column, high - low
        )
    return table


def _dots_by_column(
    rows: IntArray, columns: IntArray, weights: FloatArray, by_column: FloatArray, n_rows: int
) -> FloatArray:
    """:func:`dots_table` with the matrix given by column (per stem: its weight in every matrix row)."""
    targets = by_column.shape[1]
    table = np.zeros((n_rows, targets))
    if not n_rows or not targets or not len(rows):
        return table
    counts = np.bincount(rows, minlength=n_rows)
    starts = np.cumsum(counts) - counts
    order = np.argsort(-counts, kind="stable")  # longest first: the rows with a k-th entry are a prefix
    longest_first = counts[order]
    first_entries = starts[order]
    # per k: how many rows have a k-th entry
    having = np.searchsorted(-longest_first, -np.arange(int(longest_first[0])), side="left").tolist()
    sums = np.zeros((n_rows, targets))
    products = np.empty((having[0], targets))
    for k, count in enumerate(having):
        entries = first_entries[:count] + k
        part = products[:count]
        np.take(by_column, columns[entries], axis=0, out=part)
        np.multiply(part, weights[entries][:, None], out=part)
        np.add(sums[:count], part, out=sums[:count])
    table[order] = sums
    return table


def closest_two(
    rows: IntArray,
    columns: IntArray,
    weights: Weights,
    matrix: FloatArray,
    n_rows: int,
    block: int = 4096,
) -> tuple[IntArray, FloatArray, IntArray, FloatArray]:
    """Per sparse row (rows sorted): the row of ``matrix`` with the highest dot product, that product, the
    runner-up's row and product (zeros with fewer than two matrix rows). Compared a block of rows at a time:
    only these four numbers per row are kept, never the rows × matrix rows table (the matrix rows' numbers in the
    narrowest type that holds them: a code's profile is one of at most a few thousand)."""
    kind = np.int16 if len(matrix) <= np.iinfo(np.int16).max else np.int64
    best: IntArray = np.zeros(n_rows, dtype=kind)
    first = np.zeros(n_rows)
    runner: IntArray = np.zeros(n_rows, dtype=kind)
    second = np.zeros(n_rows)
    targets = len(matrix)
    if not n_rows or not targets:
        return best, first, runner, second
    by_column = np.ascontiguousarray(matrix.T)
    bounds = np.searchsorted(rows, np.arange(0, n_rows + block, block, dtype=rows.dtype)).tolist()
    for number, low in enumerate(range(0, n_rows, block)):
        high = min(n_rows, low + block)
        entries = slice(bounds[number], bounds[number + 1])
        at = np.arange(high - low)
        table = _dots_by_column(
            rows[entries] - low, columns[entries], weights[entries], by_column, high - low
        )
        top = np.argmax(table, axis=1)
        best[low:high] = top
        first[low:high] = table[at, top]
        if targets > 1:
            table[at, top] = -np.inf
            following = np.argmax(table, axis=1)
            runner[low:high] = following
            second[low:high] = table[at, following]
    return best, first, runner, second


def top_contributions(
    stems: list[str], columns: IntArray, weights: FloatArray, profile: FloatArray
) -> list[str]:
    """:func:`shared_words` for one sparse row (stem ids and weights, each stem once) and a dense profile: the
    products computed as numpy arrays, not a dict of the row and one of the profile per call."""
    values = profile[columns]
    shared = np.flatnonzero(values > 0)
    if not len(shared):
        return []
    products = weights[shared] * values[shared]
    ranked = sorted(
        zip(products.tolist(), [stems[c] for c in columns[shared].tolist()], strict=True), reverse=True
    )
    return [stem for _, stem in ranked[:4]]


def top_contributions_of_many(
    stems: list[str],
    columns: IntArray,
    weights: Weights,
    matrix: FloatArray,
    starts: IntArray,
    ends: IntArray,
    numbers: IntArray,
    limit: int = 4,
) -> list[list[str]]:
    """:func:`top_contributions` of many sparse rows at once, each ``columns[starts[i]:ends[i]]`` (and its
    ``weights``) with the profile ``matrix[numbers[i]]``: the same words in the same order (the products, ties by
    the stem, both descending), from one sort of all the products instead of a sort per row. In blocks of rows:
    all of a Find's at once, numpy's steps over millions of products held the GIL up to 0.17–0.28 s each."""
    out: list[list[str]] = []
    for low in range(0, len(starts), ROWS_AT_ONCE):
        high = low + ROWS_AT_ONCE
        out += _top_contributions_block(
            stems, columns, weights, matrix, starts[low:high], ends[low:high], numbers[low:high], limit
        )
    return out


#: Rows :func:`top_contributions_of_many` takes at once.
ROWS_AT_ONCE = 8_192


def _top_contributions_block(
    stems: list[str],
    columns: IntArray,
    weights: Weights,
    matrix: FloatArray,
    starts: IntArray,
    ends: IntArray,
    numbers: IntArray,
    limit: int,
) -> list[list[str]]:
    count = len(starts)
    lengths = (ends - starts).astype(np.int64)
    total = int(lengths.sum())
    if not total:
        return [[] for _ in range(count)]
    row = np.repeat(np.arange(count), lengths)
    entry = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths) + np.repeat(starts, lengths)
    column = columns[entry]
    values = matrix[np.asarray(numbers)[row], column]
    shared = np.flatnonzero(values > 0)
    row, column = row[shared], column[shared]
    products = weights[entry[shared]] * values[shared]
    # the stems' order as strings, among those that take part
    present, _first, inverse = unique_inverse(column)
    ranked = sorted(range(len(present)), key=[stems[c] for c in present.tolist()].__getitem__)
    rank = np.empty(len(present), dtype=np.int64)
    rank[ranked] = np.arange(len(present))
    order = np.lexsort((-rank[inverse], -products, row))
    row, column = row[order], column[order]
    first = np.searchsorted(row, np.arange(count + 1))
    place = np.arange(len(row)) - first[row]
    chosen = place < limit
    out: list[list[str]] = [[] for _ in range(count)]
    for number, stem in zip(row[chosen].tolist(), column[chosen].tolist(), strict=True):
        out[number].append(stems[stem])
    return out
