"""Spans of sentences within an answer: the part of a turn about another code than the rest.

A respondent often wanders: an answer about the coordinator ends on how the parties trust each other, and the
researcher codes those sentences with trust. The turn as a whole resembles the coordinator's code most, so the
turn source (:func:`~coding.language.suggestions.turns.turn_candidates`) cannot offer them. Here every answer
sentence (its vector of :mod:`~coding.language.suggestions.similar`, already built for the corpus) is compared with
all codes' profiles; a run of consecutive sentences of one turn whose closest code is the same, clearly ahead of
the runner-up, is suggested for that code, unless the turn as a whole already goes to it.

Memory stays bounded on a large corpus: the sentences are compared a block at a time and only each sentence's
best code, its cosine and the runner-up's are kept (three numbers per sentence, no sentences × codes table).
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence

import numpy as np

from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.language.suggestions.candidates import Candidate, overlap
from coding.language.suggestions.data import CorpusData, IntArray
from coding.language.suggestions.resemblance import Profiles, coded_passages, shared_words
from coding.language.suggestions.similar import SentenceVectors, sentence_vectors
from coding.language.suggestions.vectors import FloatArray, closest_two, row_firsts

#: A run of sentences is suggested for the code it resembles most from this cosine (its best sentence) …
SPAN_MIN_SIMILARITY = 0.25
#: … ahead of the runner-up code by this margin, …
SPAN_MIN_MARGIN = 0.06
#: … with at least this many content words in the run (a lone "Acht." says nothing).
SPAN_MIN_WORDS = 4
#: Sentences compared with the profiles at a time (bounds the block of cosines held at once).
BLOCK = 4096


def closest_codes(vectors: SentenceVectors, profiles: Profiles) -> tuple[IntArray, FloatArray, FloatArray]:
    """Per sentence: the row of the profile it resembles most, that cosine and the runner-up's."""
    best, first, _, second = closest_two(
        vectors.rows, vectors.columns, vectors.weights, profiles.matrix, len(vectors), BLOCK
    )
    return best, first, second


def span_candidates(
    codes: Sequence[CodeInfo],
    scope: Container[CodeId],
    data: CorpusData,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
    profiles: Profiles,
    turn_codes: Mapping[tuple[DocumentId, int], CodeId],
    closest: tuple[IntArray, FloatArray, FloatArray] | None = None,
    held: list[Candidate] | None = None,
) -> list[Candidate]:
    """Runs of answer sentences for the code in ``scope`` they resemble most (rules above); not within a turn
    that ``turn_codes`` (by document and the turn's body start) already gives to that code, nor overlapping a
    passage coded with it. ``closest``: :func:`closest_codes` of the sentences and ``profiles``, when known.
    ``held``: gets the runs left out because their turn goes to their code (offered only if that turn's
    suggestion is dropped later: :func:`held_back`)."""
    if not profiles.code_ids:
        return []
    vectors = sentence_vectors(data)
    best, first, second = closest if closest is not None else closest_codes(vectors, profiles)
    sure = (first - second >= SPAN_MIN_MARGIN) & (first > 0)
    names = {code.id: code.name for code in codes}
    # where each sentence's entries start (read with the vectors, else looked for in the rows: row_firsts)
    entry_bounds = row_firsts(vectors)
    words = np.diff(entry_bounds)  # content words per sentence
    out: list[Candidate] = []
    chosen = np.flatnonzero(sure)
    if not len(chosen):
        return out
    # runs: consecutive chosen sentences of one document and turn with the same best code
    turn_of = np.full(len(vectors), -1, dtype=np.int64)
    for doc_id in np.unique(vectors.document[chosen]).tolist():
        turns = data.documents[DocumentId(doc_id)].turns
        mine = chosen[vectors.document[chosen] == doc_id]
        if len(turns.start):
            turn_of[mine] = np.searchsorted(turns.start, vectors.start[mine], side="right") - 1
    runs: list[list[int]] = []
    previous = -2
    for sentence in chosen.tolist():
        if (
            runs
            and previous == sentence - 1
            and vectors.document[sentence] == vectors.document[previous]
            and turn_of[sentence] == turn_of[previous]
            and best[sentence] == best[previous]
        ):
            runs[-1].append(sentence)
        else:
            runs.append([sentence])
        previous = sentence
    for run in runs:
        number = int(best[run[0]])
        code_id = profiles.code_ids[number]
        if code_id not in scope or code_id not in names:
            continue
        strongest = max(run, key=lambda s: float(first[s]))
        similarity = float(first[strongest])
        if similarity < SPAN_MIN_SIMILARITY or int(words[run].sum()) < SPAN_MIN_WORDS:
            continue
        doc_id = DocumentId(int(vectors.document[run[0]]))
        span = (int(vectors.start[run[0]]), int(vectors.end[run[-1]]))
        turn = int(turn_of[run[0]])
        in_turn = False
        if turn >= 0:
            turns = data.documents[doc_id].turns
            in_turn = turn_codes.get((doc_id, int(turns.body_start[turn]))) == code_id
            if in_turn and held is None:
                continue
        if any(overlap(span, own) for own in coded.get((doc_id, code_id), ())):
            continue
        entries = slice(int(entry_bounds[strongest]), int(entry_bounds[strongest + 1]))
        shared = shared_words(data, vectors.columns[entries], vectors.weights[entries], profiles, number)
        passages = coded_passages(profiles, number, names)
        reason = say(
            "Within the answer, this sentence resembles the {passages} most of all codes (shared words: "
            "{shared}; similarity {similarity:.2f}, ahead of the next code by {lead:.2f})."
            if len(run) == 1
            else "Within the answer, these {sentences} sentences resemble the {passages} most of all codes "
            "(shared words: {shared}; similarity {similarity:.2f}, ahead of the next code by {lead:.2f}).",
            sentences=len(run),
            passages=passages,
            shared=shared,
            similarity=float(similarity),
            lead=float(similarity - float(second[strongest])),
        )
        found = Candidate(doc_id, code_id, span[0], span[1], round(similarity, 3), ("similar",), reason)
        if in_turn:
            assert held is not None
            held.append(found)
        else:
            out.append(found)
    return out


def held_back(
    held: Sequence[Candidate], before: Sequence[Candidate], kept: Sequence[Candidate]
) -> list[Candidate]:
    """The runs :func:`span_candidates` held back because their turn went to their code, offered after all when
    that turn's suggestion for the code was dropped (it is among ``before`` the checks, not among ``kept`` after
    them: a check of the whole turn, or a subcode's suggestion for the same turn): the sentences still resemble
    the code most of all codes, its subcodes included, and are not lost with the turn around them. Not a run that
    is the whole turn (that very passage was judged)."""
    if not held:
        return []
    from coding.language.suggestions.candidate_columns import CandidateColumns, with_codes_of

    keys = {(c.document_id, c.code_id) for c in held}

    def by_code(candidates: Sequence[Candidate]) -> dict[tuple[DocumentId, CodeId], list[tuple[int, int]]]:
        spans: dict[tuple[DocumentId, CodeId], list[tuple[int, int]]] = {}
        if isinstance(candidates, CandidateColumns):  # only those of the documents and codes held back
            candidates = candidates.where(with_codes_of(candidates, keys))
        for c in candidates:
            spans.setdefault((c.document_id, c.code_id), []).append((c.start, c.end))
        return spans

    checked, offered = by_code(before), by_code(kept)
    out = []
    for c in held:
        span, key = (c.start, c.end), (c.document_id, c.code_id)
        homes = [home for home in checked.get(key, ()) if overlap(span, home)]
        if span not in homes and not any(overlap(span, o) for o in offered.get(key, ())):
            out.append(c)
    return out
