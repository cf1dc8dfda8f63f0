"""Work that can wait until a widget was first painted: the window shows first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None], at_most_ms: int) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(at_most_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after the paint, not inside it
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self.deleteLater()
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None], *, at_most_ms: int = 1000) -> None:
    """Call ``callback`` once, on the GUI thread, right after ``widget`` is next painted, or after
    ``at_most_ms`` if it is not painted by then (hidden); never if ``widget`` is deleted first."""
    _AfterPaint(widget, callback, at_most_ms)
