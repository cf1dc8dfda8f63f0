"""Who speaks where: the interviewer's turns versus the answers.

Which speakers are interviewers is the project's speaker rules (:class:`coding.speakers.speakers.SpeakerRules`,
setting ``interviewer_speakers``), the same the Speakers dialog and ``codewerk speakers`` edit.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TurnSpan:
    start: int
    body_start: int
    end: int
    speaker: str
    interviewer: bool


class TurnMap:
    """The turns of one document, for finding the turn at a position."""

    def __init__(self, turns: Sequence[TurnSpan]) -> None:
        self.turns = sorted(turns, key=lambda t: t.start)
        self._starts = [t.start for t in self.turns]

    def __bool__(self) -> bool:
        return bool(self.turns)

    def at(self, position: int) -> TurnSpan | None:
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and position < self.turns[index].end:
            return self.turns[index]
        return None

    def is_answer(self, position: int) -> bool:
        """In a respondent's turn; a document without turns has no interviewer and counts as answer."""
        if not self.turns:
            return True
        turn = self.at(position)
        return turn is not None and not turn.interviewer
