"""A concept named in an answer: the respondent's own word for it, outside the answers to its own questions.

Asked what mattered most ("Tot slot: wat is volgens u de belangrijkste factor?"), or in passing, a respondent names
a concept of the codebook in its own word: "Vertrouwen. Echt.", "… als de mensen elkaar niet vertrouwen, dan komt er
niks van". Researchers code such a statement on the concept itself, not on one of its indicators; in the answer to
one of the concept's own guide questions they code the indicator asked about instead, the finest level that fits.
So a sentence of an answer that holds every word of the name of a concept (a code with subcodes and no guide question
of its own) is suggested for that concept, unless it lies in an answer to a guide question of the concept's
subcodes. The sentence is widened to the next ones of its turn until it has :data:`NAMED_MIN_WORDS` content words.

Such a candidate counts as a search-term hit (score :data:`~coding.language.suggestions.candidates.TERM_SCORE`), but
unlike a search term of the code's it is kept once the code has passages coded: the concept's name is what the
researcher codes it for, not a word that also occurs in answers about other codes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Container, Mapping, Sequence
from functools import cache
from itertools import accumulate

import numpy as np

from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.core.text import fold
from coding.guide.answer_spans import AnswerSpan
from coding.language.suggestions.candidates import TERM_SCORE, Candidate
from coding.language.suggestions.data import CorpusData
from coding.language.suggestions.similar import SentenceVectors

#: At least this many content words in the passage offered (a lone "Vertrouwen." is widened to the next sentence).
NAMED_MIN_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+")


def named_candidates(
    codes: Sequence[CodeInfo],
    scope: Container[CodeId],
    data: CorpusData,
    vectors: SentenceVectors,
    answers: Sequence[AnswerSpan],
) -> list[Candidate]:
    """The answer sentences naming a concept in ``scope`` (rules above)."""
    from coding.language.suggestions.resemblance import stem_of_form

    lookup = stem_of_form(data)
    children: dict[CodeId, list[CodeInfo]] = defaultdict(list)
    for code in codes:
        if code.parent_id is not None:
            children[code.parent_id].append(code)
    named: list[tuple[CodeInfo, list[int], set[str]]] = []
    for code in codes:
        if code.id not in scope or code.question or not children.get(code.id):
            continue
        forms = [fold(w) for w in _WORD.findall(code.name)]
        stems = [lookup.get(w, -1) for w in forms]
        if not forms or min(stems) < 0:  # a word of the name the corpus never uses
            continue
        refs = _subtree_refs(code.id, children)
        named.append((code, stems, refs))
    if not named or not len(vectors):
        return []
    entry_bounds = np.searchsorted(vectors.rows, np.arange(len(vectors) + 1, dtype=vectors.rows.dtype))
    own: dict[tuple[DocumentId, str], list[tuple[int, int]]] = defaultdict(list)
    folded = cache(fold)  # the few questions' references, folded once each (not once per answer)
    for answer in answers:
        own[(answer.document_id, folded(answer.question))].extend(answer.parts)
    out: list[Candidate] = []
    turn_starts_of: dict[int, list[int]] = {}  # per document: where its turns start, as a list to bisect
    for code, stems, refs in named:
        holding = [np.unique(vectors.rows[vectors.columns == stem]) for stem in stems]
        sentences = holding[0]
        for more in holding[1:]:
            sentences = np.intersect1d(sentences, more)
        covered = -1  # the last sentence of the passage offered before (a widened one covers the next)
        inside = answered_within(own, refs)
        # the same for every sentence of this code, made once
        reason = say(
            "The answer names the concept {code} itself, outside the answers to its own guide questions "
            "(where passages are coded with its indicators).",
            code=code.name,
        )
        for sentence, doc_id, start, end in zip(
            sentences.tolist(),
            vectors.document[sentences].tolist(),  # as lists: no numpy scalar per sentence
            vectors.start[sentences].tolist(),
            vectors.end[sentences].tolist(),
            strict=True,
        ):
            if sentence <= covered:
                continue
            if inside(doc_id, start):
                continue
            document = data.documents.get(doc_id)
            if document is None:
                continue
            turn_starts = turn_starts_of.get(doc_id)
            if turn_starts is None:
                turn_starts = turn_starts_of[doc_id] = document.turns.start.tolist()
            turn = bisect_right(turn_starts, start) - 1
            turn_end = int(document.turns.end[turn]) if turn >= 0 else end
            last = sentence
            words = int(entry_bounds[sentence + 1] - entry_bounds[sentence])
            while (
                words < NAMED_MIN_WORDS
                and last + 1 < len(vectors)
                and int(vectors.document[last + 1]) == doc_id
                and int(vectors.end[last + 1]) <= turn_end
            ):
                last += 1
                words += int(entry_bounds[last + 1] - entry_bounds[last])
                end = int(vectors.end[last])
            if words < NAMED_MIN_WORDS:
                continue
            covered = last
            out.append(
                Candidate(
                    DocumentId(doc_id),
                    code.id,
                    start,
                    end,
                    TERM_SCORE,
                    ("terms",),
                    reason,
                    code_name=code.name,
                    named=True,
                )
            )
    return out


def answered_within(
    own: Mapping[tuple[DocumentId, str], Sequence[tuple[int, int]]], refs: Container[str]
) -> Callable[[DocumentId, int], bool]:
    """Whether a position lies in a part of an answer to one of ``refs`` in its document (some part with
    ``start <= position < end``): one bisection among the document's parts sorted by start, with the furthest end
    reached so far, not a step per part (a large corpus's sentences naming a concept times its answers' parts)."""
    by_document: dict[DocumentId, list[tuple[int, int]]] = defaultdict(list)
    for (doc_id, ref), parts in own.items():
        if ref in refs:
            by_document[doc_id].extend(parts)
    starts: dict[DocumentId, list[int]] = {}
    reach: dict[DocumentId, list[int]] = {}
    for doc_id, parts in by_document.items():
        parts.sort()
        starts[doc_id] = [start for start, _ in parts]
        reach[doc_id] = list(accumulate((end for _, end in parts), max))

    def inside(doc_id: DocumentId, position: int) -> bool:
        found = starts.get(doc_id)
        if not found:
            return False
        number = bisect_right(found, position) - 1
        return number >= 0 and reach[doc_id][number] > position

    return inside


def _subtree_refs(code_id: CodeId, children: dict[CodeId, list[CodeInfo]]) -> set[str]:
    """The guide question references of the code's descendants, folded."""
    refs: set[str] = set()
    stack = list(children.get(code_id, ()))
    while stack:
        code = stack.pop()
        if code.question:
            refs.add(fold(code.question))
        stack.extend(children.get(code.id, ()))
    return refs
