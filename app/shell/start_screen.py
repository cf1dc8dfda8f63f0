"""The start screen: new project, open a project, open the demo project, or a recent project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from app.shell.settings import recent_projects


def _folder(path: Path) -> str:
    """The project's folder, with the home folder written as ~."""
    try:
        return "~/" + str(path.parent.relative_to(Path.home()))
    except ValueError:
        return str(path.parent)


class RecentProjectsModel(QAbstractListModel):
    PATH_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paths: list[Path] = []

    def reload(self) -> None:
        self.beginResetModel()
        self._paths = recent_projects()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._paths)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        path = self._paths[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{path.name}    —    {_folder(path)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(path)
        if role == self.PATH_ROLE:
            return path
        return None


class StartScreen(QWidget):
    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    connectRequested = Signal()
    recentRequested = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        title = QLabel("Codewerk", self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        title.setFont(font)
        tagline = QLabel(
            QCoreApplication.translate(
                "StartScreen",
                "Code interview transcripts with your codebook, retrieve quotes per concept and region,\n"
                "and judge every concept per region. Everything stays on this computer, in one project file.",
            ),
            self,
        )
        tagline.setWordWrap(True)
        self.new_button = QPushButton(QCoreApplication.translate("StartScreen", "New project…"), self)
        self.open_button = QPushButton(QCoreApplication.translate("StartScreen", "Open…"), self)
        self.demo_button = QPushButton(QCoreApplication.translate("StartScreen", "Open demo project"), self)
        self.demo_button.setToolTip(
            QCoreApplication.translate(
                "StartScreen", "Six short synthetic Dutch interviews in three regions, partly coded"
            )
        )
        self.connect_button = QPushButton(
            QCoreApplication.translate("StartScreen", "Connect to a team project…"), self
        )
        self.connect_button.setToolTip(
            QCoreApplication.translate(
                "StartScreen", "A project on a PostgreSQL server that several coders use at once"
            )
        )
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(40)
            button.setMinimumWidth(120)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.recent_model = RecentProjectsModel(self)
        self.recent = QListView(self)
        self.recent.setObjectName("recentProjects")
        self.recent.setAccessibleName(QCoreApplication.translate("StartScreen", "Recent projects"))
        self.recent.setModel(self.recent_model)
        self.recent.setFrameShape(QFrame.Shape.StyledPanel)
        self.recent.setSpacing(3)
        self.recent_label = QLabel(QCoreApplication.translate("StartScreen", "Recent projects"), self)
        bold = QFont(self.recent_label.font())
        bold.setBold(True)
        self.recent_label.setFont(bold)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(tagline)
        column.addSpacing(18)
        column.addLayout(buttons)
        team = QHBoxLayout()  # its own row: the start screen stays as narrow as before
        self.connect_button.setMinimumHeight(32)
        team.addWidget(self.connect_button)
        team.addStretch(1)
        column.addSpacing(6)
        column.addLayout(team)
        column.addSpacing(24)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent, 2)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.demo_button.clicked.connect(self.demoRequested)
        self.connect_button.clicked.connect(self.connectRequested)
        self.recent.activated.connect(self._recent)
        self.reload()

    def reload(self) -> None:
        self.recent_model.reload()
        has_recent = self.recent_model.rowCount() > 0
        self.recent.setVisible(has_recent)
        self.recent_label.setVisible(has_recent)

    def _recent(self, index: QModelIndex) -> None:
        path = index.data(RecentProjectsModel.PATH_ROLE)
        if path is not None:
            self.recentRequested.emit(path)
