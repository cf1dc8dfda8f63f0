"""Coding stripes beside the transcript: one lane per overlapping coding, labelled, clickable, draggable.

Each coding is a coloured bar next to the lines it covers; its code's label sits in the label column
at the bar's first line, linked to the bar by a thin line. Clicking a bar or label selects the
passage; dragging a bar's top or bottom end moves that boundary to the line under the mouse.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from app.shell.theme import chip_fill, code_colour, is_dark, over, readable_on
from coding.core.ids import PassageId
from coding.core.records import CodeInfo
from coding.passages.stripe_layout import Stripe

if TYPE_CHECKING:
    from app.transcript.transcript_view import TranscriptView

LABEL_WIDTH = 176  # the label column beside a transcript of ordinary width
MIN_LABEL_WIDTH, MAX_LABEL_WIDTH = 140, 300
LANE_WIDTH = 9
BAR_WIDTH = 5
MAX_LANES = 10
PAD = 6
END_GRAB = 5


def code_label(code: CodeInfo) -> str:
    """How a code is named in compact places: its question reference, then its name."""
    return f"{code.question} {code.name}" if code.question else code.name


class CodingMargin(QWidget):
    """Painted by the view's geometry; emits boundary moves for the coding controller to commit."""

    spanRequested = Signal(object, int, int)  # PassageId, start, end (code points)

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.setObjectName("codingMargin")
        self.view = view
        self.setMouseTracking(True)
        self._lanes = 1
        self.label_width = LABEL_WIDTH
        self.numbers = True  # paragraph numbers at the margin's left edge, for citing (View menu)
        self._hits: list[tuple[QRectF, Stripe, str]] = []
        self._drag: tuple[Stripe, str] | None = None
        #: Guide questions asked in the open document: (turn start, reference, confirmed), set by
        #: :mod:`app.guide.guide_marks`; each is shown at its turn's first line.
        self.guide_marks: list[tuple[int, str, bool]] = []
        self._marks_by_start: tuple[list[tuple[int, str, bool]], list[tuple[int, str, bool]], list[int]] = (
            self.guide_marks,
            [],
            [],
        )
        self._drag_y = 0.0
        font = QFont(view.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.8))
        self.setFont(font)
        self.set_lanes(1, force=True)

    # -- size -----------------------------------------------------------------------------
    def fit_labels(self, view_width: int) -> None:
        """A wider label column beside a wide transcript (a quarter of it), narrower beside a narrow one."""
        width = min(MAX_LABEL_WIDTH, max(MIN_LABEL_WIDTH, view_width // 4))
        if width != self.label_width:
            self.label_width = width
            self.set_lanes(self._lanes, force=True)

    def set_numbers(self, shown: bool) -> None:
        """Show or hide the paragraph numbers (each line of the transcript as imported)."""
        if shown != self.numbers:
            self.numbers = shown
            self.set_lanes(self._lanes, force=True)

    def gutter(self) -> int:
        """The width of the paragraph numbers' column (0 when hidden)."""
        if not self.numbers:
            return 0
        digits = max(3, len(str(self.view.document().blockCount())))
        return QFontMetrics(self.font()).horizontalAdvance("9" * digits) + 6

    def paragraph_numbers(self) -> list[tuple[int, float]]:
        """(number, viewport y) of each paragraph on screen with text, numbered from 1."""
        view = self.view
        offset = view.contentOffset()
        out = []
        block = view.firstVisibleBlock()
        height = self.height()
        while block.isValid():
            top = view.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            if block.text().strip():
                out.append((block.blockNumber() + 1, top))
            block = block.next()
        return out

    def _paint_numbers(self, painter: QPainter) -> None:
        gutter = self.gutter()
        if not gutter or self.view.document_id is None:
            return
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        line = QFontMetrics(self.font()).height()
        for number, top in self.paragraph_numbers():
            rect = QRectF(1, top + 1, gutter - 4, line)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), str(number))

    def _paint_guide_marks(self, painter: QPainter) -> None:
        """The guide reference beside each interviewer turn that asks a guide question (4a; ✓ when
        confirmed), under the code labels where one starts on the same line."""
        if not self.guide_marks or self.view.document_id is None:
            return
        start, end = self.view.visible_range()
        blocks = self.view.visible_blocks()
        metrics = QFontMetrics(self.font())
        colour = self.palette().color(QPalette.ColorRole.PlaceholderText)
        if self._marks_by_start[0] is not self.guide_marks:  # a long transcript has thousands of turns
            ordered = sorted(self.guide_marks)
            self._marks_by_start = (self.guide_marks, ordered, [mark[0] for mark in ordered])
        _marks, ordered, starts = self._marks_by_start
        for turn_start, ref, confirmed in ordered[bisect_left(starts, start) : bisect_right(starts, end)]:
            extent = self.view.span_extent(turn_start, turn_start + 1, blocks)
            if extent is None:
                continue
            label = f"{ref} ✓" if confirmed else ref
            chip = QRectF(
                PAD + self.gutter(),
                extent[0] + 1,
                metrics.horizontalAdvance(label) + 10,
                metrics.height() + 2,
            )
            painter.setPen(QPen(colour, 1, Qt.PenStyle.SolidLine if confirmed else Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(chip, 3, 3)
            painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), label)

    def set_lanes(self, lanes: int, *, force: bool = False) -> None:
        lanes = min(max(lanes, 1), MAX_LANES)
        width = self.gutter() + self.label_width + lanes * LANE_WIDTH + 2 * PAD
        if lanes == self._lanes and width == self.width() and not force:
            return  # (a longer document may need a wider number column: the width decides)
        self._lanes = lanes
        self.setFixedWidth(width)
        self.view.setViewportMargins(width, 0, 0, 0)
        # The text wraps at the new width: a QPlainTextEdit lays it out again on a change of its wrap mode,
        # not always on the narrower viewport (a project opened before the window first showed ran 80 px
        # past the view, behind a horizontal scroll bar, on a 1920×1080 screen until the window was resized).
        wrap = self.view.lineWrapMode()
        if wrap != QPlainTextEdit.LineWrapMode.NoWrap:
            scrolled = self.view.verticalScrollBar().value()  # (a new wrap mode shows the cursor)
            self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            self.view.setLineWrapMode(wrap)
            self.view.verticalScrollBar().setValue(scrolled)
        rect = self.view.contentsRect()
        self.setGeometry(QRect(rect.left(), rect.top(), width, rect.height()))

    def lane_x(self, lane: int) -> float:
        """Lanes run outward from the text: lane 0 is nearest to it."""
        return self.width() - PAD - (min(lane, MAX_LANES - 1) + 1) * LANE_WIDTH + (LANE_WIDTH - BAR_WIDTH)

    def follow(self, rect: QRect, dy: int) -> None:
        """Keep up with the view's scrolling and repaints."""
        self.update()

    # -- what is on screen ----------------------------------------------------------------
    def visible_stripes(self) -> list[tuple[float, float, Stripe]]:
        view = self.view
        if view.document_id is None or not view.index.passages:
            return []
        start, end = view.visible_range()
        blocks = view.visible_blocks()
        out = []
        view.stripes.around(start, end)
        for passage in view.index.overlapping(start, end):
            extent = view.span_extent(passage.start, passage.end, blocks)
            if extent is None:
                continue
            for stripe in view.stripes.of(passage.id):
                out.append((extent[0], extent[1], stripe))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        base = palette.base().color()
        dark = is_dark(palette)
        painter.fillRect(event.rect(), base.darker(104) if not dark else base.lighter(115))
        painter.setPen(QPen(palette.mid().color(), 1))
        painter.drawLine(self.width() - 1, event.rect().top(), self.width() - 1, event.rect().bottom())
        self._hits = []
        self._paint_numbers(painter)
        self._paint_guide_marks(painter)
        stripes = self.visible_stripes()
        if not stripes:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tree = self.view.code_tree()
        height = self.height()
        current = self.view.current_coding
        for top, bottom, stripe in stripes:
            if stripe.code_id not in tree:
                continue
            colour = code_colour(tree.get(stripe.code_id).colour)
            rect = QRectF(self.lane_x(stripe.lane), top + 2, BAR_WIDTH, max(bottom - top - 4, 4))
            selected = stripe.coding_id == current
            if selected:
                painter.setPen(QPen(readable_on(base, colour.name()), 1.5))
                painter.setBrush(colour)
                painter.drawRoundedRect(rect.adjusted(-1.5, -1, 1.5, 1), 2.5, 2.5)
                for y in (rect.top(), rect.bottom()):
                    painter.drawLine(QPointF(rect.left() - 3, y), QPointF(rect.right() + 3, y))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(rect, 2, 2)
            self._hits.append((rect.adjusted(-2, -END_GRAB, 2, END_GRAB), stripe, "bar"))
        self._paint_labels(painter, stripes, base, dark, height)
        if self._drag is not None:
            painter.setPen(QPen(palette.highlight().color(), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(0, self._drag_y), QPointF(self.width(), self._drag_y))

    def _paint_labels(
        self,
        painter: QPainter,
        stripes: list[tuple[float, float, Stripe]],
        base: QColor,
        dark: bool,
        height: int,
    ) -> None:
        tree = self.view.code_tree()
        metrics = QFontMetrics(self.font())
        chip_height = metrics.height() + 3
        next_free = 0.0
        current = self.view.current_coding
        for top, bottom, stripe in sorted(stripes, key=lambda item: (max(item[0], 0.0), item[2].lane)):
            if stripe.code_id not in tree:
                continue
            y = max(top + 1, 0.0, next_free)
            if y > height or y + chip_height / 2 > bottom + 2:
                continue  # no room beside its own lines: the bar still shows, with its tooltip
            code = tree.get(stripe.code_id)
            # The label may reach into lanes no bar uses beside it, up to the nearest bar.
            bars = [self.lane_x(s.lane) for t, b, s in stripes if t < y + chip_height and b > y]
            right = min(bars, default=self.lane_x(stripe.lane)) - 4
            left = PAD + self.gutter()
            chip = QRectF(left, y, max(self.label_width - PAD, right - left), chip_height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip_fill(code.colour, dark))
            painter.drawRoundedRect(chip, 3, 3)
            painter.setBrush(code_colour(code.colour))
            painter.drawRoundedRect(QRectF(chip.left(), chip.top(), 3, chip.height()), 1.5, 1.5)
            text_colour = readable_on(over(chip_fill(code.colour, dark), base), code.colour)
            font = self.font()
            font.setBold(stripe.coding_id == current)
            painter.setFont(font)
            painter.setPen(text_colour)
            text = QFontMetrics(font).elidedText(
                code_label(code), Qt.TextElideMode.ElideRight, int(chip.width() - 9)
            )
            painter.drawText(chip.adjusted(6, 0, -2, 0), int(Qt.AlignmentFlag.AlignVCenter), text)
            bar_x = self.lane_x(stripe.lane)
            middle = chip.center().y()
            painter.setPen(QPen(code_colour(code.colour), 1))
            painter.drawLine(QPointF(chip.right(), middle), QPointF(bar_x, middle))
            self._hits.append((chip, stripe, "label"))
            next_free = chip.bottom() + 1

    # -- interaction ----------------------------------------------------------------------
    def hit(self, point: QPointF) -> tuple[Stripe, str] | None:
        """What is under ``point``: a stripe and "start", "end", "bar" or "label"."""
        for rect, stripe, kind in reversed(self._hits):
            if not rect.contains(point):
                continue
            if kind == "bar":
                extent = self.view.span_extent(stripe.start, stripe.end)
                if extent is not None:
                    top, bottom = extent
                    if abs(point.y() - (top + 2)) <= END_GRAB and top >= 0:
                        return stripe, "start"
                    if abs(point.y() - (bottom - 2)) <= END_GRAB and bottom <= self.height():
                        return stripe, "end"
            return stripe, "bar" if kind == "bar" else "label"
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        found = self.hit(event.position())
        if found is None:
            return
        stripe, kind = found
        self.view.set_current_coding(stripe.coding_id, select=True)
        if kind in ("start", "end"):
            self._drag = (stripe, kind)
            self._drag_y = event.position().y()
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag_y = max(0.0, min(event.position().y(), float(self.height() - 1)))
            self.update()
            return
        found = self.hit(event.position())
        if found is None:
            self.unsetCursor()
        elif found[1] in ("start", "end"):
            self.setCursor(Qt.CursorShape.SizeVerCursor)
        else:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        stripe, kind = self._drag
        self._drag = None
        self.update()
        y = int(max(0.0, min(event.position().y(), float(self.height() - 1))))
        view = self.view
        if kind == "start":
            start = view.offset_at(QPoint(0, y))
            end = stripe.end
        else:
            start = stripe.start
            end = view.offset_at(QPoint(view.viewport().width() - 1, y))
        if start < end and (start, end) != (stripe.start, stripe.end):
            self.spanRequested.emit(PassageId(stripe.passage_id), start, end)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.hit(QPointF(event.pos()))
            if found is not None:
                passage = self.view.index.get(found[0].passage_id)
                tip = self.view.describe([passage]) if passage is not None else ""
                if found[1] in ("start", "end"):
                    tip += "<p style='color:gray'>Drag to move this boundary.</p>"
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
