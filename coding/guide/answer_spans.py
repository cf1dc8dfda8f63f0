"""Where the answers to the matched guide questions lie: the respondent turns after each interviewer turn that
asks a question, with the researcher's decisions on the matches applied.

Pure functions over a document's turns, shared by the guide service (which matches as it reads) and the
suggestion engine (which reads the matcher's findings stored per document, ``coding.language.guide_matches``),
so that both give the same answers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from coding.core.ids import DocumentId

#: The guide questions an interviewer turn asks, best first, each with a confidence in [0, 1].
Refs = Sequence[tuple[str, float]]


@dataclass(frozen=True)
class AnswerSpan:
    """Where the answer to a matched guide question lies: the respondent turns' bodies (``parts``) after
    the interviewer turn ``asked_start``–``asked_end``, for the suggestion engine and the guide view."""

    document_id: DocumentId
    question: str
    asked_start: int
    asked_end: int
    #: Where the question's words start (after the interviewer's label and timestamp).
    asked_body_start: int
    parts: tuple[tuple[int, int], ...]
    confidence: float
    confirmed: bool
    #: Where the first answering turn starts (its speaker label included); ``asked_end`` when none.
    turn_start: int

    @property
    def start(self) -> int:
        return self.parts[0][0] if self.parts else self.asked_end

    @property
    def end(self) -> int:
        return self.parts[-1][1] if self.parts else self.asked_end


def decided_refs(refs: Refs, decided: Mapping[str, str] | None) -> tuple[tuple[str, float], ...]:
    """The matcher's questions of a turn with the researcher's decisions on it applied: a cleared question
    dropped, a confirmed one added (confidence 1) or kept."""
    if not decided:
        return tuple(refs)
    kept = [(r, c) for r, c in refs if decided.get(r) != "cleared"]
    kept += [(r, 1.0) for r, status in decided.items() if status == "confirmed" and r not in dict(kept)]
    return tuple(kept)


def document_answer_spans(
    document_id: DocumentId,
    starts: Sequence[int],
    body_starts: Sequence[int],
    ends: Sequence[int],
    interviewer: Sequence[bool],
    questions: Mapping[int, Refs],
    decisions: Mapping[int, Mapping[str, str]],
) -> list[AnswerSpan]:
    """The respondent's turns after each interviewer turn asking a question (``questions``: by the turn's
    start, decisions applied), up to the next interviewer turn that asks one (follow-ups and back-channels of
    the interviewer in between do not end it); the turns in text order."""
    count = len(starts)
    asking = [n for n in range(count) if interviewer[n] and questions.get(starts[n])]
    out: list[AnswerSpan] = []
    for place, number in enumerate(asking):
        refs = questions[starts[number]]
        stop = asking[place + 1] if place + 1 < len(asking) else count
        answering = [later for later in range(number + 1, stop) if not interviewer[later]]
        parts = tuple((body_starts[later], ends[later]) for later in answering)
        turn_start = starts[answering[0]] if answering else ends[number]
        decided = decisions.get(starts[number], {})
        for ref, confidence in refs:
            out.append(
                AnswerSpan(
                    document_id,
                    ref,
                    starts[number],
                    ends[number],
                    body_starts[number],
                    parts,
                    confidence,
                    decided.get(ref) == "confirmed",
                    turn_start,
                )
            )
    return out
