"""Fast look-ups over a document's coded passages: which passages overlap a range or hold a position.

The transcript view asks these questions on every paint, hover and click, so they must not scan
all passages of a long transcript. Passages are kept sorted by start with a running maximum of
their ends; a query bisects to the candidates and scans only those that can still overlap.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate

from coding.core.ids import CodingId, PassageId
from coding.core.records import PassageInfo


class PassageIndex:
    """Immutable index over the passages of one document."""

    __slots__ = ("_by_coding", "_by_id", "_ends_max", "_starts", "passages")

    def __init__(self, passages: Iterable[PassageInfo] = ()) -> None:
        self.passages: tuple[PassageInfo, ...] = tuple(sorted(passages, key=lambda s: (s.start, s.end, s.id)))
        self._starts = [s.start for s in self.passages]
        self._ends_max = list(accumulate((s.end for s in self.passages), max))
        self._by_id = {s.id: s for s in self.passages}
        self._by_coding = {a.coding_id: s for s in self.passages for a in s.codings}

    def __len__(self) -> int:
        return len(self.passages)

    def __iter__(self) -> Iterator[PassageInfo]:
        return iter(self.passages)

    def get(self, passage_id: PassageId) -> PassageInfo | None:
        return self._by_id.get(passage_id)

    def passage_of(self, coding_id: CodingId) -> PassageInfo | None:
        return self._by_coding.get(coding_id)

    def overlapping(self, start: int, end: int) -> list[PassageInfo]:
        """Passages sharing at least one character with ``[start, end)``, by start.

        An empty range ``start == end`` asks for the passages holding the character boundary, i.e.
        those with ``s.start < start < s.end`` or starting exactly there.
        """
        if end < start:
            start, end = end, start
        stop = bisect_left(self._starts, end) if end > start else bisect_right(self._starts, start)
        first = bisect_right(self._ends_max, start, 0, stop)
        return [s for s in self.passages[first:stop] if s.end > start]

    def at(self, position: int) -> list[PassageInfo]:
        """Passages containing the character at ``position``, shortest first."""
        found = self.overlapping(position, position + 1)
        return sorted(found, key=lambda s: (s.end - s.start, s.start))

    def innermost(self, position: int) -> PassageInfo | None:
        found = self.at(position)
        return found[0] if found else None

    def changed_range(self, other: PassageIndex) -> tuple[int, int] | None:
        """The smallest character range outside which ``self`` and ``other`` hold the same passages."""
        mine = set(self.passages)
        theirs = set(other.passages)
        differing: Sequence[PassageInfo] = [*(mine - theirs), *(theirs - mine)]
        if not differing:
            return None
        return min(s.start for s in differing), max(s.end for s in differing)
