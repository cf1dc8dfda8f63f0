"""Extending and nudging selections the way coders expect: whole sentences, whole speaker turns, words.

Every function takes and returns code-point offsets (end exclusive) into a document's stored text.
A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets) or at the end
of a line; a speaker label (``[00:01:09] R12:``) never belongs to a sentence or a turn's passage.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from coding.core.records import TurnInfo
from coding.core.text import trim_span

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s|$)")
_WORD = re.compile(r"\S+")


def _line(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end == -1 else end


def _body_start(turns: Sequence[TurnInfo], line_start: int, line_end: int) -> int:
    """Where the spoken text of a line starts: after a speaker label that opens the line."""
    for turn in turns:
        if line_start <= turn.start < line_end and turn.body_start <= line_end:
            return max(line_start, turn.body_start)
    return line_start


def _turns_near(turns: Sequence[TurnInfo], position: int) -> Sequence[TurnInfo]:
    starts = [t.start for t in turns]
    index = bisect_right(starts, position)
    return turns[max(0, index - 2) : index + 1]


def sentence_span(text: str, start: int, end: int, turns: Sequence[TurnInfo] = ()) -> tuple[int, int]:
    """The whole sentences touched by ``[start, end)``; an empty selection picks the sentence it is in."""
    s, e = trim_span(text, start, end)
    if s == e:
        s = e = min(start, len(text))
    first_line_start, first_line_end = _line(text, s)
    body = _body_start(_turns_near(turns, first_line_start), first_line_start, first_line_end)
    s = max(s, body)
    sentence_start = body
    for match in _SENTENCE_END.finditer(text, body, first_line_end):
        if match.end() > s:
            break
        sentence_start = match.end()
    last_line_start, last_line_end = _line(text, max(s, e - 1) if e > s else s)
    sentence_end = last_line_end
    for match in _SENTENCE_END.finditer(text, max(last_line_start, e - 1 if e > s else s), last_line_end):
        sentence_end = match.end()
        break
    result = trim_span(text, sentence_start, sentence_end)
    return result if result[0] < result[1] else (start, end)


def line_span(text: str, position: int, turns: Sequence[TurnInfo] = ()) -> tuple[int, int]:
    """The words of the line at ``position``: without the speaker label (``[00:00:10] R12:``) that opens
    it, nor the line end (a triple click selects the line; the researcher codes what was said)."""
    line_start, line_end = _line(text, min(position, len(text)))
    body = _body_start(_turns_near(turns, line_start), line_start, line_end)
    result = trim_span(text, body, line_end)
    return result if result[0] < result[1] else trim_span(text, line_start, line_end)


def turn_span(text: str, start: int, end: int, turns: Sequence[TurnInfo]) -> tuple[int, int]:
    """The spoken text of every speaker turn touched by ``[start, end)`` (labels left out).

    Outside any turn (a header before the first one), the touched lines are taken instead.
    """
    s, e = trim_span(text, start, end)
    if s == e:
        s = e = min(start, len(text))
    last = max(s, e - 1)
    touched = [t for t in turns if t.start <= last and t.end > s]
    if not touched:
        line_start, _ = _line(text, s)
        _, line_end = _line(text, last)
        result = trim_span(text, line_start, line_end)
    else:
        result = trim_span(text, max(touched[0].body_start, touched[0].start), touched[-1].end)
    return result if result[0] < result[1] else (start, end)


# -- nudging a boundary by one word -------------------------------------------------------------
def end_later(text: str, start: int, end: int) -> int:  # noqa: ARG001 (the nudges share a signature)
    """Move a passage's end to the end of the next word (or of the word it cuts through)."""
    match = _WORD.search(text, end)
    return match.end() if match else end


def end_earlier(text: str, start: int, end: int) -> int:
    """Move a passage's end back to the end of the previous word; never past its start."""
    position = end
    while position > start and not text[position - 1].isspace():
        position -= 1
    while position > start and text[position - 1].isspace():
        position -= 1
    return position if position > start else end


def start_earlier(text: str, start: int, end: int) -> int:  # noqa: ARG001 (the nudges share a signature)
    """Move a passage's start to the start of the previous word (or of the word it cuts through)."""
    position = start
    while position > 0 and text[position - 1].isspace():
        position -= 1
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def start_later(text: str, start: int, end: int) -> int:
    """Move a passage's start to the start of the next word; never past its end."""
    position = start
    while position < end and not text[position].isspace():
        position += 1
    while position < end and text[position].isspace():
        position += 1
    return position if position < end else start


def word_start(text: str, position: int) -> int:
    """The start of the word ``position`` falls in (or ``position`` itself between words)."""
    position = max(0, min(position, len(text)))
    while (
        position > 0
        and not text[position - 1].isspace()
        and position < len(text)
        and not text[position].isspace()
    ):
        position -= 1
    return position


def word_end(text: str, position: int) -> int:
    """The end of the word ``position`` falls in (or ``position`` itself between words)."""
    position = max(0, min(position, len(text)))
    while 0 < position < len(text) and not text[position - 1].isspace() and not text[position].isspace():
        position += 1
    return position


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the whole words it starts and ends inside (a mouse drag that began at
    "de|nk" or stopped at "mo|et"); an edge between a word and a space or punctuation stays where it is,
    so "langzaam" is not widened to "langzaam."."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end
