"""Where text is on screen: rectangles and line extents of code-point ranges, for the visible lines only;
the selection and the cursor in code points (the view's one conversion to and from Qt's UTF-16).

The base of :class:`~app.transcript.transcript_view.TranscriptView` (a QPlainTextEdit showing one document's
stored text); the highlights, the coding margin and the boundary handles all measure through it.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QTextBlock, QTextCursor, QTextLine
from PySide6.QtWidgets import QPlainTextEdit

from coding.core.text_positions import Utf16Index


def _x_of(line: QTextLine, position: int) -> float:
    """Where a text position is on a line (PySide6 returns ``(x, position)``; its stubs say ``object``)."""
    return cast("tuple[float, int]", line.cursorToX(position))[0]


class TranscriptGeometry(QPlainTextEdit):
    """Geometry helpers; every position is a code-point offset into the document's stored text."""

    utf16: Utf16Index  # the open document's offsets (set by the view)

    def to_qt(self, offset: int) -> int:
        return self.utf16.to_utf16(max(0, min(offset, self.utf16.length)))

    def from_qt(self, offset: int) -> int:
        return self.utf16.from_utf16(max(0, min(offset, self.utf16.utf16_length)))

    # -- selections (code points) ------------------------------------------------------------
    def selection_span(self) -> tuple[int, int] | None:
        """The selected passage in code points, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self.from_qt(cursor.selectionStart()), self.from_qt(cursor.selectionEnd())
        return (start, end) if start < end else None

    def cursor_offset(self) -> int:
        return self.from_qt(self.textCursor().position())

    def select_span(self, start: int, end: int, *, centre: bool = False) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if centre:
            self.centerCursor()
        else:
            self.ensureCursorVisible()

    def clear_selection(self) -> None:
        """Drop the selection, the cursor staying at its end (after coding: a later click on a code
        or a number key must not code the same words again unnoticed)."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.setPosition(cursor.selectionEnd())
            self.setTextCursor(cursor)

    def offset_at(self, point: QPoint) -> int:
        """The code-point offset under a viewport point."""
        return self.from_qt(self.cursorForPosition(point).position())

    def visible_range(self) -> tuple[int, int]:
        """Code-point range of the text currently on screen."""
        first = self.firstVisibleBlock()
        rect = self.viewport().rect()
        last = self.cursorForPosition(QPoint(rect.right(), rect.bottom())).block()
        start = first.position()
        end = last.position() + last.length() if last.isValid() else self.utf16.utf16_length
        return self.from_qt(start), self.from_qt(min(end, self.utf16.utf16_length))

    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering the visible part of ``[start, end)`` (code points)."""
        start16, end16 = self.to_qt(start), self.to_qt(end)
        rects: list[QRectF] = []
        block = self.document().findBlock(start16)
        offset = self.contentOffset()
        height = self.viewport().height()
        first_visible = self.firstVisibleBlock().blockNumber()
        if block.blockNumber() < first_visible:
            block = self.firstVisibleBlock()
        while block.isValid() and block.position() < end16:
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            if block.isVisible() and geometry.bottom() >= 0:
                rects.extend(self._block_rects(block, geometry, start16, end16, height))
            block = block.next()
        return rects

    @staticmethod
    def _block_rects(
        block: QTextBlock, geometry: QRectF, start16: int, end16: int, height: float
    ) -> list[QRectF]:
        """Rectangles of ``[start16, end16)`` in one block, visible lines only (a block may be long)."""
        out = []
        layout = block.layout()
        position = block.position()
        first = layout.lineForTextPosition(max(0, start16 - position))
        first_line = max(first.lineNumber(), 0) if first.isValid() else 0
        for number in range(first_line, layout.lineCount()):
            line = layout.lineAt(number)
            top = geometry.top() + line.y()
            line_start = position + line.textStart()
            if top > height or line_start >= end16:
                break
            if top + line.height() < 0:
                continue
            low = max(start16, line_start)
            high = min(end16, line_start + line.textLength())
            if low >= high:
                continue
            x1 = _x_of(line, low - position)
            x2 = _x_of(line, high - position)
            out.append(QRectF(geometry.left() + x1, top, x2 - x1, line.height()))
        return out

    def visible_blocks(self) -> tuple[int, int]:
        """Numbers of the first and last block on screen."""
        first = self.firstVisibleBlock().blockNumber()
        last = self.cursorForPosition(QPoint(0, self.viewport().height())).block().blockNumber()
        return first, last

    def span_extent(
        self, start: int, end: int, blocks: tuple[int, int] | None = None
    ) -> tuple[float, float] | None:
        """Top and bottom (viewport y) of the lines of ``[start, end)``; off-screen ends run past the edges.

        ``blocks`` (from :meth:`visible_blocks`) saves recomputing what is on screen per passage.
        """
        height = self.viewport().height()
        first_visible, last_visible = blocks or self.visible_blocks()
        if first_visible < 0:
            return None
        offset = self.contentOffset()
        document = self.document()
        start16, end16 = self.to_qt(start), self.to_qt(max(start, end - 1))
        start_block = document.findBlock(start16)
        end_block = document.findBlock(end16)
        if end_block.blockNumber() < first_visible or start_block.blockNumber() > last_visible:
            return None
        if start_block.blockNumber() < first_visible:
            top = -4.0
        else:
            top = self._line_edge(start_block, start16, offset, bottom=False)
            if top > height:
                return None
        if end_block.blockNumber() > last_visible:
            bottom = height + 4.0
        else:
            bottom = self._line_edge(end_block, end16, offset, bottom=True)
        return (top, bottom) if bottom >= 0 else None

    def _line_edge(self, block: QTextBlock, position16: int, offset: QPointF, *, bottom: bool) -> float:
        geometry = self.blockBoundingGeometry(block).translated(offset)
        layout = block.layout()
        line = layout.lineForTextPosition(position16 - block.position())
        if not line.isValid():
            return geometry.bottom() if bottom else geometry.top()
        return geometry.top() + line.y() + (line.height() if bottom else 0.0)
