"""What of a document is indexed, in which pieces.

Speaker labels and timestamps (``[00:12:31] R5:``) are not words of the conversation: of a
turn only its body is indexed. Text outside turns (a header, a policy document) is indexed by
paragraph. A sentence never crosses a piece's boundary, so never a change of speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from coding.core.text import trim_span

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

#: The longest piece handed to spaCy at once. spaCy refuses texts over ``nlp.max_length`` (a million
#: characters, error E088) and its memory grows with a text's length, so a longer paragraph (a day of focus
#: groups as one turn, a text without blank lines) is cut at a line break, else after a sentence's end, else at
#: a space before this length, else hard: one enormous turn never stops the index of the whole project.
MAX_PIECE = 50_000
_BREAKS = (re.compile(r"\n"), re.compile(r"[.!?…][\"'”’)]*\s"), re.compile(r"\s"))

Span = tuple[int, int]

#: The code points ``str.isspace`` (and so ``str.strip`` and :func:`trim_span`) takes for space: none is
#: above U+3000 (``tests/coding/language/test_stored_text.py``).
SPACE_LIMIT = 0x3000
#: Per code point up to the limit (and one past it, for any above): whether it is space.
_IS_SPACE = np.array([chr(c).isspace() for c in range(SPACE_LIMIT + 2)], dtype=bool)


def _paragraphs(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    position = start
    for match in _PARAGRAPH_BREAK.finditer(text, start, end):
        out.append((position, match.start()))
        position = match.end()
    out.append((position, end))
    return out


def _trimmed(text: str, span: Span) -> Span | None:
    start, end = trim_span(text, *span)
    return (start, end) if start < end else None


def _ranges(turns: Sequence[tuple[int, int, int]], length: int) -> list[Span]:
    """The ranges of a text of ``length`` characters to index (turn bodies and the text between
    turns), in order and disjoint (a range may be empty)."""
    out: list[Span] = []
    position = 0
    for start, body_start, end in sorted(turns):
        if start > position:
            out.append((position, start))
        out.append((max(body_start, position), end))
        position = max(position, end)
    if position < length:
        out.append((position, length))
    return out


def _range_pieces(text: str, span: Span, out: list[Span], offset: int = 0) -> None:
    """Append the pieces of ``span`` of ``text`` (whose first character is at ``offset``)."""
    for paragraph in _paragraphs(text, span[0] - offset, span[1] - offset):
        for piece in _bounded(text, paragraph):
            trimmed = _trimmed(text, piece)
            if trimmed is not None:
                out.append((trimmed[0] + offset, trimmed[1] + offset))


def index_pieces(text: str, turns: Sequence[tuple[int, int, int]]) -> list[Span]:
    """Spans of ``text`` to index, in order; ``turns`` are ``(start, body_start, end)``."""
    out: list[Span] = []
    for span in _ranges(turns, len(text)):
        _range_pieces(text, span, out)
    return out


def whole_pieces(text: str, turns: Sequence[tuple[int, int, int]]) -> list[Span]:
    """:func:`index_pieces`, as arrays over the text's code points: a range with fewer than two line
    breaks (no paragraph break) and at most :data:`MAX_PIECE` characters is one piece, the range
    without the space at its edges; the other ranges are cut by :func:`_range_pieces`."""
    ranges = _range_array(turns, len(text))
    if not len(ranges):
        return []
    if int(ranges[:, 1].max()) > len(text):  # turns past the text's end: as the ranges one by one do
        return index_pieces(text, turns)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    breaks = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(codes == 10, out=breaks[1:])
    solid = np.flatnonzero(~_IS_SPACE[np.minimum(codes, SPACE_LIMIT + 1)])
    starts, ends = ranges[:, 0], ranges[:, 1]
    simple = (breaks[ends] - breaks[starts] < 2) & (ends - starts <= MAX_PIECE)
    first = np.searchsorted(solid, starts)  # the first character that is not space, from a range's start
    last = np.searchsorted(solid, ends) - 1  # the last one before its end
    kept = simple & (first <= last)
    piece_range = [np.flatnonzero(kept)]
    piece_starts = [solid[first[kept]]]
    piece_ends = [solid[last[kept]] + 1]
    for number, (start, end) in zip(np.flatnonzero(~simple).tolist(), ranges[~simple].tolist(), strict=True):
        cut: list[Span] = []
        _range_pieces(text, (start, end), cut, 0)
        if cut:
            found = np.asarray(cut, dtype=np.int64).reshape(-1, 2)
            piece_range.append(np.full(len(found), number, dtype=np.int64))
            piece_starts.append(found[:, 0])
            piece_ends.append(found[:, 1])
    every_start = np.concatenate(piece_starts)
    order = np.lexsort((every_start, np.concatenate(piece_range)))  # range by range, in text order
    return list(zip(every_start[order].tolist(), np.concatenate(piece_ends)[order].tolist(), strict=True))


def _range_array(turns: Sequence[tuple[int, int, int]], length: int) -> np.ndarray:
    """The non-empty ranges of :func:`_ranges`, as rows ``(start, end)``."""
    if not turns:
        return np.array([[0, length]] if length > 0 else [], dtype=np.int64).reshape(-1, 2)
    table = np.array(sorted(turns), dtype=np.int64).reshape(-1, 3)
    start, body_start, end = table[:, 0], table[:, 1], table[:, 2]
    # where the text before each turn was done: the furthest end of the turns before it (or 0)
    before = np.zeros(len(table), dtype=np.int64)
    if len(table) > 1:
        before[1:] = np.maximum(np.maximum.accumulate(end[:-1]), 0)
    rows = np.empty((2 * len(table) + 1, 2), dtype=np.int64)
    rows[0:-1:2, 0], rows[0:-1:2, 1] = before, start  # the text between turns (kept when start > before)
    rows[1:-1:2, 0], rows[1:-1:2, 1] = np.maximum(body_start, before), end
    rows[-1] = (max(int(end.max()), 0), length)
    return rows[rows[:, 1] > rows[:, 0]]


def streamed_pieces(
    window: Callable[[int, int], str], length: int, turns: Sequence[tuple[int, int, int]]
) -> list[Span]:
    """:func:`index_pieces` of a text of ``length`` characters that is never held whole:
    ``window(start, end)`` gives ``text[start:end]``, asked for disjoint ranges in order."""
    out: list[Span] = []
    for start, end in _ranges(turns, length):
        if end > start:  # an empty range has no pieces
            text = window(start, end)
            if end - start <= MAX_PIECE and _PARAGRAPH_BREAK.search(text) is None:
                # one paragraph, short enough (most turns): the piece is the range trimmed
                # (str.strip's whitespace is str.isspace's, as trim_span's)
                kept = text.lstrip()
                if kept:
                    out.append((start + len(text) - len(kept), start + len(text.rstrip())))
            else:
                _range_pieces(text, (start, end), out, start)
    return out


def _bounded(text: str, span: Span, limit: int | None = None) -> list[Span]:
    """``span`` cut into pieces of at most ``limit`` characters, at the best break before each limit."""
    limit = MAX_PIECE if limit is None else limit
    start, end = span
    out: list[Span] = []
    while end - start > limit:
        cut = start + limit
        for pattern in _BREAKS:
            found = [m.end() for m in pattern.finditer(text, start + limit // 2, cut)]
            if found:
                cut = found[-1]
                break
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out
