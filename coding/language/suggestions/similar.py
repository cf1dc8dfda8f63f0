"""Suggestions by similarity to passages already coded with a code.

Each sentence of a respondent's answer is compared with the centroid of the code's coded
passages (TF-IDF over word stems, weights from all sentences of the corpus). Sentences that
are similar enough and share at least two content words are candidates, the best few per code.

The sentence vectors are sparse rows of stem ids with precomputed unit weights
(:class:`SentenceVectors`, built once per corpus); a code's profile is a dense array over the
stem ids, so scoring every sentence is one pass over the rows' entries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.data import CorpusData, IntArray
from coding.language.suggestions.vectors import (
    FloatArray,
    IndexArray,
    bag_counts,
    row_dots,
    top_contributions,
    unit_tfidf,
)

MIN_SIMILARITY = 0.3
MIN_SHARED = 2
PER_CODE = 25
#: Document offsets are spread this far apart to compare spans of all documents at once.
_DOCUMENT_STRIDE = 1 << 32


@dataclass(frozen=True)
class SentenceVectors:
    """Unit TF-IDF vectors of the answer sentences that have content words, in corpus order."""

    document: IntArray  # per sentence
    start: IntArray
    end: IntArray
    rows: IntArray  # per entry: its sentence
    columns: IntArray  # per entry: the stem id
    weights: FloatArray
    #: Inverse sentence frequency per stem id; 1.0 for stems of no answer sentence.
    idf: FloatArray

    def __len__(self) -> int:
        return len(self.document)


def sentence_vectors(data: CorpusData) -> SentenceVectors:
    result: SentenceVectors = data.derive("sentences", _build_sentence_vectors)
    return result


def _build_sentence_vectors(data: CorpusData) -> SentenceVectors:
    width = len(data.stems)
    rows: list[IndexArray] = []
    columns: list[IndexArray] = []
    documents: list[IntArray] = []
    starts: list[IntArray] = []
    ends: list[IntArray] = []
    base = 0
    for doc_id, document in data.documents.items():
        answer = document.answer_sentences()
        if not len(document.term):
            continue
        sentence = document.sentence
        valid = sentence < len(answer)
        keep = valid & answer[np.where(valid, sentence, 0)]
        numbers = np.unique(sentence[keep])
        if not len(numbers):
            continue
        # renumber the document's answer sentences with words to consecutive rows
        rows.append(base + np.searchsorted(numbers, sentence[keep]).astype(np.int64))
        columns.append(data.stems_of(document, np.flatnonzero(keep)).astype(np.int64))
        documents.append(np.full(len(numbers), doc_id, dtype=np.int32))
        starts.append(document.sentence_start[numbers])
        ends.append(document.sentence_end[numbers])
        base += len(numbers)
    if not base:
        empty = np.zeros(0, dtype=np.int64)
        none = np.zeros(0, dtype=np.int32)
        return SentenceVectors(none, none, none, empty, empty, np.zeros(0), np.ones(width))
    row, column, counts = bag_counts(np.concatenate(rows), np.concatenate(columns), width)
    frequency = np.bincount(column, minlength=width)
    idf = np.where(frequency > 0, np.log((base + 1) / (frequency + 1)) + 1.0, 1.0)
    weights = unit_tfidf(row, column, counts, idf, base)
    return SentenceVectors(
        np.concatenate(documents), np.concatenate(starts), np.concatenate(ends), row, column, weights, idf
    )


def _profile(
    data: CorpusData, vectors: SentenceVectors, passages: Sequence[tuple[DocumentId, tuple[int, int]]]
) -> tuple[FloatArray, int]:
    """The normalised sum of the passages' unit vectors (dense by stem id), and how many had words."""
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
    norm = float(np.sqrt(np.dot(profile, profile)))
    return (profile / norm if norm else profile), len(np.unique(row))


def _overlapping(
    vectors: SentenceVectors, chosen: IndexArray, own: list[tuple[DocumentId, int, int]]
) -> np.ndarray:
    """Whether each chosen sentence overlaps one of the code's own passages (any document)."""
    if not own or not len(chosen):
        return np.zeros(len(chosen), dtype=bool)
    starts = np.array([doc * _DOCUMENT_STRIDE + s for doc, s, _ in own], dtype=np.int64)
    ends = np.array([doc * _DOCUMENT_STRIDE + e for doc, _, e in own], dtype=np.int64)
    order = np.argsort(starts, kind="stable")
    starts, reach = starts[order], np.maximum.accumulate(ends[order])
    doc = vectors.document[chosen].astype(np.int64) * _DOCUMENT_STRIDE
    first, last = doc + vectors.start[chosen], doc + vectors.end[chosen]
    before = np.searchsorted(starts, last, side="left")  # passages starting before the sentence ends
    return (before > 0) & (reach[np.maximum(before - 1, 0)] > first)


def similarity_candidates(
    codes: Sequence[CodeInfo],
    data: CorpusData,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
) -> list[Candidate]:
    vectors = sentence_vectors(data)
    if not len(vectors):
        return []
    passages_of: dict[CodeId, list[tuple[DocumentId, tuple[int, int]]]] = defaultdict(list)
    for (doc_id, code_id), spans in coded.items():
        passages_of[code_id].extend((doc_id, span) for span in spans)
    starts = np.searchsorted(vectors.rows, np.arange(len(vectors) + 1))  # each sentence's entries
    out = []
    for code in codes:
        passages = passages_of.get(code.id, [])
        profile, count = _profile(data, vectors, passages)
        if not count:
            continue
        scores = row_dots(vectors.rows, vectors.columns, vectors.weights, profile, len(vectors))
        shared = np.bincount(vectors.rows, weights=profile[vectors.columns] > 0, minlength=len(vectors))
        chosen = np.flatnonzero((shared >= MIN_SHARED) & (scores >= MIN_SIMILARITY))
        # already coded with this code: not a suggestion
        chosen = chosen[~_overlapping(vectors, chosen, [(d, s, e) for d, (s, e) in passages])]
        # the most similar first; among equal scores the later sentence (as before)
        best = chosen[np.lexsort((-chosen, -scores[chosen]))][:PER_CODE]
        for index in best.tolist():
            similarity = float(scores[index])
            entries = slice(starts[index], starts[index + 1])
            words = ", ".join(
                data.show(stem)
                for stem in top_contributions(
                    data.stems, vectors.columns[entries], vectors.weights[entries], profile
                )
            )
            reason = (
                f"Resembles the {count} passage{'s' if count != 1 else ''} coded {code.name} "
                f"(shared words: {words}; similarity {similarity:.2f})."
            )
            out.append(
                Candidate(
                    DocumentId(int(vectors.document[index])),
                    code.id,
                    int(vectors.start[index]),
                    int(vectors.end[index]),
                    round(similarity, 3),
                    ("similar",),
                    reason,
                )
            )
    return out


#: A sentence suggested by a search term alone must resemble the passages already coded with the code at least
#: this much (TF-IDF cosine with their centroid), when the code has any: a generic word ("werkgevers",
#: "afspraken") in an answer about another indicator is no evidence (issue 20, measured on the dev corpus).
TERMS_MIN_SIMILARITY = 0.2


def corroborated_terms(
    candidates: Sequence[Candidate],
    codes: Sequence[CodeInfo],
    data: CorpusData,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
    minimum: float | None = None,
) -> list[Candidate]:
    """``candidates`` without those found by search terms alone whose sentence resembles the code's coded
    passages less than ``minimum``. Codes with nothing coded keep their term candidates (nothing to compare)."""
    minimum = TERMS_MIN_SIMILARITY if minimum is None else minimum
    vectors = sentence_vectors(data)
    alone = [c for c in candidates if c.sources == ("terms",)]
    if not alone or not len(vectors):
        return list(candidates)
    row_of = {
        (int(d), int(s), int(e)): i
        for i, (d, s, e) in enumerate(zip(vectors.document, vectors.start, vectors.end, strict=True))
    }
    passages_of: dict[CodeId, list[tuple[DocumentId, tuple[int, int]]]] = defaultdict(list)
    for (doc_id, code_id), spans in coded.items():
        passages_of[code_id].extend((doc_id, span) for span in spans)
    wanted = {c.code_id for c in alone}
    scores: dict[CodeId, FloatArray] = {}
    for code in codes:
        if code.id not in wanted:
            continue
        profile, count = _profile(data, vectors, passages_of.get(code.id, []))
        if count:
            scores[code.id] = row_dots(vectors.rows, vectors.columns, vectors.weights, profile, len(vectors))
    out = []
    for c in candidates:
        if c.sources == ("terms",) and c.code_id in scores:
            row = row_of.get((c.document_id, c.start, c.end))
            if row is None or scores[c.code_id][row] < minimum:
                continue
        out.append(c)
    return out
