"""Speaker labels and timestamps set apart in the transcript, without touching the document.

A QSyntaxHighlighter only sets layout formats, so nothing lands in the document's own contents or
undo history. Labels come from the stored speaker turns (what the importer recognised), not from
guessing again here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from app.shell.theme import is_dark
from coding.core.records import TurnInfo
from coding.core.text_positions import Utf16Index

_TIMESTAMP = re.compile(r"[\[(]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?[\])]?")
_INTERVIEWER = re.compile(r"(?i)^(i|int\.?|interviewer|interviewster|onderzoeker|gespreksleider|moderator)$")

_LIGHT_SPEAKERS = ("#1f5fa8", "#a3461b", "#2f7d4f", "#7a3fa0", "#8a6d00", "#0f7c80")
_DARK_SPEAKERS = ("#8cb8ff", "#ffab7a", "#7fd69f", "#d3a6ff", "#f0d060", "#6fd6db")


class SpeakerHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._starts: list[int] = []
        self._labels: list[tuple[int, int, int, int, int]] = []  # start, end, ts start, ts end, colour
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
        """Take the speaker labels of a document (call before its text is set, or rehighlight)."""
        speakers: dict[str, int] = {}
        labels = []
        for turn in turns:
            if turn.body_start <= turn.start:
                continue
            label = text[turn.start : turn.body_start]
            if _INTERVIEWER.match(turn.speaker.strip()):
                colour = len(self._formats) - 1
            else:
                colour = speakers.setdefault(turn.speaker, len(speakers) % (len(self._formats) - 1))
            stamp = _TIMESTAMP.search(label)
            ts_start = ts_end = -1
            if stamp:
                ts_start = index.to_utf16(turn.start + stamp.start())
                ts_end = index.to_utf16(turn.start + stamp.end())
            labels.append(
                (index.to_utf16(turn.start), index.to_utf16(turn.body_start), ts_start, ts_end, colour)
            )
        labels.sort()
        self._labels = labels
        self._starts = [label[0] for label in labels]

    def refresh_palette(self) -> None:
        self._build_formats()
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not self._labels:
            return
        block_start = self.currentBlock().position()
        block_end = block_start + len(text)
        index = bisect_left(self._starts, block_start)
        while index < len(self._labels) and self._labels[index][0] < block_end:
            start, end, ts_start, ts_end, colour = self._labels[index]
            self.setFormat(start - block_start, min(end, block_end) - start, self._formats[colour])
            if ts_start >= 0:
                self.setFormat(ts_start - block_start, ts_end - ts_start, self._timestamp)
            index += 1
