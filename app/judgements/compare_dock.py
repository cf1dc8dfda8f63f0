"""Compare regions as a panel of the main window (the option beside its own window).

The dock borrows the :class:`CompareView` of the Compare window and gives it back when the user
asks for the window again; which of the two the user chose is remembered (``compare/docked``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.judgements.compare_view import CompareView

DOCKED_KEY = "compare/docked"


class CompareDock(QDockWidget):
    undockRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("CompareDock", "Compare regions"), parent)
        self.setObjectName("compareDock")
        self.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
        body = QWidget(self)
        self.window_button = QPushButton(
            QCoreApplication.translate("CompareDock", "Open in its own window"), body
        )
        self.window_button.setObjectName("undockCompare")
        self.window_button.clicked.connect(self.undockRequested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.window_button)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self._layout.addLayout(row)
        self.setWidget(body)
        self.view: CompareView | None = None

    def take(self, view: CompareView) -> None:
        """Show ``view`` here (it leaves the Compare window)."""
        self.view = view
        self._layout.addWidget(view, 1)
        view.show()

    def give_back(self) -> CompareView | None:
        """The view, taken out of the dock (for the Compare window)."""
        view, self.view = self.view, None
        if view is not None:
            self._layout.removeWidget(view)
        return view
