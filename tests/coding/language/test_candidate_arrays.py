"""The steps over all candidates taken as arrays choose what their loops chose (issue 19): each code's best
(``best_per_code``: the loop with a heap per code as the oracle), for any candidates (Hypothesis)."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from coding.core.ids import CodeId, DocumentId
from coding.language.suggestions.candidates import Candidate, best_per_code


def _best_per_code_by_heap(candidates: Sequence[Candidate], limit: int) -> list[Candidate]:
    """``best_per_code`` as it was: a dict of lists per code, a sort and ``heapq.nsmallest`` per code."""
    by_code: dict[CodeId, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_code[candidate.code_id].append(candidate)
    out: list[Candidate] = []
    for group in by_code.values():
        group.sort(key=lambda c: (c.document_id, -c.score, c.start))
        ranks = []
        previous, rank = None, 0
        for candidate in group:
            rank = rank + 1 if candidate.document_id == previous else 0
            previous = candidate.document_id
            ranks.append(rank)

        def key(
            i: int, group: list[Candidate] = group, ranks: list[int] = ranks
        ) -> tuple[float, int, int, int]:
            c = group[i]
            return (-c.score, ranks[i], c.document_id, c.start)

        out.extend(group[i] for i in heapq.nsmallest(limit, range(len(group)), key=key))
    return out


_CANDIDATE = st.tuples(
    st.sampled_from([7, 3, 12, 5]),  # codes, not in order
    st.integers(1, 4),
    st.integers(0, 30),
    st.integers(0, 8),
    st.sampled_from([0.0, 0.25, 0.4, 0.5, 0.64, 0.9, 1.0]),  # scores with ties
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CANDIDATE, max_size=60), st.integers(-1, 12))
def test_best_per_code_as_arrays_is_the_heaps_choice(
    found: list[tuple[int, int, int, int, float]], limit: int
) -> None:
    candidates = [
        Candidate(DocumentId(d), CodeId(code), s, s + length, score, ("terms",), f"{n}")
        for n, (code, d, s, length, score) in enumerate(found)
    ]
    chosen = best_per_code(candidates, limit)
    expected = _best_per_code_by_heap(candidates, limit)
    assert [id(c) for c in chosen] == [id(c) for c in expected]  # the very objects, in the same order
