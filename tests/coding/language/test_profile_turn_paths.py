"""The codes' profiles' passages numbered as arrays, and the turns offered chosen as arrays (issue 19), give what
the loops they replaced gave: the numbering for any coded passages (Hypothesis), the turn candidates (with their
reasons, their shared words found for each turn alone or for all at once) on projects the benchmark generator
writes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import partial
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.make_corpus import CorpusSpec, ensure
from coding import Project
from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.language.suggestions import resemblance
from coding.language.suggestions import turns as turn_source
from coding.language.suggestions.candidates import Candidate, overlap, pending_reasons, with_reason
from coding.language.suggestions.data import CorpusData
from coding.language.suggestions.similar import sentence_vectors
from coding.language.suggestions.vectors import closest_two


def _numbered_by_loops(
    data: Any, coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]]
) -> tuple[list[CodeId], list[int], dict[DocumentId, tuple[list[int], list[int], list[int]]]]:
    """The numbering as ``code_profiles`` made it: a dict of passages per code, then code by code."""
    passages_of: dict[CodeId, list[tuple[DocumentId, tuple[int, int]]]] = defaultdict(list)
    for (doc_id, code_id), spans in coded.items():
        passages_of[code_id].extend((doc_id, span) for span in spans)
    per_document: dict[DocumentId, tuple[list[int], list[int], list[int]]] = {}
    ordered = sorted(passages_of)
    bounds = [0]
    for code_id in ordered:
        by_document: dict[DocumentId, list[tuple[int, int]]] = defaultdict(list)
        for doc_id, span in passages_of[code_id]:
            if doc_id in data.documents:
                by_document[doc_id].append(span)
        number = bounds[-1]
        for doc_id, found in by_document.items():
            numbers, starts, ends = per_document.setdefault(doc_id, ([], [], []))
            numbers.extend(range(number, number + len(found)))
            starts.extend(s for s, _ in found)
            ends.extend(e for _, e in found)
            number += len(found)
        bounds.append(number)
    return ordered, bounds, per_document


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.tuples(st.integers(1, 6), st.integers(1, 9)),
        st.lists(
            st.tuples(st.integers(0, 500), st.integers(1, 60)).map(lambda p: (p[0], p[0] + p[1])), max_size=5
        ),
        max_size=25,
    ),
    st.sets(st.integers(1, 6)),
)
def test_passages_numbered_as_arrays_are_numbered_as_by_the_loops(
    coded: dict[tuple[int, int], list[tuple[int, int]]], indexed: set[int]
) -> None:
    data = SimpleNamespace(documents={DocumentId(d): None for d in sorted(indexed)})
    typed = {(DocumentId(d), CodeId(c)): spans for (d, c), spans in coded.items()}
    ordered, bounds, per_document = resemblance._numbered_passages(data, typed)  # type: ignore[arg-type]
    old_ordered, old_bounds, old = _numbered_by_loops(data, typed)
    assert (ordered, bounds) == (old_ordered, old_bounds)
    found = {doc_id: tuple(part.tolist() for part in parts) for doc_id, parts in per_document}
    assert found == {doc_id: tuple(parts) for doc_id, parts in old.items()}


def _turn_candidates_by_loop(
    codes: Sequence[CodeInfo],
    scope: Container[CodeId],
    data: CorpusData,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
    minimum: float = turn_source.MIN_SIMILARITY,
    profiles: resemblance.Profiles | None = None,
) -> list[Candidate]:
    """The turn candidates as they were chosen: a loop over every turn offered."""
    vectors = sentence_vectors(data)
    assert profiles is not None
    turns = data.derive("turn_vectors", lambda d: turn_source.turn_vectors(d, vectors.idf))
    best, best_score, runner_up, runner_up_score = closest_two(
        turns.rows, turns.columns, turns.weights, profiles.matrix, len(turns)
    )
    names = {code.id: code.name for code in codes}
    starts = np.searchsorted(turns.rows, np.arange(len(turns) + 1))
    out = []
    for index in np.flatnonzero(
        (best_score >= minimum) & (turns.words >= turn_source.MIN_CONTENT_WORDS)
    ).tolist():
        chosen = [(int(best[index]), float(best_score[index]))]
        second = float(runner_up_score[index])
        if second >= minimum and second >= resemblance.RUNNER_UP_RATIO * chosen[0][1]:
            chosen.append((int(runner_up[index]), second))
        doc_id = DocumentId(int(turns.document[index]))
        span = (int(turns.start[index]), int(turns.end[index]))
        entries = slice(starts[index], starts[index + 1])
        for number, similarity in chosen:
            code_id = profiles.code_ids[number]
            if code_id not in scope or code_id not in names:
                continue
            if any(overlap(span, own) for own in coded.get((doc_id, code_id), ())):
                continue
            closer = None if number == chosen[0][0] else chosen[0]
            why = partial(_reason_by_loop, data, turns, entries, profiles, number, names, similarity, closer)
            out.append(
                Candidate(doc_id, code_id, span[0], span[1], round(similarity, 3), ("similar",), "", why=why)
            )
    return out


def _reason_by_loop(
    data: CorpusData,
    turns: resemblance.SpanVectors,
    entries: slice,
    profiles: resemblance.Profiles,
    number: int,
    names: Mapping[CodeId, str],
    similarity: float,
    runner_up: tuple[int, float] | None,
) -> str:
    """A turn's reason as it was made: its shared words found for it alone, a sort per turn."""
    words = resemblance.shared_words(data, turns.columns[entries], turns.weights[entries], profiles, number)
    passages = resemblance.coded_passages(profiles, number, names)
    return turn_source._turn_reason(profiles, passages, names, words, similarity, runner_up)


@pytest.fixture(scope="module", params=(11, 29))
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    spec = CorpusSpec(f"turns{request.param}", documents=5, characters=6_000, codings=25, seed=request.param)
    corpus = ensure(spec, root=tmp_path_factory.mktemp("corpora"), docx=False)
    project = Project.open(corpus.project)
    project.assist.index()
    yield project
    project.close()


def test_turns_chosen_as_arrays_are_those_of_the_loop(generated: Project) -> None:
    service = generated.assist.suggestions
    data = service._corpus_data(generated.assist.corpus(), generated.assist.ensure_indexed())
    coded, _ = service._decisions()
    tree = list(service._context.resolve.code_tree())
    profiles = resemblance.code_profiles(data, sentence_vectors(data), coded, tree)
    for scope in ({c.id for c in tree}, {c.id for c in tree[::2]}):
        for minimum in (turn_source.MIN_SIMILARITY, 0.0):
            new = turn_source.turn_candidates(tree, scope, data, coded, minimum, profiles)
            old = _turn_candidates_by_loop(tree, scope, data, coded, minimum, profiles)
            if minimum:  # the shared words of all found at once, in one numpy pass (else: each its own)
                turn_source.find_shared_words(pending_reasons(new))
            assert [with_reason(c) for c in new] == [with_reason(c) for c in old]
            assert [with_reason(c).reason for c in new] == [with_reason(c).reason for c in old]
    assert len(old) > 10 and any("almost as much" in with_reason(c).reason for c in old)


def test_resemblances_in_blocks_are_those_of_one_block(
    generated: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each candidate's cosines with the codes' profiles are its own: blocks of three give the same to the last
    bit as all at once (the block's span vectors and the profiles' matrix transposed once)."""
    service = generated.assist.suggestions
    data = service._corpus_data(generated.assist.corpus(), generated.assist.ensure_indexed())
    coded, _ = service._decisions()
    tree = list(service._context.resolve.code_tree())
    profiles = resemblance.code_profiles(data, sentence_vectors(data), coded, tree)
    found = turn_source.turn_candidates(tree, {c.id for c in tree}, data, coded, 0.0, profiles)
    found += [replace(c, code_id=CodeId(10_000)) for c in found[:3]]  # a code with nothing coded: None
    whole = resemblance.resemblances(data, found, profiles)
    monkeypatch.setattr(resemblance, "RESEMBLANCE_BLOCK", 3)
    # nothing compared under these yet
    fresh = resemblance.code_profiles(data, sentence_vectors(data), coded, tree)
    assert len(found) > 10 and resemblance.resemblances(data, found, fresh) == whole
    assert whole[-1] is None and sum(r is not None for r in whole) > 10


def test_resemblances_kept_under_the_same_profiles_are_those_compared(
    generated: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A find under the same profiles looks up what an earlier one compared (:mod:`.seen`) and compares only the
    passages and codes not seen: each candidate gets what comparing it alone gives, whatever was compared before
    (some of them, in another order, one twice, one whose code has nothing coded); other profiles compare anew."""
    service = generated.assist.suggestions
    data = service._corpus_data(generated.assist.corpus(), generated.assist.ensure_indexed())
    coded, _ = service._decisions()
    tree = list(service._context.resolve.code_tree())
    profiles = resemblance.code_profiles(data, sentence_vectors(data), coded, tree)
    found = turn_source.turn_candidates(tree, {c.id for c in tree}, data, coded, 0.0, profiles)
    found += [replace(c, code_id=CodeId(10_000)) for c in found[:3]]  # a code with nothing coded: None
    alone = [  # each compared alone, under profiles of its own (nothing compared under them before)
        resemblance.resemblances(
            data, [c], resemblance.code_profiles(data, sentence_vectors(data), coded, tree)
        )[0]
        for c in found[::5]
    ]
    compared: list[int] = []
    real = resemblance._compared

    def counted(data: CorpusData, chosen: Sequence[Candidate], profiles: resemblance.Profiles) -> Any:
        compared.append(len(chosen))
        return real(data, chosen, profiles)

    monkeypatch.setattr(resemblance, "_compared", counted)
    earlier = found[1::2][::-1] + found[:1]  # half of them, backwards, the first twice
    resemblance.resemblances(data, earlier + found[:1], profiles)
    assert resemblance.resemblances(data, found, profiles)[::5] == alone
    keys = {(c.document_id, c.code_id, c.start, c.end) for c in found}  # a turn's two codes: two keys
    seen = {(c.document_id, c.code_id, c.start, c.end) for c in earlier}
    assert compared == [len(earlier) + 1, len(keys - seen)] and len(keys - seen) < len(keys)  # those not seen
    assert resemblance.resemblances(data, found[::-1], profiles)[::-1][::5] == alone
    assert len(compared) == 2 and len(found) > 10 and sum(r is not None for r in alone) > 2
    other = resemblance.code_profiles(data, sentence_vectors(data), coded, tree[:-1])  # another object: anew
    resemblance.resemblances(data, found, other)
    assert compared[2:] == [len(found)]


def test_shared_words_kept_under_the_same_profiles_are_those_found(
    generated: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A turn's shared words found in one find are looked up in the next under the same profiles (only the turns
    and codes not seen are looked at), and are the words its reason finds alone; other profiles look anew."""
    service = generated.assist.suggestions
    data = service._corpus_data(generated.assist.corpus(), generated.assist.ensure_indexed())
    coded, _ = service._decisions()
    tree = list(service._context.resolve.code_tree())
    profiles = resemblance.code_profiles(data, sentence_vectors(data), coded, tree)
    looked_at: list[int] = []
    real = turn_source.top_contributions_of_many  # type: ignore[attr-defined]

    def counted(*args: Any, **kwargs: Any) -> Any:
        looked_at.append(len(args[4]))
        return real(*args, **kwargs)

    monkeypatch.setattr(turn_source, "top_contributions_of_many", counted)
    old = _turn_candidates_by_loop(tree, {c.id for c in tree}, data, coded, 0.0, profiles)
    expected = [with_reason(c).reason for c in old]
    some = turn_source.turn_candidates(tree, {c.id for c in tree[::2]}, data, coded, 0.0, profiles)
    turn_source.find_shared_words(pending_reasons(some))
    every = turn_source.turn_candidates(tree, {c.id for c in tree}, data, coded, 0.0, profiles)
    turn_source.find_shared_words(pending_reasons(every))
    assert [with_reason(c).reason for c in every] == expected
    assert looked_at == [len(some), len(every) - len(some)] and 0 < len(some) < len(every)
    other = resemblance.code_profiles(data, sentence_vectors(data), coded, tree)  # another object: anew
    again = turn_source.turn_candidates(tree, {c.id for c in tree}, data, coded, 0.0, other)
    turn_source.find_shared_words(pending_reasons(again))
    assert looked_at[2:] == [len(again)] and [with_reason(c).reason for c in again] == expected
