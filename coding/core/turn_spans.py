"""Where a passage lies in a document's structure: its pages (for citing), its respondent speech.

Pure functions over offsets (Unicode code points, end exclusive); no database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from coding.core.text import trim_span

OMISSION = "[…]"


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class TurnLike(Span, Protocol):
    @property
    def speaker(self) -> str: ...

    @property
    def body_start(self) -> int: ...


class PageLike(Span, Protocol):
    @property
    def number(self) -> int: ...


# -- pages ---------------------------------------------------------------------------------
def pages_of(pages: Sequence[PageLike], start: int, end: int) -> tuple[int, ...]:
    """The page numbers ``text[start:end]`` spans, first to last (empty pages in between included).

    A passage that touches no page's text (only the blank line between two pages) has none.
    """
    touched = [p.number for p in pages if max(start, p.start) < min(end, p.end)]
    if not touched:
        return ()
    return tuple(range(min(touched), max(touched) + 1))


def page_label(pages: Sequence[int]) -> str:
    """``p. 3`` or ``pp. 3–4``, as a citation gives it; empty without pages."""
    if not pages:
        return ""
    first, last = min(pages), max(pages)
    return f"p. {first}" if first == last else f"pp. {first}–{last}"


# -- respondent speech -----------------------------------------------------------------------
def respondent_spans(
    turns: Sequence[TurnLike],
    start: int,
    end: int,
    is_interviewer: Callable[[str], bool],
    text: str,
    *,
    drop_labels: bool = True,
) -> list[tuple[int, int, bool]]:
    """The parts of ``text[start:end]`` that are not the interviewer's, as ``(start, end, omitted)``.

    Interviewer turns (label, timestamp and words) are cut out; ``omitted`` tells that such a
    cut lies between this part and the one before. With ``drop_labels`` the labels and
    timestamps of the other speakers' turns are cut too, unless the passage holds the words
    of more than one of them (then who says what matters). Parts are trimmed of white space;
    empty parts are left out.
    """
    cuts: list[tuple[int, int, bool]] = []  # (start, end, is an omission)
    inside = [t for t in turns if t.start < end and t.end > start]
    respondents = {t.speaker for t in inside if not is_interviewer(t.speaker) and t.body_start < end}
    for turn in inside:
        if is_interviewer(turn.speaker):
            cuts.append((turn.start, turn.end, True))
        elif drop_labels and len(respondents) <= 1 and turn.body_start > turn.start:
            cuts.append((turn.start, turn.body_start, False))
    parts: list[tuple[int, int, bool]] = []
    position = start
    omitted = False
    for cut_start, cut_end, omission in sorted(cuts):
        if position >= end:
            break
        if cut_start > position and _add_part(parts, text, position, min(cut_start, end), omitted):
            omitted = False
        if omission and max(cut_start, start) < min(cut_end, end):
            omitted = True
        position = max(position, cut_end)
    if position < end:
        _add_part(parts, text, position, end, omitted)
    return parts


def _add_part(parts: list[tuple[int, int, bool]], text: str, start: int, end: int, omitted: bool) -> bool:
    start, end = trim_span(text, start, end)
    if start >= end:
        return False
    parts.append((start, end, omitted and bool(parts)))
    return True


def respondent_text(parts: Sequence[tuple[int, int, bool]], text: str) -> str:
    """The parts of :func:`respondent_spans` as one quote: ``[…]`` where the interviewer was cut."""
    out = ""
    for index, (start, end, omitted) in enumerate(parts):
        if index:
            out += f" {OMISSION} " if omitted else "\n"
        out += text[start:end]
    return out
