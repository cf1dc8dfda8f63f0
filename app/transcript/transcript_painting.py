"""The transcript's painting: coded passages beneath the text, the current coding with its handles,
the played turn, the find bar's hits, and the speaker labels of the paragraphs shown.

A mixin of :class:`~app.transcript.transcript_view.TranscriptView` (which sets the attributes
declared here); everything is painted for the visible lines only.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen

from app.shell.theme import code_colour, highlight_fill, is_dark, readable_on
from app.shell.workspace import Workspace
from app.transcript.speaker_highlighter import SpeakerHighlighter
from app.transcript.transcript_geometry import TranscriptGeometry
from coding.core.ids import CodingId, PassageId
from coding.core.records import CodeTree, PassageInfo, TurnInfo
from coding.passages.passage_index import PassageIndex

if TYPE_CHECKING:
    from app.transcript.coding_margin import CodingMargin


class TranscriptPainting(TranscriptGeometry):
    """Paints what the view holds; keeps the current coding."""

    currentCodingChanged = Signal(object)  # CodingId | None

    workspace: Workspace | None
    turns: list[TurnInfo]
    index: PassageIndex
    current_coding: CodingId | None
    playing_turn: TurnInfo | None
    editing: bool
    margin: CodingMargin
    _highlighter: SpeakerHighlighter
    _fills: dict[PassageId, QColor]
    _matches: list[tuple[int, int]]
    _match_starts: list[int]
    _drag_preview: tuple[int, int] | None

    def code_tree(self) -> CodeTree:
        assert self.workspace is not None
        return self.workspace.project.codes.tree()

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
