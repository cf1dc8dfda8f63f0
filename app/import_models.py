"""Models of the import dialog: the files to import (with the attributes each will get) and the
attributes for all files (key/value rows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from coding.import_preview import FilePlan, ImportPreview

Index = QModelIndex | QPersistentModelIndex
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
WARNING = QColor("#a15c00")
PROBLEM = QColor("#b3261e")

FILE, FORMAT, ATTRIBUTES, NOTE = range(4)


def note_for(plan: FilePlan, has_sheet: bool) -> tuple[str, QColor | None]:
    """What the user should know about a file before importing it, and how urgent it is."""
    if plan.source_format is None:
        return f"cannot import '{plan.path.suffix or 'no extension'}' files; will be skipped", PROBLEM
    notes = []
    if plan.existing is not None:
        notes.append(f"already in the project as '{plan.existing}'")
    if has_sheet and plan.sheet_line is None:
        notes.append("no row in the metadata sheet")
    if notes:
        return "; ".join(notes), WARNING
    if has_sheet:
        return f"metadata row {plan.sheet_line}", None
    return "", None


class ImportFileModel(QAbstractTableModel):
    """The files of an import: name, type, the attributes it will get, and a note (mismatches, duplicates)."""

    HEADERS = ("File", "Type", "Attributes", "Note")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plans: tuple[FilePlan, ...] = ()
        self._has_sheet = False

    def set_preview(self, preview: ImportPreview) -> None:
        self.beginResetModel()
        self._plans = preview.files
        self._has_sheet = preview.sheet is not None
        self.endResetModel()

    def paths(self) -> list[Path]:
        return [plan.path for plan in self._plans]

    def plan(self, row: int) -> FilePlan:
        return self._plans[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._plans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        plan = self._plans[index.row()]
        column = index.column()
        if role == PATH_ROLE:
            return plan.path
        if role == Qt.ItemDataRole.ToolTipRole and column == FILE:
            return str(plan.path)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == FILE:
                return plan.path.name
            if column == FORMAT:
                return plan.source_format or "?"
            if column == ATTRIBUTES:
                return ", ".join(f"{k}={v}" for k, v in plan.attributes.items())
            return note_for(plan, self._has_sheet)[0]
        if role == Qt.ItemDataRole.ForegroundRole and column == NOTE:
            colour = note_for(plan, self._has_sheet)[1]
            return QBrush(colour) if colour is not None else None
        return None


class AttributeRowsModel(QAbstractTableModel):
    """Key/value rows typed by the user; there is always one empty row at the end to add another."""

    HEADERS = ("Attribute", "Value")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = [["", ""]]

    def attributes(self) -> dict[str, str]:
        return {key.strip(): value.strip() for key, value in self._rows if key.strip() and value.strip()}

    def set_attributes(self, values: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = [[k, v] for k, v in values.items()] + [["", ""]]
        self.endResetModel()

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows) - 1:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        placeholder = not value and index.row() == len(self._rows) - 1
        if role == Qt.ItemDataRole.ForegroundRole and placeholder:
            return QBrush(QColor("#8a8a8a"))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if role == Qt.ItemDataRole.DisplayRole and placeholder:
            return ("new attribute…", "")[index.column()]
        return value

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self._rows[index.row()][index.column()] = str(value)
        self.dataChanged.emit(index, index)
        if index.row() == len(self._rows) - 1 and any(self._rows[-1]):
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(["", ""])
            self.endInsertRows()
        return True
