"""Work that can wait until a widget was first painted: the window shows first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None], at_most_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        self._window: list[QObject] = []  # once the time is up: the window and its native window
        widget.installEventFilter(self)
        QTimer.singleShot(at_most_ms, self, self._time_up)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._callback is not None and (
            (watched is self._widget and event.type() == QEvent.Type.Paint)
            or self._window_painted(watched, event)
        ):
            self._stop_watching()
            QTimer.singleShot(0, self, self._run)  # after the paint, not inside it
        return False

    def _window_painted(self, watched: QObject, event: QEvent) -> bool:
        """Whether ``event`` paints the window (once the time is up): the window's own paint, its native
        window's exposure, or an update of it while exposed (each paints what is due before it returns)."""
        if not any(watched is part for part in self._window):
            return False
        kind = event.type()
        if kind == QEvent.Type.UpdateRequest:
            handle = self._window[-1]
            return isinstance(handle, QWindow) and handle.isExposed()
        return kind in (QEvent.Type.Paint, QEvent.Type.Expose)

    def _time_up(self) -> None:
        """The widget was not painted in time: it is hidden, or its window was not painted yet. A window
        that shows is waited for (on a loaded machine its first paint comes late: nothing runs before it);
        one that does not (hidden, minimised) is not."""
        if self._callback is None:
            return
        window = self._widget.window()
        if not window.isVisible() or window.isMinimized():
            self._run()
            return
        handle = window.windowHandle()
        self._window = [window] if handle is None else [window, handle]
        for part in self._window:
            part.installEventFilter(self)
        window.update()  # a paint comes, also when the window was painted before and the widget is hidden

    def _stop_watching(self) -> None:
        self._widget.removeEventFilter(self)
        for part in self._window:
            part.removeEventFilter(self)
        self._window = []

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self._stop_watching()
            self.deleteLater()
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None], *, at_most_ms: int = 1000) -> None:
    """Call ``callback`` once, on the GUI thread, right after ``widget`` is next painted; if it is not painted
    within ``at_most_ms``, right after its window's next paint, or at once when the window does not show
    (hidden, minimised). Never if ``widget`` is deleted first."""
    _AfterPaint(widget, callback, at_most_ms)
