"""How coded passages are counted, one definition for the codebook, Compare, exports and the CLI.

A code counts the coded passages of its subtree (the code, its dimensions and indicators), each
passage once, however many of the subtree's codes (or coders) it carries.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import groupby
from operator import itemgetter

from coding.core.ids import CodeId

_CODE, _PASSAGE = itemgetter(0), itemgetter(1)

#: The rule in words, for tooltips and help.
COUNT_RULE = "a passage counts once per code with its subcodes, however many of their codes it carries"


def passages_per_subtree(
    codings: Iterable[tuple[CodeId, int]], parents: Mapping[CodeId, CodeId | None]
) -> dict[CodeId, int]:
    """For each code of ``parents`` (code → parent), the number of distinct passages coded with it or
    a code below it, from (code, passage) pairs."""
    # Sets built and merged in C (grouped by code, each subtree's set folded into its parent's,
    # deepest codes first): ≈ 5× quicker than walking every coding up the tree.
    seen: dict[CodeId, set[int]] = {}
    for code, group in groupby(sorted(codings, key=_CODE), _CODE):
        if code in parents:
            seen[code] = set(map(_PASSAGE, group))
    depth: dict[CodeId, int] = {}
    for code in parents:
        chain = []
        owner: CodeId | None = code
        while owner is not None and owner in parents and owner not in depth:
            chain.append(owner)
            owner = parents[owner]
        base = depth.get(owner, -1) if owner is not None else -1
        for step, link in enumerate(reversed(chain), start=1):
            depth[link] = base + step
    for code in sorted(parents, key=depth.__getitem__, reverse=True):
        parent = parents[code]
        below = seen.get(code)
        if parent is None or parent not in parents or not below:
            continue
        if parent in seen:
            seen[parent] |= below
        else:
            seen[parent] = set(below)
    return {code: len(seen.get(code, ())) for code in parents}


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
