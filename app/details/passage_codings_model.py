"""The codes on the passage the Details dock shows, each with its coder and a mark for its memo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.shell.theme import code_colour
from app.transcript.coding_margin import code_label
from coding.core.ids import CodingId
from coding.core.records import CodeApplication, CodeTree

CODING_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PassageCodingsModel(QAbstractListModel):
    """The codes on one passage."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[CodeApplication] = []
        self._tree: CodeTree = CodeTree.build([])

    def set_items(self, items: list[CodeApplication], tree: CodeTree) -> None:
        self.beginResetModel()
        self._items = [a for a in items if a.code_id in tree]
        self._tree = tree
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        code = self._tree.get(item.code_id)
        if role == Qt.ItemDataRole.DisplayRole:
            memo = " ✎" if item.memo else ""
            return f"{code_label(code)}  · {item.coder or '?'}{memo}"
        if role == Qt.ItemDataRole.DecorationRole:
            return code_colour(code.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return code.path_text
        if role == CODING_ID_ROLE:
            return item.coding_id
        return None

    def row_of(self, coding_id: CodingId) -> int:
        return next((row for row, item in enumerate(self._items) if item.coding_id == coding_id), -1)
