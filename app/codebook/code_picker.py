"""A searchable code picker: type a few letters of a name, label, question or search term, press Enter.

Used from the transcript's context menu (code the selection) and for choosing a merge target.
Matching is case- and accent-insensitive; when nothing matches exactly, it offers to create the
typed name as a new inductive code.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QPushButton, QVBoxLayout, QWidget

from app.shell.theme import code_colour
from app.transcript.coding_margin import code_label
from coding.core.ids import CodeId
from coding.core.records import CodeInfo, CodeTree
from coding.core.text import fold

CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2


class CodeListModel(QAbstractListModel):
    """All codes as one flat list in codebook order."""

    def __init__(
        self, tree: CodeTree, exclude: set[CodeId] | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._codes: list[CodeInfo] = [c for c in tree if c.id not in (exclude or set())]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._codes)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        code = self._codes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            indent = "    " * code.depth
            return f"{indent}{code_label(code)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return code_colour(code.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return code.path_text + (f" — {code.label}" if code.label else "")
        if role == CODE_ID_ROLE:
            return code.id
        if role == FILTER_ROLE:
            return fold(" ".join((code.path_text, code.label, code.question or "", *code.search_terms)))
        return None

    def code(self, row: int) -> CodeInfo:
        return self._codes[row]


class CodePicker(QDialog):
    """Emits ``picked(CodeId)`` or ``createRequested(name)``; closes itself either way."""

    picked = Signal(object)
    createRequested = Signal(str)

    def __init__(
        self,
        tree: CodeTree,
        parent: QWidget | None = None,
        *,
        title: str | None = None,
        exclude: set[CodeId] | None = None,
        allow_create: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("codePicker")
        if title is None:  # Ctrl+K, the toolbar's "Code with": the window's own language
            title = QCoreApplication.translate("CodePicker", "Code the selection with…")
        self.setWindowTitle(title)
        self.setModal(True)
        self._allow_create = allow_create
        self._tree = tree
        self.source = CodeListModel(tree, exclude, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            QCoreApplication.translate("CodePicker", "Type to find a code: name, label, question (4a) …")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(QCoreApplication.translate("CodePicker", "Find a code"))
        self.list = QListView(self)
        self.list.setAccessibleName(QCoreApplication.translate("CodePicker", "Codes"))
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.create_button = QPushButton(self)
        self.create_button.setVisible(False)
        self.create_button.setAccessibleName(
            QCoreApplication.translate("CodePicker", "Create a code with the typed name and code with it")
        )
        hint = QLabel(
            QCoreApplication.translate("CodePicker", "Enter codes with the highlighted code · Esc cancels"),
            self,
        )
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, self))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.create_button)
        layout.addWidget(hint)
        self.resize(420, 440)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.activated.connect(self._choose)
        self.list.doubleClicked.connect(self._choose)
        self.create_button.clicked.connect(self._create)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(fold(text))
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        name = " ".join(text.split())
        exact = any(fold(c.name) == fold(name) for c in self._tree)
        show = self._allow_create and bool(name) and not exact
        self.create_button.setVisible(show)
        self.create_button.setText(
            self.tr("Create code “{name}” and code with it").format(name=name) if show else ""
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                QCoreApplication.sendEvent(self.list, QKeyEvent(event.type(), key, event.modifiers()))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.list.currentIndex().isValid():
                    self._choose(self.list.currentIndex())
                elif self.create_button.isVisible():
                    self._create()
                return True
        return super().eventFilter(watched, event)

    def done(self, result: int) -> None:
        super().done(result)
        owner = self.parentWidget()
        if owner is not None:  # the keyboard goes back to where the picker was asked for
            owner.window().activateWindow()
            owner.setFocus()

    def _choose(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        code_id = index.data(CODE_ID_ROLE)
        self.accept()
        self.picked.emit(code_id)

    def _create(self) -> None:
        name = " ".join(self.search.text().split())
        if name:
            self.accept()
            self.createRequested.emit(name)
