"""The guide's answers and the matcher's findings as arrays, to store them for the next session
(:mod:`.stored_state`): building the answers from each document's findings and turns was ≈ 2 s of the first find
at ten times the large corpus. The answers come back as the same :class:`AnswerSpan` objects in the same order,
each made when it is looked at (:class:`AnswerTable`), the findings as the same :class:`TurnMatches` per document
in the same order (views of the arrays read, made when first looked at: :class:`StoredMatches`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import overload

import numpy as np

from coding.core.ids import DocumentId
from coding.guide.answer_spans import AnswerSpan
from coding.language.guide_matches import TurnMatches
from coding.language.suggestions.stored_state import StoredArrays

Arrays = dict[str, np.ndarray]
_FIELDS = (
    "asks",
    "matched_start",
    "matched_question",
    "matched_confidence",
    "overlap_start",
    "overlap_question",
    "overlap_similarity",
)
_LENGTHS = {"asks": "asks", "matched_start": "matched", "overlap_start": "overlap"}


def pack(found: tuple[Sequence[AnswerSpan], Mapping[DocumentId, TurnMatches]]) -> Arrays:
    """The answers and the findings as arrays; ``ValueError`` when the documents' findings are not of one dtype
    each (some read, some matched now: then nothing is stored, and the next session's are)."""
    answers, matches = found
    questions = sorted({a.question for a in answers})
    number = {question: n for n, question in enumerate(questions)}
    out: Arrays = {
        "questions": np.frombuffer(json.dumps(questions).encode(), dtype=np.uint8),
        "document": np.fromiter((a.document_id for a in answers), dtype=np.int64, count=len(answers)),
        "question": np.fromiter((number[a.question] for a in answers), dtype=np.int64, count=len(answers)),
        "asked": np.array(
            [(a.asked_start, a.asked_end, a.asked_body_start, a.turn_start) for a in answers], dtype=np.int64
        ).reshape(-1, 4),
        "parts": np.fromiter((len(a.parts) for a in answers), dtype=np.int64, count=len(answers)),
        "spans": np.array([span for a in answers for span in a.parts], dtype=np.int64).reshape(-1, 2),
        "confidence": np.fromiter((a.confidence for a in answers), dtype=np.float64, count=len(answers)),
        "confirmed": np.fromiter((a.confirmed for a in answers), dtype=bool, count=len(answers)),
        "matches_of": np.fromiter(matches, dtype=np.int64, count=len(matches)),
    }
    for field, counted in _LENGTHS.items():
        out[f"{counted}_lengths"] = np.fromiter(
            (len(getattr(m, field)) for m in matches.values()), dtype=np.int64, count=len(matches)
        )
    for field in _FIELDS:
        arrays = [getattr(m, field) for m in matches.values()]
        if len({a.dtype for a in arrays}) > 1:
            raise ValueError(f"findings of several dtypes in {field}")
        out[field] = np.concatenate(arrays) if arrays else np.zeros(0)
    return out


def unpack(
    arrays: Mapping[str, np.ndarray],
) -> tuple[Sequence[AnswerSpan], Mapping[DocumentId, TurnMatches]]:
    """The answers and findings of :func:`pack`'s arrays (the same answers in the same order, the same findings per
    document), made when they are first looked at: the next session's first find, whose guide candidates are
    stored too, looks only at which question each answer answers (:meth:`AnswerTable.asked`); ``ValueError`` when
    the arrays do not fit together. Their shapes are checked, not their values: a piece is read only under the
    stamp of the engine that wrote it."""
    n = _shape(arrays, "document")[0]
    columns = [_shape(arrays, k) for k in ("question", "confidence", "confirmed", "parts")]
    spans, asked = _shape(arrays, "spans"), _shape(arrays, "asked")
    if any(c != (n,) for c in columns) or asked != (n, 4) or len(spans) != 2 or spans[1:] != (2,):
        raise ValueError("answers of another shape")
    documents = _shape(arrays, "matches_of")
    totals = {}
    for counted in _LENGTHS.values():
        lengths = arrays[f"{counted}_lengths"]  # one number per document: read now
        if lengths.shape != documents:
            raise ValueError("findings of another shape")
        totals[counted] = int(lengths.sum())
    for field in _FIELDS:
        if _shape(arrays, field) != (totals[_group(field)],):
            raise ValueError("findings of another shape")
    return AnswerTable(arrays), StoredMatches(arrays)


def _shape(arrays: Mapping[str, np.ndarray], key: str) -> tuple[int, ...]:
    """An array's shape, not read (:class:`~.stored_state.StoredArrays`) when it is not yet."""
    return arrays.shape(key) if isinstance(arrays, StoredArrays) else tuple(arrays[key].shape)


class AnswerTable(Sequence[AnswerSpan]):
    """The guide's answers as :func:`pack` stores them: each :class:`AnswerSpan` made when it is looked at (a
    large corpus has ≈ 130,000: as objects ≈ 70 MB held for the session), the same answers in the same order."""

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        self._arrays = arrays
        self._length = _shape(arrays, "document")[0]
        self._questions: list[str] | None = None
        self._firsts: list[int] | None = None

    def __len__(self) -> int:
        return self._length

    def questions(self) -> list[str]:
        """The guide questions answered, each once (the answers' ``question`` numbers index them)."""
        if self._questions is None:
            found = json.loads(self._arrays["questions"].tobytes())
            if not isinstance(found, list):
                raise ValueError("answers of another shape")
            self._questions = found
        return self._questions

    def asked(self) -> Iterator[tuple[DocumentId, str]]:
        """Each answer's document and question, in order, without making the answers."""
        questions = self.questions()
        return zip(
            map(DocumentId, self._arrays["document"].tolist()),
            [questions[n] for n in self._arrays["question"].tolist()],
            strict=True,
        )

    @overload
    def __getitem__(self, index: int) -> AnswerSpan: ...

    @overload
    def __getitem__(self, index: slice) -> list[AnswerSpan]: ...

    def __getitem__(self, index: int | slice) -> AnswerSpan | list[AnswerSpan]:
        if isinstance(index, slice):
            return self._made(*index.indices(self._length))
        if not -self._length <= index < self._length:
            raise IndexError("answer out of range")
        index %= self._length
        return self._made(index, index + 1, 1)[0]

    def __iter__(self) -> Iterator[AnswerSpan]:
        for low in range(0, self._length, _AT_ONCE):
            yield from self._made(low, min(self._length, low + _AT_ONCE), 1)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, AnswerTable | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def _made(self, low: int, high: int, step: int) -> list[AnswerSpan]:
        arrays = self._arrays
        questions = self.questions()
        if self._firsts is None:
            counts = arrays["parts"]
            self._firsts = [0, *np.cumsum(counts).tolist()]
            if self._firsts[-1] != len(arrays["spans"]):
                raise ValueError("answers of another shape")
        firsts = self._firsts
        spans = arrays["spans"]
        out = []
        chosen = slice(low, high, step)
        for number, doc_id, question, (start, end, body, turn), confidence, confirmed in zip(
            range(low, high, step),
            arrays["document"][chosen].tolist(),
            arrays["question"][chosen].tolist(),
            arrays["asked"][chosen].tolist(),
            arrays["confidence"][chosen].tolist(),
            arrays["confirmed"][chosen].tolist(),
            strict=True,
        ):
            parts = spans[firsts[number] : firsts[number + 1]].tolist()
            out.append(
                AnswerSpan(
                    DocumentId(doc_id),
                    questions[question],
                    start,
                    end,
                    body,
                    tuple((a, b) for a, b in parts),
                    confidence,
                    confirmed,
                    turn,
                )
            )
        return out


#: Answers made at once when all are looked at in turn.
_AT_ONCE = 4096


class StoredMatches(Mapping[DocumentId, TurnMatches]):
    """The matcher's findings per document as :func:`pack` stores them, each document's :class:`TurnMatches` views
    of the arrays read, made when first looked at."""

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        self._arrays = arrays
        self._made: dict[DocumentId, TurnMatches] | None = None

    def _all(self) -> dict[DocumentId, TurnMatches]:
        if self._made is None:
            arrays = self._arrays
            documents = arrays["matches_of"].tolist()
            bounds = {
                counted: [0, *np.cumsum(arrays[f"{counted}_lengths"]).tolist()]
                for counted in _LENGTHS.values()
            }
            groups = [_group(field) for field in _FIELDS]
            if any(
                bounds[group][-1] != len(arrays[field]) for field, group in zip(_FIELDS, groups, strict=True)
            ):
                raise ValueError("findings of another shape")
            made = {}
            for index, doc_id in enumerate(documents):
                views = [
                    arrays[field][bounds[group][index] : bounds[group][index + 1]]
                    for field, group in zip(_FIELDS, groups, strict=True)
                ]
                made[DocumentId(doc_id)] = TurnMatches(*views)
            self._made = made
        return self._made

    def __getitem__(self, doc_id: DocumentId) -> TurnMatches:
        return self._all()[doc_id]

    def __iter__(self) -> Iterator[DocumentId]:
        return iter(self._all())

    def __len__(self) -> int:
        return _shape(self._arrays, "matches_of")[0]


def asked_questions(answers: Sequence[AnswerSpan]) -> Iterable[tuple[DocumentId, str]]:
    """Each answer's document and question, in order (:meth:`AnswerTable.asked` when it is one: no answer made)."""
    if isinstance(answers, AnswerTable):
        return answers.asked()
    return ((a.document_id, a.question) for a in answers)


def _group(field: str) -> str:
    """Which count of a document's findings the field has: one per interviewer turn, per match, per overlap."""
    return "asks" if field == "asks" else field.split("_", maxsplit=1)[0]
