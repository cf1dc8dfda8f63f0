"""What the guide matcher finds in each document's interviewer turns, stored as arrays (issue 19).

The suggestion engine's guide source needs, for every interviewer turn of the corpus, the guide questions the
matcher places in it (:meth:`~coding.guide.matching.GuideMatcher.match`) and its similarity with each question
it shares a word with (:meth:`~coding.guide.matching.GuideMatcher.overlaps`). Matching 200,000 turns in Python
was seconds of every session's first suggestions; here they are computed once per document and stored in
``guide_turn_matches`` as blobs, stamped with what they were computed from:

- ``guide_key``: the matcher itself (its questions' weighted words, its settings: :func:`guide_key`), so that
  editing a guide question, a code's name, description or search terms, or undoing that, is noticed;
- ``text_hash``: the document's text and turns as its ``text_index`` row hashes them, so that a text edited,
  or an edit undone, is noticed once the document is indexed again;
- ``interviewers``: which of its turns are an interviewer's (the speaker rules).

A row whose stamps are not the current ones is never read: its document is matched again (from its text) and
the row replaced. The researcher's decisions on the matches are not stored here; they are applied when read
(:func:`~coding.guide.answer_spans.decided_refs`). Derived data, like the word index: writing it is not an
undoable action and announces nothing.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from coding.core.errors import CodewerkError
from coding.core.ids import DocumentId
from coding.core.store import Store
from coding.guide.answer_spans import Refs
from coding.guide.matching import GuideMatcher, TurnText
from coding.language.corpus import Corpus
from coding.language.indexer import text_hash
from coding.language.sql import raw_connection

#: Bumped when what is stored, or how the matcher computes it, changes (older rows are then computed again).
FORMAT = 1
_INT = np.dtype("<i4")
_FLOAT = np.dtype("<f8")
_FLAG = np.dtype("u1")
#: Documents written per transaction (the write lock is not held for the whole corpus).
_WRITE_BATCH = 200

IntArray = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class TurnMatches:
    """One document's matcher findings: per interviewer turn (in text order) whether it has a question mark;
    per question the matcher placed in a turn (best first per turn) the turn's start, the question's number in
    the guide's order (``GuideMatcher.refs``) and its confidence; per turn and question sharing a word with it
    the turn's start, the question's number and their similarity."""

    asks: BoolArray
    matched_start: IntArray
    matched_question: IntArray
    matched_confidence: FloatArray
    overlap_start: IntArray
    overlap_question: IntArray
    overlap_similarity: FloatArray

    def questions(self, refs: list[str]) -> dict[int, Refs]:
        """The questions the matcher placed, by the start of the turn asking them (best first)."""
        out: dict[int, Refs] = {}
        previous, held = -1, []  # type: tuple[int, list[tuple[str, float]]]
        for start, number, confidence in zip(
            self.matched_start.tolist(),
            self.matched_question.tolist(),
            self.matched_confidence.tolist(),
            strict=True,
        ):
            if start != previous:  # a turn's questions are stored together
                previous, held = start, []
                out[start] = held
            held.append((refs[number], confidence))
        return out

    def overlaps(self, start: int) -> dict[int, float]:
        """The similarity of the turn starting at ``start`` with each question sharing a word with it (as
        ``GuideMatcher.overlaps`` of its text)."""
        low, high = np.searchsorted(self.overlap_start, [start, start + 1])
        return dict(
            zip(
                self.overlap_question[low:high].tolist(),
                self.overlap_similarity[low:high].tolist(),
                strict=True,
            )
        )


def guide_key(matcher: GuideMatcher) -> str:
    """What the matcher's findings depend on: the guide questions it was made from (their texts, prompts and
    codes' words, in guide order) and its settings (the matching code's own constants are covered by
    :data:`FORMAT`). Not its weights: summed in the order of a set of words, their last bits differ from one
    process to the next."""
    return hashlib.sha256(f"{FORMAT}|{matcher.settings!r}|{matcher.questions!r}".encode()).hexdigest()


def find(
    matcher: GuideMatcher,
    text: str,
    starts: npt.ArrayLike,
    body_starts: npt.ArrayLike,
    ends: npt.ArrayLike,
    interviewer: npt.ArrayLike,
) -> TurnMatches:
    """Match one document's interviewer turns (its turns in text order, ``interviewer`` flags) as the guide
    service does: the matcher sees the interviewer turns' bodies, in order."""
    flags = np.asarray(interviewer, dtype=bool)
    asking = np.flatnonzero(flags)
    start_of = np.asarray(starts, dtype=np.int64)[asking].tolist()
    body_of = np.asarray(body_starts, dtype=np.int64)[asking].tolist()
    end_of = np.asarray(ends, dtype=np.int64)[asking].tolist()
    bodies = [text[b:e] for b, e in zip(body_of, end_of, strict=True)]
    turns = [TurnText(s, e, body) for s, e, body in zip(start_of, end_of, bodies, strict=True)]
    number_of = {ref: number for number, ref in enumerate(matcher.refs)}
    matched_start: list[int] = []
    matched_question: list[int] = []
    matched_confidence: list[float] = []
    for found in matcher.match(turns):
        for ref, confidence in found.refs:
            matched_start.append(found.start)
            matched_question.append(number_of[ref])
            matched_confidence.append(confidence)
    # each distinct text's overlaps sorted once (interviewers ask the same words in many turns)
    sorted_overlaps: dict[str, tuple[list[int], list[float]]] = {}
    questions: list[int] = []
    similarities: list[float] = []
    counts: list[int] = []
    for body in bodies:
        got = sorted_overlaps.get(body)
        if got is None:
            pairs = sorted(matcher.overlaps(body).items())
            got = sorted_overlaps[body] = ([n for n, _ in pairs], [v for _, v in pairs])
        questions.extend(got[0])
        similarities.extend(got[1])
        counts.append(len(got[0]))
    return TurnMatches(
        np.array(["?" in body for body in bodies], dtype=bool),
        np.array(matched_start, dtype=np.int32),
        np.array(matched_question, dtype=np.int32),
        np.array(matched_confidence, dtype=np.float64),
        np.repeat(np.array(start_of, dtype=np.int32), counts),
        np.array(questions, dtype=np.int32),
        np.array(similarities, dtype=np.float64),
    )


#: The turns of a document as :func:`turn_matches` needs them: starts, body starts, ends, interviewer flags.
TurnArrays = tuple[npt.ArrayLike, npt.ArrayLike, npt.ArrayLike, npt.ArrayLike]


def turn_matches(
    store: Store,
    matcher: GuideMatcher,
    turns: Mapping[DocumentId, TurnArrays],
    texts: Callable[[Sequence[DocumentId]], Iterable[tuple[DocumentId, str]]],
) -> dict[DocumentId, TurnMatches]:
    """The findings of each document of ``turns``: the stored ones whose stamps are current, the others
    matched from their texts (``texts(ids)`` yields ``(document, text)``, e.g. ``Corpus.each_text``) and
    stored for the next time (not when the project cannot be written now: then only returned)."""
    key = guide_key(matcher)
    flags = {doc_id: _flags(arrays[3]) for doc_id, arrays in turns.items()}
    with store.read() as session:
        found = dict(_stored(raw_connection(session), key, flags))
    missing = [doc_id for doc_id in sorted(turns) if doc_id not in found]
    if not missing:
        return found
    rows: list[tuple[object, ...]] = []
    for doc_id, text in texts(missing):
        starts, body_starts, ends, interviewer = turns[doc_id]
        found[doc_id] = matches = find(matcher, text, starts, body_starts, ends, interviewer)
        triples = zip(
            *(np.asarray(a, dtype=np.int64).tolist() for a in (starts, body_starts, ends)), strict=True
        )
        rows.append((doc_id, key, text_hash(text, triples), flags[doc_id], *_pack(matches)))
    _write(store, rows)
    return found


def _flags(interviewer: npt.ArrayLike) -> bytes:
    return np.ascontiguousarray(np.asarray(interviewer, dtype=bool), dtype=_FLAG).tobytes()


def _pack(matches: TurnMatches) -> tuple[bytes, ...]:
    return (
        np.ascontiguousarray(matches.asks, dtype=_FLAG).tobytes(),
        np.ascontiguousarray(matches.matched_start, dtype=_INT).tobytes(),
        np.ascontiguousarray(matches.matched_question, dtype=_INT).tobytes(),
        np.ascontiguousarray(matches.matched_confidence, dtype=_FLOAT).tobytes(),
        np.ascontiguousarray(matches.overlap_start, dtype=_INT).tobytes(),
        np.ascontiguousarray(matches.overlap_question, dtype=_INT).tobytes(),
        np.ascontiguousarray(matches.overlap_similarity, dtype=_FLOAT).tobytes(),
    )


def _unpack(blobs: Iterable[bytes]) -> TurnMatches:
    asks, m_start, m_question, m_confidence, o_start, o_question, o_similarity = (
        bytes(blob or b"") for blob in blobs
    )
    return TurnMatches(
        np.frombuffer(asks, dtype=_FLAG).astype(bool),
        np.frombuffer(m_start, dtype=_INT).astype(np.int32),
        np.frombuffer(m_question, dtype=_INT).astype(np.int32),
        np.frombuffer(m_confidence, dtype=_FLOAT).astype(np.float64),
        np.frombuffer(o_start, dtype=_INT).astype(np.int32),
        np.frombuffer(o_question, dtype=_INT).astype(np.int32),
        np.frombuffer(o_similarity, dtype=_FLOAT).astype(np.float64),
    )


_COLUMNS = (
    "asks, matched_start, matched_question, matched_confidence, overlap_start, overlap_question, "
    "overlap_similarity"
)


def _stored(
    raw: sqlite3.Connection, key: str, flags: Mapping[DocumentId, bytes]
) -> Iterator[tuple[DocumentId, TurnMatches]]:
    """The stored findings whose stamps are current: the guide's key, the document's index's text hash and
    its turns' interviewer flags."""
    for document_id, interviewers, *blobs in raw.execute(
        f"SELECT g.document_id, g.interviewers, {', '.join('g.' + c for c in _COLUMNS.split(', '))} "
        "FROM guide_turn_matches g JOIN text_index x ON x.document_id = g.document_id "
        "AND x.text_hash = g.text_hash WHERE g.guide_key = ?",
        (key,),
    ):
        wanted = flags.get(DocumentId(document_id))
        if wanted is not None and bytes(interviewers) == wanted:
            yield DocumentId(document_id), _unpack(blobs)


def _write(store: Store, rows: list[tuple[object, ...]]) -> None:
    """Store the findings (replacing a document's older row); a project that cannot be written now (read-only,
    busy) keeps its rows, and the findings are computed again next time."""
    try:
        for low in range(0, len(rows), _WRITE_BATCH):
            with store.write() as session:
                raw_connection(session).executemany(
                    "INSERT OR REPLACE INTO guide_turn_matches (document_id, guide_key, text_hash, interviewers, "
                    f"{_COLUMNS}) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS "
                    "(SELECT 1 FROM document WHERE id = ?)",
                    [(*row, row[0]) for row in rows[low : low + _WRITE_BATCH]],
                )
    except CodewerkError:
        return


class MatchedWhileIndexed:
    """The matcher's findings in each document computed and stored while the document is indexed, from its
    text and turns already read and stamped with the fingerprint just checked (:class:`~coding.language.indexer.
    Indexer`'s ``after_document``): no second read and hash of every text afterwards (≈ 0.5 s at ten times the
    large corpus). ``done``: the documents stored so."""

    def __init__(self, matcher: GuideMatcher, is_interviewer: Callable[[str], bool]) -> None:
        self.matcher = matcher
        self.key = guide_key(matcher)
        self._is_interviewer = is_interviewer
        self.done: set[DocumentId] = set()

    def __call__(self, raw: sqlite3.Connection, document_id: DocumentId, text: str, digest: str) -> None:
        """In the transaction that stores the document's index (``digest``: its text's and turns')."""
        rows = raw.execute(
            'SELECT start, body_start, "end", speaker FROM turn WHERE document_id = ? ORDER BY start, id',
            (document_id,),
        ).fetchall()
        starts, body_starts, ends = (
            np.array([row[i] for row in rows], dtype=np.int64).reshape(-1) for i in range(3)
        )
        interviewer = np.fromiter((self._is_interviewer(row[3]) for row in rows), dtype=bool, count=len(rows))
        matches = find(self.matcher, text, starts, body_starts, ends, interviewer)
        raw.execute(
            "INSERT OR REPLACE INTO guide_turn_matches (document_id, guide_key, text_hash, interviewers, "
            f"{_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document_id, self.key, digest, _flags(interviewer), *_pack(matches)),
        )
        self.done.add(document_id)


def store_for_documents(
    store: Store, corpus: Corpus, matcher: GuideMatcher, documents: set[DocumentId]
) -> None:
    """Match and store the findings of the documents that have none current (after indexing them)."""
    if not matcher.refs or not documents:
        return
    from coding.language.suggestions.data import read_turns

    found = read_turns(corpus, documents)
    none = np.zeros(0, dtype=np.int32)
    turns: dict[DocumentId, TurnArrays] = {
        doc_id: (
            (t.start, t.body_start, t.end, t.interviewer)
            if (t := found.get(doc_id)) is not None
            else (none, none, none, np.zeros(0, dtype=bool))
        )
        for doc_id in documents
    }
    turn_matches(store, matcher, turns, corpus.each_text)
