"""The answer after a short follow-up: offered for the guide question asked just before it, too.

An interviewer follows an answer up with a few words ("Voelt iedereen dat zo?", "Vooral tussen de partijen.") that
ask nothing new from the guide, and the respondent goes on answering the question asked before. The guide matcher
places such a turn now and then on some question it shares a word with, and that ends the answer to the question
before it: the rest of the answer goes to the wrong question. So the answer after an automatically matched turn of
at most :data:`FOLLOWUP_MAX_WORDS` content words is offered for the question(s) of the matched turn before it as
well; like a guide question's neighbours (:data:`~coding.language.suggestions.guide_answers.NEIGHBOUR_MAX_RANK`),
only when the answer resembles what is coded with that question's code.
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from collections.abc import Container, Sequence

from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.core.text import fold
from coding.guide.answer_spans import AnswerSpan
from coding.guide.matching import stems
from coding.language.corpus import Corpus
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.data import CorpusData
from coding.language.suggestions.guide_answers import (
    AUTOMATIC_BASE,
    MIN_CONTENT_WORDS,
    NEIGHBOUR_MAX_RANK,
    content_word_counts,
    quote,
)

#: An interviewer turn with at most this many content words (the guide matcher's stems) may be a follow-up of the
#: question before it, whatever it was matched to (chosen on the tune split, its halves each calibrated on the
#: other and three more pairs of halves, from 2, 3 and 4: 2; of the tune split's automatically matched turns
#: labelled follow-ups, 8 of 14 have at most 2 content words, of those asking a guide question 14 of 201).
FOLLOWUP_MAX_WORDS = 2


def followup_candidates(
    answers: Sequence[AnswerSpan],
    codes: Sequence[CodeInfo],
    scope: Container[CodeId],
    data: CorpusData,
    corpus: Corpus,
    decided: Container[tuple[DocumentId, int]] = (),
) -> list[Candidate]:
    """The answers after short automatically matched turns, for the questions of the matched turn before each
    (rules above); not after a turn the researcher decided on. Each carries ``max_rank`` (checked against what
    is coded, as a neighbour question's)."""
    by_ref = {fold(info.question): info for info in codes if info.question}
    # the questions of the codes asked for: a pair whose turn before asks none of them (or asks only what the short
    # turn asks itself) gives nothing, so it is never counted, sliced or read (for one concept most give nothing)
    in_scope = {ref for ref, info in by_ref.items() if info.id in scope}
    folded = functools.cache(fold)  # the guide's few question references, folded once each
    turns: dict[DocumentId, dict[int, list[AnswerSpan]]] = defaultdict(lambda: defaultdict(list))
    for answer in answers:
        if answer.document_id in data.documents and answer.parts:
            turns[answer.document_id][answer.asked_start].append(answer)
    # the answer after a short turn, the answers before, the questions the short turn asks itself
    chosen: list[tuple[AnswerSpan, list[AnswerSpan], set[str]]] = []
    for doc_id, by_start in turns.items():
        ordered = sorted(by_start)
        for before, after in itertools.pairwise(ordered):
            group = by_start[after]
            if (doc_id, after) in decided or any(a.confirmed for a in group):
                continue
            own = {folded(a.question) for a in group}
            earlier = by_start[before]
            if any(folded(p.question) in in_scope and folded(p.question) not in own for p in earlier):
                chosen.append((group[0], earlier, own))
    counts = content_word_counts(data, [answer for answer, _, _ in chosen])
    chosen = [pair for pair, count in zip(chosen, counts, strict=True) if count >= MIN_CONTENT_WORDS]
    wanted: dict[DocumentId, list[tuple[int, int]]] = {}
    for answer, earlier, _ in chosen:
        spans = wanted.setdefault(answer.document_id, [])
        spans.append((answer.asked_body_start, answer.asked_end))
        spans.append((earlier[0].asked_body_start, earlier[0].asked_end))
    texts = corpus.slices(wanted)

    @functools.cache  # interviewers ask the same short follow-ups in many interviews
    def short(text: str) -> bool:
        return len(stems(text)) <= FOLLOWUP_MAX_WORDS

    out: list[Candidate] = []
    for answer, earlier, own in chosen:
        asked = texts[answer.document_id][(answer.asked_body_start, answer.asked_end)]
        if not short(asked):
            continue
        asked_before = texts[answer.document_id][(earlier[0].asked_body_start, earlier[0].asked_end)]
        for previous in earlier:
            ref = folded(previous.question)
            code = by_ref.get(ref)
            if ref in own or code is None or code.id not in scope:
                continue
            reason = say(
                "The interviewer's short turn “{asked}” may follow up guide question {question} ({code}), asked "
                "just before it (“{before}”): the answer after it is offered for {question} too.",
                asked=quote(asked),
                question=code.question,
                code=code.name,
                before=quote(asked_before),
            )
            score = round(min(0.9, AUTOMATIC_BASE + previous.confidence), 3)
            out.append(
                Candidate(
                    answer.document_id,
                    code.id,
                    answer.start,
                    answer.end,
                    score,
                    ("question",),
                    reason,
                    max_rank=NEIGHBOUR_MAX_RANK,
                )
            )
    return out
