"""Suggestions from the interview guide: the answer to the interviewer's question about an indicator.

Transcripts do not carry the guide's question numbers (``4a``), so each interviewer question
is matched to the indicators by the words they share: the question's word stems against the
code's name, description and search terms (TF-IDF cosine, the weights computed over all
codes with a question reference, so words every indicator uses count little). A question is
attributed to its best-matching indicator when the similarity is high enough and clearly
ahead of the runner-up; the respondent's turns up to the next question are the candidate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coding.ids import DocumentId
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.data import CONTENT, NORM, STEM, CorpusWords, DocumentWords
from coding.language.suggestions.vectors import Vector, cosine, idf_weights, shared_words, tfidf
from coding.records import CodeInfo, CodeTree

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
class QuestionAnswer:
    document_id: DocumentId
    question: tuple[int, int]  # the interviewer's turn body
    answer: tuple[int, int]  # the respondent's turns up to the next question
    stems: tuple[str, ...]


def question_answers(document: DocumentWords) -> list[QuestionAnswer]:
    turns = document.turns.turns
    out = []
    for index, turn in enumerate(turns):
        if not turn.interviewer:
            continue
        answers = []
        for following in turns[index + 1 :]:
            if following.interviewer:
                break
            answers.append(following)
        if not answers:
            continue
        stems = tuple(
            w[STEM]
            for w in document.in_span(turn.body_start, turn.end)
            if w[CONTENT] and w[NORM] not in QUESTION_WORDS
        )
        if stems:
            out.append(
                QuestionAnswer(
                    document.document_id,
                    (turn.body_start, turn.end),
                    (answers[0].body_start, answers[-1].end),
                    stems,
                )
            )
    return out


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_QUOTE else flat[: MAX_QUOTE - 1] + "…"


def question_candidates(
    codes: Sequence[CodeInfo],
    tree: CodeTree,
    corpus_words: CorpusWords,
    texts: dict[DocumentId, str],
    pipeline: LanguagePipeline,
) -> list[Candidate]:
    indicators = [code for code in codes if code.question]
    if not indicators:
        return []
    bags = code_bags(indicators, pipeline)
    idf = idf_weights(bags.values())
    profiles: dict[int, Vector] = {code_id: tfidf(bag, idf) for code_id, bag in bags.items()}
    by_id: dict[int, CodeInfo] = {code.id: code for code in indicators}
    out = []
    for document in corpus_words.documents.values():
        for qa in question_answers(document):
            vector = tfidf(qa.stems, idf, default_idf=0.0)
            if not vector:
                continue
            ranked = sorted(((cosine(vector, p), code_id) for code_id, p in profiles.items()), reverse=True)
            best, code_id = ranked[0]
            runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
            if best < MIN_SIMILARITY or best < runner_up * MIN_MARGIN:
                continue
            code = by_id[code_id]
            shared = ", ".join(corpus_words.show(s) for s in shared_words(vector, profiles[code_id]))
            question_text = _quote(texts[qa.document_id][qa.question[0] : qa.question[1]])
            reason = (
                f"Answer to the interviewer's question “{question_text}”, which matches "
                f"question {code.question} of the interview guide ({code.name}) on the words {shared} "
                f"(similarity {best:.2f})."
            )
            score = round(min(0.9, 0.3 + best), 3)
            out.append(
                Candidate(qa.document_id, code.id, qa.answer[0], qa.answer[1], score, ("question",), reason)
            )
    return out
