"""The transcript: read-only text with coded passages painted in their codes' colours.

Highlights are painted beneath the text for the visible lines only, straight from a
:class:`PassageIndex`; nothing is written into the document, so there is no format undo history and
a change of codings costs one query plus a repaint, however long the transcript.
All positions exchanged with the services are code points; Qt's UTF-16 positions are converted with
the document's :class:`Utf16Index` and nowhere else.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from app.shell.theme import code_colour, highlight_fill, is_dark, readable_on
from app.shell.workspace import Workspace
from app.transcript.coding_margin import CodingMargin
from app.transcript.speaker_highlighter import SpeakerHighlighter
from app.transcript.transcript_geometry import TranscriptGeometry
from app.widgets.mime import Passage, passage_mime
from coding import Aspect, Change
from coding.core.coder_layers import passages_in_layer
from coding.core.errors import NotFoundError
from coding.core.ids import CodingId, DocumentId, PassageId
from coding.core.records import CodeTree, PassageInfo, TurnInfo
from coding.core.text import normalise_text, trim_span
from coding.core.text_positions import Utf16Index
from coding.passages import snapping
from coding.passages.lazy_stripes import LazyStripes
from coding.passages.passage_index import PassageIndex
from coding.passages.stripe_layout import line_starts

#: How near (pixels) to a passage's edge the mouse grabs the boundary.
HANDLE = 4

#: What the transcript paints: the document's text, its coded passages and their codes' colours.
PAINTED = (Aspect.DOCUMENTS, Aspect.CODINGS, Aspect.CODES)
#: More places than this in one change: the whole document is read again at once.
SPLICE_LIMIT = 50


class TranscriptView(TranscriptGeometry):
    """Shows one document; emits the coding the user points at."""

    currentCodingChanged = Signal(object)  # CodingId | None
    documentChanged = Signal(object)  # DocumentId | None
    spanRequested = Signal(object, int, int)  # PassageId, start, end: a boundary dragged in the text
    turnClicked = Signal(object)  # TurnInfo: its label or timestamp clicked (the player plays from there)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcript")
        self.setAccessibleName(QCoreApplication.translate("TranscriptView", "Transcript"))
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(14)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.1)
        self.setFont(font)
        self.viewport().setMouseTracking(True)
        self.workspace: Workspace | None = None
        self.document_id: DocumentId | None = None
        self.text = ""
        self.utf16 = Utf16Index("")
        self.turns: list[TurnInfo] = []
        self.index = PassageIndex()
        #: The stripes beside the text, laid out as the margin shows them.
        self.stripes = LazyStripes(self.index, [0])
        self.current_coding: CodingId | None = None
        #: The turn the player is in while it plays (tinted), else None.
        self.playing_turn: TurnInfo | None = None
        #: Whose codings are painted: "all", "mine", "others" or "consensus" (View → Coder layer).
        self.layer = "all"
        #: The user is correcting the text (the edit mode, ``app/media/transcript_editing.py``).
        self.editing = False
        self._line_starts = [0]
        self._fills: dict[PassageId, QColor] = {}
        self._boundary_drag: tuple[PassageInfo, str] | None = None
        self._drag_preview: tuple[int, int] | None = None
        self._matches: list[tuple[int, int]] = []
        self._match_starts: list[int] = []
        self.menu_builder: Callable[[QPoint], QMenu] | None = None
        self._highlighter = SpeakerHighlighter(self.document())
        self.margin = CodingMargin(self)
        self.updateRequest.connect(self.margin.follow)

    # -- project and document ---------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.clear_document()

    def clear_document(self) -> None:
        self.document_id = None
        self.text = ""
        self.utf16 = Utf16Index("")
        self.turns = []
        self.playing_turn = None
        self._highlighter.set_turns("", [], self.utf16)
        self.setPlainText("")
        self._set_passages([])
        self.documentChanged.emit(None)

    def show_document(self, document_id: DocumentId) -> None:
        """Load a document with its speaker labels, highlights and stripes."""
        assert self.workspace is not None
        documents = self.workspace.project.documents
        with self.workspace.loading():  # tens of thousands of turns and passages in a long one
            text = documents.text(document_id)
            turns = documents.turns(document_id)
            passages = self.workspace.project.codings.passages(document_id, text=text)
        self.document_id = document_id
        self.text = text
        self.utf16 = Utf16Index(text)
        self.turns = turns
        self._line_starts = line_starts(text)
        self.current_coding = None
        self.playing_turn = None
        self._highlighter.set_turns(text, self.turns, self.utf16)
        self.setPlainText(text)
        self._set_passages(passages)
        self.documentChanged.emit(document_id)

    def on_change(self, change: Change) -> None:
        """Refresh from one committed change (the project bridge's signal): only the places of
        the open document the change names (:meth:`Change.spans`), else the whole document."""
        if self.workspace is None or self.document_id is None or self.editing:
            return  # while correcting, the text is shown as typed; it is read again afterwards
        if not change.touches(*PAINTED):
            return  # reviews, memos, judgements, attributes, settings: nothing to repaint here
        if not change.affects_document(self.document_id) and not change.touches(Aspect.CODES):
            return
        if not change.touches(Aspect.CODES, Aspect.DOCUMENTS):
            spans = change.spans(self.document_id)
            if spans is not None and len(spans) <= SPLICE_LIMIT:
                self._splice(spans)
                return
        if change.touches(Aspect.DOCUMENTS):
            try:
                text = self.workspace.project.documents.text(self.document_id)
            except NotFoundError:
                self.clear_document()
                return
            if text != self.text:
                self.show_document(self.document_id)
                return
        if change.touches(Aspect.CODINGS, Aspect.CODES):
            self._set_passages(self.workspace.project.codings.passages(self.document_id, text=self.text))

    def _splice(self, spans: Iterable[tuple[int, int]]) -> None:
        """Re-read only the passages overlapping the spans and put them in place; lay out again
        only the stripes of the paragraphs around them."""
        assert self.workspace is not None and self.document_id is not None
        project = self.workspace.project
        for start, end in spans:
            end = max(end, start + 1)
            fresh = passages_in_layer(
                project.codings.passages(self.document_id, start, end, text=self.text),
                self.layer,
                project.coder,
            )
            for passage in self.stripes.replace(start, end, fresh):
                self._fills.pop(passage.id, None)
            self.index = self.stripes.index
        self.margin.set_lanes(self.stripes.lanes)
        self.viewport().update()
        self.margin.update()
        if self.current_coding is not None and self.index.passage_of(self.current_coding) is None:
            self.current_coding = None
            self.currentCodingChanged.emit(None)

    def set_layer(self, layer: str) -> None:
        """Paint only the codings of one coder layer (mine, other coders', all, consensus)."""
        if layer != self.layer:
            self.layer = layer
            if self.workspace is not None and self.document_id is not None:
                self._set_passages(self.workspace.project.codings.passages(self.document_id, text=self.text))

    def _set_passages(self, passages: list[PassageInfo]) -> None:
        if self.workspace is not None:
            passages = passages_in_layer(passages, self.layer, self.workspace.project.coder)
        self.index = PassageIndex(passages)
        self._relayout()
        if self.current_coding is not None and self.index.passage_of(self.current_coding) is None:
            self.current_coding = None
            self.currentCodingChanged.emit(None)

    def _relayout(self) -> None:
        rank = self.code_tree().order() if self.workspace is not None else {}
        self.stripes = LazyStripes(self.index, self._line_starts, rank)
        self._fills = {}
        self.margin.set_lanes(self.stripes.lanes)
        self.viewport().update()
        self.margin.update()

    # -- correcting (the edit mode) ----------------------------------------------------------
    def set_editing(self, editing: bool) -> None:
        """Let the user type in the transcript, or stop and show the stored text again. While
        editing, nothing painted from stored positions is shown (they move as the user types),
        changes are not read in, and Ctrl+Z undoes typing."""
        if editing == self.editing:
            return
        self.editing = editing
        self.setReadOnly(not editing)
        self.setUndoRedoEnabled(editing)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextEditorInteraction
            if editing
            else Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        if editing:  # plain text while it changes: labels and passages are painted again afterwards
            self.playing_turn = None
            self._set_passages([])
            self._highlighter.clear()
        elif self.workspace is not None and self.document_id is not None:
            cursor = self.cursor_offset()
            self.show_document(self.document_id)
            self.select_span(cursor, cursor)

    def edited_text(self) -> str:
        """The text as typed, in Codewerk's normal form (NFC, ``\n`` line breaks)."""
        raw = self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")
        return normalise_text(raw)

    def set_search_matches(self, matches: list[tuple[int, int]]) -> None:
        """Outline these ranges (the find bar's hits)."""
        self._matches = matches
        self._match_starts = [m[0] for m in matches]
        self.viewport().update()

    def refresh_palette(self) -> None:
        self._fills = {}
        self._highlighter.refresh_palette()
        self.viewport().update()
        self.margin.update()

    def code_tree(self) -> CodeTree:
        assert self.workspace is not None
        return self.workspace.project.codes.tree()

    # -- positions ------------------------------------------------------------------------
    def to_qt(self, offset: int) -> int:
        return self.utf16.to_utf16(max(0, min(offset, self.utf16.length)))

    def from_qt(self, offset: int) -> int:
        return self.utf16.from_utf16(max(0, min(offset, self.utf16.utf16_length)))

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

    # -- the current coding ---------------------------------------------------------------
    def set_current_coding(self, coding_id: CodingId | None, *, select: bool = False) -> None:
        passage = self.index.passage_of(coding_id) if coding_id is not None else None
        if passage is None:
            coding_id = None
        changed = coding_id != self.current_coding
        self.current_coding = coding_id
        if select and passage is not None:
            self.select_span(passage.start, passage.end)
        self.viewport().update()
        self.margin.update()
        if changed:
            self.currentCodingChanged.emit(coding_id)

    def current_passage(self) -> PassageInfo | None:
        if self.current_coding is None:
            return None
        return self.index.passage_of(self.current_coding)

    # -- painting -------------------------------------------------------------------------
    def passage_fill(self, passage: PassageInfo) -> QColor:
        fill = self._fills.get(passage.id)
        if fill is None:
            tree = self.code_tree()
            colours = [
                code_colour(tree.get(a.code_id).colour) for a in passage.codings if a.code_id in tree
            ] or [QColor("#9e9e9e")]
            mixed = QColor(
                sum(c.red() for c in colours) // len(colours),
                sum(c.green() for c in colours) // len(colours),
                sum(c.blue() for c in colours) // len(colours),
            )
            palette = self.palette()
            fill = highlight_fill(
                mixed.name(), is_dark(palette), base=palette.base().color(), text=palette.text().color()
            )
            self._fills[passage.id] = fill
        return fill

    def turn_label_at(self, offset: int) -> TurnInfo | None:
        """The turn whose label or timestamp (before its words) holds ``offset``."""
        starts = [t.start for t in self.turns]
        i = bisect_left(starts, offset + 1) - 1
        if i >= 0 and self.turns[i].start <= offset < max(self.turns[i].body_start, self.turns[i].start + 1):
            return self.turns[i]
        return None

    def set_playing_turn(self, turn: TurnInfo | None, *, follow: bool = False) -> None:
        """Tint the turn the recording is in; with ``follow``, scroll it into view (the cursor and
        selection stay where the user left them)."""
        if turn == self.playing_turn or self.editing:
            return
        self.playing_turn = turn
        if turn is not None and follow:
            start, end = self.visible_range()
            if not start <= turn.start < end:
                block = self.document().findBlock(self.to_qt(turn.start))
                self.verticalScrollBar().setValue(block.firstLineNumber())
        self.viewport().update()

    def _paint_playing(self, painter: QPainter, start: int, end: int) -> None:
        turn = self.playing_turn
        if turn is None or turn.end < start or turn.start > end:
            return
        tint = QColor(self.palette().highlight().color())
        tint.setAlpha(38)
        for rect in self.span_rects(max(turn.start, start), min(turn.end, end)):
            painter.fillRect(rect, tint)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._format_visible()
        if (self.index.passages or self._matches or self.playing_turn) and self.workspace is not None:
            painter = QPainter(self.viewport())
            start, end = self.visible_range()
            self._paint_playing(painter, start, end)
            for passage in self.index.overlapping(start, end):
                fill = self.passage_fill(passage)
                for rect in self.span_rects(max(passage.start, start), min(passage.end, end)):
                    painter.fillRect(rect, fill)
            self._paint_current(painter, start, end)
            self._paint_matches(painter, start, end)
            painter.end()
        super().paintEvent(event)

    def _format_visible(self) -> None:
        """Set the speaker labels of the paragraphs on screen apart (each paragraph the first time
        it is shown; a long transcript is not formatted as a whole)."""
        if self.editing:
            return
        block = self.firstVisibleBlock()
        first = last = block.blockNumber()
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() <= height:
            last = block.blockNumber()
            block = block.next()
        self._highlighter.show(first, last)

    def _paint_matches(self, painter: QPainter, start: int, end: int) -> None:
        if not self._matches:
            return
        painter.setPen(QPen(QColor("#e8a317"), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        longest = max(e - s for s, e in self._matches[:50])
        first = bisect_left(self._match_starts, start - longest)
        last = bisect_left(self._match_starts, end)
        for match_start, match_end in self._matches[first:last]:
            for rect in self.span_rects(match_start, match_end):
                painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 2, 2)

    def _paint_current(self, painter: QPainter, start: int, end: int) -> None:
        passage = self.current_passage()
        if passage is None or passage.end < start or passage.start > end:
            return
        code_id = next(
            (a.code_id for a in passage.codings if a.coding_id == self.current_coding),
            passage.codings[0].code_id,
        )
        tree = self.code_tree()
        colour = readable_on(
            self.palette().base().color(), tree.get(code_id).colour if code_id in tree else ""
        )
        first_char, last_char = self._drag_preview or (passage.start, passage.end)
        rects = self.span_rects(first_char, last_char)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.4))
        for rect in rects:
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if rects:
            painter.setPen(QPen(colour, 2.2))
            first, last = rects[0], rects[-1]
            if first_char >= start:
                self._paint_handle(painter, first, left=True)
            if last_char <= end:
                self._paint_handle(painter, last, left=False)

    @staticmethod
    def _paint_handle(painter: QPainter, rect: QRectF, *, left: bool) -> None:
        """A boundary the user can drag: a bar with a small knob."""
        x = rect.left() if left else rect.right()
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
        painter.setBrush(painter.pen().color())
        knob = QPointF(x, rect.top() if left else rect.bottom())
        painter.drawEllipse(knob, 2.6, 2.6)
        painter.setBrush(Qt.BrushStyle.NoBrush)

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
        super().mousePressEvent(event)

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
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            offset = self.offset_at(event.position().toPoint())
            turn = self.turn_label_at(offset)
            if turn is not None and turn.timestamp is not None:
                self.turnClicked.emit(turn)
            clicked = self.index.innermost(offset)
            self.set_current_coding(clicked.codings[0].coding_id if clicked and clicked.codings else None)

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
