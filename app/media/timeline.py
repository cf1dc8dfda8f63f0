"""Where a recording's position falls among a document's timed turns (no Qt, no I/O)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from operator import attrgetter

from coding.core.records import TurnInfo

_TIME_AND_START = attrgetter("timestamp", "start")


class Timeline:
    """The turns of one document that carry a time (``[00:12:31]`` labels, subtitle cues), by time."""

    def __init__(self, turns: Sequence[TurnInfo]) -> None:
        self.turns = sorted((t for t in turns if t.timestamp is not None), key=_TIME_AND_START)
        self._times = [float(t.timestamp or 0.0) for t in self.turns]

    def __bool__(self) -> bool:
        return bool(self.turns)

    def turn_at(self, seconds: float) -> TurnInfo | None:
        """The turn being spoken at ``seconds``: the last one that started at or before it."""
        i = bisect_right(self._times, seconds + 1e-6) - 1
        return self.turns[i] if i >= 0 else None

    @property
    def times(self) -> list[float]:
        return list(self._times)


def clock(milliseconds: int) -> str:
    """``h:mm:ss`` (or ``m:ss`` under an hour) of a position in milliseconds."""
    total = max(0, milliseconds) // 1000
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
