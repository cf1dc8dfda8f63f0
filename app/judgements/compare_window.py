"""View → Compare regions: the judgement grid in a window of its own, beside the workbench.

The window opens centred on the workbench at its last size (QSettings), keeps its splitters, closes
with Esc (a judgement being typed is saved first), and can be docked into the main window instead
(``dockRequested``; the main window moves the view into a dock and back).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from app.judgements.compare_view import CompareView
from app.shell import settings
from app.shell.workspace import Workspace

GEOMETRY_KEY = "compare/geometry"
#: The first size, made smaller on a smaller screen.
FIRST_SIZE = QSize(1280, 760)


class CompareWindow(QMainWindow):
    """Holds a :class:`CompareView` on the open project; undo and redo work here as in the workbench."""

    dockRequested = Signal()

    def __init__(
        self, workspace: Workspace, shared_actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareWindow")
        self.setWindowTitle(
            QCoreApplication.translate("CompareWindow", "Compare — {name}").format(
                name=workspace.project.path.name
            )
        )
        self.view = CompareView(workspace.bridge, self, workspace=workspace)
        self.setCentralWidget(self.view)
        self.addActions(shared_actions)
        self.close_action = QAction(QCoreApplication.translate("CompareWindow", "Close"), self)
        self.close_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Close)]
        )
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        self.dock_action = QAction(
            QCoreApplication.translate("CompareWindow", "Dock in the main window"), self
        )
        self.dock_action.setObjectName("dockCompare")
        self.dock_action.setToolTip(
            QCoreApplication.translate(
                "CompareWindow", "Show Compare regions as a panel of the main window instead"
            )
        )
        self.dock_action.triggered.connect(self.dockRequested)
        bar = QToolBar(QCoreApplication.translate("CompareWindow", "Compare"), self)
        bar.setObjectName("compareToolbar")
        bar.setMovable(False)
        bar.addAction(self.dock_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self._placed = False
        geometry = settings.saved_state(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(FIRST_SIZE)
        else:
            self._placed = True
        self.view.restore_layout()

    def take_back(self, view: CompareView) -> None:
        """The view again as this window's content (from the main window's dock)."""
        self.view = view
        self.setCentralWidget(view)
        view.show()

    def _area(self) -> QRect:
        return self.screen().availableGeometry()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        area = self._area()
        size = self.size().boundedTo(area.size() - QSize(16, 40))
        if size != self.size():
            self.resize(size)
        if not self._placed:  # the first time: centred on the workbench (or the screen), not in a corner
            self._placed = True
            owner = self.parentWidget()
            centre = owner.frameGeometry().center() if owner is not None else area.center()
            frame = self.frameGeometry()
            frame.moveCenter(centre)
            left = min(max(frame.left(), area.left()), area.right() - frame.width() + 1)
            top = min(max(frame.top(), area.top()), area.bottom() - frame.height() + 1)
            self.move(left, top)

    def remember(self) -> None:
        settings.save_state(GEOMETRY_KEY, QByteArray(self.saveGeometry()))
        self.view.save_layout()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.view.save_pending()  # a judgement being typed is saved, never dropped
        self.remember()
        super().closeEvent(event)
