"""The comparisons kept between finds (:mod:`coding.language.suggestions.seen`): a passage and code looked up gives
what was kept for it, whatever else was kept before or after, and nothing for one never kept."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from coding.language.suggestions import seen as seen_module
from coding.language.suggestions.seen import SeenResemblances, passage_keys

_PASSAGE = st.tuples(
    st.integers(0, 3), st.integers(0, 3), st.integers(0, (1 << 32) - 1), st.integers(0, (1 << 32) - 1)
)


def _candidates(passages: list[tuple[int, int, int, int]]) -> list[Any]:
    return [SimpleNamespace(document_id=d, code_id=c, start=s, end=e) for d, c, s, e in passages]


def _figures(passage: tuple[int, int, int, int]) -> tuple[bool, float, int, float]:
    """What a comparison of ``passage`` gave, made up from it (each passage its own figures)."""
    d, c, s, e = passage
    return (d + s) % 3 != 0, (s % 1000) / 7.0, (e + c) % 5, -(e % 997) / 3.0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_PASSAGE, max_size=12), max_size=5), st.lists(_PASSAGE, max_size=12), st.booleans())
@example(  # one passage many times in a batch, past the most kept only if counted each time: kept once
    batches=[[(0, 0, 0, 1)], [(0, 0, 0, 0)] * 12], asked=[(0, 0, 0, 0), (0, 0, 0, 1)], small=True
)
def test_kept_comparisons_are_found_again(
    batches: list[list[tuple[int, int, int, int]]], asked: list[tuple[int, int, int, int]], small: bool
) -> None:
    seen = SeenResemblances()
    kept: set[tuple[int, int, int, int]] = set()
    with pytest.MonkeyPatch.context() as patch:
        if small:  # past the most kept, what was kept is let go
            patch.setattr(seen_module, "MOST_KEPT", 10)
        for batch in batches:
            keys = passage_keys(_candidates(batch))
            assert keys is not None
            new = [i for i, at in enumerate(seen.find(keys).tolist()) if at < 0]
            assert {batch[i] for i in new} == set(batch) - kept
            if not new:
                continue
            figures = [_figures(batch[i]) for i in new]
            seen.add(
                keys[new],
                *(np.array([f[n] for f in figures]) for n in range(4)),
            )
            fresh = {batch[i] for i in new}  # a passage twice in a batch is kept once, and counted once
            kept = fresh if len(kept) + len(fresh) > seen_module.MOST_KEPT else kept | fresh
            assert len(seen) == len(kept)
    keys = passage_keys(_candidates(asked))
    assert keys is not None
    at = seen.find(keys).tolist()
    for passage, found in zip(asked, at, strict=True):
        if passage not in kept:
            assert found == -1
            continue
        assert found >= 0
        known, similarity, rank, margin = _figures(passage)
        assert bool(seen.known[found]) == known and float(seen.similarity[found]) == similarity
        assert int(seen.rank[found]) == rank and float(seen.margin[found]) == margin


def test_a_passage_beyond_the_keys_is_not_kept() -> None:
    assert passage_keys(_candidates([(1, 2, 3, 1 << 32)])) is None
    assert passage_keys(_candidates([(1 << 32, 2, 3, 4)])) is None
    keys = passage_keys(_candidates([(1, 2, 3, 4), (1, 2, 4, 3)]))
    assert keys is not None and np.argsort(keys).tolist() == [0, 1]  # the keys sort as the numbers
