"""Models of the import dialog: the files to import (with the attributes each will get) and the
attributes for all files (key/value rows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.widgets.record_table_model import Column, RecordTableModel
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.importing.import_preview import FilePlan, ImportPreview

Index = QModelIndex | QPersistentModelIndex
WARNING = QColor("#a15c00")
PROBLEM = QColor("#b3261e")

FILE, FORMAT, ATTRIBUTES, NOTE = range(4)


def note_for(plan: FilePlan, has_sheet: bool) -> tuple[str, QColor | None]:
    """What the user should know about a file before importing it, and how urgent it is."""
    if plan.source_format is None:
        if plan.path.suffix:
            refused = QCoreApplication.translate(
                "ImportDialog", "cannot import '{suffix}' files; will be skipped"
            )
            return refused.format(suffix=plan.path.suffix), PROBLEM
        return QCoreApplication.translate(
            "ImportDialog", "cannot import files without an extension; will be skipped"
        ), PROBLEM
    notes = []
    if plan.existing is not None:
        notes.append(
            QCoreApplication.translate("ImportDialog", "already in the project as '{name}'").format(
                name=plan.existing
            )
        )
    if has_sheet and plan.sheet_line is None:
        notes.append(QCoreApplication.translate("ImportDialog", "no row in the metadata sheet"))
    if notes:
        return "; ".join(notes), WARNING
    if has_sheet:
        return QCoreApplication.translate("ImportDialog", "metadata row {line}").format(
            line=plan.sheet_line
        ), None
    return "", None


class ImportFileModel(RecordTableModel[FilePlan]):
    """The files of an import: name, type, the attributes it will get, and a note (mismatches, duplicates)."""

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Column", "File"),
            lambda plan: plan.path.name,
            tooltip=lambda plan: str(plan.path),
        ),
        Column(QT_TRANSLATE_NOOP("Column", "Type"), lambda plan: plan.source_format or "?"),
        Column(
            QT_TRANSLATE_NOOP("Column", "Attributes"),
            lambda plan: ", ".join(f"{k}={v}" for k, v in plan.attributes.items()),
        ),
        Column(
            QT_TRANSLATE_NOOP("Column", "Note")
        ),  # depends on whether there is a metadata sheet: see cell()
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._has_sheet = False

    def set_preview(self, preview: ImportPreview) -> None:
        self._has_sheet = preview.sheet is not None
        self.set_records(preview.files)

    def paths(self) -> list[Path]:
        return [plan.path for plan in self._records]

    def plan(self, row: int) -> FilePlan:
        return self.record(row)

    def cell(self, plan: FilePlan, index: Index, role: int) -> Any:
        if index.column() != NOTE:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return note_for(plan, self._has_sheet)[0]
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = note_for(plan, self._has_sheet)[1]
            return QBrush(colour) if colour is not None else None
        return None


class AttributeRowsModel(RecordTableModel[list[str]]):
    """Key/value rows typed by the user; there is always one empty row at the end to add another."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Column", "Attribute"), editable=True),
        Column(QT_TRANSLATE_NOOP("Column", "Value"), editable=True),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records = [["", ""]]

    def attributes(self) -> dict[str, str]:
        return {key.strip(): value.strip() for key, value in self._records if key.strip() and value.strip()}

    def set_attributes(self, values: dict[str, str]) -> None:
        self.set_records([[k, v] for k, v in values.items()] + [["", ""]])

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._records) - 1:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._records[row]
            self.endRemoveRows()

    def cell(self, values: list[str], index: Index, role: int) -> Any:
        value = values[index.column()]
        placeholder = not value and index.row() == len(self._records) - 1
        if role == Qt.ItemDataRole.ForegroundRole and placeholder:
            return QBrush(QColor("#8a8a8a"))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if role == Qt.ItemDataRole.DisplayRole and placeholder:
            return (QCoreApplication.translate("AttributeRowsModel", "new attribute…"), "")[index.column()]
        return value

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self._records[index.row()][index.column()] = str(value)
        self.dataChanged.emit(index, index)
        if index.row() == len(self._records) - 1 and any(self._records[-1]):
            self.beginInsertRows(QModelIndex(), len(self._records), len(self._records))
            self._records.append(["", ""])
            self.endInsertRows()
        return True
