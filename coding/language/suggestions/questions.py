"""Suggestions from the interview guide: the answer to the interviewer's question about an indicator.

Transcripts do not carry the guide's question numbers (``4a``), so each interviewer question
is matched to the indicators by the words they share: the question's word stems against the
code's name, description and search terms (TF-IDF cosine, the weights computed over all
codes with a question reference, so words every indicator uses count little). A question is
attributed to its best-matching indicator when the similarity is high enough and clearly
ahead of the runner-up; the respondent's turns up to the next question are the candidate.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.language.corpus import Corpus
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.data import CorpusData, IntArray, Turns
from coding.language.suggestions.vectors import (
    FloatArray,
    IndexArray,
    Vector,
    bag_counts,
    idf_weights,
    shared_words,
    tfidf,
    unit_tfidf,
)

if TYPE_CHECKING:
    from coding.language.pipeline import LanguagePipeline

MIN_SIMILARITY = 0.12
MIN_MARGIN = 1.15  # the best indicator must beat the runner-up by this factor
MAX_QUOTE = 90


#: Verbs every interview question uses ("Hoe ervaart u …", "Vindt u …"): no sign of a topic.
QUESTION_WORDS = frozenset(
    [
        "ervaren",
        "ervaart",
        "vinden",
        "vindt",
        "denken",
        "denkt",
        "zeggen",
        "zegt",
        "vertellen",
        "beschrijven",
        "kijken",
    ]
)


def code_profile_words(code: CodeInfo) -> str:
    """The text an indicator is recognised by: the names on its path, description and terms."""
    return " ".join((*code.path, code.description, " ".join(code.search_terms)))


def code_bags(codes: Sequence[CodeInfo], pipeline: LanguagePipeline) -> dict[int, list[str]]:
    bags: dict[int, list[str]] = {}
    for code in codes:
        words = pipeline.words(code_profile_words(code))
        bags[code.id] = [
            pipeline.stem(form)
            for form, lemma in words
            if form.isalpha()
            and len(form) > 1
            and not pipeline.is_stop(form)
            and not pipeline.is_stop(lemma)
            and form not in QUESTION_WORDS
        ]
    return bags


@dataclass(frozen=True)
class QuestionAnswers:
    """Every interviewer question followed by an answer, with the question's content stems."""

    document: IntArray  # per question
    spans: IndexArray  # per question: start and end of the question (the interviewer's turn
    # body), start and end of the answer (the respondent's turns up to the next question)
    rows: IndexArray  # per stem occurrence: its question
    stems: IndexArray  # per stem occurrence: the stem id

    def __len__(self) -> int:
        return len(self.document)


def question_answers(data: CorpusData) -> QuestionAnswers:
    result: QuestionAnswers = data.derive("questions", _build_question_answers)
    return result


def _questions_and_answers(turns: Turns) -> IndexArray:
    """Each interviewer turn followed by a respondent's: the question (the turn's body) and the
    answer (from the next turn's body to the end of the last turn before the next question)."""
    asking = np.flatnonzero(turns.interviewer)
    following = np.append(asking[1:], len(turns.start))  # the next question (or the end)
    answered = following > asking + 1
    asked, first, last = asking[answered], asking[answered] + 1, following[answered] - 1
    columns = (turns.body_start[asked], turns.end[asked], turns.body_start[first], turns.end[last])
    return np.stack(columns, axis=1).astype(np.int64).reshape(-1, 4)


def _build_question_answers(data: CorpusData) -> QuestionAnswers:
    question_word = np.zeros(len(data.term_stem), dtype=bool)
    for term_id, norm in data.term_norm.items():
        question_word[term_id] = norm in QUESTION_WORDS
    documents: list[IntArray] = []
    spans: list[IndexArray] = []
    rows: list[IndexArray] = []
    stems: list[IndexArray] = []
    total = 0
    for doc_id, document in data.documents.items():
        pairs = _questions_and_answers(document.turns)
        if not len(pairs):
            continue
        span, index = document.spans(pairs[:, 0], pairs[:, 1])
        keep = ~question_word[document.term[index]]
        span, index = span[keep], index[keep]
        asked = np.unique(span)  # questions with a content word
        rows.append(total + np.searchsorted(asked, span).astype(np.int64))
        stems.append(data.stems_of(document, index).astype(np.int64))
        documents.append(np.full(len(asked), doc_id, dtype=np.int32))
        spans.append(pairs[asked])
        total += len(asked)
    if not total:
        empty = np.zeros(0, dtype=np.int64)
        return QuestionAnswers(np.zeros(0, dtype=np.int32), np.zeros((0, 4), dtype=np.int64), empty, empty)
    return QuestionAnswers(
        np.concatenate(documents), np.concatenate(spans), np.concatenate(rows), np.concatenate(stems)
    )


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_QUOTE else flat[: MAX_QUOTE - 1] + "…"


def _indicator_profiles(
    indicators: Sequence[CodeInfo], pipeline: LanguagePipeline
) -> tuple[list[str], FloatArray, dict[int, Vector], FloatArray]:
    """The indicators' stems (the columns), their idf, each indicator's profile (by stem) and
    the profiles as rows over the columns."""
    bags = code_bags(indicators, pipeline)
    idf = idf_weights(bags.values())
    profiles: dict[int, Vector] = {code_id: tfidf(bag, idf) for code_id, bag in bags.items()}
    vocabulary = sorted(idf)
    column = {stem: number for number, stem in enumerate(vocabulary)}
    dense = np.zeros((len(indicators), len(vocabulary)))
    for number, code in enumerate(indicators):
        for stem, weight in profiles[code.id].items():
            dense[number, column[stem]] = weight
    return vocabulary, np.array([idf[stem] for stem in vocabulary]), profiles, dense


def question_candidates(
    codes: Sequence[CodeInfo],
    scope: Container[CodeId],
    data: CorpusData,
    corpus: Corpus,
    pipeline: LanguagePipeline,
) -> list[Candidate]:
    """Candidates for the indicators in ``scope``; each question is matched against all the
    indicators of ``codes`` and belongs to its best match only."""
    # by descending id: the first best is the highest id among equal scores, as before
    indicators = sorted((code for code in codes if code.question), key=lambda code: -code.id)
    if not indicators:
        return []
    vocabulary, idf, profiles, dense = _indicator_profiles(indicators, pipeline)
    qa = question_answers(data)
    column_of = np.full(len(data.stems), -1, dtype=np.int64)
    for number, stem in enumerate(vocabulary):
        if stem in data.stem_ids:
            column_of[data.stem_ids[stem]] = number
    column = column_of[qa.stems]
    known = column >= 0  # only the indicators' words weigh in a question's vector
    row, col, counts = bag_counts(qa.rows[known], column[known], len(vocabulary))
    asked = np.unique(row)
    if not len(asked):
        return []
    weights = unit_tfidf(row, col, counts, idf, len(qa))
    table = np.stack(
        [np.bincount(row, weights=weights * profile[col], minlength=len(qa))[asked] for profile in dense],
        axis=1,
    )
    best = np.argmax(table, axis=1)
    everywhere = np.arange(len(asked))
    best_score = table[everywhere, best]
    table[everywhere, best] = -np.inf
    runner_up = table.max(axis=1) if len(indicators) > 1 else np.zeros(len(asked))
    in_scope = np.array([code.id in scope for code in indicators], dtype=bool)[best]
    chosen = np.flatnonzero(
        (best_score >= MIN_SIMILARITY) & (best_score >= runner_up * MIN_MARGIN) & in_scope
    ).tolist()
    entries = np.searchsorted(row, np.arange(len(qa) + 1))
    wanted: dict[DocumentId, list[tuple[int, int]]] = {}
    for i in chosen:
        start, end = qa.spans[asked[i], :2].tolist()
        wanted.setdefault(DocumentId(int(qa.document[asked[i]])), []).append((start, end))
    asked_as = corpus.slices(wanted)  # the questions' words, for the reasons
    out = []
    for i in chosen:
        question = int(asked[i])
        code = indicators[int(best[i])]
        similarity = float(best_score[i])
        own = slice(entries[question], entries[question + 1])
        vector = {vocabulary[int(c)]: float(w) for c, w in zip(col[own], weights[own], strict=True)}
        shared = ", ".join(data.show(s) for s in shared_words(vector, profiles[code.id]))
        doc_id = DocumentId(int(qa.document[question]))
        q_start, q_end, a_start, a_end = qa.spans[question].tolist()
        reason = say(
            "Answer to the interviewer's question “{asked}”, which matches question {question} of the "
            "interview guide ({code}) on the words {shared} (similarity {similarity:.2f}).",
            asked=_quote(asked_as[doc_id][(q_start, q_end)]),
            question=code.question,
            code=code.name,
            shared=shared,
            similarity=similarity,
        )
        score = round(min(0.9, 0.3 + similarity), 3)
        out.append(Candidate(doc_id, code.id, a_start, a_end, score, ("question",), reason))
    return out
