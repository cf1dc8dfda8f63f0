"""A window of its own beside the workbench (analysis, intercoder agreement, interview guide, search
and suggestions): it opens no larger than its screen leaves room for, stays on it, and closes with
Esc, as the Compare window does.

Esc reaches the window only when the widget with the focus leaves it alone: a cell being edited, an
open drop-down list or a completer takes it first, so Esc there still cancels just that."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow

#: Room for a window manager's frame and title bar, which are not known before the first show.
FRAME_ROOM = QSize(16, 40)


class ToolWindow(QMainWindow):
    def resize_within_screen(self, width: int, height: int) -> None:
        """The size the window asks for, cut to its screen's available area (a laptop's 1366×768)."""
        self.resize(QSize(width, height).boundedTo(self._room()))

    def _room(self) -> QSize:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry().size() - FRAME_ROOM

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        size = self.size().boundedTo(self._room())  # shown on another (smaller) screen than it was made on
        if size != self.size():
            self.resize(size)
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        frame = self.frameGeometry()
        left = min(max(frame.left(), area.left()), area.right() - frame.width() + 1)
        top = min(max(frame.top(), area.top()), area.bottom() - frame.height() + 1)
        if (left, top) != (frame.left(), frame.top()):
            self.move(left, top)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            self.close()
            return
        super().keyPressEvent(event)
