"""Fast look-ups over a document's coded passages: which passages overlap a range or hold a position.

The transcript view asks these questions on every paint, hover and click, so they must not scan
all passages of a long transcript. Passages are kept sorted by start with a running maximum of
their ends; a query bisects to the candidates and scans only those that can still overlap.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from operator import attrgetter

from coding.core.ids import CodingId, PassageId
from coding.core.records import PassageInfo

#: Passages in order of position (start, end, id), the key computed in C.
_order = attrgetter("start", "end", "id")


class PassageIndex:
    """Index over the passages of one document; a view splices what a change re-read into it
    (:meth:`replace`)."""

    __slots__ = ("_by_coding", "_by_id", "_ends_max", "_starts", "passages")

    def __init__(self, passages: Iterable[PassageInfo] = ()) -> None:
        self.passages: list[PassageInfo] = sorted(passages, key=_order)
        self._starts = [s.start for s in self.passages]
        self._ends_max = list(accumulate((s.end for s in self.passages), max))
        self._by_id = {s.id: s for s in self.passages}
        self._by_coding: dict[CodingId, PassageInfo] | None = None  # built when first asked

    def replace(self, start: int, end: int, fresh: Iterable[PassageInfo]) -> tuple[int, int]:
        """Put ``fresh`` (what a view re-read after a change) in place of the passages overlapping
        ``[start, end)`` (``end > start``), in place: the others are neither sorted nor indexed
        again, nor copied (a 3M-character transcript's 23,500 passages and 30,000 codings: copying
        them took ≈ 2 ms per coding). Returns the character range outside which nothing changed."""
        fresh = list(fresh)
        passages, starts, ends_max = self.passages, self._starts, self._ends_max
        stop = bisect_left(starts, end)
        first = bisect_right(ends_max, start, 0, stop)
        low = min([first, *(bisect_left(starts, s.start, 0, first) for s in fresh)])
        gone = [s for s in passages[first:stop] if s.end > start]
        middle = sorted(
            [s for s in passages[low:stop] if s.end <= start or s.start >= end] + fresh, key=_order
        )
        changed = (
            min([start, *(s.start for s in gone), *(s.start for s in fresh)]),
            max([end, *(s.end for s in gone), *(s.end for s in fresh)]),
        )
        # The running maximum of the ends: again for the middle, then for the rest only until it
        # meets the old one (from there on the two are the same).
        running = ends_max[low - 1] if low else 0
        maxima = []
        for passage in middle:
            running = max(running, passage.end)
            maxima.append(running)
        position = stop
        while position < len(passages):
            running = max(running, passages[position].end)
            if running == ends_max[position]:
                break
            maxima.append(running)
            position += 1
        ends_max[low:position] = maxima
        passages[low:stop] = middle
        starts[low:stop] = [s.start for s in middle]
        by_id, by_coding = self._by_id, self._by_coding
        for passage in gone:
            del by_id[passage.id]
        if by_coding is not None:
            for passage in gone:
                for application in passage.codings:
                    by_coding.pop(application.coding_id, None)
            for passage in fresh:
                for application in passage.codings:
                    by_coding[application.coding_id] = passage
        for passage in fresh:
            by_id[passage.id] = passage
        return changed

    def __len__(self) -> int:
        return len(self.passages)

    def __iter__(self) -> Iterator[PassageInfo]:
        return iter(self.passages)

    def get(self, passage_id: PassageId) -> PassageInfo | None:
        return self._by_id.get(passage_id)

    def passage_of(self, coding_id: CodingId) -> PassageInfo | None:
        if self._by_coding is None:  # a long transcript's 30,000 codings: only once one is asked for
            self._by_coding = {a.coding_id: s for s in self.passages for a in s.codings}
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

    def crosses(self, position: int) -> bool:
        """Whether a passage starts before ``position`` and ends after it (spans the boundary)."""
        before = bisect_left(self._starts, position)
        return before > 0 and self._ends_max[before - 1] > position

    def starting_between(self, start: int, stop: int | None) -> list[PassageInfo]:
        """The passages starting at or after ``start`` and before ``stop`` (``None``: the end), by start."""
        first = bisect_left(self._starts, start)
        last = len(self._starts) if stop is None else bisect_left(self._starts, stop)
        return self.passages[first:last]

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
