"""The transcript under the mouse and keyboard: selections in code points, tooltips, a click on a
passage or a turn's label, dragging the current passage's boundaries, the context menu, and dragging
a selection onto a code.

A mixin of :class:`~app.transcript.transcript_view.TranscriptView` (which sets the attributes
declared here).
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from app.shell.theme import code_colour
from app.transcript.transcript_painting import TranscriptPainting
from app.widgets.mime import Passage, passage_mime
from coding.core.ids import DocumentId
from coding.core.records import PassageInfo
from coding.core.text import trim_span
from coding.passages import snapping

#: How near (pixels) to a passage's edge the mouse grabs the boundary.
HANDLE = 4


class TranscriptPointer(TranscriptPainting):
    """What the mouse and keys do in the transcript."""

    spanRequested = Signal(object, int, int)  # PassageId, start, end: a boundary dragged in the text
    turnClicked = Signal(object)  # TurnInfo: its label or timestamp clicked (the player plays from there)

    document_id: DocumentId | None
    text: str
    menu_builder: Callable[[QPoint], QMenu] | None
    _boundary_drag: tuple[PassageInfo, str] | None
    #: When and where the last double click was (a press soon after it, there, is a triple click).
    _double_click: tuple[float, QPoint] | None = None

    # -- interaction ----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.margin.fit_labels(self.width())  # the whole view: its viewport shrinks with the margin
        rect = self.contentsRect()
        self.margin.setGeometry(QRect(rect.left(), rect.top(), self.margin.width(), rect.height()))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPoint) -> str:
        if self.document_id is None or not self.index.passages:
            return ""
        cursor = self.cursorForPosition(point)
        if not self.cursorRect(cursor).adjusted(-12, -2, 12, 2).contains(point):
            return ""
        return self.describe(self.index.at(self.from_qt(cursor.position())))

    def describe(self, passages: list[PassageInfo]) -> str:
        """Rich-text tooltip: the codes of the passages and their memos."""
        if not passages:
            return ""
        tree = self.code_tree()
        lines = []
        for passage in passages:
            for application in passage.codings:
                if application.code_id not in tree:
                    continue
                code = tree.get(application.code_id)
                colour = code_colour(code.colour).name()
                question = f"{html.escape(code.question)} · " if code.question else ""
                line = (
                    f"<span style='color:{colour}'>■</span> {question}<b>{html.escape(code.name)}</b>"
                    f"<br><span style='color:gray'>{html.escape(code.path_text)}"
                    f"{' · ' + html.escape(application.coder) if application.coder else ''}</span>"
                )
                if application.memo:
                    line += f"<br><i>{html.escape(application.memo)}</i>"
                lines.append(line)
        return "<p style='white-space:pre-wrap'>" + "<br>".join(lines) + "</p>" if lines else ""

    # -- dragging a boundary of the current passage -------------------------------------------
    def boundary_at(self, point: QPoint) -> str | None:
        """``"start"`` or ``"end"`` when ``point`` is on that edge of the current passage."""
        passage = self.current_passage()
        if passage is None:
            return None
        rects = self.span_rects(passage.start, passage.end)
        if not rects:
            return None
        x, y = point.x(), point.y()
        first, last = rects[0], rects[-1]
        start_visible = self.to_qt(passage.start) >= self.firstVisibleBlock().position()
        if start_visible and abs(x - first.left()) <= HANDLE and first.top() <= y <= first.bottom():
            return "start"
        if abs(x - last.right()) <= HANDLE and last.top() <= y <= last.bottom():
            return "end"
        return None

    def _dragged_span(self, point: QPoint) -> tuple[int, int] | None:
        if self._boundary_drag is None:
            return None
        passage, which = self._boundary_drag
        offset = self.offset_at(point)
        if which == "start":
            start, end = snapping.word_start(self.text, offset), passage.end
        else:
            start, end = passage.start, snapping.word_end(self.text, offset)
        start, end = trim_span(self.text, start, end)
        return (start, end) if start < end else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            which = self.boundary_at(event.position().toPoint())
            passage = self.current_passage()
            if which is not None and passage is not None:
                self._boundary_drag = (passage, which)
                self._drag_preview = (passage.start, passage.end)
                return
        triple = self._is_triple_click(event)
        super().mousePressEvent(event)
        if triple and self.textCursor().hasSelection() and not self.editing:
            # Qt selected the whole line, label and line end too: the utterance is what gets coded
            self.select_span(
                *snapping.line_span(self.text, self.offset_at(event.position().toPoint()), self.turns)
            )

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        super().mouseDoubleClickEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._double_click = (time.monotonic(), event.position().toPoint())

    def _is_triple_click(self, event: QMouseEvent) -> bool:
        """A left press soon after a double click, where it was (Qt then selects the line)."""
        double, self._double_click = self._double_click, None
        if double is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        at, point = double
        near = (event.position().toPoint() - point).manhattanLength() < QApplication.startDragDistance()
        return near and time.monotonic() - at <= QApplication.doubleClickInterval() / 1000

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._boundary_drag is not None:
            self._drag_preview = self._dragged_span(point) or self._drag_preview
            self.viewport().update()
            return
        if event.buttons() == Qt.MouseButton.NoButton:
            if self.boundary_at(point) is not None:
                self.viewport().setCursor(Qt.CursorShape.SplitHCursor)
            else:
                self.viewport().setCursor(Qt.CursorShape.IBeamCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._boundary_drag is not None:
            passage = self._boundary_drag[0]
            span = self._dragged_span(event.position().toPoint())
            self._boundary_drag = None
            self._drag_preview = None
            self.viewport().update()
            if span is not None and span != (passage.start, passage.end):
                self.spanRequested.emit(passage.id, *span)
            return
        super().mouseReleaseEvent(event)
        if self.editing:  # a click places the cursor for typing; stored positions do not apply
            return
        if event.button() == Qt.MouseButton.LeftButton and self.textCursor().hasSelection():
            self._snap_to_words()
        elif event.button() == Qt.MouseButton.LeftButton:
            offset = self.offset_at(event.position().toPoint())
            turn = self.turn_label_at(offset)
            if turn is not None and turn.timestamp is not None:
                self.turnClicked.emit(turn)
            clicked = self.index.innermost(offset)
            self.set_current_coding(clicked.codings[0].coding_id if clicked and clicked.codings else None)

    def _snap_to_words(self) -> None:
        """A selection dragged from or to the middle of a word takes the whole word: a slightly missed
        mouse no longer codes "nk: wat er …" or "… het mo" (an edge beside punctuation stays)."""
        span = self.selection_span()
        if span is None:
            return
        snapped = snapping.whole_words(self.text, *span)
        if snapped != span:
            self.select_span(*snapped)

    def event(self, event: QEvent) -> bool:
        # Qt's text control claims Ctrl+Shift+A ("deselect" on some desktops) before the window's
        # shortcut sees it; the transcript leaves it to Analysis → Intercoder agreement.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_A
            and event.modifiers() == (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        ):
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.current_coding is not None:
            self.set_current_coding(None)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.menu_builder is None:
            super().contextMenuEvent(event)
            return
        menu = self.menu_builder(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def createMimeDataFromSelection(self) -> QMimeData:
        """Dragging a selection carries the passage, so dropping it on a code codes it."""
        span = self.selection_span()
        if span is None or self.document_id is None:
            return super().createMimeDataFromSelection()
        return passage_mime(Passage(self.document_id, *span), self.text[span[0] : span[1]])
