"""Which code an answer resembles most: a respondent's turn classified by the passages already coded.

Each code with coded passages has a profile: the normalised sum of its passages' unit TF-IDF vectors (the weights
of :mod:`~coding.language.suggestions.similar`, over word stems). A respondent's turn is compared with every
profile (the turn source, :mod:`~coding.language.suggestions.turns`).

The same profiles corroborate the other sources (:func:`corroborated`): an answer under an automatically matched
guide question that many other codes resemble more is left out, and so is a sentence a search term alone found
once its code has passages to compare with.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.core.text import fold
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.data import BoolArray, CorpusData, IntArray
from coding.language.suggestions.guide_answers import CONFIRMED_SCORE
from coding.language.suggestions.seen import kept_seen, passage_keys, remember
from coding.language.suggestions.similar import (
    SentenceVectors,
    passages_profile,
    sentence_vectors,
)
from coding.language.suggestions.vectors import (
    FloatArray,
    IndexArray,
    Weights,
    bag_counts,
    dots_table,
    row_dots,
    top_contributions,
    unit_tfidf,
)

if TYPE_CHECKING:
    from coding.language.suggestions.candidate_columns import CandidateColumns, RankedColumns

#: A turn is also suggested for the code it resembles second most when that is this close to the first (an answer
#: about two codes at once; chosen on the tune split from 0.8, 0.9, 0.95 and none: 0.9, the most recall at a
#: precision from 0.75 with the tune thresholds; on 2026-12-06, with held-out precision near 0.8, again from 0.7,
#: 0.75, 0.8, 0.85 and 0.9 on the tune split's halves and with each half calibrated on the other: 0.8, five more
#: passages found on the halves for 0.003 of precision). Used by the turn source
#: (:mod:`~coding.language.suggestions.turns`) and by :func:`corroborated`.
RUNNER_UP_RATIO = 0.8
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class SpanVectors:
    """Unit TF-IDF vectors of spans (sparse rows), with where each span is."""

    document: IntArray
    start: IntArray
    end: IntArray
    rows: IndexArray
    columns: IndexArray
    weights: Weights
    words: IntArray  # content words per span

    def __len__(self) -> int:
        return len(self.document)


def span_vectors(
    data: CorpusData, idf: FloatArray, spans: Sequence[tuple[DocumentId, int, int]]
) -> SpanVectors:
    """The vectors of ``spans`` (document, start, end), in the order given."""
    width = len(data.stems)
    by_document: dict[DocumentId, list[int]] = defaultdict(list)
    for number, (doc_id, _, _) in enumerate(spans):
        by_document[doc_id].append(number)
    rows: list[IndexArray] = []
    columns: list[IndexArray] = []
    for doc_id, numbers in by_document.items():
        document = data.documents.get(doc_id)
        if document is None:
            continue
        span, index = document.spans([spans[n][1] for n in numbers], [spans[n][2] for n in numbers])
        rows.append(np.asarray(numbers, dtype=np.int64)[span])
        columns.append(data.stems_of(document, index).astype(np.int64))
    document_ids = np.array([s[0] for s in spans], dtype=np.int64)
    starts = np.array([s[1] for s in spans], dtype=np.int64)
    ends = np.array([s[2] for s in spans], dtype=np.int64)
    all_rows = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    words = np.bincount(all_rows, minlength=len(spans)).astype(np.int64)
    if not len(all_rows):
        empty = np.zeros(0, dtype=np.int64)
        return SpanVectors(document_ids, starts, ends, empty, empty, np.zeros(0), words)
    row, column, counts = bag_counts(all_rows, np.concatenate(columns), width)
    weights = unit_tfidf(row, column, counts, idf, len(spans))
    return SpanVectors(
        document_ids, starts, ends, row.astype(np.int64), column.astype(np.int64), weights, words
    )


@dataclass(frozen=True)
class Profiles:
    """The profile of each code with coded passages (rows of ``matrix``, unit length)."""

    code_ids: list[CodeId]
    matrix: FloatArray  # codes × stems
    counts: list[int]  # passages with words per code

    rows: dict[CodeId, int]  # the row of each code

    def row(self, code_id: CodeId) -> int | None:
        return self.rows.get(code_id)


#: The words that describe the code (its guide question and prompts, its description) weigh as this many coded
#: passages in its profile: with few passages coded, they say what the code is about (chosen on the tune split
#: from 0, 0.5, 1, 2 and 4). Not its name and search terms: those are the term source's evidence, and a term
#: sentence would always resemble a profile holding them.
CODE_WORDS_WEIGHT = 1.0


def code_words_vector(data: CorpusData, vectors: SentenceVectors, code: CodeInfo) -> FloatArray | None:
    """The unit TF-IDF vector of the words describing the code (:data:`CODE_WORDS_WEIGHT`) over the corpus's
    stems (words the corpus never uses count for nothing); ``None`` when none of them occurs."""
    lookup = stem_of_form(data)
    text = " ".join((code.guide_question, *code.guide_prompts, code.description))
    found = [lookup[word] for word in _WORD.findall(fold(text)) if word in lookup]
    if not found:
        return None
    vector = np.bincount(np.asarray(found, dtype=np.int64), minlength=len(data.stems)).astype(np.float64)
    vector *= vectors.idf
    norm = float(np.sqrt(np.dot(vector, vector)))
    return vector / norm if norm else None


def stem_of_form(data: CorpusData) -> dict[str, int]:
    """Per folded word form of the corpus's content words: its stem id (built once per corpus)."""
    found: dict[str, int] = data.derive("stem_of_form", _stem_of_form)
    return found


def _stem_of_form(data: CorpusData) -> dict[str, int]:
    """Per folded word form of the corpus's content words: its stem id."""
    out: dict[str, int] = {}
    for term_id, norm in data.term_norm.items():
        stem_id = int(data.term_stem[term_id])
        if stem_id >= 0:
            out.setdefault(fold(norm), stem_id)
    return out


def code_profiles(
    data: CorpusData,
    vectors: SentenceVectors,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
    codes: Sequence[CodeInfo] = (),
) -> Profiles:
    """The profiles of the codes with coded passages: each the normalised sum of its passages' unit vectors
    (:func:`~coding.language.suggestions.similar.passages_sum`, the words of all codes' passages found with one
    look-up per document, not one per document and code); with ``codes`` (their infos), each profile also holds
    the words describing the code (:data:`CODE_WORDS_WEIGHT`)."""
    infos = {code.id: code for code in codes}
    width = len(data.stems)
    ordered, bounds, per_document = _numbered_passages(data, coded)
    rows: list[IndexArray] = []
    columns: list[IndexArray] = []
    for doc_id, (numbers, starts, ends) in per_document:
        document = data.documents[doc_id]
        passage, index = document.spans(starts, ends)
        rows.append(numbers[passage])
        columns.append(data.stems_of(document, index).astype(np.int64))
    code_ids: list[CodeId] = []
    matrix_rows: list[FloatArray] = []
    counts: list[int] = []
    if rows and bounds[-1]:
        row, column, bag = bag_counts(np.concatenate(rows), np.concatenate(columns), width)
        del rows, columns
        weights = unit_tfidf(row, column, bag, vectors.idf, bounds[-1])
        edges = np.searchsorted(row, np.asarray(bounds)).tolist()
        for number, code_id in enumerate(ordered):
            low, high = edges[number], edges[number + 1]
            if low == high:
                continue
            profile = np.bincount(column[low:high], weights=weights[low:high], minlength=width).astype(
                np.float64, copy=False
            )
            info = infos.get(code_id)
            if info is not None and CODE_WORDS_WEIGHT:
                words = code_words_vector(data, vectors, info)
                if words is not None:
                    profile = profile + CODE_WORDS_WEIGHT * words
            norm = float(np.sqrt(np.dot(profile, profile)))
            code_ids.append(code_id)
            matrix_rows.append(profile / norm if norm else profile)
            counts.append(len(np.unique(row[low:high])))
    matrix = np.stack(matrix_rows) if matrix_rows else np.zeros((0, width))
    return Profiles(code_ids, matrix, counts, {code_id: number for number, code_id in enumerate(code_ids)})


def _numbered_passages(
    data: CorpusData, coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]]
) -> tuple[list[CodeId], list[int], list[tuple[DocumentId, tuple[IntArray, IntArray, IntArray]]]]:
    """The coded passages numbered code by code (codes sorted), within a code in the order of ``coded`` (a
    document's passages together, as :func:`~coding.language.suggestions.similar.passages_sum` numbers them: the
    sums of :func:`code_profiles` add in that order), passages of documents without words left out: the codes,
    each code's first number (and the total last), and per document its passages' numbers, starts and ends.
    One pass over ``coded`` in Python; the numbering and the grouping by document as arrays."""
    ordered = sorted({code_id for _, code_id in coded})
    rank = {code_id: number for number, code_id in enumerate(ordered)}
    key_documents: list[int] = []
    key_ranks: list[int] = []
    key_lengths: list[int] = []
    spans: list[tuple[int, int]] = []
    for (doc_id, code_id), found in coded.items():
        if found and doc_id in data.documents:
            key_documents.append(doc_id)
            key_ranks.append(rank[code_id])
            key_lengths.append(len(found))
            spans.extend(found)
    lengths = np.asarray(key_lengths, dtype=np.int64)
    ranks = np.asarray(key_ranks, dtype=np.int64)
    per_code = np.bincount(ranks, weights=lengths, minlength=len(ordered)).astype(np.int64)
    bounds = [0, *np.cumsum(per_code).tolist()]
    if not spans:
        return ordered, bounds, []
    by_code = np.argsort(ranks, kind="stable")  # code by code, in the order of ``coded`` within a code
    first = np.empty(len(lengths), dtype=np.int64)
    first[by_code] = np.cumsum(lengths[by_code]) - lengths[by_code]
    key_start = np.cumsum(lengths) - lengths  # each key's first passage in ``spans``
    numbers = np.repeat(first - key_start, lengths) + np.arange(len(spans), dtype=np.int64)
    edges = np.fromiter(itertools.chain.from_iterable(spans), dtype=np.int64, count=2 * len(spans)).reshape(
        -1, 2
    )
    documents = np.repeat(np.asarray(key_documents, dtype=np.int64), lengths)
    by_document = np.lexsort((numbers, documents))  # by document, each in number order (as the loops had it)
    found_documents, cuts = np.unique(documents[by_document], return_index=True)
    out: list[tuple[DocumentId, tuple[IntArray, IntArray, IntArray]]] = []
    for doc_id, part in zip(found_documents.tolist(), np.split(by_document, cuts[1:]), strict=True):
        out.append((DocumentId(doc_id), (numbers[part], edges[part, 0], edges[part, 1])))
    return ordered, bounds, out


def similarities(spans: SpanVectors, profiles: Profiles, by_column: FloatArray | None = None) -> FloatArray:
    """Spans × codes: each span's cosine with each code's profile (``by_column``: the profiles' matrix transposed,
    when made already)."""
    if not len(spans.rows) or not len(profiles.code_ids):
        return np.zeros((len(spans), len(profiles.code_ids)))
    return dots_table(
        spans.rows, spans.columns, spans.weights, profiles.matrix, len(spans), by_column=by_column
    )


def shared_words(
    data: CorpusData, columns: IntArray, weights: FloatArray, profiles: Profiles, number: int
) -> str:
    """The words of a passage (its vector's ``columns`` and ``weights``) that bring it closest to the code of
    profile ``number``, as shown in a reason: "vertrouwen, afspraken, samen"."""
    return ", ".join(
        data.show(stem) for stem in top_contributions(data.stems, columns, weights, profiles.matrix[number])
    )


def coded_passages(profiles: Profiles, number: int, names: Mapping[CodeId, str]) -> str:
    """The passages coded with the code of profile ``number``, as a reason names them: "3 passages coded
    Vertrouwen"."""
    count = profiles.counts[number]
    code = names[profiles.code_ids[number]]
    if count == 1:
        return say("{count} passage coded {code}", count=count, code=code)
    return say("{count} passages coded {code}", count=count, code=code)


@dataclass(frozen=True)
class Resemblance:
    """How a candidate's passage compares with the codes' profiles."""

    similarity: float  # cosine with its own code's profile
    rank: int  # how many codes it resembles more (0: its own code most)
    margin: float  # its own code's cosine minus the best other code's


def resemblances(
    data: CorpusData,
    candidates: Sequence[Candidate],
    profiles: Profiles,
) -> list[Resemblance | None]:
    """Each candidate compared with all codes' profiles; ``None`` when its code has nothing coded
    (:func:`resemblance_table`, one object per candidate)."""
    known, similarity, rank, margin = resemblance_table(data, candidates, profiles)
    out: list[Resemblance | None] = [None] * len(candidates)
    for number, own, higher, ahead in zip(
        np.flatnonzero(known).tolist(),
        similarity[known].tolist(),
        rank[known].tolist(),
        margin[known].tolist(),
        strict=True,
    ):
        out[number] = Resemblance(own, higher, ahead)
    return out


def resemblance_table(
    data: CorpusData, candidates: Sequence[Candidate], profiles: Profiles
) -> tuple[BoolArray, FloatArray, IntArray, FloatArray]:
    """Per candidate, as arrays: whether its code has something coded, then the fields of :class:`Resemblance`
    (zero where not). Those compared before under the same ``profiles`` are looked up (:mod:`.seen`); the others
    compared a block of :data:`RESEMBLANCE_BLOCK` at a time (each span's vector and cosines are its own: the same
    to the last bit), so that the spans × codes table and its copy stay a few megabytes."""
    keys = passage_keys(candidates)
    if keys is None:
        return _compared(data, candidates, profiles)
    seen = kept_seen(data, profiles)
    at = seen.find(keys)
    missing = np.flatnonzero(at < 0)
    if len(missing):
        chosen = candidates if len(missing) == len(candidates) else [candidates[i] for i in missing.tolist()]
        seen.add(keys[missing], *_compared(data, chosen, profiles))
        remember(data, seen)  # for the next session
        at = seen.find(keys)
    return seen.known[at], seen.similarity[at], seen.rank[at], seen.margin[at]


def _compared(
    data: CorpusData, candidates: Sequence[Candidate], profiles: Profiles
) -> tuple[BoolArray, FloatArray, IntArray, FloatArray]:
    """:func:`resemblance_table` without looking up: each candidate compared, in blocks."""
    if len(candidates) <= RESEMBLANCE_BLOCK:
        return _resemblances(data, candidates, profiles, None)
    by_column = np.ascontiguousarray(profiles.matrix.T)  # once, not once per block
    parts = [
        _resemblances(data, candidates[low : low + RESEMBLANCE_BLOCK], profiles, by_column)
        for low in range(0, len(candidates), RESEMBLANCE_BLOCK)
    ]
    known, similarity, rank, margin = (np.concatenate([part[n] for part in parts]) for n in range(4))
    return known, similarity, rank, margin


#: Candidates compared with the codes' profiles at once (:func:`resemblances`).
RESEMBLANCE_BLOCK = 8192


def _resemblances(
    data: CorpusData, candidates: Sequence[Candidate], profiles: Profiles, by_column: FloatArray | None
) -> tuple[BoolArray, FloatArray, IntArray, FloatArray]:
    vectors = sentence_vectors(data)
    spans = span_vectors(data, vectors.idf, [(c.document_id, c.start, c.end) for c in candidates])
    # by_column only when made (one block: the call as it always was)
    table = similarities(spans, profiles) if by_column is None else similarities(spans, profiles, by_column)
    rows = np.array([profiles.rows.get(c.code_id, -1) for c in candidates], dtype=np.int64)
    known = rows >= 0
    index = np.flatnonzero(known)
    columns = rows[known]
    own = table[index, columns]
    others = table[index].copy()
    others[np.arange(len(index)), columns] = -np.inf
    best_other = others.max(axis=1) if others.shape[1] > 1 else np.zeros(len(index))
    best_other = np.where(np.isfinite(best_other), best_other, 0.0)
    similarity = np.zeros(len(candidates))
    rank = np.zeros(len(candidates), dtype=np.int64)
    margin = np.zeros(len(candidates))
    similarity[index] = own
    rank[index] = (others > own[:, None]).sum(axis=1)
    margin[index] = own - best_other
    return known, similarity, rank, margin


#: A sentence found by search terms alone is no evidence once the code has this many coded passages to compare
#: with: on the tune split, 55 of 66 such sentences were wrong (a generic word in an answer about another code).
TERMS_ALONE_UNTIL = 3
#: Below that, a term sentence must resemble what is coded with the code at least this much.
TERMS_MIN_SIMILARITY = 0.2
#: An answer found by an automatic guide match alone must have its code among the seven codes it resembles most
#: (chosen on the tune split from 4, 5, 6, 8 and none: with the codes' own words in their profiles, 6 had the best F1).
GUIDE_MAX_RANK = 6
#: … once the code has this many coded passages: with fewer, its profile is too thin to rank the codes by (chosen
#: on the tune split's two halves of five interviews, from 0, 6, 8, 10, 12 and 16).
GUIDE_CHECK_FROM = 8
#: A turn found by resemblance alone must resemble its code more than any other by this margin.
SIMILAR_MIN_MARGIN = 0.02


def _passages_similarity(
    data: CorpusData,
    candidates: Sequence[Candidate],
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
) -> list[float]:
    """Each candidate's cosine with the passages coded with its code alone (not the code's own words: a search
    term is one of those, so a term sentence would always resemble them)."""
    if not candidates:
        return []
    vectors = sentence_vectors(data)
    wanted = {c.code_id for c in candidates}
    passages_of: dict[CodeId, list[tuple[DocumentId, tuple[int, int]]]] = defaultdict(list)
    for (doc_id, code_id), passages in coded.items():
        if code_id in wanted:
            passages_of[code_id].extend((doc_id, span) for span in passages)
    spans = span_vectors(data, vectors.idf, [(c.document_id, c.start, c.end) for c in candidates])
    out = [0.0] * len(candidates)
    for code_id in sorted(wanted):
        profile, _ = passages_profile(data, vectors, passages_of[code_id])
        dots = row_dots(spans.rows, spans.columns, spans.weights, profile, len(spans))
        for number, c in enumerate(candidates):
            if c.code_id == code_id:
                out[number] = float(dots[number])
    return out


def terms_alone_dropped(profiles: Profiles) -> set[CodeId]:
    """The codes whose sentences found by search terms alone :func:`corroborated` drops whatever they resemble
    (:data:`TERMS_ALONE_UNTIL`)."""
    return {
        code_id
        for code_id, count in zip(profiles.code_ids, profiles.counts, strict=True)
        if count >= TERMS_ALONE_UNTIL
    }


def corroborated(
    candidates: Sequence[Candidate],
    data: CorpusData,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
    profiles: Profiles | None = None,
) -> CandidateColumns:
    """``candidates`` without those one source alone found and what is coded contradicts (rules and figures
    above; codes with nothing coded keep all their candidates, confirmed guide matches are always kept).
    ``profiles``: of ``coded``, when computed. The rules as masks over the candidates' columns."""
    from coding.language.suggestions.candidate_columns import QUESTION, TERMS, CandidateColumns, per_code

    columns = CandidateColumns.of(candidates)
    vectors = sentence_vectors(data)
    if profiles is None:
        profiles = code_profiles(data, vectors, coded)
    bits = columns.sources
    alone = (
        (bits != 0)
        & ((bits & (bits - 1)) == 0)  # one source
        & ~columns.named
        & ~((bits == QUESTION) & (columns.score >= CONFIRMED_SCORE))
    )
    if not alone.any() or not profiles.code_ids:
        return columns
    # a term sentence of a code with enough coded goes whatever it resembles: no need to compare it
    enough = terms_alone_dropped(profiles)
    terms = alone & (bits == TERMS)
    dropped = terms & np.isin(columns.code, np.fromiter(enough, dtype=np.int64, count=len(enough)))
    compared = np.flatnonzero(
        terms & ~dropped & np.isin(columns.code, np.array(list(profiles.rows), dtype=np.int64))
    )
    similarity = np.array(_passages_similarity(data, columns.take(compared), coded), dtype=np.float64)
    dropped[compared[similarity < TERMS_MIN_SIMILARITY]] = True
    rows = np.flatnonzero(alone & (bits != TERMS))
    others = columns.take(rows)
    counts = dict(zip(profiles.code_ids, profiles.counts, strict=True))
    known, cosine, rank, margin = resemblance_table(data, others, profiles)
    guide = others.sources == QUESTION
    checked = per_code(others, counts, 0) >= GUIDE_CHECK_FROM
    runner_up = (rank == 1) & (cosine >= RUNNER_UP_RATIO * (cosine - margin))
    wrong = known & np.where(
        guide, (rank > GUIDE_MAX_RANK) & checked, (margin < SIMILAR_MIN_MARGIN) & ~runner_up
    )
    dropped[rows[wrong]] = True
    return columns.where(~dropped)


def meeting_their_rank(
    candidates: Sequence[Candidate], data: CorpusData, profiles: Profiles
) -> list[Candidate]:
    """``candidates`` without those that must resemble what is coded with their code (``max_rank``) and do not,
    or whose code has nothing coded; those kept say how they rank, and have no rank left to meet (checked before
    they are merged with others, so that a sentence inside one is not lost with it)."""
    strict = [c for c in candidates if c.max_rank is not None]
    if not strict:
        return list(candidates)
    met = _meeting(strict, data, profiles)
    kept = {id(strict[number]): c for number, c in met.items()}
    return [kept.get(id(c), c) for c in candidates if c.max_rank is None or id(c) in kept]


def ranked_meeting_their_rank(
    columns: RankedColumns, data: CorpusData, profiles: Profiles
) -> CandidateColumns:
    """:func:`meeting_their_rank` of ranked columns (``candidate_columns.RankedColumns``): only the candidates
    with a rank to meet are made; the columns given stay as they are (the kept fixed candidates, read again by the
    next find): those taken share none of their items."""
    from coding.language.suggestions.candidate_columns import CandidateColumns, made
    from coding.language.suggestions.candidates import with_reason

    items, rows = list(columns.items), columns.row
    out = CandidateColumns(items, *columns.arrays())
    strict = np.flatnonzero(columns.max_rank >= 0)
    if not len(strict):
        return out
    strict_rows = rows[strict].tolist()
    met = _meeting([with_reason(made(items, row)) for row in strict_rows], data, profiles)
    keep = columns.max_rank < 0
    for number, c in met.items():
        keep[strict[number]] = True
        items[strict_rows[number]] = c
    return out.where(keep)


def _meeting(strict: Sequence[Candidate], data: CorpusData, profiles: Profiles) -> dict[int, Candidate]:
    """Of ``strict`` (each with a ``max_rank``), by number, those that meet it, saying how they rank."""
    kept: dict[int, Candidate] = {}
    known, similarity, rank, margin = resemblance_table(data, strict, profiles)
    max_rank = np.fromiter((c.max_rank for c in strict), dtype=np.int64, count=len(strict))
    for number in np.flatnonzero(known & (rank <= max_rank)).tolist():
        c = strict[number]
        found = Resemblance(float(similarity[number]), int(rank[number]), float(margin[number]))
        note = _resemblance_note(c, found, profiles)
        kept[number] = replace(c, reason=f"{c.reason} {note}", max_rank=None)
    return kept


def _resemblance_note(candidate: Candidate, found: Resemblance, profiles: Profiles) -> str:
    """Why a candidate that had to resemble its code is offered: how it ranks among the codes."""
    row = profiles.row(candidate.code_id)
    count = profiles.counts[row] if row is not None else 0
    passages = (
        say("the passage coded with it")
        if count == 1
        else say("the {count} passages coded with it", count=count)
    )
    if found.rank == 0:
        return say(
            "Of all codes, the answer resembles {passages} most (similarity {similarity:.2f}).",
            passages=passages,
            similarity=found.similarity,
        )
    return say(
        "The answer resembles {passages} more than all but {rank} other codes (similarity {similarity:.2f}).",
        passages=passages,
        rank=found.rank,
        similarity=found.similarity,
    )


#: A candidate this similar to the suggestions the researcher rejected for its code is not offered again (it is
#: about the same thing); a less similar one is ranked lower by :data:`REJECTED_WEIGHT` of that similarity.
REJECTED_DROP = 0.6
REJECTED_WEIGHT = 0.6
#: Below this similarity a rejection says nothing about a candidate.
REJECTED_MIN = 0.1


def learn_from_rejections(
    candidates: Sequence[Candidate],
    data: CorpusData,
    rejected: Mapping[CodeId, Sequence[tuple[DocumentId, int, int]]],
) -> list[Candidate]:
    """``candidates`` after the researcher's rejections in this project: per code, the profile of the passages
    rejected for it; a candidate resembling it is offered lower or, when it is much the same, not at all."""
    wanted = {c.code_id for c in candidates} & {code_id for code_id, spans in rejected.items() if spans}
    if not wanted:
        return list(candidates)
    vectors = sentence_vectors(data)
    profiles: dict[CodeId, tuple[FloatArray, int]] = {}
    for code_id in wanted:
        passages = [(doc_id, (start, end)) for doc_id, start, end in rejected[code_id]]
        profile, count = passages_profile(data, vectors, passages)
        if count:
            profiles[code_id] = (profile, count)
    chosen = [c for c in candidates if c.code_id in profiles]
    if not chosen:
        return list(candidates)
    spans = span_vectors(data, vectors.idf, [(c.document_id, c.start, c.end) for c in chosen])
    similarity: dict[int, float] = {}
    for code_id, (profile, _) in profiles.items():
        rows = [n for n, c in enumerate(chosen) if c.code_id == code_id]
        dots = row_dots(spans.rows, spans.columns, spans.weights, profile, len(spans))
        for n in rows:
            similarity[id(chosen[n])] = float(dots[n])
    out = []
    for c in candidates:
        found = similarity.get(id(c), 0.0)
        if found >= REJECTED_DROP:
            continue
        if found >= REJECTED_MIN:
            count = profiles[c.code_id][1]
            if count == 1:
                note = say(
                    "Ranked lower: it resembles the {count} suggestion you rejected for this code "
                    "(similarity {similarity:.2f}).",
                    count=count,
                    similarity=found,
                )
            else:
                note = say(
                    "Ranked lower: it resembles the {count} suggestions you rejected for this code "
                    "(similarity {similarity:.2f}).",
                    count=count,
                    similarity=found,
                )
            c = replace(
                c,
                score=round(c.score * (1.0 - REJECTED_WEIGHT * found), 3),
                reason=f"{c.reason} {note}".strip(),
            )
        out.append(c)
    return out
