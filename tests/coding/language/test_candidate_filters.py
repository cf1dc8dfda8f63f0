"""The candidates' filters over arrays leave out what their loops left out (issue 19): a candidate half coded or more
with its code (``candidates._half_coded``), a code's candidate for a passage a subcode has (``prefer_specific`` over
the passages set apart as arrays), a named concept's sentence inside an answer to its indicators' questions
(``named.answered_within``), for any candidates and passages (Hypothesis)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import fields

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from coding.core.ids import CodeId, DocumentId
from coding.language.suggestions.candidates import (
    Candidate,
    PassagesApart,
    _half_coded,
    not_already_decided,
    overlap,
    prefer_specific,
    with_reason,
)
from coding.language.suggestions.named import answered_within
from coding.language.suggestions.vectors import top_contributions, top_contributions_of_many
from tests.coding.language.code_trees import TREE

_SPANS = st.tuples(st.integers(0, 200), st.integers(0, 60)).map(lambda p: (p[0], p[0] + p[1]))
_KEYS = st.tuples(st.integers(1, 4), st.integers(1, 5))


@settings(max_examples=300, deadline=None)
@given(
    candidates=st.lists(st.tuples(_KEYS, _SPANS), max_size=40),
    coded=st.dictionaries(_KEYS, st.lists(_SPANS, max_size=6), max_size=12),
)
def test_half_coded_as_arrays_is_the_loops_answer(
    candidates: list[tuple[tuple[int, int], tuple[int, int]]],
    coded: dict[tuple[int, int], list[tuple[int, int]]],
) -> None:
    found = [
        Candidate(DocumentId(doc), CodeId(code), start, end, 0.5, ("similar",), "")
        for (doc, code), (start, end) in candidates
    ]
    passages = {(DocumentId(doc), CodeId(code)): spans for (doc, code), spans in coded.items()}
    expected = [
        any(
            overlap((c.start, c.end), other) * 2 >= c.length
            for other in passages.get((c.document_id, c.code_id), ())
        )
        for c in found
    ]
    assert _half_coded(found, passages) == expected
    assert not_already_decided(found, passages, {}, {}) == [
        c for c, half in zip(found, expected, strict=True) if not half
    ]


def test_a_candidate_half_coded_is_left_out_and_one_a_little_coded_is_kept() -> None:
    doc, code = DocumentId(1), CodeId(2)
    coded: dict[tuple[DocumentId, CodeId], list[tuple[int, int]]] = defaultdict(list)
    coded[(doc, code)] += [(0, 10), (50, 55)]
    half = Candidate(doc, code, 5, 15, 0.5, ("similar",), "")  # 5 of 10 coded
    little = Candidate(doc, code, 51, 70, 0.5, ("similar",), "")  # 4 of 19
    other_code = Candidate(doc, CodeId(3), 0, 10, 0.5, ("similar",), "")
    assert not_already_decided([half, little, other_code], coded, {}, {}) == [little, other_code]


_PASSAGES = st.tuples(st.integers(1, 3), st.integers(0, 4), st.integers(1, 6))


@settings(max_examples=300, deadline=None)
@given(
    candidates=st.lists(st.tuples(_PASSAGES, st.booleans()), max_size=30),
    apart=st.lists(_PASSAGES, max_size=30),
)
def test_subcodes_preferred_over_passages_set_apart_as_arrays_as_over_their_tuples(
    candidates: list[tuple[tuple[int, int, int], bool]], apart: list[tuple[int, int, int]]
) -> None:
    """Any candidates and passages set apart (codes 1–6 over a few documents and starts): the array path drops what
    the tuples' path drops, in the same order."""
    found = [
        Candidate(DocumentId(doc), CodeId(code), start, start + 3, 0.5, ("terms",), "", named=named)
        for (doc, code, start), named in candidates
    ]
    passages = PassagesApart(
        np.array([doc for doc, _, _ in apart], dtype=np.int64),
        np.array([start for _, _, start in apart], dtype=np.int64),
        np.array([start + 3 for _, _, start in apart], dtype=np.int64),
        np.array([code for _, code, _ in apart], dtype=np.int64),
    )
    as_tuples = [((doc << 64) | (start << 32) | (start + 3), CodeId(code)) for doc, code, start in apart]
    assert passages == as_tuples and list(passages[1:3]) == as_tuples[1:3]
    assert prefer_specific(found, TREE, passages) == prefer_specific(found, TREE, as_tuples)


def test_a_passage_set_apart_for_a_subcode_drops_its_parents_candidate_not_a_named_one() -> None:
    parent = Candidate(DocumentId(1), CodeId(1), 0, 3, 0.5, ("terms",), "")
    named = Candidate(DocumentId(1), CodeId(2), 0, 3, 0.5, ("terms",), "", named=True)
    elsewhere = Candidate(DocumentId(2), CodeId(1), 0, 3, 0.5, ("terms",), "")
    apart = PassagesApart(*(np.array([value], dtype=np.int64) for value in (1, 0, 3, 3)))
    assert prefer_specific([parent, named, elsewhere], TREE, apart) == [named, elsewhere]


@settings(max_examples=300, deadline=None)
@given(
    own=st.dictionaries(
        st.tuples(st.integers(1, 3), st.sampled_from(["1a", "1b", "2"])),
        st.lists(_SPANS, max_size=5),
        max_size=8,
    ),
    refs=st.sets(st.sampled_from(["1a", "1b", "2"])),
    probes=st.lists(st.tuples(st.integers(1, 4), st.integers(0, 270)), max_size=30),
)
def test_a_position_in_an_answer_to_the_questions_by_bisection_as_by_each_part(
    own: dict[tuple[int, str], list[tuple[int, int]]], refs: set[str], probes: list[tuple[int, int]]
) -> None:
    answers = {(DocumentId(doc), ref): parts for (doc, ref), parts in own.items()}
    inside = answered_within(answers, refs)
    for doc, position in probes:
        expected = any(s <= position < e for ref in refs for s, e in answers.get((DocumentId(doc), ref), ()))
        assert inside(DocumentId(doc), position) == expected


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.lists(st.tuples(st.integers(0, 7), st.sampled_from([0.0, 0.25, 0.5, 1.0])), max_size=8),
        max_size=6,
    ),
    profiles=st.lists(
        st.lists(st.sampled_from([-0.5, 0.0, 0.5, 1.0, 2.0]), min_size=8, max_size=8), min_size=1, max_size=3
    ),
    chosen=st.lists(st.tuples(st.integers(0, 5), st.integers(0, 2)), max_size=8),
)
def test_the_top_contributions_of_many_rows_at_once_are_each_rows_own(
    rows: list[list[tuple[int, float]]],
    profiles: list[list[float]],
    chosen: list[tuple[int, int]],
) -> None:
    """Equal products and stems spelt alike (ties) as often as not: the order must be the loop's."""
    stems = ["b", "a", "c", "a", "d", "b", "e", "f"]  # ids 1 and 3, 0 and 5 spelt the same
    columns: list[int] = []
    weights: list[float] = []
    bounds = [0]
    for row in rows:
        once = dict(row)  # each stem once per row
        columns += once
        weights += once.values()
        bounds.append(len(columns))
    column_array = np.array(columns, dtype=np.int32)
    weight_array = np.array(weights, dtype=np.float64)
    matrix = np.array(profiles, dtype=np.float64)
    wanted = [(row, number % len(profiles)) for row, number in chosen if row < len(rows)]
    found = top_contributions_of_many(
        stems,
        column_array,
        weight_array,
        matrix,
        np.array([bounds[row] for row, _ in wanted], dtype=np.int64),
        np.array([bounds[row + 1] for row, _ in wanted], dtype=np.int64),
        np.array([number for _, number in wanted], dtype=np.int64),
    )
    assert found == [
        top_contributions(
            stems,
            column_array[bounds[row] : bounds[row + 1]],
            weight_array[bounds[row] : bounds[row + 1]],
            matrix[number],
        )
        for row, number in wanted
    ]


def test_a_reason_made_keeps_every_other_field_of_the_candidate() -> None:
    """``with_reason`` builds the candidate field by field: a field it forgot would be lost on the way."""
    candidate = Candidate(
        DocumentId(3),
        CodeId(4),
        5,
        9,
        0.75,
        ("terms", "similar"),
        "",
        (("trust", ("trusts",)),),
        "Trust",
        2,
        True,
        why=lambda: "Because.",
    )
    made = with_reason(candidate)
    assert made.reason == "Because." and made.why is None
    for name in (f.name for f in fields(Candidate)):
        if name not in ("reason", "why"):
            assert getattr(made, name) == getattr(candidate, name), name
