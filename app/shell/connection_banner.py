"""The line that says a team project's server cannot be reached, while the window keeps trying."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from app.widgets.translated import QT_TRANSLATE_NOOP

UNREACHABLE = QT_TRANSLATE_NOOP(
    "ConnectionBanner",
    "⚠ The team server cannot be reached. Everything you did before is saved on it; "
    "an action now is not applied (never half-written). Codewerk keeps trying…",
)


class ConnectionBanner(QLabel):
    """Shown in the status bar while the server is unreachable; hidden again when it is back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("ConnectionBanner", UNREACHABLE), parent)
        self.setObjectName("connectionBanner")
        self.setStyleSheet("QLabel#connectionBanner { background: #b3261e; color: white; padding: 2px 8px; }")
        self.setWordWrap(False)
        self.hide()

    def show_reachable(self, reachable: bool) -> None:
        self.setVisible(not reachable)
