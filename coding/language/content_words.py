"""Each document's content words as stored arrays (issue 19): what the suggestion engine reads of the index.

A content word is not a stop word, alphabetic and longer than one letter (:data:`CONTENT_SQL`). When a document
is indexed, its content words' starts, ends, sentence numbers and terms (in token order) and its sentences'
starts and ends (by number) are stored as int32 blobs in ``content_words``, stamped with the ``text_hash`` and
``indexed_at`` of its ``text_index`` row: reading a large corpus's is reading a few hundred megabytes of blobs,
not stepping through 15 million token rows and parsing ``group_concat``'s lists. A row whose stamp is not its
document's index's (or a document without one) is read from the ``token`` and ``sentence`` tables instead, so
what is read is always what the token rows say.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator
from typing import Any

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int32]
WideArray = npt.NDArray[np.int64]

#: A content word: not a stop word, alphabetic and longer than one letter.
CONTENT_SQL = "NOT stop AND alpha AND length(form) > 1"

#: The stored arrays of a document, in the order of the columns of ``content_words``.
COLUMNS = ("start", "end", "sentence", "term", "sentence_start", "sentence_end")
_STORED = np.dtype("<i4")
_CHUNK = 500


def pack(values: npt.ArrayLike) -> bytes:
    return np.ascontiguousarray(values, dtype=_STORED).tobytes()


def unpack(blob: bytes | None) -> IntArray:
    if not blob:
        return np.zeros(0, dtype=np.int32)
    return np.frombuffer(blob, dtype=_STORED).astype(np.int32, copy=False)


class ContentCollector:
    """One document's content words and sentences gathered batch by batch while it is indexed."""

    def __init__(self) -> None:
        self._words: list[tuple[WideArray, ...]] = []
        self._sentences: list[tuple[WideArray, ...]] = []

    def add_words(
        self,
        positions: npt.ArrayLike,
        starts: npt.ArrayLike,
        ends: npt.ArrayLike,
        sentences: npt.ArrayLike,
        terms: npt.ArrayLike,
    ) -> None:
        """The content words of one batch: each one's position, start, end, sentence number and term."""
        self._words.append(
            tuple(np.asarray(a, dtype=np.int64) for a in (positions, starts, ends, sentences, terms))
        )

    def add_sentences(self, rows: npt.ArrayLike) -> None:
        """The sentences of one batch (rows of number, start, end)."""
        found = np.asarray(rows, dtype=np.int64).reshape(-1, 3)
        self._sentences.append((found[:, 0], found[:, 1], found[:, 2]))

    def arrays(self) -> tuple[WideArray, ...]:
        """The arrays of :data:`COLUMNS`: words by position, sentences by number (the tables' key order)."""
        position, start, end, sentence, term = (
            np.concatenate([part[i] for part in self._words]) if self._words else np.zeros(0, dtype=np.int64)
            for i in range(5)
        )
        number, sentence_start, sentence_end = (
            np.concatenate([part[i] for part in self._sentences])
            if self._sentences
            else np.zeros(0, dtype=np.int64)
            for i in range(3)
        )
        words = np.argsort(position, kind="stable")
        sentences = np.argsort(number, kind="stable")
        return (
            start[words],
            end[words],
            sentence[words],
            term[words],
            sentence_start[sentences],
            sentence_end[sentences],
        )


def store(raw: Any, document_id: int, arrays: tuple[npt.ArrayLike, ...]) -> None:
    """Store a document's arrays (:data:`COLUMNS`), stamped with its ``text_index`` row as it is now."""
    raw.execute(
        'INSERT OR REPLACE INTO content_words (document_id, text_hash, indexed_at, start, "end", sentence, term, '
        "sentence_start, sentence_end) SELECT document_id, text_hash, indexed_at, ?, ?, ?, ?, ?, ? "
        "FROM text_index WHERE document_id = ?",
        (*(pack(a) for a in arrays), document_id),
    )


def stored(raw: sqlite3.Connection, wanted: Collection[int]) -> Iterator[tuple[int, tuple[IntArray, ...]]]:
    """The documents' stored arrays whose stamp is their index's (``(document, arrays)``; not the others)."""
    for document_id, *blobs in raw.execute(
        'SELECT c.document_id, c.start, c."end", c.sentence, c.term, c.sentence_start, c.sentence_end '
        "FROM content_words c JOIN text_index x ON x.document_id = c.document_id "
        "AND x.text_hash = c.text_hash AND x.indexed_at = c.indexed_at"
    ):
        if document_id in wanted:
            yield document_id, tuple(unpack(blob) for blob in blobs)


def from_tokens(
    raw: sqlite3.Connection, wanted: Collection[int]
) -> Iterator[tuple[int, tuple[IntArray, ...]]]:
    """The arrays of the documents as the ``token`` and ``sentence`` tables hold them (a document without
    content words or sentences has empty ones)."""
    ids = sorted(wanted)
    for low in range(0, len(ids), _CHUNK):
        chunk = ids[low : low + _CHUNK]
        marks = ",".join("?" * len(chunk))
        words = {
            doc_id: [parse_ints(values) for values in lists]
            for doc_id, *lists in raw.execute(
                'SELECT document_id, group_concat(start), group_concat("end"), group_concat(sentence), '
                f"group_concat(term_id) FROM token WHERE document_id IN ({marks}) "
                f"AND +term_id IN (SELECT id FROM term WHERE {CONTENT_SQL}) GROUP BY document_id",
                chunk,
            )
        }
        sentences = {
            doc_id: [parse_ints(starts), parse_ints(ends)]
            for doc_id, starts, ends in raw.execute(
                'SELECT document_id, group_concat(start), group_concat("end") FROM sentence '
                f"WHERE document_id IN ({marks}) GROUP BY document_id",
                chunk,
            )
        }
        for doc_id in chunk:
            empty = np.zeros(0, dtype=np.int32)
            yield doc_id, (*(words.get(doc_id) or [empty] * 4), *(sentences.get(doc_id) or [empty] * 2))


def parse_ints(text: str | None) -> IntArray:
    if not text:
        return np.zeros(0, dtype=np.int32)
    return np.fromstring(text, dtype=np.int32, sep=",")  # C parsing of group_concat's list
