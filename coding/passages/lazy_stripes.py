"""Coding stripes laid out where they are looked at: the lanes of a long transcript, part by part.

:func:`~coding.passages.stripe_layout.layout_stripes` lays out every coding of a document at once
(30,000 in a 3M-character transcript: ≈ 0.1 s). A view only ever shows a screenful, so
:class:`LazyStripes` lays out the stripes of the paragraphs asked for (:meth:`LazyStripes.around`)
and keeps them. That gives the same lanes as the whole layout: past a paragraph boundary that no
passage crosses every lane is free, so the stripes between two such boundaries do not depend on
what comes before them.

The number of lanes (how wide the margin is) is known without laying anything out: lanes are
filled lowest first in order of position, so a document needs as many lanes as the most codings
sharing one paragraph (the depth); it is kept per paragraph and follows a splice.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from itertools import accumulate, repeat
from operator import attrgetter

from coding.core.ids import CodeId, PassageId
from coding.core.records import PassageInfo
from coding.passages.passage_index import PassageIndex
from coding.passages.stripe_layout import Stripe, _lay, _ranking

#: Characters laid out beyond the range asked for, so that scrolling a little lays out nothing new.
AHEAD = 20_000

_END_OF_TEXT = 1 << 62
_START = attrgetter("start")
_END = attrgetter("end")
_CODINGS = attrgetter("codings")


def _depth_changes(passages: Iterable[PassageInfo], starts: list[int]) -> list[int]:
    """Per paragraph, how many more (or fewer) codings are open there than on the paragraph before."""
    passages = list(passages)
    firsts = map(bisect_right, repeat(starts), map(_START, passages))
    lasts = map(bisect_right, repeat(starts), map((-1).__add__, map(_END, passages)))
    changes = [0] * (len(starts) + 1)
    for first, last, codings in zip(firsts, lasts, map(len, map(_CODINGS, passages)), strict=True):
        changes[first - 1] += codings
        changes[last] -= codings  # last is the paragraph after the passage's last
    return changes


class LazyStripes:
    """The stripe layout of one document's passages, laid out on demand."""

    def __init__(
        self,
        index: PassageIndex,
        starts: list[int],
        code_rank: Mapping[CodeId, int] | Callable[[CodeId], int] | None = None,
        *,
        ahead: int = AHEAD,
    ) -> None:
        self.index = index
        self._ahead = ahead
        self._starts = starts
        self._rank = _ranking(code_rank)
        #: Codings open in each paragraph; the lanes needed are the most of them.
        self._depth = list(accumulate(_depth_changes(index.passages, starts)))
        self.lanes = max(self._depth, default=0)
        self._by_passage: dict[PassageId, list[Stripe]] = {}
        self._laid: list[tuple[int, int]] = []  # character ranges laid out, disjoint, by start

    # -- reading -------------------------------------------------------------------------
    def around(self, start: int, end: int) -> None:
        """Lay out (if not yet) the stripes of every passage sharing a character with ``[start, end)``."""
        laid = self._laid
        i = bisect_right(laid, (start, _END_OF_TEXT)) - 1
        if i >= 0 and laid[i][0] <= start and end <= laid[i][1]:
            return
        self._lay_region(*self._region(max(start - self._ahead, 0), end + self._ahead))

    def _lay_region(self, first: int, stop: int | None) -> None:
        """Lay out the stripes of the passages starting in ``[first, stop)``, two free boundaries."""
        by_passage = self._by_passage
        region = self.index.starting_between(first, stop)
        for passage in region:
            by_passage.pop(passage.id, None)
        for stripe in _lay(region, self._starts, self._rank):
            by_passage.setdefault(stripe.passage_id, []).append(stripe)
        self._cover(first, stop if stop is not None else _END_OF_TEXT)

    def of(self, passage_id: PassageId) -> list[Stripe]:
        """The stripes of one passage laid out so far (after :meth:`around` its range: all of them)."""
        return self._by_passage.get(passage_id, [])

    @property
    def stripes(self) -> tuple[Stripe, ...]:
        """Every stripe, by position (lays out the whole document: for tests and exports)."""
        self.around(0, _END_OF_TEXT)
        laid = (stripe for passage in self.index.passages for stripe in self.of(passage.id))
        rank = self._rank
        return tuple(sorted(laid, key=lambda s: (s.start, -s.end, rank(s.code_id))))

    # -- changing ------------------------------------------------------------------------
    def replace(self, start: int, end: int, fresh: Iterable[PassageInfo]) -> list[PassageInfo]:
        """Put ``fresh`` in place of the passages overlapping ``[start, end)`` (``end > start``), as
        :meth:`PassageIndex.replace` does; the stripes between the free paragraph boundaries around
        them are laid out again (at once where they had been laid out, else when first asked for).
        Returns the passages taken out and put in (their fills may have changed)."""
        fresh = list(fresh)
        gone = self.index.overlapping(start, end)
        changed = self.index.replace(start, end, fresh)
        depth, starts = self._depth, self._starts
        for passages, sign in ((gone, -1), (fresh, 1)):
            for passage in passages:
                first = bisect_right(starts, passage.start) - 1
                last = bisect_right(starts, passage.end - 1) - 1
                for paragraph in range(first, last + 1):
                    depth[paragraph] += sign * len(passage.codings)
        self.lanes = max(depth, default=0)
        first, stop = self._region(*changed)
        for passage in gone:
            self._by_passage.pop(passage.id, None)
        end_of_region = stop if stop is not None else _END_OF_TEXT
        if any(low < end_of_region and high > first for low, high in self._laid):
            self._lay_region(first, stop)  # laid out before: again now, only between the free boundaries
        return [*gone, *fresh]

    # -- regions -------------------------------------------------------------------------
    def _region(self, start: int, end: int) -> tuple[int, int | None]:
        """The characters from the free paragraph boundary at or before ``start`` to the one after
        ``end`` (``None``: the end of the text)."""
        starts, index = self._starts, self.index
        low = bisect_right(starts, start) - 1
        high = bisect_right(starts, max(start, end - 1))
        while low > 0 and index.crosses(starts[low]):
            low -= 1
        while high < len(starts) and index.crosses(starts[high]):
            high += 1
        return (starts[low] if low > 0 else 0), (starts[high] if high < len(starts) else None)

    def _cover(self, first: int, stop: int) -> None:
        kept = [r for r in self._laid if r[1] < first or r[0] > stop]
        merged = [r for r in self._laid if not (r[1] < first or r[0] > stop)]
        low = min([first, *(r[0] for r in merged)])
        high = max([stop, *(r[1] for r in merged)])
        self._laid = sorted([*kept, (low, high)])
