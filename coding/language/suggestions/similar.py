"""The word weights of similarity to passages already coded with a code.

The answer sentences of the corpus give the inverse sentence frequency of each word stem (TF-IDF weights);
a code's profile is the normalised sum of its coded passages' unit vectors, a dense array over the stem
ids. :mod:`~coding.language.suggestions.resemblance` compares answers with the profiles. The sentence vectors
are sparse rows of stem ids with precomputed unit weights (:class:`SentenceVectors`, built once per corpus).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from coding.core.ids import DocumentId
from coding.language import word_bags
from coding.language.suggestions.data import Bag, CorpusData, DocumentTokens, IntArray
from coding.language.suggestions.vectors import (
    FloatArray,
    IndexArray,
    StoredUnitWeights,
    UnitWeights,
    Weights,
    bag_counts,
    narrowed,
    pack_stored_weights,
    shape_of,
    unit_tfidf,
    unpack_stored_weights,
)


@dataclass(frozen=True)
class SentenceVectors:
    """Unit TF-IDF vectors of the answer sentences that have content words, in corpus order."""

    document: IntArray  # per sentence
    start: IntArray
    end: IntArray
    rows: IntArray  # per entry: its sentence
    columns: IntArray  # per entry: the stem id
    #: Per entry: its unit TF-IDF weight (made when asked for from each entry's count: :class:`UnitWeights`).
    weights: Weights
    #: Inverse sentence frequency per stem id; 1.0 for stems of no answer sentence.
    idf: FloatArray

    def __len__(self) -> int:
        return len(self.document)


def sentence_vectors(data: CorpusData) -> SentenceVectors:
    """The answer sentences' vectors: built once per corpus, stored for the next session
    (:mod:`~coding.language.suggestions.stored_state`)."""
    result: SentenceVectors = data.derive("sentences", _stored_sentence_vectors)
    return result


def _stored_sentence_vectors(data: CorpusData) -> SentenceVectors:
    from coding.language.suggestions import stored_state

    return stored_state.recall(
        data,
        "sentence_vectors",
        None if data.stamp is None else stored_state.stamp_of(data.stamp),
        lambda: _build_sentence_vectors(data),
        _pack,
        _unpack,
        by_array=True,
    )


def _pack(vectors: SentenceVectors) -> dict[str, np.ndarray]:
    named = ("document", "start", "end", "rows", "columns", "idf")
    return {
        **{name: getattr(vectors, name) for name in named},
        **pack_stored_weights(vectors.rows, vectors.weights, len(vectors)),
    }


_FIELDS = ("document", "start", "end", "rows", "columns", "idf")


def _unpack(arrays: Mapping[str, np.ndarray]) -> SentenceVectors:
    sentences = shape_of(arrays, "document")
    if shape_of(arrays, "start") != sentences or shape_of(arrays, "end") != sentences or len(sentences) != 1:
        raise ValueError("sentence vectors of another shape")
    weights = unpack_stored_weights(arrays, sentences[0])
    if isinstance(weights, StoredUnitWeights):
        return StoredSentenceVectors(arrays, weights)
    document, start, end, rows, columns, idf = (arrays[name] for name in _FIELDS)
    return SentenceVectors(document, start, end, rows, columns, weights, idf)


class StoredRows:
    """What the stored sentence and span vectors share (:class:`StoredSentenceVectors`,
    ``kept.StoredSpanVectors``, each placed before its frozen dataclass): the arrays as read from the project,
    each when first asked for, and the weights made from the stored counts."""

    _arrays: Mapping[str, np.ndarray]
    _weights: StoredUnitWeights
    _length: int

    def __init__(self, arrays: Mapping[str, np.ndarray], weights: StoredUnitWeights) -> None:
        object.__setattr__(self, "_arrays", arrays)
        object.__setattr__(self, "_weights", weights)
        object.__setattr__(self, "_length", shape_of(arrays, "document")[0])

    @property
    def document(self) -> IntArray:
        return self._arrays["document"]

    @property
    def start(self) -> IntArray:
        return self._arrays["start"]

    @property
    def end(self) -> IntArray:
        return self._arrays["end"]

    @property
    def rows(self) -> IntArray:
        return self._arrays["rows"]

    @property
    def columns(self) -> IntArray:
        return self._arrays["columns"]

    @property
    def weights(self) -> StoredUnitWeights:
        return self._weights

    def __len__(self) -> int:
        return self._length


class StoredSentenceVectors(StoredRows, SentenceVectors):
    """The sentence vectors as read from the project: each array read when it is first asked for (the rows, one per
    entry, only by who looks at all of them: :func:`~.vectors.row_firsts`, :func:`~.vectors.rows_of`)."""

    @property
    def idf(self) -> FloatArray:
        return self._arrays["idf"]


def _build_sentence_vectors(data: CorpusData) -> SentenceVectors:
    """The vectors of the answer sentences with content words, from each document's bags of stems per sentence
    (stored when it was indexed, else counted from its words; :meth:`CorpusData.bags_by_document`): no count of
    the whole corpus's words. Each document's bags come sorted by sentence and stem, as one count of all the
    words sorts them; they are written straight into the corpus's arrays (a document has no more entries than
    content words)."""
    width = len(data.stems)
    capacity = sum(len(document.term) for document in data.documents.values())
    row, column, count = (np.empty(capacity, dtype=np.int32) for _ in range(3))
    documents: list[IntArray] = []
    starts: list[IntArray] = []
    ends: list[IntArray] = []
    base = used = 0
    for doc_id, document, stored in data.bags_by_document("sentences"):
        answer = document.answer_sentences()
        if not len(document.term):
            continue
        bag = (
            stored
            if stored is not None and len(stored[0]) <= len(document.term)
            else _counted(data, document)
        )
        sentence = bag[0]
        valid = sentence < len(answer)
        keep = valid & answer[np.where(valid, sentence, 0)]
        kept = sentence[keep]
        if not len(kept):
            continue
        # renumber the document's answer sentences with words to consecutive rows (``kept`` is sorted)
        new = np.empty(len(kept), dtype=bool)
        new[0] = True
        np.not_equal(kept[1:], kept[:-1], out=new[1:])
        numbers = kept[new]
        high = used + len(kept)
        np.cumsum(new, out=row[used:high])
        row[used:high] += base - 1
        column[used:high] = bag[1][keep]
        count[used:high] = bag[2][keep]
        documents.append(np.full(len(numbers), doc_id, dtype=np.int32))
        starts.append(document.sentence_start[numbers])
        ends.append(document.sentence_end[numbers])
        base += len(numbers)
        used = high
    if not base:
        empty = np.zeros(0, dtype=np.int64)
        none = np.zeros(0, dtype=np.int32)
        return SentenceVectors(none, none, none, empty, empty, np.zeros(0), np.ones(width))
    for array in (row, column, count):
        array.resize(used, refcheck=False)
    frequency = np.bincount(column, minlength=width)
    idf = np.where(frequency > 0, np.log((base + 1) / (frequency + 1)) + 1.0, 1.0)
    stem: IntArray = narrowed(column)  # stem ids: two bytes each for fewer than 65,536 stems
    del column
    weights = UnitWeights.of(row, stem, count, idf, base)
    del count
    return SentenceVectors(
        np.concatenate(documents), np.concatenate(starts), np.concatenate(ends), row, stem, weights, idf
    )


def _counted(data: CorpusData, document: DocumentTokens) -> Bag:
    """A document's sentences as bags of stems, counted from its words (every sentence with content words)."""
    sentence, stem, count = word_bags.counted(document.sentence, data.term_stem[document.term])
    return sentence, stem, count


def passages_profile(
    data: CorpusData, vectors: SentenceVectors, passages: Sequence[tuple[DocumentId, tuple[int, int]]]
) -> tuple[FloatArray, int]:
    """The normalised sum of the passages' unit vectors (dense by stem id), and how many had words."""
    profile, count = passages_sum(data, vectors, passages)
    norm = float(np.sqrt(np.dot(profile, profile)))
    return (profile / norm if norm else profile), count


def passages_sum(
    data: CorpusData, vectors: SentenceVectors, passages: Sequence[tuple[DocumentId, tuple[int, int]]]
) -> tuple[FloatArray, int]:
    """The sum of the passages' unit vectors (dense by stem id), and how many had words."""
    by_document: dict[DocumentId, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, span in passages:
        if doc_id in data.documents:
            by_document[doc_id].append(span)
    width = len(data.stems)
    rows: list[IndexArray] = []
    columns: list[IndexArray] = []
    base = 0
    for doc_id, spans in by_document.items():
        document = data.documents[doc_id]
        number, index = document.spans([s for s, _ in spans], [e for _, e in spans])
        rows.append(base + number.astype(np.int64))
        columns.append(data.stems_of(document, index).astype(np.int64))
        base += len(spans)
    profile = np.zeros(width)
    if not base:
        return profile, 0
    row, column, counts = bag_counts(np.concatenate(rows), np.concatenate(columns), width)
    if not len(row):
        return profile, 0
    weights = unit_tfidf(row, column, counts, vectors.idf, base)
    profile = np.bincount(column, weights=weights, minlength=width).astype(np.float64, copy=False)
    return profile, len(np.unique(row))
