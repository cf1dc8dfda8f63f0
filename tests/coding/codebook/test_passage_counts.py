"""The codebook's passage counts (each passage once per code with its subcodes) equal the rule
applied literally, for any tree and any codings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coding.core.counting import passages_per_subtree
from coding.core.ids import CodeId


@st.composite
def trees_and_codings(draw: st.DrawFn) -> tuple[dict[CodeId, CodeId | None], list[tuple[CodeId, int]]]:
    size = draw(st.integers(1, 12))
    parents: dict[CodeId, CodeId | None] = {}
    for code in range(1, size + 1):  # a parent is an earlier code, or none (a top-level code)
        parents[CodeId(code)] = draw(st.sampled_from([None, *range(1, code)]))
    # codings may name a code missing from the tree (deleted meanwhile): not counted anywhere
    codes = st.integers(1, size + 2).map(CodeId)
    codings = draw(st.lists(st.tuples(codes, st.integers(1, 30)), max_size=60))
    return parents, codings


def _literally(parents: dict[CodeId, CodeId | None], codings: list[tuple[CodeId, int]]) -> dict[CodeId, int]:
    def below(code: CodeId, other: CodeId) -> bool:
        owner: CodeId | None = other
        while owner is not None:
            if owner == code:
                return True
            owner = parents.get(owner)
        return False

    return {
        code: len({passage for coded, passage in codings if coded in parents and below(code, coded)})
        for code in parents
    }


@settings(max_examples=150, deadline=None)
@given(trees_and_codings())
def test_counts_equal_the_rule(case: tuple[dict[CodeId, CodeId | None], list[tuple[CodeId, int]]]) -> None:
    parents, codings = case
    assert passages_per_subtree(codings, parents) == _literally(parents, codings)
