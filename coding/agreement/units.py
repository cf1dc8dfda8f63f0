"""From two coders' codings to agreement tables: the units of comparison and who coded what in them.

Pure and Qt-free: everything here works on plain spans, so that the rules can be tested directly.
A coder's codings of one document are :class:`Span` s (start, end, code). Each level builds, per
code, the counts of a 2×2 table (coded by both, by A only, by B only, by neither) and, when asked,
the disagreements: the units where the two coders' codes differ.

* ``document``: a code is present in a document for a coder when the coder coded it there at all;
* ``segment``: A's and B's passages with a code are matched one to one when they overlap by at
  least ``overlap`` of the shorter passage (the largest overlaps first); a match is an agreement,
  a passage without a match a disagreement. There is no "neither" cell at this level;
* ``sentence`` / ``turn`` / any given spans: a code is present in a unit for a coder when the
  coder's passages with that code cover at least ``overlap`` of the unit's characters;
* ``character``: every character of the document is a unit; a code is present on a character
  when one of the coder's passages with that code contains it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

UNIT_LEVELS = ("document", "segment", "sentence", "turn", "character")

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s|$)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    code: int


@dataclass
class Counts:
    """One code's 2×2 table: units coded by both coders, by A only, by B only, by neither."""

    both: int = 0
    only_a: int = 0
    only_b: int = 0
    neither: int = 0

    def add(self, other: Counts) -> None:
        self.both += other.both
        self.only_a += other.only_a
        self.only_b += other.only_b
        self.neither += other.neither


@dataclass(frozen=True)
class UnitDifference:
    """A unit where the coders differ: its span and the codes each coder gave it (code ids)."""

    start: int
    end: int
    codes_a: frozenset[int]
    codes_b: frozenset[int]


@dataclass
class DocumentResult:
    counts: dict[int, Counts] = field(default_factory=lambda: defaultdict(Counts))
    differences: list[UnitDifference] = field(default_factory=list)
    units: int = 0


def merged(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _length(intervals: Sequence[tuple[int, int]]) -> int:
    return sum(e - s for s, e in intervals)


def _intersection(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    i = j = total = 0
    while i < len(a) and j < len(b):
        low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if low < high:
            total += high - low
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def _by_code(spans: Iterable[Span]) -> dict[int, list[tuple[int, int]]]:
    grouped: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        grouped[span.code].append((span.start, span.end))
    return grouped


def _count_sets(result: DocumentResult, codes: Iterable[int], a: frozenset[int], b: frozenset[int]) -> None:
    for code in codes:
        in_a, in_b = code in a, code in b
        counts = result.counts[code]
        if in_a and in_b:
            counts.both += 1
        elif in_a:
            counts.only_a += 1
        elif in_b:
            counts.only_b += 1
        else:
            counts.neither += 1


def by_document(
    length: int, a: Sequence[Span], b: Sequence[Span], codes: Sequence[int], differences: bool
) -> DocumentResult:
    result = DocumentResult(units=1)
    codes_a = frozenset(s.code for s in a)
    codes_b = frozenset(s.code for s in b)
    _count_sets(result, codes, codes_a, codes_b)
    wanted = frozenset(codes)
    if differences and codes_a & wanted != codes_b & wanted:
        result.differences.append(UnitDifference(0, length, codes_a & wanted, codes_b & wanted))
    return result


def by_units(
    units: Sequence[tuple[int, int]],
    a: Sequence[Span],
    b: Sequence[Span],
    codes: Sequence[int],
    overlap: float,
    differences: bool,
) -> DocumentResult:
    """Sentences, turns or any other spans as units; ``units`` sorted and not overlapping."""
    result = DocumentResult(units=len(units))
    present_a = _present(units, a, overlap)
    present_b = _present(units, b, overlap)
    wanted = frozenset(codes)
    empty: frozenset[int] = frozenset()
    for index in present_a.keys() | present_b.keys():
        codes_a = present_a.get(index, empty) & wanted
        codes_b = present_b.get(index, empty) & wanted
        for code in codes_a | codes_b:
            counts = result.counts[code]
            if code in codes_a and code in codes_b:
                counts.both += 1
            elif code in codes_a:
                counts.only_a += 1
            else:
                counts.only_b += 1
        if differences and codes_a != codes_b:
            start, end = units[index]
            result.differences.append(UnitDifference(start, end, codes_a, codes_b))
    for code in codes:
        counts = result.counts[code]
        counts.neither = len(units) - counts.both - counts.only_a - counts.only_b
    result.differences.sort(key=lambda d: d.start)
    return result


def _present(
    units: Sequence[tuple[int, int]], spans: Sequence[Span], overlap: float
) -> dict[int, frozenset[int]]:
    """Unit index → the codes whose passages cover at least ``overlap`` of the unit."""
    if not units:
        return {}
    ends = [end for _start, end in units]
    covered: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for span in spans:
        index = bisect_right(ends, span.start)
        while index < len(units) and units[index][0] < span.end:
            start, end = units[index]
            low, high = max(start, span.start), min(end, span.end)
            if low < high:
                covered[(index, span.code)].append((low, high))
            index += 1
    present: dict[int, set[int]] = defaultdict(set)
    for (index, code), parts in covered.items():
        start, end = units[index]
        need = max(1.0, overlap * (end - start))
        if _length(merged(parts)) >= need - 1e-9:
            present[index].add(code)
    return {index: frozenset(found) for index, found in present.items()}


def by_character(
    length: int, a: Sequence[Span], b: Sequence[Span], codes: Sequence[int], differences: bool
) -> DocumentResult:
    result = DocumentResult(units=length)
    grouped_a, grouped_b = _by_code(a), _by_code(b)
    for code in codes:
        ma, mb = merged(grouped_a.get(code, ())), merged(grouped_b.get(code, ()))
        both = _intersection(ma, mb)
        la, lb = _length(ma), _length(mb)
        result.counts[code] = Counts(both, la - both, lb - both, length - la - lb + both)
    if differences:
        result.differences = _character_differences(a, b, frozenset(codes))
    return result


def _character_differences(
    a: Sequence[Span], b: Sequence[Span], wanted: frozenset[int]
) -> list[UnitDifference]:
    """The stretches of text where the codes of A and B differ (adjacent equal stretches joined)."""
    events: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # position → (coder, code, +1/-1)
    for coder, spans in ((0, a), (1, b)):
        for span in spans:
            if span.code in wanted:
                events[span.start].append((coder, span.code, 1))
                events[span.end].append((coder, span.code, -1))
    active: tuple[dict[int, int], dict[int, int]] = ({}, {})
    out: list[UnitDifference] = []
    previous: int | None = None
    for position in sorted(events):
        if previous is not None and previous < position:
            codes_a = frozenset(c for c, n in active[0].items() if n > 0)
            codes_b = frozenset(c for c, n in active[1].items() if n > 0)
            if codes_a != codes_b:
                last = out[-1] if out else None
                if last and last.end == previous and (last.codes_a, last.codes_b) == (codes_a, codes_b):
                    out[-1] = UnitDifference(last.start, position, codes_a, codes_b)
                else:
                    out.append(UnitDifference(previous, position, codes_a, codes_b))
        for coder, code, step in events[position]:
            active[coder][code] = active[coder].get(code, 0) + step
        previous = position
    return out


def by_segment(
    a: Sequence[Span], b: Sequence[Span], codes: Sequence[int], overlap: float, differences: bool
) -> DocumentResult:
    result = DocumentResult()
    grouped_a, grouped_b = _by_code(a), _by_code(b)
    for code in codes:
        spans_a = sorted(grouped_a.get(code, ()))
        spans_b = sorted(grouped_b.get(code, ()))
        matches = _match(spans_a, spans_b, overlap)
        counts = result.counts[code]
        counts.both = len(matches)
        counts.only_a = len(spans_a) - len(matches)
        counts.only_b = len(spans_b) - len(matches)
        result.units += len(spans_a) + len(spans_b) - len(matches)
        if differences:
            matched_a = {i for i, _j in matches}
            matched_b = {j for _i, j in matches}
            one = frozenset((code,))
            none: frozenset[int] = frozenset()
            result.differences += [
                UnitDifference(s, e, one, none) for i, (s, e) in enumerate(spans_a) if i not in matched_a
            ]
            result.differences += [
                UnitDifference(s, e, none, one) for j, (s, e) in enumerate(spans_b) if j not in matched_b
            ]
    result.differences.sort(key=lambda d: (d.start, d.end))
    return result


def _match(
    spans_a: Sequence[tuple[int, int]], spans_b: Sequence[tuple[int, int]], overlap: float
) -> list[tuple[int, int]]:
    """Pairs (i, j) matched one to one, the largest relative overlaps first."""
    candidates: list[tuple[float, int, int]] = []
    starts_b = [s for s, _e in spans_b]
    longest_b = max((e - s for s, e in spans_b), default=0)
    for i, (sa, ea) in enumerate(spans_a):
        # B's passages that can overlap: those starting before ea and not ending before sa.
        first = bisect_right(starts_b, sa - longest_b)
        for j in range(first, len(spans_b)):
            sb, eb = spans_b[j]
            if sb >= ea:
                break
            shared = min(ea, eb) - max(sa, sb)
            if shared <= 0:
                continue
            ratio = shared / min(ea - sa, eb - sb)
            if ratio >= overlap - 1e-12:
                candidates.append((-ratio, i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _ratio, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return pairs


def sentences(text: str, turns: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sentences by punctuation, the rule selection snapping uses: a sentence ends at ``.``, ``!``,
    ``?`` or ``…`` (with closing quotes or brackets) or at the end of a line; a speaker label (the
    part of a turn before its body, given as ``(turn start, body start)``) belongs to none."""
    labels = sorted(turns)
    label_starts = [s for s, _b in labels]
    out: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        line_start, line_end = position, position + len(line)
        position = line_end + 1
        body = line_start
        found = bisect_right(label_starts, line_start) - 1
        if found >= 0 and labels[found][0] == line_start and labels[found][1] <= line_end:
            body = labels[found][1]
        start = body
        for match in _SENTENCE_END.finditer(text, body, line_end):
            _add_trimmed(out, text, start, match.end())
            start = match.end()
        _add_trimmed(out, text, start, line_end)
    return out


def _add_trimmed(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))
