"""Candidates carried as columns (issue 19): merging and preferring subcodes by sorts of the columns give the very
candidates, reasons and order the loops over candidates gave (the loops as they were are the oracles here), for any
candidates (Hypothesis); the columns read as the sequence of their candidates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeTree
from coding.language.suggestions.candidate_columns import CandidateColumns, per_code, with_codes_of
from coding.language.suggestions.candidates import (
    SOURCES,
    Candidate,
    _joined_reasons,
    combine_scores,
    merge,
    prefer_specific,
    term_score,
)
from tests.coding.language.code_trees import TREE, code_info


def _merge_group(group: list[Candidate]) -> Candidate:
    """A group folded into one candidate, as merging made it."""
    if len(group) == 1:
        return group[0]
    largest = max(group, key=lambda c: (c.length, c.score))
    sources = tuple(sorted({s for c in group for s in c.sources}, key=SOURCES.index))
    terms: dict[str, set[str]] = defaultdict(set)
    for candidate in group:
        for label, forms in candidate.terms:
            terms[label].update(forms)
    others = [c for c in group if "terms" not in c.sources or c.named]  # a name found has its own reason
    ordered = sorted(others, key=lambda c: (c is not largest, -c.score))
    # the reasons joined when the merged one is offered (one made on demand is not made before: ``why``)
    why = partial(_joined_reasons, tuple(ordered)) if any(c.why is not None for c in ordered) else None
    scores = [c.score for c in others]
    code_name = next((c.code_name for c in group if c.code_name), "")
    if terms:
        scores.append(term_score(len(terms)))
    return Candidate(
        largest.document_id,
        largest.code_id,
        largest.start,
        largest.end,
        combine_scores(scores),
        sources,
        "" if why is not None else _joined_reasons(ordered),
        tuple((label, tuple(sorted(forms))) for label, forms in sorted(terms.items())),
        code_name,
        why=why,
    )


def _merge_by_dicts(candidates: Iterable[Candidate]) -> list[Candidate]:
    """``merge`` as it was: a dict of lists per document and code, each sorted, each candidate into the first
    larger one holding it."""
    by_key: dict[tuple[DocumentId, CodeId], list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_key[(candidate.document_id, candidate.code_id)].append(candidate)
    out: list[Candidate] = []
    for group in by_key.values():
        group.sort(key=lambda c: (-c.length, c.start))
        homes: list[Candidate] = []
        members: dict[int, list[Candidate]] = {}
        for candidate in group:
            for number, home in enumerate(homes):
                if home.start <= candidate.start and candidate.end <= home.end:
                    members.setdefault(number, [home]).append(candidate)
                    break
            else:
                homes.append(candidate)
        out.extend(
            _merge_group(members[number]) if number in members else home for number, home in enumerate(homes)
        )
    return out


_SOURCES = st.sampled_from([("terms",), ("question",), ("similar",), ("terms", "similar")])
_TERMS = st.sampled_from(
    [
        (),
        (("trust", ("trusts",)),),
        (("faith", ("faith",)), ("trust", ("trusted",))),
        (("trust", ("trusts", "trusted", "trusts")), ("faith", ("faith",))),  # written as merging writes them
        (("trust", ("trusts",)), ("trust", ("trusted",))),  # a label twice counts once
    ]
)
_CANDIDATES = st.lists(
    st.tuples(
        st.integers(1, 3),  # document
        st.integers(1, 3),  # code
        st.integers(0, 12),  # start
        st.integers(0, 8),  # length
        st.sampled_from([0.1, 0.4, 0.4, 0.7, 0.95]),
        _SOURCES,
        _TERMS,
        st.booleans(),  # named
        st.booleans(),  # a reason made on demand
    ),
    max_size=40,
)


def _candidates(
    spec: list[tuple[int, int, int, int, float, tuple[str, ...], tuple[Any, ...], bool, bool]],
) -> list[Candidate]:
    out = []
    for number, (doc, code, start, length, score, sources, terms, named, lazy) in enumerate(spec):
        reason = f"reason {number % 5}"
        out.append(
            Candidate(
                DocumentId(doc),
                CodeId(code),
                start,
                start + length,
                score,
                sources,
                "" if lazy else reason,
                terms,
                f"code {code}",
                named=named,
                why=partial(str, reason) if lazy else None,
            )
        )
    return out


@settings(max_examples=400, deadline=None)
@given(spec=_CANDIDATES)
def test_merged_by_columns_as_by_dicts(spec: list) -> None:  # type: ignore[type-arg]
    found = _candidates(spec)
    merged = merge(found)
    expected = _merge_by_dicts(found)
    assert list(merged) == expected  # every field but ``why``, in the same order
    assert [c.full_reason for c in merged] == [c.full_reason for c in expected]
    # the columns are the candidates'
    again = CandidateColumns.of(list(merged))
    for name in ("document", "code", "start", "end", "score", "sources", "named"):
        assert np.array_equal(getattr(merged, name), getattr(again, name)), name
    # and merging the columns again folds nothing more
    assert list(merge(merged)) == list(merged)


def test_a_sentence_inside_two_overlapping_answers_goes_to_the_longer_then_the_first() -> None:
    doc, code = DocumentId(1), CodeId(1)
    answer = Candidate(doc, code, 0, 20, 0.5, ("question",), "answer")
    turn = Candidate(doc, code, 10, 40, 0.4, ("similar",), "turn")
    sentence = Candidate(doc, code, 12, 18, 0.4, ("terms",), "", (("trust", ("trust",)),), "c")
    merged = merge([answer, sentence, turn])
    assert list(merged) == _merge_by_dicts([answer, sentence, turn])
    assert [(c.start, c.end, c.sources) for c in merged] == [
        (10, 40, ("terms", "similar")),
        (0, 20, ("question",)),
    ]


def _key(doc: int, start: int, end: int) -> int:
    return (doc << 64) | (start << 32) | end


def _prefer_specific_by_dicts(
    candidates: Sequence[Candidate], tree: CodeTree, also: Iterable[tuple[int, CodeId]]
) -> list[Candidate]:
    """``prefer_specific`` as it was: each passage's codes in a dict of sets, a loop over the candidates."""
    codes_of: dict[int, set[CodeId]] = defaultdict(set)
    for key, code_id in also:
        codes_of[key].add(code_id)
    for c in candidates:
        codes_of[_key(c.document_id, c.start, c.end)].add(c.code_id)
    out = []
    for c in candidates:
        codes = codes_of[_key(c.document_id, c.start, c.end)]
        if (
            len(codes) >= 2
            and c.code_id in tree
            and not c.named
            and codes & {d.id for d in tree.descendants(c.code_id)}
        ):
            continue
        out.append(c)
    return out


_PASSAGES = st.tuples(st.integers(1, 3), st.integers(1, 6), st.integers(0, 4), st.integers(1, 3))


@settings(max_examples=400, deadline=None)
@given(
    candidates=st.lists(st.tuples(_PASSAGES, st.booleans()), max_size=30),
    apart=st.lists(_PASSAGES, max_size=30),
)
def test_subcodes_preferred_by_columns_as_by_dicts(
    candidates: list[tuple[tuple[int, int, int, int], bool]], apart: list[tuple[int, int, int, int]]
) -> None:
    found = [
        Candidate(DocumentId(doc), CodeId(code), start, start + length, 0.5, ("terms",), "", named=named)
        for (doc, code, start, length), named in candidates
    ]
    also = [(_key(doc, start, start + length), CodeId(code)) for doc, code, start, length in apart]
    expected = _prefer_specific_by_dicts(found, TREE, also)
    assert list(prefer_specific(found, TREE, also)) == expected
    assert list(prefer_specific(CandidateColumns.of(found), TREE, also)) == expected


def test_columns_read_as_their_candidates() -> None:
    found = [
        Candidate(DocumentId(d), CodeId(c), s, s + 4, 0.25 * c, ("similar",), f"r{d}{c}{s}")
        for d, c, s in [(1, 2, 0), (2, 1, 5), (1, 3, 9), (3, 2, 2)]
    ]
    columns = CandidateColumns.of(found)
    assert columns == found and len(columns) == 4 and columns[2] is found[2] and columns[1:3] == found[1:3]
    taken = columns.take(np.array([3, 0]))
    assert taken == [found[3], found[0]] and taken.items is columns.items
    assert list(taken.start) == [2, 0] and list(taken.score) == [0.5, 0.5]
    assert columns.where(columns.code != 2) == [found[1], found[2]]
    other = CandidateColumns.of(found[:1])
    assert taken.joined(other) == [found[3], found[0], found[0]]
    assert list(with_codes_of(columns, [(DocumentId(1), CodeId(3)), (DocumentId(3), CodeId(2))])) == [
        False,
        False,
        True,
        True,
    ]
    assert list(per_code(columns, {CodeId(2): 0.3}, 0.1)) == [0.3, 0.1, 0.1, 0.3]
    assert CandidateColumns.empty() == [] and merge([]) == []


@settings(max_examples=200, deadline=None)
@given(
    sentences=st.lists(
        st.tuples(
            st.integers(0, 2), st.integers(0, 2), st.integers(0, 6), st.integers(0, 3), st.integers(1, 2)
        ),
        max_size=25,
    ),
    others=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 3), st.integers(0, 8), st.integers(0, 8)), max_size=10
    ),
    enough=st.sets(st.integers(0, 3)),
)
def test_term_sentences_kept_as_columns_are_the_candidates_kept(
    sentences: list[tuple[int, int, int, int, int]],
    others: list[tuple[int, int, int, int]],
    enough: set[int],
) -> None:
    """The search-term sentences kept (not set apart) as columns made when read: the very candidates the list
    gives, their columns those of the candidates."""
    from coding.language.suggestions.terms import TermSentences

    codes = [code_info(n + 1, None) for n in range(3)]
    described = [(("trust", ("trust",)),), (("faith", ("faith",)), ("trust", ("trusts",)))]
    found = TermSentences(
        codes,
        np.array([code for code, *_ in sentences], dtype=np.int64),
        np.array([document for _, document, *_ in sentences], dtype=np.int64),
        np.array([start for _, _, start, _, _ in sentences], dtype=np.int64),
        np.array([start + length for _, _, start, length, _ in sentences], dtype=np.int64),
        [described[terms - 1] for *_, terms in sentences],
    )
    other = [
        Candidate(DocumentId(document), CodeId(code + 1), start, start + length, 0.5, ("similar",), "why")
        for document, code, start, length in others
    ]
    chosen = {CodeId(code + 1) for code in enough}
    kept, apart = found.alone_apart(other, chosen)
    as_columns, apart_too = found.alone_apart(CandidateColumns.of(other), chosen)
    assert isinstance(as_columns, CandidateColumns)
    assert not any(type(item) is Candidate for item in as_columns.items)  # none made before it is read
    assert [item.terms for item in as_columns.items] == [c.terms for c in kept]  # read by merge, not made
    assert list(apart_too) == list(apart)
    again = CandidateColumns.of(list(kept))
    for name in ("document", "code", "start", "end", "score", "sources", "named"):
        assert np.array_equal(getattr(as_columns, name), getattr(again, name)), name
    assert list(as_columns) == list(kept)
    assert [c.full_reason for c in merge(as_columns.joined(CandidateColumns.of(other)))] == [
        c.full_reason for c in _merge_by_dicts(list(kept) + other)
    ]
