"""A list of labelled values with check boxes (which codes, which groups to export)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class CheckListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, Any]] = []
        self._checked: list[bool] = []

    def set_items(self, items: Sequence[tuple[str, Any]], *, checked: bool = True) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._checked = [checked] * len(self._items)
        self.endResetModel()

    def values(self) -> list[Any]:
        return [value for _label, value in self._items]

    def checked_values(self) -> list[Any]:
        return [value for (_label, value), on in zip(self._items, self._checked, strict=True) if on]

    def all_checked(self) -> bool:
        return all(self._checked)

    def set_checked(self, value: Any, on: bool) -> None:
        for row, (_label, item) in enumerate(self._items):
            if item == value:
                self.setData(self.index(row), on, Qt.ItemDataRole.CheckStateRole)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        label, _value = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        on = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
        self._checked[index.row()] = on
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
