"""The turn source: a respondent's turn suggested for the code it resembles most.

A respondent's turn is compared with every code's profile (:mod:`~coding.language.suggestions.resemblance`); when
the code it resembles most is in scope and the cosine is high enough, the turn is suggested for that code.
Competing with all codes, not only the one asked for, is what keeps a turn about the coordinator out of the
suggestions for trust, even when both share words like "gemeenten" and "werkgevers".
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from functools import partial
from typing import cast

import numpy as np

from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.language.suggestions import stored_state
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.coded import overlapping
from coding.language.suggestions.data import Bag, CorpusData, IntArray
from coding.language.suggestions.kept import kept_turn_closest, kept_turn_vectors, profiles_stamp
from coding.language.suggestions.resemblance import (
    RUNNER_UP_RATIO,
    Profiles,
    SpanVectors,
    code_profiles,
    coded_passages,
    shared_words,
)
from coding.language.suggestions.similar import sentence_vectors
from coding.language.suggestions.vectors import (
    FloatArray,
    StoredUnitWeights,
    UnitWeights,
    closest_two,
    narrowed,
    top_contributions_of_many,
)
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
        documents.append(np.full(n_chosen, doc_id, dtype=np.int32))
        starts.append(turns.body_start[chosen].astype(np.int32))
        ends.append(turns.end[chosen].astype(np.int32))
        words.append(np.bincount(local, weights=tally, minlength=n_chosen).astype(np.int32))
        base += n_chosen
        used = high
    for array in (row, column, count):
        array.resize(used, refcheck=False)
    empty = np.zeros(0, dtype=np.int32)
    document_ids, start, end, word_count = (
        np.concatenate(parts) if parts else empty for parts in (documents, starts, ends, words)
    )
    if not used:
        return SpanVectors(document_ids, start, end, empty, empty, np.zeros(0), word_count)
    stem: IntArray = narrowed(column)  # as the sentences' (:func:`~.similar.sentence_vectors`)
    del column
    weights = UnitWeights.of(row, stem, count, idf, base)
    return SpanVectors(document_ids, start, end, row, stem, weights, word_count)


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
    turns: SpanVectors = data.derive(
        "turn_vectors", lambda d: kept_turn_vectors(d, lambda: turn_vectors(d, vectors.idf))
    )
    # kept for the next find while the profiles are the same (:mod:`.kept`)
    best, best_score, runner_up, runner_up_score = kept_turn_closest(
        data,
        profiles,
        lambda: closest_two(turns.rows, turns.columns, turns.weights, profiles.matrix, len(turns)),
    )
    names = {code.id: code.name for code in codes}
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
    shared = _Shared(data, turns, profiles, names)
    code_ids = profiles.code_ids
    chosen, row_number = index[order], number[order]
    closest, closest_score, similarity = closest[order], closest_score[order], similarity[order]
    document, start, end = (
        part[chosen].astype(np.int64) for part in (turns.document, turns.start, turns.end)
    )
    # not a turn overlapping a passage coded with its code (all pairs at once, by arrays)
    free = ~overlapping(
        coded, document, np.array(code_ids, dtype=np.int64).reshape(-1)[row_number], start, end
    )
    chosen, row_number, closest, closest_score, similarity, document, start, end = (
        part[free] for part in (chosen, row_number, closest, closest_score, similarity, document, start, end)
    )
    # each chosen turn's entries in the turns' vectors (where every turn's entries start: read with them, or
    # looked up for those chosen)
    if isinstance(turns.weights, StoredUnitWeights):
        firsts = turns.weights.firsts
        entries = np.stack([firsts[chosen], firsts[chosen + 1]])
    else:
        entries = np.searchsorted(turns.rows, np.stack([chosen, chosen + 1]).astype(turns.rows.dtype))
    out = []
    for low, high, doc_id, turn_start, turn_end, row, score, first, first_score in zip(
        entries[0].tolist(),
        entries[1].tolist(),
        document.tolist(),  # the turns' places as lists: no numpy scalar per candidate
        start.tolist(),
        end.tolist(),
        row_number.tolist(),
        similarity.tolist(),
        closest.tolist(),
        closest_score.tolist(),
        strict=True,
    ):
        closer = None if row == first else (first, first_score)  # the closest code, when this is the second
        why = TurnReason(shared, low, high, row, score, closer)
        out.append(
            Candidate(doc_id, code_ids[row], turn_start, turn_end, round(score, 3), ("similar",), "", why=why)
        )
    return out


class _Shared:
    """What the reasons of one find's turns share."""

    __slots__ = ("data", "names", "passages", "profiles", "turns")

    def __init__(
        self, data: CorpusData, turns: SpanVectors, profiles: Profiles, names: Mapping[CodeId, str]
    ) -> None:
        self.data, self.turns, self.profiles, self.names = data, turns, profiles, names
        #: Per profile: its coded passages as a reason names them (:func:`coded_passages`), once each.
        self.passages: dict[int, str] = {}


class TurnReason:
    """Makes the reason of a turn suggested for the code of profile ``number`` (a candidate's ``why``): the words
    it shares with what is coded with it; ``runner_up``: the closest code's profile and similarity, when this is
    the second closest. The words of many are found at once by :func:`find_shared_words`."""

    __slots__ = ("end", "number", "runner_up", "shared", "similarity", "start", "words")

    def __init__(
        self,
        shared: _Shared,
        start: int,
        end: int,
        number: int,
        similarity: float,
        runner_up: tuple[int, float] | None,
    ) -> None:
        self.shared, self.start, self.end, self.number = shared, start, end, number
        self.similarity, self.runner_up = similarity, runner_up
        self.words: str | None = (
            None  # found before it is needed (:func:`find_shared_words`), else when it is
        )

    def __call__(self) -> str:
        context = self.shared
        words = self.words
        if words is None:
            turns, entries = context.turns, slice(self.start, self.end)
            words = shared_words(
                context.data, turns.columns[entries], turns.weights[entries], context.profiles, self.number
            )
        passages = context.passages.get(self.number)
        if passages is None:
            passages = context.passages[self.number] = coded_passages(
                context.profiles, self.number, context.names
            )
        return _turn_reason(context.profiles, passages, context.names, words, self.similarity, self.runner_up)


#: At most this many turns' shared words are kept for the next find (:func:`find_shared_words`).
MOST_WORDS_KEPT = 500_000


def find_shared_words(reasons: Iterable[object]) -> None:
    """The shared words of every :class:`TurnReason` among ``reasons`` (others are passed over) found at once, per
    find, by :func:`~.vectors.top_contributions_of_many`: the words each would find on its own. They depend only on
    the turn and the code's profile: those found are kept for the next find under the same profiles (the codings
    unchanged, :mod:`.kept`), and only the turns and codes not seen are looked at; stored for the next session
    under the profiles' stamp (:data:`WORDS_NAME`), read by its first find."""
    by_find: dict[int, list[TurnReason]] = defaultdict(list)
    for reason in reasons:
        if isinstance(reason, TurnReason) and reason.words is None:
            by_find[id(reason.shared)].append(reason)
    for every in by_find.values():
        context = every[0].shared
        turns, kept, stamp = context.data.derive_for(
            "turn_words", context.profiles, partial(_recalled_words, context), same=True
        )
        if turns is not context.turns:  # other turns' vectors (not those the corpus's words keep): not kept
            kept, stamp = {}, None
        group = []
        for reason in every:
            words = kept.get((reason.start << 32) | reason.number)
            if words is None:
                group.append(reason)
            else:
                reason.words = words
        if not group:
            continue
        if len(kept) + len(group) > MOST_WORDS_KEPT:
            kept.clear()
        found = top_contributions_of_many(
            context.data.stems,
            context.turns.columns,
            context.turns.weights,
            context.profiles.matrix,
            np.fromiter((r.start for r in group), dtype=np.int64, count=len(group)),
            np.fromiter((r.end for r in group), dtype=np.int64, count=len(group)),
            np.fromiter((r.number for r in group), dtype=np.int64, count=len(group)),
        )
        show = context.data.show
        for reason, stems in zip(group, found, strict=True):
            reason.words = kept[(reason.start << 32) | reason.number] = ", ".join(
                show(stem) for stem in stems
            )
        if stamp is not None and context.data.store is not None:  # stored after the find
            context.data.unsaved[WORDS_NAME] = (stamp, partial(_packed_words, kept))


#: The piece the turns' shared words are stored as.
WORDS_NAME = "turn_words"


def _recalled_words(context: _Shared) -> tuple[SpanVectors, dict[int, str], str | None]:
    """What :func:`find_shared_words` keeps for the next find, before it found any: the turns, the words stored
    under the profiles' stamp (none when other turns' vectors than the corpus's are compared), and the stamp."""
    data = context.data
    stamp = (
        profiles_stamp(data, context.profiles) if data.derived.get("turn_vectors") is context.turns else None
    )
    kept: dict[int, str] = {}
    arrays = None if stamp is None or data.store is None else stored_state.read(data.store, WORDS_NAME, stamp)
    if arrays is not None:
        try:
            kept = _unpacked_words(arrays)
        except (ValueError, KeyError, TypeError) as exc:
            stored_state.log_unread(WORDS_NAME, exc)
    return context.turns, kept, stamp


def _packed_words(kept: dict[int, str]) -> dict[str, np.ndarray]:
    return {
        "keys": np.fromiter(kept, dtype=np.int64, count=len(kept)),
        "words": np.frombuffer(json.dumps(list(kept.values())).encode(), dtype=np.uint8),
    }


def _unpacked_words(arrays: dict[str, np.ndarray]) -> dict[int, str]:
    keys, words = arrays["keys"], json.loads(arrays["words"].tobytes())
    if keys.dtype != np.int64 or len(keys) != len(words) or not all(isinstance(w, str) for w in words):
        raise ValueError("words of another shape")
    return dict(zip(keys.tolist(), words, strict=True))


def _turn_reason(
    profiles: Profiles,
    passages: str,
    names: Mapping[CodeId, str],
    words: str,
    similarity: float,
    runner_up: tuple[int, float] | None,
) -> str:
    """Why a turn is suggested for a code: the ``words`` it shares with the ``passages`` coded with it;
    ``runner_up``: the closest code's profile and similarity, when this is the second closest."""
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
