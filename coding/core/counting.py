"""How coded passages are counted, one definition for the codebook, Compare, exports and the CLI.

A code counts the coded passages of its subtree (the code, its dimensions and indicators), each
passage once, however many of the subtree's codes (or coders) it carries.
"""

from __future__ import annotations

from collections import Counter, defaultdict
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


def passage_count_delta(
    now: Iterable[tuple[CodeId, int]],
    coded: Iterable[tuple[CodeId, int, int]],
    parents: Mapping[CodeId, CodeId | None],
) -> dict[CodeId, int]:
    """How :func:`passages_per_subtree` moved when the codings ``coded`` (code, passage, sign: +1
    added, −1 taken away) happened, from the (code, passage) codings ``now`` on those passages
    (one pair per coding, after the change). Codes whose count did not move are left out."""
    after: dict[int, Counter[CodeId]] = defaultdict(Counter)
    for code, passage in now:
        after[passage][code] += 1
    before: dict[int, Counter[CodeId]] = defaultdict(Counter)
    for code, passage, sign in coded:
        if passage not in before:
            before[passage] = Counter(after.get(passage, ()))
        before[passage][code] -= sign

    def covered(codes: Counter[CodeId]) -> set[CodeId]:
        owners: set[CodeId] = set()
        for code, count in codes.items():
            owner: CodeId | None = code
            while count > 0 and owner is not None and owner in parents and owner not in owners:
                owners.add(owner)
                owner = parents[owner]
        return owners

    delta: Counter[CodeId] = Counter()
    for passage, was in before.items():
        then, later = covered(was), covered(after.get(passage, Counter()))
        delta.update(later - then)
        delta.subtract(then - later)
    return {code: moved for code, moved in delta.items() if moved}
