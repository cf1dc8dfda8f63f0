"""What of a document is indexed, in which pieces.

Speaker labels and timestamps (``[00:12:31] R5:``) are not words of the conversation: of a
turn only its body is indexed. Text outside turns (a header, a policy document) is indexed by
paragraph. A sentence never crosses a piece's boundary, so never a change of speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from coding.core.text import trim_span

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

#: The longest piece handed to spaCy at once. spaCy refuses texts over ``nlp.max_length`` (a million
#: characters, error E088) and its memory grows with a text's length, so a longer paragraph (a day of focus
#: groups as one turn, a text without blank lines) is cut at a line break, else after a sentence's end, else at
#: a space before this length, else hard: one enormous turn never stops the index of the whole project.
MAX_PIECE = 50_000
_BREAKS = (re.compile(r"\n"), re.compile(r"[.!?…][\"'”’)]*\s"), re.compile(r"\s"))

Span = tuple[int, int]


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
