"""The turn source: a respondent's turn suggested for the code it resembles most.

A respondent's turn is compared with every code's profile (:mod:`~coding.language.suggestions.resemblance`); when
the code it resembles most is in scope and the cosine is high enough, the turn is suggested for that code.
Competing with all codes, not only the one asked for, is what keeps a turn about the coordinator out of the
suggestions for trust, even when both share words like "gemeenten" and "werkgevers".
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from functools import partial
from typing import cast

import numpy as np

from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.language.suggestions.candidates import Candidate, overlap
from coding.language.suggestions.data import Bag, CorpusData, IntArray
from coding.language.suggestions.resemblance import (
    RUNNER_UP_RATIO,
    Profiles,
    SpanVectors,
    code_profiles,
    coded_passages,
    shared_words,
)
from coding.language.suggestions.similar import sentence_vectors
from coding.language.suggestions.vectors import FloatArray, closest_two, unit_tfidf
from coding.language.word_bags import counted

#: A turn is suggested for the code it resembles most from this cosine up (chosen on the tune split: 0.15, then
#: 0.12 once the codes' own words are in their profiles).
MIN_SIMILARITY = 0.12
#: A turn with fewer content words is a back-channel or a filler: never a unit on its own.
MIN_CONTENT_WORDS = 4


def turn_vectors(data: CorpusData, idf: FloatArray) -> SpanVectors:
    """The vectors of every respondent turn's body with text (:func:`span_vectors` of them, in corpus order),
    from each document's bags of stems per turn (stored when it was indexed, else counted from its words;
    :meth:`CorpusData.bags_by_document`): no tuple per turn, no count of the whole corpus's words; the bags are
    written straight into the corpus's arrays (a document has no more entries than content words)."""
    capacity = sum(len(document.term) for document in data.documents.values())
    row, column, count = (np.empty(capacity, dtype=np.int32) for _ in range(3))
    documents: list[IntArray] = []
    starts: list[IntArray] = []
    ends: list[IntArray] = []
    words: list[IntArray] = []
    base = used = 0
    for doc_id, document, stored in data.bags_by_document("turns"):
        turns = document.turns
        if not len(turns.start):  # no turns: nothing to classify by turn
            continue
        chosen = ~turns.interviewer & (turns.end > turns.body_start)
        if not chosen.any():
            continue
        bag = stored
        if (
            bag is None
            or len(bag[0]) > len(document.term)
            or (len(bag[0]) and bag[0][-1] >= len(turns.start))
        ):
            turn, index = document.spans(turns.body_start, turns.end)
            bag = cast("Bag", tuple(counted(turn, data.stems_of(document, index))))
        number = np.cumsum(chosen) - 1  # each chosen turn's row among them
        keep = chosen[bag[0]]
        local = number[bag[0][keep]]
        tally = bag[2][keep]
        high = used + len(local)
        np.add(local, base, out=row[used:high], casting="unsafe")
        column[used:high] = bag[1][keep]
        count[used:high] = tally
        n_chosen = int(number[-1]) + 1
        documents.append(np.full(n_chosen, doc_id, dtype=np.int64))
        starts.append(turns.body_start[chosen].astype(np.int64))
        ends.append(turns.end[chosen].astype(np.int64))
        words.append(np.bincount(local, weights=tally, minlength=n_chosen).astype(np.int64))
        base += n_chosen
        used = high
    for array in (row, column, count):
        array.resize(used, refcheck=False)
    empty = np.zeros(0, dtype=np.int64)
    document_ids, start, end, word_count = (
        np.concatenate(parts) if parts else empty for parts in (documents, starts, ends, words)
    )
    if not used:
        return SpanVectors(document_ids, start, end, empty, empty, np.zeros(0), word_count)
    weights = unit_tfidf(row, column, count, idf, base)
    return SpanVectors(document_ids, start, end, row, column, weights, word_count)


def turn_candidates(
    codes: Sequence[CodeInfo],
    scope: Container[CodeId],
    data: CorpusData,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
    minimum: float = MIN_SIMILARITY,
    profiles: Profiles | None = None,
) -> list[Candidate]:
    """Each respondent turn whose closest code (of all codes with codings) is in ``scope``, from ``minimum``
    up; not a turn overlapping a passage coded with that code. ``profiles``: of ``coded``, when computed."""
    vectors = sentence_vectors(data)
    if profiles is None:
        profiles = code_profiles(data, vectors, coded)
    if not profiles.code_ids:
        return []
    turns: SpanVectors = data.derive("turn_vectors", lambda d: turn_vectors(d, vectors.idf))
    # kept for the next find while the profiles are the same (:mod:`.kept`)
    best, best_score, runner_up, runner_up_score = data.derive_for(
        "turn_closest",
        profiles,
        lambda: closest_two(turns.rows, turns.columns, turns.weights, profiles.matrix, len(turns)),
        same=True,
    )
    names = {code.id: code.name for code in codes}
    starts = np.searchsorted(turns.rows, np.arange(len(turns) + 1)).tolist()
    # each turn offered with its closest code and, close enough behind, the runner-up (in that order), chosen as
    # arrays: a Python object only for a pair whose code is in scope
    offered = np.flatnonzero((best_score >= minimum) & (turns.words >= MIN_CONTENT_WORDS))
    top, top_score = best[offered], best_score[offered]
    behind, behind_score = runner_up[offered], runner_up_score[offered]
    also = (behind_score >= minimum) & (behind_score >= RUNNER_UP_RATIO * top_score)
    index = np.concatenate([offered, offered[also]])
    number = np.concatenate([top, behind[also]])
    similarity = np.concatenate([top_score, behind_score[also]])
    closest = np.concatenate([top, top[also]])
    closest_score = np.concatenate([top_score, top_score[also]])
    order = np.lexsort((np.arange(len(index)) >= len(offered), index))  # by turn, its closest code first
    wanted = np.array([code_id in scope and code_id in names for code_id in profiles.code_ids], dtype=bool)
    order = order[wanted[number[order]]]
    out = []
    for turn, row, score, first, first_score in zip(
        index[order].tolist(),
        number[order].tolist(),
        similarity[order].tolist(),
        closest[order].tolist(),
        closest_score[order].tolist(),
        strict=True,
    ):
        code_id = profiles.code_ids[row]
        doc_id = DocumentId(int(turns.document[turn]))
        span = (int(turns.start[turn]), int(turns.end[turn]))
        if any(overlap(span, own) for own in coded.get((doc_id, code_id), ())):
            continue
        closer = None if row == first else (first, first_score)  # the closest code, when this is the second
        entries = slice(starts[turn], starts[turn + 1])
        why = partial(_turn_reason, data, turns, entries, profiles, row, names, score, closer)
        out.append(Candidate(doc_id, code_id, span[0], span[1], round(score, 3), ("similar",), "", why=why))
    return out


def _turn_reason(
    data: CorpusData,
    turns: SpanVectors,
    entries: slice,
    profiles: Profiles,
    number: int,
    names: Mapping[CodeId, str],
    similarity: float,
    runner_up: tuple[int, float] | None,
) -> str:
    """Why a turn is suggested for the code of profile ``number``: the words it shares with what is coded with
    it; ``runner_up``: the closest code's profile and similarity, when this is the second closest."""
    words = shared_words(data, turns.columns[entries], turns.weights[entries], profiles, number)
    passages = coded_passages(profiles, number, names)
    if runner_up is None:
        return say(
            "Of all codes, this answer resembles the {passages} most (shared words: {words}; "
            "similarity {similarity:.2f}).",
            passages=passages,
            words=words,
            similarity=similarity,
        )
    other = names.get(profiles.code_ids[runner_up[0]], say("another code"))
    return say(
        "This answer resembles the {passages} almost as much as those coded {other} (shared "
        "words: {words}; similarity {similarity:.2f}, against {best:.2f}).",
        passages=passages,
        other=other,
        words=words,
        similarity=similarity,
        best=runner_up[1],
    )
