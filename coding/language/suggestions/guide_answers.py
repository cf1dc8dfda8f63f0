"""Suggestions from the interview guide in the project: the answer to a matched guide question.

The guide (issue 24) finds each guide question in the interviewers' turns (:mod:`coding.guide.matching`), and the
researcher may confirm, move or clear those matches. The respondent's answer to a question (:class:`AnswerSpan`)
is suggested for the code that carries the question's reference: confirmed matches always, automatic ones from a
confidence up. The reason names the guide question and quotes how the interviewer asked it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Container, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.core.text import fold
from coding.guide.answer_spans import AnswerSpan, decided_refs, document_answer_spans
from coding.guide.matching import GuideMatcher
from coding.language.corpus import Corpus
from coding.language.guide_matches import TurnArrays, TurnMatches, turn_matches
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.data import CorpusData

if TYPE_CHECKING:
    from coding.guide.guide_service import GuideService

#: Automatic matches below this confidence are not used (confirmed ones always are).
MIN_CONFIDENCE = 0.0
#: An answer with fewer content words than this is a back-channel or a filler ("Ja hoor."), not a unit to code.
MIN_CONTENT_WORDS = 3
#: The score of an answer under a confirmed match, and of one under an automatic match (plus its confidence).
CONFIRMED_SCORE = 0.95
AUTOMATIC_BASE = 0.35
MAX_QUOTE = 90
#: A respondent's turn of nothing but questions ("Wat bedoelt u precies, de cijfers of ook de plannen?") asks back
#: instead of answering: never offered as the answer (a request for clarification is not a unit a researcher
#: codes). Only answers with fewer content words than this are read for it (a question back is short).
QUESTION_BACK_MAX_WORDS = 12
_SENTENCE = re.compile(r"[^.?!…]+[.?!…]*")


def is_question_back(text: str) -> bool:
    """Whether ``text`` only asks: at least one question, and every other sentence a word or two ("Ja.",
    "[lacht]")."""
    sentences = [s.strip() for s in _SENTENCE.findall(text) if any(ch.isalpha() for ch in s)]
    return any(s.endswith("?") for s in sentences) and all(
        s.endswith("?") or len(s.split()) <= 2 for s in sentences
    )


def asking_back(corpus: Corpus, answers: Sequence[AnswerSpan], counts: Sequence[int]) -> set[int]:
    """The numbers of the ``answers`` (with their content words ``counts``) that only ask back
    (:func:`is_question_back`); only the short ones are read."""
    short = [n for n, count in enumerate(counts) if count < QUESTION_BACK_MAX_WORDS and answers[n].parts]
    wanted: dict[DocumentId, list[tuple[int, int]]] = {}
    for n in short:
        wanted.setdefault(answers[n].document_id, []).extend(answers[n].parts)
    if not wanted:
        return set()
    texts = corpus.slices(wanted)
    return {
        n
        for n in short
        if is_question_back(" ".join(texts[answers[n].document_id][part] for part in answers[n].parts))
    }


def quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_QUOTE else flat[: MAX_QUOTE - 1] + "…"


def content_words(data: CorpusData, document_id: DocumentId, parts: Sequence[tuple[int, int]]) -> int:
    document = data.documents.get(document_id)
    if document is None or not parts:
        return 0
    span, _ = document.spans([s for s, _ in parts], [e for _, e in parts])
    return len(span)


def content_word_counts(data: CorpusData, answers: Sequence[AnswerSpan]) -> list[int]:
    """:func:`content_words` of each answer's parts, with one look-up per document for all its answers (a
    large corpus has hundreds of thousands of answers: a look-up each was seconds of numpy calls)."""
    by_document: dict[DocumentId, tuple[list[int], list[int], list[int]]] = {}
    for number, answer in enumerate(answers):
        if answer.parts and answer.document_id in data.documents:
            numbers, starts, ends = by_document.setdefault(answer.document_id, ([], [], []))
            for start, end in answer.parts:
                numbers.append(number)
                starts.append(start)
                ends.append(end)
    counts = np.zeros(len(answers), dtype=np.int64)
    for document_id, (numbers, starts, ends) in by_document.items():
        span, _ = data.documents[document_id].spans(starts, ends)
        counts += np.bincount(np.asarray(numbers, dtype=np.int64)[span], minlength=len(answers))
    return counts.tolist()


def stored_answer_spans(
    guide: GuideService, corpus: Corpus, data: CorpusData
) -> tuple[list[AnswerSpan], dict[DocumentId, TurnMatches]]:
    """``GuideService.answer_spans`` of the indexed documents, from the matcher's findings stored per document
    (:mod:`coding.language.guide_matches`; matched and stored now where they are missing or out of date) and
    the turns the corpus's words were read with, the researcher's decisions applied as the guide service
    applies them; with the findings, for :func:`neighbour_candidates`."""
    matcher = guide.matcher()
    if not matcher.refs:
        return [], {}
    turns: dict[DocumentId, TurnArrays] = {}
    for doc_id, document in data.documents.items():
        t = document.turns
        turns[doc_id] = (t.start, t.body_start, t.end, t.interviewer)
    found = turn_matches(corpus.store, matcher, turns, corpus.each_text)
    decisions = guide.all_decisions()
    out: list[AnswerSpan] = []
    for doc_id in sorted(data.documents):
        t = data.documents[doc_id].turns
        starts, interviewer = t.start.tolist(), t.interviewer.tolist()
        questions = found[doc_id].questions(matcher.refs)
        decided = decisions.get(doc_id, {})
        if decided:
            asking = {start for start, asks in zip(starts, interviewer, strict=True) if asks}
            for start, on_turn in decided.items():
                if start in asking:
                    questions[start] = decided_refs(questions.get(start, ()), on_turn)
        out += document_answer_spans(
            doc_id, starts, t.body_start.tolist(), t.end.tolist(), interviewer, questions, decided
        )
    return out, found


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
    folded_ref = cache(fold)  # the few questions' references, folded once each
    in_scope: list[tuple[AnswerSpan, CodeInfo, list[CodeInfo]]] = []
    targets_of: dict[CodeId, list[CodeInfo]] = {}  # per question's code: the codes in scope it is asked of
    for answer in answers:
        code = by_ref.get(folded_ref(answer.question))
        if code is None or answer.document_id not in data.documents:
            continue
        if not answer.confirmed and answer.confidence < min_confidence:
            continue
        targets = targets_of.get(code.id)
        if targets is None:
            targets = targets_of[code.id] = [c for c in asked_of(code) if c.id in scope]
        if targets:
            in_scope.append((answer, code, targets))
    # the content words counted only for the answers in scope (one code's: a fraction of all)
    words = content_word_counts(data, [answer for answer, _, _ in in_scope])
    back = asking_back(corpus, [answer for answer, _, _ in in_scope], words)
    for number, ((answer, code, targets), count) in enumerate(zip(in_scope, words, strict=True)):
        if count < MIN_CONTENT_WORDS or number in back:
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


#: An answer is also offered for a guide question the interviewer's turn resembles from this share of the question
#: it was matched to (a second question asked in the same turn, or a neighbouring one the matcher put second) …
NEIGHBOUR_RATIO = 0.4
#: … and from this similarity (the matcher's cosine of the turn with the question) …
NEIGHBOUR_MIN_SIMILARITY = 0.1
#: … when the answer resembles what is coded with that question's code more than all but this many other codes
#: (checked in :func:`~coding.language.suggestions.resemblance.corroborated`; chosen on the tune split and its
#: halves: ratio 0.3–0.7, similarity 0.05–0.15, rank 0–4).
NEIGHBOUR_MAX_RANK = 2


def neighbour_candidates(
    answers: Sequence[AnswerSpan],
    matcher: GuideMatcher,
    codes: Sequence[CodeInfo],
    scope: Container[CodeId],
    data: CorpusData,
    corpus: Corpus,
    decided: Container[tuple[DocumentId, int]] = (),
    stored: Mapping[DocumentId, TurnMatches] | None = None,
) -> list[Candidate]:
    """The answers to automatically matched turns, offered for the other guide questions the turn resembles
    (:data:`NEIGHBOUR_RATIO`, :data:`NEIGHBOUR_MIN_SIMILARITY`): the matcher takes one question per turn unless
    a second is nearly as close, so a merged question ("… en bent u tevreden?") or a paraphrase between two
    neighbouring questions loses its second. Each candidate carries :data:`NEIGHBOUR_MAX_RANK`: it is kept only
    when the answer resembles what is coded with its code (a turn the researcher decided on is left alone).
    ``stored``: the matcher's findings per document (:func:`stored_answer_spans`), whose similarities are
    used instead of the matcher's and tell which turns can give a candidate at all before any is looked at."""
    by_ref = {fold(info.question): info for info in codes if info.question}
    folded = [fold(ref) for ref in matcher.refs]  # once, not once per turn and question
    folded_ref = cache(fold)  # the few questions' references, folded once each
    turns: dict[tuple[DocumentId, int], list[AnswerSpan]] = defaultdict(list)
    for answer in answers:
        if answer.document_id in data.documents:
            turns[(answer.document_id, answer.asked_start)].append(answer)
    possible = None
    if stored is not None:
        useful = [folded[n] in by_ref and by_ref[folded[n]].id in scope for n in range(len(folded))]
        possible = _possible_turns(stored, np.array(useful, dtype=bool))
    chosen: list[tuple[AnswerSpan, set[str]]] = []
    for key, group in turns.items():
        if key in decided or any(a.confirmed for a in group) or not group[0].parts:
            continue
        if possible is not None and key[1] not in possible.get(key[0], ()):
            continue  # no question it resembles enough is in scope: nothing to offer
        chosen.append((group[0], {folded_ref(a.question) for a in group}))
    chosen += [(answer, set()) for answer in _unmatched_turns(turns, data, decided, possible)]
    counts = content_word_counts(data, [answer for answer, _ in chosen])
    back = asking_back(corpus, [answer for answer, _ in chosen], counts)
    chosen = [
        pair
        for number, (pair, count) in enumerate(zip(chosen, counts, strict=True))
        if count >= MIN_CONTENT_WORDS and number not in back
    ]
    wanted: dict[DocumentId, list[tuple[int, int]]] = {}
    for answer, _ in chosen:
        wanted.setdefault(answer.document_id, []).append((answer.asked_body_start, answer.asked_end))
    asked_as = corpus.slices(wanted)
    out = []
    for answer, matched in chosen:
        asked = asked_as[answer.document_id][(answer.asked_body_start, answer.asked_end)]
        if not matched and "?" not in asked:
            continue  # an interviewer turn the matcher left alone is looked at only when it asks something
        # the questions sharing a word with the turn: the rest have similarity 0, below the floor (above 0)
        similarities = (
            matcher.overlaps(asked)
            if stored is None
            else stored[answer.document_id].overlaps(answer.asked_start)
        )
        best = max(similarities.values(), default=0.0)
        if not similarities or best < NEIGHBOUR_MIN_SIMILARITY:
            continue  # nothing reaches the floor
        first = matcher.refs[min(n for n, s in similarities.items() if s == best)]
        floor = max(NEIGHBOUR_MIN_SIMILARITY, NEIGHBOUR_RATIO * best)  # below either: not offered
        for number in sorted(n for n, s in similarities.items() if s >= floor):
            similarity = similarities[number]
            if folded[number] in matched:
                continue
            code = by_ref.get(folded[number])
            if code is None or code.id not in scope:
                continue
            guide_text = f": “{quote(code.guide_question)}”" if code.guide_question else ""
            if matched:
                reason = say(
                    "The interviewer's question “{asked}” also resembles guide question {question}{guide_text} "
                    "({code}; similarity {similarity:.2f}, against {best:.2f} for {first}, which it was matched "
                    "to).",
                    asked=quote(asked),
                    question=code.question,
                    guide_text=guide_text,
                    code=code.name,
                    similarity=similarity,
                    best=best,
                    first=first,
                )
            else:
                reason = say(
                    "The interviewer's question “{asked}” resembles guide question {question}{guide_text} "
                    "({code}; similarity {similarity:.2f}), too little for the guide matcher to place it.",
                    asked=quote(asked),
                    question=code.question,
                    guide_text=guide_text,
                    code=code.name,
                    similarity=similarity,
                )
            out.append(
                Candidate(
                    answer.document_id,
                    code.id,
                    answer.start,
                    answer.end,
                    round(min(0.9, AUTOMATIC_BASE + similarity), 3),
                    ("question",),
                    reason,
                    max_rank=NEIGHBOUR_MAX_RANK,
                )
            )
    return out


def _possible_turns(
    stored: Mapping[DocumentId, TurnMatches], useful: npt.NDArray[np.bool_]
) -> dict[DocumentId, set[int]]:
    """Per document, the starts of the interviewer turns that resemble a question of ``useful`` from the floors
    of :func:`neighbour_candidates` up (:data:`NEIGHBOUR_MIN_SIMILARITY`, :data:`NEIGHBOUR_RATIO` of the turn's
    best): only those can give a candidate, whatever else holds."""
    out: dict[DocumentId, set[int]] = {}
    for doc_id, found in stored.items():
        starts, similarity = found.overlap_start, found.overlap_similarity
        if not len(starts):
            continue
        firsts = np.flatnonzero(np.r_[True, starts[1:] != starts[:-1]])
        best = np.maximum.reduceat(similarity, firsts)
        per_entry = np.repeat(best, np.diff(np.r_[firsts, len(starts)]))
        floor = np.maximum(NEIGHBOUR_MIN_SIMILARITY, NEIGHBOUR_RATIO * per_entry)
        passing = (similarity >= floor) & useful[found.overlap_question]
        if passing.any():
            out[doc_id] = set(starts[passing].tolist())
    return out


def _unmatched_turns(
    matched: Collection[tuple[DocumentId, int]],
    data: CorpusData,
    decided: Container[tuple[DocumentId, int]],
    possible: Mapping[DocumentId, Collection[int]] | None = None,
) -> list[AnswerSpan]:
    """The interviewer turns the matcher placed no guide question in (of documents where it placed some), each
    with the respondent turns right after it as its answer (no question, confidence 0); only those of
    ``possible`` when given."""
    documents = sorted({doc_id for doc_id, _ in matched})
    out: list[AnswerSpan] = []
    for doc_id in documents:
        document = data.documents.get(doc_id)
        if document is None:
            continue
        wanted = None if possible is None else possible.get(doc_id, ())
        if wanted is not None and not wanted:
            continue
        turns = document.turns
        starts, bodies, ends = turns.start.tolist(), turns.body_start.tolist(), turns.end.tolist()
        asks = turns.interviewer.tolist()
        for number, start in enumerate(starts):
            if not asks[number] or (doc_id, start) in matched or (doc_id, start) in decided:
                continue
            if wanted is not None and start not in wanted:
                continue
            parts: list[tuple[int, int]] = []
            for later in range(number + 1, len(starts)):
                if asks[later]:
                    break
                parts.append((bodies[later], ends[later]))
            if parts:
                out.append(
                    AnswerSpan(
                        doc_id,
                        "",
                        start,
                        ends[number],
                        bodies[number],
                        tuple(parts),
                        0.0,
                        False,
                        starts[number + 1],
                    )
                )
    return out
