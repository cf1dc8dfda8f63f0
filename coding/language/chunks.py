"""What of a document is indexed, in which pieces.

Speaker labels and timestamps (``[00:12:31] R5:``) are not words of the conversation: of a
turn only its body is indexed. Text outside turns (a header, a policy document) is indexed by
paragraph. A sentence never crosses a piece's boundary, so never a change of speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coding.core.text import trim_span

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

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


def index_pieces(text: str, turns: Sequence[tuple[int, int, int]]) -> list[Span]:
    """Spans of ``text`` to index, in order; ``turns`` are ``(start, body_start, end)``."""
    ranges: list[Span] = []
    position = 0
    for start, body_start, end in sorted(turns):
        if start > position:
            ranges.extend(_paragraphs(text, position, start))
        ranges.extend(_paragraphs(text, max(body_start, position), end))
        position = max(position, end)
    if position < len(text):
        ranges.extend(_paragraphs(text, position, len(text)))
    out = []
    for span in ranges:
        trimmed = _trimmed(text, span)
        if trimmed is not None:
            out.append(trimmed)
    return out
