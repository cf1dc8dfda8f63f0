"""Each document's sentences and turns as bags of word stems, stored when it is indexed (issue 19).

The suggestion engine compares every answer sentence and every respondent turn with the codes' profiles: each is a
bag of content-word stems (a stem and how often it occurs). Counting them from the corpus's 6.5 million content
words on each session's first suggestions was a sort of all of them (≈ 2 s and ≈ 250 MB of copies at ten times the
large corpus). Indexing a document now stores its bags in ``word_bags``, stamped with its ``text_index`` row as
``content_words`` is:

- ``sentences``: per entry its sentence's number, a term of its stem and the count — every sentence with content
  words (which are answers depends on the speaker rules, so the reader picks them);
- ``turns``: the same per turn (its number in text order; the words from its body's start to its end) — every
  turn: which are the interviewer's depends on the speaker rules too.

A stem is stored as one of its terms (``term`` ids never change; stem ids are the rank of the stem among all the
project's stems, and grow with every new stem), and each bag's entries in the order of their stems' text: the order
stem ids keep whatever stems are added, so the reader's arrays come out sorted as counting would sort them, with
no sort. A bag row whose stamp is not its index's, or that names a term without a stem, is not read: the reader
counts that document's bags from its content words instead (:func:`document_bags`), as it does for a document
indexed before ``word_bags`` existed (migration 0018 fills them for a project indexed before).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int32]
_STORED = np.dtype("<i4")


def _empty_bags() -> IntArray:
    return np.zeros((3, 0), dtype=np.int32)


def words_in(
    word_start: npt.NDArray[Any], word_end: npt.NDArray[Any], starts: npt.ArrayLike, ends: npt.ArrayLike
) -> tuple[IntArray, IntArray]:
    """The words (``word_start`` sorted) inside each ``start:end``: ``(span number, word index)`` per word found,
    grouped by span in the order given, words in text order; a word running past its span's end is not in it."""
    lo = np.searchsorted(word_start, np.asarray(starts, dtype=np.int64), side="left")
    upper = np.asarray(ends, dtype=np.int64)
    hi = np.maximum(np.searchsorted(word_start, upper, side="left"), lo)
    counts = hi - lo
    total = int(counts.sum())
    if not total:
        empty = np.zeros(0, dtype=np.int32)
        return empty, empty
    span = np.repeat(np.arange(len(counts), dtype=np.int32), counts)
    offsets = np.cumsum(counts) - counts
    index = (np.arange(total, dtype=np.int64) - np.repeat(offsets, counts) + np.repeat(lo, counts)).astype(
        np.int32
    )
    keep = word_end[index] <= upper[span]
    return span[keep], index[keep]


def counted(rows: npt.NDArray[Any], stems: npt.NDArray[Any]) -> IntArray:
    """Each ``(row, stem)`` once with how often it occurs, sorted by row, then stem: a ``(3, n)`` int32 array of
    rows, stems and counts."""
    if not len(rows):
        return _empty_bags()
    width = int(stems.max()) + 1
    key = rows.astype(np.int64) * width
    key += stems
    # the rows come in order (a document's words in text order), so the keys are runs already sorted by row:
    # numpy's stable sort (a radix or merge sort of runs) takes them about twice as fast as np.unique's
    key.sort(kind="stable")
    first = np.empty(len(key), dtype=bool)
    first[0] = True
    np.not_equal(key[1:], key[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    counts = np.diff(starts, append=len(key))
    row, stem = np.divmod(key[starts], width)
    return np.stack([row, stem, counts]).astype(np.int32)


def document_bags(
    start: npt.NDArray[Any],
    end: npt.NDArray[Any],
    sentence: npt.NDArray[Any],
    stem: npt.NDArray[Any],
    turn_body_start: npt.ArrayLike,
    turn_end: npt.ArrayLike,
) -> tuple[IntArray, IntArray]:
    """A document's bags from its content words (in text order: ``start``, ``end``, ``sentence`` number and
    ``stem`` id, ids in the order of the stems' text) and its turns' bodies (in text order): the sentences' and
    the turns' ``(3, n)`` arrays of :func:`counted`."""
    stem = np.asarray(stem)
    sentences = counted(np.asarray(sentence), stem)
    turn, index = words_in(np.asarray(start), np.asarray(end), turn_body_start, turn_end)
    return sentences, counted(turn, stem[index])


def indexed_bags(
    start: npt.NDArray[Any],
    end: npt.NDArray[Any],
    sentence: npt.NDArray[Any],
    term: npt.NDArray[Any],
    stem_of: Mapping[int, str],
    turn_body_start: npt.ArrayLike,
    turn_end: npt.ArrayLike,
) -> tuple[IntArray, IntArray]:
    """:func:`document_bags` as stored: each stem as the smallest of the document's terms of it (``stem_of``:
    the stem of each term), the entries of a bag in the order of their stems' text."""
    term = np.asarray(term, dtype=np.int64)
    if not len(term):
        return _empty_bags(), _empty_bags()
    terms, inverse = np.unique(term, return_inverse=True)
    stems = [stem_of[t] for t in terms.tolist()]
    ordered = sorted(set(stems))
    rank_of = {text: number for number, text in enumerate(ordered)}
    rank = np.fromiter((rank_of[text] for text in stems), dtype=np.int64, count=len(stems))
    first_term = np.full(len(ordered), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first_term, rank, terms)  # terms are sorted: the first of each stem
    bags = document_bags(start, end, sentence, rank[inverse.reshape(-1)], turn_body_start, turn_end)
    for found in bags:
        found[1] = first_term[found[1]]
    return bags


def pack(bags: IntArray) -> bytes:
    return np.ascontiguousarray(bags, dtype=_STORED).tobytes()


def unpack(blob: bytes | None) -> IntArray:
    if not blob:
        return _empty_bags()
    return np.frombuffer(blob, dtype=_STORED).astype(np.int32, copy=False).reshape(3, -1)


def store(raw: Any, document_id: int, sentences: IntArray, turns: IntArray) -> None:
    """Store a document's bags, stamped with its ``text_index`` row as it is now."""
    raw.execute(
        "INSERT OR REPLACE INTO word_bags (document_id, text_hash, indexed_at, sentences, turns) "
        "SELECT document_id, text_hash, indexed_at, ?, ? FROM text_index WHERE document_id = ?",
        (pack(sentences), pack(turns), document_id),
    )


def turn_spans(raw: Any, document_id: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """A document's turns' body starts and ends, in text order."""
    rows = raw.execute(
        'SELECT body_start, "end" FROM turn WHERE document_id = ? ORDER BY start', (document_id,)
    ).fetchall()
    found = np.asarray(rows, dtype=np.int64).reshape(-1, 2)
    return found[:, 0], found[:, 1]


def stored_kind(
    raw: sqlite3.Connection, kind: str, stamps: Mapping[int, tuple[str, str]]
) -> Iterator[tuple[int, IntArray]]:
    """The documents' stored bags of ``kind`` (``"sentences"`` or ``"turns"``) stamped with the index each
    document had in ``stamps`` (``text_hash`` and ``indexed_at`` as stored), one at a time by document id."""
    if kind not in ("sentences", "turns"):
        raise ValueError(kind)
    for document_id, text_hash, indexed_at, blob in raw.execute(
        f"SELECT document_id, text_hash, indexed_at, {kind} FROM word_bags ORDER BY document_id"
    ):
        if stamps.get(document_id) == (text_hash, str(indexed_at)):
            yield document_id, unpack(blob)
