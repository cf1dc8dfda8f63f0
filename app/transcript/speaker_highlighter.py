"""Speaker labels and timestamps set apart in the transcript, without touching the document.

The formats go into the layouts of the paragraphs (blocks) on screen, as a QSyntaxHighlighter's
would, so nothing lands in the document's own contents or undo history. Unlike a highlighter, a
paragraph is formatted only when it is first shown (:meth:`SpeakerHighlighter.show`, called by the
view before it paints): setting 3 million characters with a highlighter formatted and laid out all
13,000 paragraphs of a long transcript up front (≈ 0.1 s). Labels come from the stored speaker
turns (what the importer recognised), not from guessing again here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from operator import attrgetter

from PySide6.QtGui import QColor, QFont, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from app.shell.theme import is_dark
from coding.core.records import TurnInfo
from coding.core.text_positions import Utf16Index

_TIMESTAMP = re.compile(r"[\[(]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?[\])]?")
_INTERVIEWER = re.compile(r"(?i)^(i|int\.?|interviewer|interviewster|onderzoeker|gespreksleider|moderator)$")

_LIGHT_SPEAKERS = ("#1f5fa8", "#a3461b", "#2f7d4f", "#7a3fa0", "#8a6d00", "#0f7c80")
_DARK_SPEAKERS = ("#8cb8ff", "#ffab7a", "#7fd69f", "#d3a6ff", "#f0d060", "#6fd6db")

_START = attrgetter("start")


class SpeakerHighlighter:
    """Formats the speaker labels of the paragraphs shown, each paragraph once."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._text = ""
        self._turns: Sequence[TurnInfo] = ()
        self._utf16 = Utf16Index("")
        self._colours: dict[str, int] = {}  # speaker → format number
        self._shown: set[int] = set()  # numbers of the blocks formatted
        self._formats: list[QTextCharFormat] = []
        self._timestamp = QTextCharFormat()
        self._build_formats()

    def _build_formats(self) -> None:
        dark = is_dark()
        colours = _DARK_SPEAKERS if dark else _LIGHT_SPEAKERS
        self._formats = []
        for colour in (*colours, "#8a8f98" if dark else "#6b6f76"):
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setForeground(QColor(colour))
            self._formats.append(fmt)
        self._timestamp = QTextCharFormat()
        self._timestamp.setForeground(QColor("#8a8f98" if dark else "#8c9096"))
        self._timestamp.setFontWeight(QFont.Weight.Normal)

    def set_turns(self, text: str, turns: Sequence[TurnInfo], index: Utf16Index) -> None:
        """Take the speaker labels of a document whose text is about to be set (its blocks are new:
        none is formatted yet). Each speaker keeps one colour through the document, in order of
        first appearance; interviewers share the grey one."""
        self._text = text
        self._turns = turns
        self._utf16 = index
        self._shown = set()
        interviewer = len(self._formats) - 1
        colours: dict[str, int] = {}
        others = 0
        for speaker in dict.fromkeys(t.speaker for t in turns if t.body_start > t.start):
            if _INTERVIEWER.match(speaker.strip()):
                colours[speaker] = interviewer
            else:
                colours[speaker] = others % interviewer
                others += 1
        self._colours = colours

    def clear(self) -> None:
        """Take every label's format away (the text is about to be edited: it is plain meanwhile)."""
        shown = self._shown
        self.set_turns("", (), Utf16Index(""))
        for number in sorted(shown):
            self._apply(self._document.findBlockByNumber(number), [])

    def refresh_palette(self) -> None:
        self._build_formats()
        shown, self._shown = self._shown, set()
        for number in sorted(shown):
            self.show(number, number)

    def show(self, first: int, last: int) -> None:
        """Format the labels in blocks ``first`` to ``last`` (block numbers) not formatted yet."""
        if not self._turns:
            return
        shown = self._shown
        document = self._document
        for number in range(max(first, 0), last + 1):
            if number in shown:
                continue
            block = document.findBlockByNumber(number)
            if not block.isValid():
                break
            shown.add(number)
            ranges = self._ranges(block)
            if ranges:
                self._apply(block, ranges)

    def formatted(self, number: int) -> bool:
        """Whether block ``number`` has been formatted (shown at least once since its text was set)."""
        return number in self._shown

    def _ranges(self, block: QTextBlock) -> list[QTextLayout.FormatRange]:
        """The formats of the labels starting in ``block``, in its own UTF-16 positions."""
        utf16 = self._utf16
        block_start = block.position()
        block_end = block_start + max(block.length() - 1, 0)
        start = utf16.from_utf16(min(block_start, utf16.utf16_length))
        end = utf16.from_utf16(min(block_end, utf16.utf16_length))
        turns = self._turns
        out: list[QTextLayout.FormatRange] = []
        for i in range(bisect_left(turns, start, key=_START), bisect_left(turns, end, key=_START)):
            turn = turns[i]
            if turn.body_start <= turn.start:
                continue
            label_format = self._formats[self._colours[turn.speaker]]
            low = utf16.to_utf16(turn.start) - block_start
            high = min(utf16.to_utf16(turn.body_start), block_end) - block_start
            stamp = _TIMESTAMP.search(self._text, turn.start, turn.body_start)
            if stamp is None:
                out.append(_range(low, high, label_format))
                continue
            stamp_low = min(utf16.to_utf16(stamp.start()) - block_start, high)
            stamp_high = min(utf16.to_utf16(stamp.end()) - block_start, high)
            out.append(_range(low, stamp_low, label_format))
            out.append(_range(stamp_low, stamp_high, self._timestamp))
            out.append(_range(stamp_high, high, label_format))
        return [r for r in out if r.length > 0]

    def _apply(self, block: QTextBlock, ranges: list[QTextLayout.FormatRange]) -> None:
        if not block.isValid():
            return
        layout = block.layout()
        if not ranges and not layout.formats():
            return
        layout.setFormats(ranges)
        self._document.markContentsDirty(block.position(), block.length())  # laid out again


def _range(start: int, end: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    found = QTextLayout.FormatRange()
    found.start = start
    found.length = end - start
    found.format = fmt
    return found
