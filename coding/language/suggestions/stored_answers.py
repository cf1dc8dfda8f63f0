"""The guide's answers and the matcher's findings as arrays, to store them for the next session
(:mod:`.stored_state`): building the answers from each document's findings and turns was ≈ 2 s of the first find
at ten times the large corpus. The answers come back as the same :class:`AnswerSpan` objects in the same order,
the findings as the same :class:`TurnMatches` per document in the same order (views of the one buffer read)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import numpy as np

from coding.core.ids import DocumentId
from coding.guide.answer_spans import AnswerSpan
from coding.language.guide_matches import TurnMatches

if TYPE_CHECKING:
    from collections.abc import Sequence

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


def pack(found: tuple[Sequence[AnswerSpan], dict[DocumentId, TurnMatches]]) -> Arrays:
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


def unpack(arrays: Arrays) -> tuple[list[AnswerSpan], dict[DocumentId, TurnMatches]]:
    """The answers and findings of :func:`pack`'s arrays; ``ValueError`` when they do not fit together."""
    questions = json.loads(arrays["questions"].tobytes())
    n = len(arrays["document"])
    parts = arrays["parts"]
    spans = arrays["spans"]
    asked = arrays["asked"]
    columns = [arrays[k] for k in ("question", "confidence", "confirmed")]
    if any(len(c) != n for c in (*columns, parts, asked)) or int(parts.sum()) != len(spans):
        raise ValueError("answers of another shape")
    flat = spans.ravel().tolist()
    answers = []
    at = 0
    for doc_id, question, (start, end, body, turn), count, confidence, confirmed in zip(
        arrays["document"].tolist(),
        arrays["question"].tolist(),
        asked.tolist(),
        parts.tolist(),
        arrays["confidence"].tolist(),
        arrays["confirmed"].tolist(),
        strict=True,
    ):
        high = at + 2 * count
        answers.append(
            AnswerSpan(
                DocumentId(doc_id),
                questions[question],
                start,
                end,
                body,
                tuple(zip(flat[at:high:2], flat[at + 1 : high : 2], strict=True)),
                confidence,
                confirmed,
                turn,
            )
        )
        at = high
    documents = arrays["matches_of"].tolist()
    bounds = {}
    for counted in _LENGTHS.values():
        lengths = arrays[f"{counted}_lengths"]
        if len(lengths) != len(documents):
            raise ValueError("findings of another shape")
        bounds[counted] = [0, *np.cumsum(lengths).tolist()]
    groups = [_group(field) for field in _FIELDS]
    if any(bounds[group][-1] != len(arrays[field]) for field, group in zip(_FIELDS, groups, strict=True)):
        raise ValueError("findings of another shape")
    matches = {}
    for index, doc_id in enumerate(documents):
        views = [
            arrays[field][bounds[group][index] : bounds[group][index + 1]]
            for field, group in zip(_FIELDS, groups, strict=True)
        ]
        matches[DocumentId(doc_id)] = TurnMatches(*views)
    return answers, matches


def _group(field: str) -> str:
    """Which count of a document's findings the field has: one per interviewer turn, per match, per overlap."""
    return "asks" if field == "asks" else field.split("_", maxsplit=1)[0]
