"""The passage about a guide question an interview never asks, found among the answers to the other questions.

An interviewer skips a guide question when the respondent has already answered it ("Daarmee heeft u eigenlijk
mijn vraag over de eigen belangen al beantwoord"), and the researcher codes that earlier passage with the skipped
question's code; the same holds for a question the matcher did not find. So in an interview where a guide question
is asked nowhere (no turn matched to it, none confirmed), the answer sentence that resembles what is coded with its
code most is suggested for it, when that code is the one it resembles most of all codes and from
:data:`UNASKED_MIN_SIMILARITY` up, together with the sentences beside it in the same turn that resemble the code
nearly as much (:data:`UNASKED_NEIGHBOUR_RATIO`).
"""

from __future__ import annotations

from collections.abc import Collection, Container, Mapping, Sequence

import numpy as np

from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.language.suggestions.candidates import Candidate, overlap
from coding.language.suggestions.data import CorpusData, IntArray
from coding.language.suggestions.guide_answers import quote
from coding.language.suggestions.resemblance import Profiles, shared_words
from coding.language.suggestions.similar import SentenceVectors
from coding.language.suggestions.vectors import row_dots, row_firsts, rows_of

#: The sentence must resemble the code's profile at least this much (chosen on the tune split and its halves from
#: 0.1, 0.15, 0.2 and 0.25, with the code the one it resembles most; allowing the runner-up found as many at a
#: lower precision).
UNASKED_MIN_SIMILARITY = 0.15
#: A sentence beside it in the same turn joins it from this share of its similarity.
UNASKED_NEIGHBOUR_RATIO = 0.8
#: At least this many content words in the passage offered.
UNASKED_MIN_WORDS = 4


def unasked_candidates(
    codes: Sequence[CodeInfo],
    scope: Container[CodeId],
    data: CorpusData,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
    profiles: Profiles,
    vectors: SentenceVectors,
    best: IntArray,
    asked: Mapping[DocumentId, Collection[CodeId]],
) -> list[Candidate]:
    """Per document of ``asked`` (the codes whose guide question each interview asks), for each code in ``scope``
    with a guide question it does not ask and passages to compare with: the answer sentences about it (rules
    above; ``best``: per sentence of ``vectors``, the row of the profile it resembles most); none for a code
    already coded in that interview."""
    guide_codes = [
        c for c in codes if c.question and c.guide_question and c.id in scope and c.id in profiles.rows
    ]
    if not guide_codes or not len(vectors) or not asked:
        return []
    names = sorted(asked)
    keys = np.asarray([int(d) for d in names], dtype=np.int64)
    lows = np.searchsorted(vectors.document, keys, side="left").tolist()
    highs = np.searchsorted(vectors.document, keys, side="right").tolist()
    entry_bounds = row_firsts(vectors)
    out: list[Candidate] = []
    for doc_id, low, high in zip(names, lows, highs, strict=True):
        if high <= low or doc_id not in data.documents:
            continue
        missing = [c for c in guide_codes if c.id not in asked[doc_id] and not coded.get((doc_id, c.id))]
        if not missing:
            continue
        entries = slice(int(entry_bounds[low]), int(entry_bounds[high]))
        rows = rows_of(vectors, entries) - low
        words = np.bincount(rows, minlength=high - low)
        turns = data.documents[doc_id].turns
        turn_of = np.searchsorted(turns.start, vectors.start[low:high], side="right") - 1
        for code in missing:
            number = profiles.rows[code.id]
            own = row_dots(
                rows, vectors.columns[entries], vectors.weights[entries], profiles.matrix[number], high - low
            )
            eligible = (best[low:high] == number) & (own >= UNASKED_MIN_SIMILARITY)
            if not eligible.any():
                continue
            top = int(np.argmax(np.where(eligible, own, -1.0)))
            similarity = float(own[top])
            run = [top]
            for step in (-1, 1):
                other = top + step
                while (
                    0 <= other < high - low
                    and turn_of[other] == turn_of[top]
                    and own[other] >= UNASKED_NEIGHBOUR_RATIO * similarity
                ):
                    run.append(other)
                    other += step
            run.sort()
            if int(words[run].sum()) < UNASKED_MIN_WORDS:
                continue
            span = (int(vectors.start[low + run[0]]), int(vectors.end[low + run[-1]]))
            if any(overlap(span, own_span) for own_span in coded.get((doc_id, code.id), ())):
                continue
            shown = slice(int(entry_bounds[low + top]), int(entry_bounds[low + top + 1]))
            shared = shared_words(data, vectors.columns[shown], vectors.weights[shown], profiles, number)
            count = profiles.counts[number]
            passages = (
                say("the passage coded with it")
                if count == 1
                else say("the {count} passages coded with it", count=count)
            )
            reason = say(
                "No interviewer turn of this interview is matched to guide question {question}: “{guide}” ({code}). "
                "Of its answers, this passage resembles {passages} most, and of all codes it resembles this one most "
                "(shared words: {shared}; similarity {similarity:.2f}).",
                question=code.question,
                guide=quote(code.guide_question),
                code=code.name,
                passages=passages,
                shared=shared,
                similarity=similarity,
            )
            out.append(
                Candidate(doc_id, code.id, span[0], span[1], round(similarity, 3), ("question",), reason)
            )
    return out
