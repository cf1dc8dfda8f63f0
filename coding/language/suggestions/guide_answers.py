"""Suggestions from the interview guide in the project: the answer to a matched guide question.

The guide (issue 24) finds each guide question in the interviewers' turns (:mod:`coding.guide.matching`), and the
researcher may confirm, move or clear those matches. The respondent's answer to a question (:class:`AnswerSpan`)
is suggested for the code that carries the question's reference: confirmed matches always, automatic ones from a
confidence up. The reason names the guide question and quotes how the interviewer asked it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Sequence

from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.core.text import fold
from coding.guide.guide_service import AnswerSpan
from coding.language.corpus import Corpus
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.data import CorpusData

#: Automatic matches below this confidence are not used (confirmed ones always are).
MIN_CONFIDENCE = 0.0
#: An answer with fewer content words than this is a back-channel or a filler ("Ja hoor."), not a unit to code.
MIN_CONTENT_WORDS = 4
#: The score of an answer under a confirmed match, and of one under an automatic match (plus its confidence).
CONFIRMED_SCORE = 0.95
AUTOMATIC_BASE = 0.35
MAX_QUOTE = 90


def quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_QUOTE else flat[: MAX_QUOTE - 1] + "…"


def content_words(data: CorpusData, document_id: DocumentId, parts: Sequence[tuple[int, int]]) -> int:
    document = data.documents.get(document_id)
    if document is None or not parts:
        return 0
    span, _ = document.spans([s for s, _ in parts], [e for _, e in parts])
    return len(span)


def guide_candidates(
    answers: Sequence[AnswerSpan],
    codes: Sequence[CodeInfo],
    scope: Container[CodeId],
    data: CorpusData,
    corpus: Corpus,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Candidate]:
    """A candidate per answer to a guide question whose code is in ``scope``; ``codes`` are all codes (the
    one with the question's reference gets the answer, and so does each of its subcodes: a question about a
    concept as a whole, like rwb's 11 on Outcomes, is answered for its indicators)."""
    by_ref = {fold(info.question): info for info in codes if info.question}
    children: dict[CodeId, list[CodeInfo]] = defaultdict(list)
    for info in codes:
        if info.parent_id is not None:
            children[info.parent_id].append(info)

    def asked_of(code: CodeInfo) -> list[CodeInfo]:
        """The code and its subcodes: a question asked about a concept as a whole is answered for its parts."""
        found = [code]
        for child in children.get(code.id, ()):
            found.extend(asked_of(child))
        return found

    chosen: list[tuple[AnswerSpan, CodeInfo, CodeInfo]] = []  # answer, the question's code, the code offered
    for answer in answers:
        code = by_ref.get(fold(answer.question))
        if code is None or answer.document_id not in data.documents:
            continue
        if not answer.confirmed and answer.confidence < min_confidence:
            continue
        targets = [c for c in asked_of(code) if c.id in scope]
        if not targets:
            continue
        if content_words(data, answer.document_id, answer.parts) < MIN_CONTENT_WORDS:
            continue
        chosen.extend((answer, code, target) for target in targets)
    wanted: dict[DocumentId, list[tuple[int, int]]] = {}
    for answer, _, _ in chosen:
        wanted.setdefault(answer.document_id, []).append((answer.asked_body_start, answer.asked_end))
    asked_as = corpus.slices(wanted)
    out = []
    for answer, code, target in chosen:
        asked = asked_as[answer.document_id][(answer.asked_body_start, answer.asked_end)]
        how = (
            say("a match the researcher confirmed")
            if answer.confirmed
            else say("matched with confidence {confidence:.2f}", confidence=answer.confidence)
        )
        guide_text = f": “{quote(code.guide_question)}”" if code.guide_question else ""
        if target.id == code.id:
            reason = say(
                "Answer to guide question {question}{guide_text} ({code}); the interviewer asked “{asked}” "
                "({how}).",
                question=code.question,
                guide_text=guide_text,
                code=code.name,
                asked=quote(asked),
                how=how,
            )
        else:
            reason = say(
                "Answer to guide question {question}{guide_text}, which asks about {code} as a whole, "
                "{part} included; the interviewer asked “{asked}” ({how}).",
                question=code.question,
                guide_text=guide_text,
                code=code.name,
                part=target.name,
                asked=quote(asked),
                how=how,
            )
        score = (
            CONFIRMED_SCORE if answer.confirmed else round(min(0.9, AUTOMATIC_BASE + answer.confidence), 3)
        )
        out.append(
            Candidate(answer.document_id, target.id, answer.start, answer.end, score, ("question",), reason)
        )
    return out
