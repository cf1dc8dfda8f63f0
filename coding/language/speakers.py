"""Who speaks where: the interviewer's turns versus the answers.

A turn's speaker is the interviewer when its label is one of the usual interviewer labels
(``I``, ``Int.``, ``Interviewer``, ``Interviewster``, ``Onderzoeker``, ``V``/``Vraag``, ``Q``…)
or one the project lists in its ``interviewer_labels`` setting.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coding.text import fold

INTERVIEWER_LABELS = frozenset(
    {
        "i",
        "int",
        "interviewer",
        "interviewster",
        "interviewers",
        "onderzoeker",
        "onderzoekster",
        "gespreksleider",
        "moderator",
        "vraag",
        "v",
        "q",
        "question",
        "researcher",
    }
)


def label_key(label: str) -> str:
    return fold(label).strip(" .:*_")


class InterviewerLabels:
    def __init__(self, extra: Iterable[str] = ()) -> None:
        self.labels = INTERVIEWER_LABELS | {label_key(label) for label in extra if label_key(label)}

    def __call__(self, speaker: str) -> bool:
        key = label_key(speaker)
        if key in self.labels:
            return True
        # "Interviewer 2", "Int. 1": a known label with a number
        head = key.rstrip("0123456789 ").rstrip(" .")
        return bool(head) and head != key and head in self.labels


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
