"""The units co-occurrence and code queries count in, and which units a passage touches.

A unit is a span of a document (code points, end exclusive). The units of one document are
sorted and do not overlap, so the units a passage touches are one run of consecutive indices,
found by bisection. ``overlap`` has no fixed units (see :mod:`coding.analysis.counting`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

#: How co-occurrence is counted: passages that overlap, the same indexed sentence, the same
#: speaker turn, the same document.
UNITS = ("overlap", "sentence", "turn", "document")
#: The units a code query evaluates in.
QUERY_UNITS = ("turn", "sentence", "document")

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class UnitSpans:
    """The units of one document, in text order: ``starts[i]:ends[i]`` is unit ``i``."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @staticmethod
    def of(spans: Iterable[tuple[int, int]]) -> UnitSpans:
        """Sorted, empty spans dropped; a span overlapping the one before is cut to follow it."""
        given = list(spans)
        if all(s < e for s, e in given) and all(a[1] <= b[0] for a, b in pairwise(given)):
            return UnitSpans(tuple(s for s, _e in given), tuple(e for _s, e in given))  # the usual case
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(given):
            if ends and start < ends[-1]:
                start = ends[-1]
            if end <= start:
                continue
            starts.append(start)
            ends.append(end)
        return UnitSpans(tuple(starts), tuple(ends))

    def __len__(self) -> int:
        return len(self.starts)

    def touched(self, start: int, end: int) -> range:
        """The units ``start:end`` shares at least one character with."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        return range(first, last if last > first else first)

    def span(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs (text between blank lines) of ``text[start:end]``, trimmed, empty ones left out."""
    out: list[tuple[int, int]] = []
    position = start
    for blank in _BLANK_LINE.finditer(text, start, end):
        out.append((position, blank.start()))
        position = blank.end()
    out.append((position, end))
    trimmed = []
    for first, last in out:
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        if first < last:
            trimmed.append((first, last))
    return trimmed


def turn_units(turns: Sequence[tuple[int, int]], text: str) -> UnitSpans:
    """The speaker turns (label included), and outside the turns (a header, a document without
    turns) the paragraphs, each as a unit of its own."""
    spans: list[tuple[int, int]] = []
    position = 0
    for start, end in sorted(turns):
        if start > position:
            spans.extend(paragraphs(text, position, start))
        spans.append((start, end))
        position = max(position, end)
    if position < len(text):
        spans.extend(paragraphs(text, position, len(text)))
    return UnitSpans.of(spans)


def document_units(length: int) -> UnitSpans:
    """The whole document as one unit (an empty document: one empty unit no passage touches)."""
    return UnitSpans((0,), (max(length, 1),))
