"""Coding stripes beside a transcript: one stripe per coding, laid out in lanes that never collide.

Two stripes share a lane only if their passages lie in different paragraphs (lines of the stored
text), so stripes drawn beside the text never touch. Lanes are filled lowest first, in order of
position, which keeps the layout stable: adding a coding moves few other stripes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

from coding.core.ids import CodeId, CodingId, PassageId
from coding.core.records import PassageInfo
from coding.passages.passage_index import PassageIndex


class Stripe(NamedTuple):
    """One coding beside the text (a named tuple: thousands are made per layout)."""

    coding_id: CodingId
    passage_id: PassageId
    code_id: CodeId
    start: int
    end: int
    lane: int
    memo: str
    coder: str | None


@dataclass(frozen=True)
class StripeLayout:
    stripes: tuple[Stripe, ...]
    lanes: int

    def by_coding(self) -> dict[CodingId, Stripe]:
        return {s.coding_id: s for s in self.stripes}


def line_starts(text: str) -> list[int]:
    """Offsets where each line (paragraph) of ``text`` starts."""
    starts = [0]
    find = text.find
    position = find("\n")
    while position != -1:
        starts.append(position + 1)
        position = find("\n", position + 1)
    return starts


def paragraph_of(starts: list[int], position: int) -> int:
    return bisect_right(starts, position) - 1


def _no_rank(_code_id: CodeId) -> int:
    return 0


def _ranking(code_rank: Mapping[CodeId, int] | Callable[[CodeId], int] | None) -> Callable[[CodeId], int]:
    if code_rank is None:
        return _no_rank
    if callable(code_rank):
        return code_rank
    ranks = code_rank

    def rank(code_id: CodeId) -> int:
        return ranks.get(code_id, 1 << 30)

    return rank


def _lay(passages: Iterable[PassageInfo], starts: list[int], rank: Callable[[CodeId], int]) -> list[Stripe]:
    """Lanes for the codings of ``passages``, from empty lanes, lowest free lane first."""
    items = []
    for passage in passages:
        first = bisect_right(starts, passage.start) - 1
        last = bisect_right(starts, max(passage.start, passage.end - 1)) - 1
        for application in passage.codings:
            items.append(
                (passage.start, -passage.end, rank(application.code_id), first, last, passage, application)
            )
    items.sort(key=itemgetter(0, 1, 2))
    lane_last: list[int] = []
    stripes: list[Stripe] = []
    append = stripes.append
    for _start, _neg_end, _rank, first, last, passage, application in items:
        for lane, busy_until in enumerate(lane_last):
            if busy_until < first:
                lane_last[lane] = last
                break
        else:
            lane = len(lane_last)
            lane_last.append(last)
        append(
            Stripe(
                application.coding_id,
                passage.id,
                application.code_id,
                passage.start,
                passage.end,
                lane,
                application.memo,
                application.coder,
            )
        )
    return stripes


def layout_stripes(
    index: PassageIndex,
    starts: list[int],
    code_rank: Mapping[CodeId, int] | Callable[[CodeId], int] | None = None,
) -> StripeLayout:
    """Assign every coding of ``index`` a lane; ``code_rank`` orders codes on one passage."""
    stripes = _lay(index.passages, starts, _ranking(code_rank))
    return StripeLayout(tuple(stripes), 1 + max(map(_LANE, stripes), default=-1))


_LANE = itemgetter(5)
