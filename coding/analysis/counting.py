"""Counting co-occurrence: in how many units each code applies, and each pair of codes together.

Pure functions over plain tuples (fast for hundreds of thousands of codings); the property
tests compare them with a brute-force count.

A code *applies* in a unit when one of its passages shares a character with the unit. A pair
is counted once per unit in which both codes apply, so its count ``n12`` is at most either
code's ``n``, and the c-coefficient ``n12 / (n1 + n2 − n12)`` lies between 0 and 1.

``overlap`` has no fixed units: for a pair of codes, a unit is a run of passages of the two
codes chained by overlaps (two passages overlap when they share a character), and it counts
when it holds passages of both codes, i.e. somewhere in it a passage of one overlaps a passage
of the other. A code's own ``n`` counts the runs of its own overlapping passages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Generic, TypeVar

from coding.analysis.units import UnitSpans

K = TypeVar("K", bound=Hashable)  # a code
D = TypeVar("D", bound=Hashable)  # a document
G = TypeVar("G", bound=Hashable)  # a group (None: all documents)

#: A code applied to ``document[start:end]``.
Applied = tuple[K, D, int, int]
#: Unit ``index`` of ``document``.
UnitKey = tuple[D, int]


@dataclass
class Tally(Generic[K, G]):
    """Per group: units in which each code applies, and units in which each pair applies.

    Pairs are keyed ``(a, b)`` with ``a`` before ``b`` in the order the counting was given.
    """

    n: dict[G, dict[K, int]] = field(default_factory=dict)
    pairs: dict[G, dict[tuple[K, K], int]] = field(default_factory=dict)

    def count(self, group: G, a: K, b: K) -> int:
        if a == b:
            return self.n.get(group, {}).get(a, 0)
        pairs = self.pairs.get(group, {})
        return pairs.get((a, b), 0) or pairs.get((b, a), 0)


def c_coefficient(n12: int, n1: int, n2: int) -> float:
    """ATLAS.ti's c-coefficient ``n12 / (n1 + n2 − n12)``: 0 (never together) to 1 (always)."""
    union = n1 + n2 - n12
    return n12 / union if union > 0 else 0.0


def unit_sets(applied: Iterable[Applied[K, D]], units: Mapping[D, UnitSpans]) -> dict[K, set[UnitKey[D]]]:
    """The units each code applies in. A document without units contributes none."""
    out: dict[K, set[UnitKey[D]]] = defaultdict(set)
    for code, document, start, end in applied:
        spans = units.get(document)
        if spans is None:
            continue
        touched = spans.touched(start, end)
        if touched:
            out[code].update((document, index) for index in touched)
    return dict(out)


def tally_units(
    applied: Iterable[Applied[K, D]],
    units: Mapping[D, UnitSpans],
    group_of: Mapping[D, G],
    order: Sequence[K],
) -> Tally[K, G]:
    """Counts per group of documents (``group_of``; a document not in it is left out)."""
    codes_in: dict[UnitKey[D], set[K]] = defaultdict(set)
    for code, document, start, end in applied:
        spans = units.get(document)
        if spans is None or document not in group_of:
            continue
        for index in spans.touched(start, end):
            codes_in[(document, index)].add(code)
    rank = {code: position for position, code in enumerate(order)}
    tally: Tally[K, G] = Tally()
    for (document, _index), codes in codes_in.items():
        group = group_of[document]
        n = tally.n.setdefault(group, defaultdict(int))
        for code in codes:
            n[code] += 1
        if len(codes) > 1:
            pairs = tally.pairs.setdefault(group, defaultdict(int))
            for pair in combinations(sorted(codes, key=rank.__getitem__), 2):
                pairs[pair] += 1
    return tally


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of overlapping spans as one span each (spans that only touch stay apart)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def mixed_runs(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The runs of overlapping spans of ``a`` and ``b`` together that hold spans of both.

    ``a`` and ``b`` are each :func:`merged` (sorted, no overlaps within one).
    """
    out: list[tuple[int, int]] = []
    items = sorted([(s, e, 0) for s, e in a] + [(s, e, 1) for s, e in b])
    run_start, run_end, kinds = -1, -1, 0
    for start, end, kind in items:
        if start < run_end:
            run_end = max(run_end, end)
            kinds |= 1 << kind
            continue
        if kinds == 3:
            out.append((run_start, run_end))
        run_start, run_end, kinds = start, end, 1 << kind
    if kinds == 3:
        out.append((run_start, run_end))
    return out


def _overlapping_pairs(runs: Mapping[K, list[tuple[int, int]]], rank: Mapping[K, int]) -> set[tuple[K, K]]:
    """Pairs of codes with at least one overlap in one document: a sweep over all runs."""
    items = sorted((start, end, code) for code, spans in runs.items() for start, end in spans)
    active: list[tuple[int, K]] = []  # (end, code) of runs still open
    found: set[tuple[K, K]] = set()
    for start, end, code in items:
        active = [(e, c) for e, c in active if e > start]
        for _e, other in active:
            if other != code:
                found.add((code, other) if rank[code] < rank[other] else (other, code))
        active.append((end, code))
    return found


def tally_overlap(
    applied: Iterable[Applied[K, D]], group_of: Mapping[D, G], order: Sequence[K]
) -> Tally[K, G]:
    """Counts per group when passages that overlap co-occur (see the module's docstring)."""
    spans: dict[D, dict[K, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for code, document, start, end in applied:
        if document in group_of:
            spans[document][code].append((start, end))
    rank = {code: position for position, code in enumerate(order)}
    tally: Tally[K, G] = Tally()
    for document, by_code in spans.items():
        group = group_of[document]
        runs = {code: merged(code_spans) for code, code_spans in by_code.items()}
        n = tally.n.setdefault(group, defaultdict(int))
        for code, code_runs in runs.items():
            n[code] += len(code_runs)
        candidates = _overlapping_pairs(runs, rank)
        if candidates:
            pairs = tally.pairs.setdefault(group, defaultdict(int))
            for a, b in candidates:
                pairs[(a, b)] += len(mixed_runs(runs[a], runs[b]))
    return tally
