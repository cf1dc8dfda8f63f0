"""Analysis → Co-occurrence / Code × case matrix: both heat maps in a window of their own."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QWidget

from app.analysis.cooccurrence_view import CooccurrenceView
from app.analysis.matrix_view import MatrixView
from app.shell.workspace import Workspace
from app.widgets.tool_window import ToolWindow

TABS = ("cooccurrence", "matrix")


class AnalysisWindow(ToolWindow):
    def __init__(
        self, workspace: Workspace, shared_actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("analysisWindow")
        self.setWindowTitle(self.tr("Analysis — {name}").format(name=workspace.project.path.name))
        self.tabs = QTabWidget(self)
        self.cooccurrence = CooccurrenceView(workspace, self.tabs)
        self.matrix = MatrixView(workspace, self.tabs)
        self.tabs.addTab(self.cooccurrence, self.tr("Co-occurrence"))
        self.tabs.addTab(self.matrix, self.tr("Code × case matrix"))
        self.setCentralWidget(self.tabs)
        self.statusBar()
        self.addActions(shared_actions)
        self.resize_within_screen(1280, 760)

    def show_tab(self, tab: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(tab))
