"""How coded passages are counted, one definition for the codebook, Compare, exports and the CLI.

A code counts the coded passages of its subtree (the code, its dimensions and indicators), each
passage once, however many of the subtree's codes (or coders) it carries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from coding.core.ids import CodeId

#: The rule in words, for tooltips and help.
COUNT_RULE = "a passage counts once per code with its subcodes, however many of their codes it carries"


def passages_per_subtree(
    codings: Iterable[tuple[CodeId, int]], parents: Mapping[CodeId, CodeId | None]
) -> dict[CodeId, int]:
    """For each code of ``parents`` (code → parent), the number of distinct passages coded with it or
    a code below it, from (code, passage) pairs."""
    seen: dict[CodeId, set[int]] = {code: set() for code in parents}
    for code, passage in codings:
        owner: CodeId | None = code
        while owner is not None and owner in seen:
            seen[owner].add(passage)
            owner = parents[owner]
    return {code: len(passages) for code, passages in seen.items()}
