"""Tools → Documents × attributes: every document's attributes in one table, edited like a
spreadsheet (type over a cell, Enter; Delete empties it; one undoable step per cell)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.documents.attribute_table_model import NAME, AttributeTableModel
from app.shell.workspace import Workspace


class AttributeTableView(QTableView):
    """Delete or Backspace empties the selected cells (removes those attributes)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.state() != self.State.EditingState
        ):
            model = self.model()
            for index in self.selectionModel().selectedIndexes():
                if index.column() != NAME:
                    model.setData(index, "")
            return
        super().keyPressEvent(event)


class AttributeTableWindow(QMainWindow):
    def __init__(
        self, workspace: Workspace, shared_actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attributeTableWindow")
        self.setWindowTitle(
            QCoreApplication.translate("AttributeTableWindow", "Documents × attributes — {name}").format(
                name=workspace.project.path.name
            )
        )
        self.model = AttributeTableModel(workspace, self)
        self.table = AttributeTableView(self)
        self.table.setObjectName("attributeTable")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.add_button = QPushButton(QCoreApplication.translate("AttributeTableWindow", "Add attribute…"))
        self.add_button.setObjectName("addAttributeColumn")
        self.add_button.clicked.connect(self.ask_attribute)
        hint = QLabel(
            QCoreApplication.translate(
                "AttributeTableWindow",
                "Type over a cell and press Enter; Delete empties it. Each change is one undo step.",
            )
        )
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.add_button)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(body)
        self.addActions(shared_actions)
        close = QAction(QCoreApplication.translate("AttributeTableWindow", "Close"), self)
        close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        self.addAction(close)
        screen = self.screen().availableGeometry()
        self.resize(min(1000, screen.width() - 60), min(560, screen.height() - 80))

    def ask_attribute(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("AttributeTableWindow", "Add attribute"),
            QCoreApplication.translate("AttributeTableWindow", "Name of the new attribute:"),
        )
        if ok and self.model.add_attribute(name):
            self.table.setCurrentIndex(self.model.index(0, self.model.columnCount() - 1))
            self.table.setFocus()
