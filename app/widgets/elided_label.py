"""A one-line label that never widens its window: too long a text is cut with “…”, the whole text on hover.

A plain ``QLabel`` asks for the width of its whole text, so a long document name or undo text
pushes docks apart and can make the window wider than the screen. ``ElidedLabel`` asks for no
width at all (it takes what the layout gives it), draws what fits, and shows the full text as
its tooltip whenever some of it is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class ElidedLabel(QWidget):
    """One line of plain text, elided at the right (or where ``mode`` says) when it does not fit."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
        tooltip: str = "",
    ) -> None:
        super().__init__(parent)
        self._text = text
        self._mode = mode
        self._tooltip = tooltip
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._update_tooltip()

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._update_tooltip()
        self.updateGeometry()
        self.update()

    def set_tooltip(self, tooltip: str) -> None:
        """A tooltip shown always (the full text is added to it when elided)."""
        self._tooltip = tooltip
        self._update_tooltip()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_tooltip()
            self.updateGeometry()

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self._text) > self.contentsRect().width()

    def shown_text(self) -> str:
        """The text as drawn now (cut with “…” when it does not fit)."""
        if not self.is_elided():
            return self._text
        return self.fontMetrics().elidedText(self._text, self._mode, max(0, self.contentsRect().width()))

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        return QSize(
            metrics.horizontalAdvance(self._text) + 2 + margins.left() + margins.right(),
            metrics.height() + margins.top() + margins.bottom(),
        )

    def minimumSizeHint(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(0, self.fontMetrics().height() + margins.top() + margins.bottom())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        parts = [p for p in (self._text if self.is_elided() else "", self._tooltip) if p]
        self.setToolTip("\n\n".join(parts))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.shown_text(),
        )
        painter.end()
