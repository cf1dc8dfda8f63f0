"""View → Compare regions: the judgement grid in a window of its own, beside the workbench."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from app.judgements.compare_view import CompareView
from app.shell.workspace import Workspace


class CompareWindow(QMainWindow):
    """Holds a :class:`CompareView` on the open project; undo and redo work here as in the workbench."""

    def __init__(
        self, workspace: Workspace, shared_actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareWindow")
        self.setWindowTitle(f"Compare — {workspace.project.path.name}")
        self.view = CompareView(workspace.bridge, self)
        self.setCentralWidget(self.view)
        self.addActions(shared_actions)
        self.resize(1280, 760)
