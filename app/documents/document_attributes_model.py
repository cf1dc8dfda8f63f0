"""The attributes of one document (respondent, region, role …) as an editable two-column table.

Each edit is one undoable action through ``project.documents.set_attributes``: changing a value,
emptying it (which removes the attribute), renaming an attribute, or adding one on the last row
("New attribute…": type its name, then its value; nothing is stored until the value is given).
Refusals (a name that exists already, a name too long) are reported by the workspace (its window's status bar).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from app.shell.workspace import Workspace
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.core.attributes import attribute_key, attribute_label, present_key
from coding.core.ids import DocumentId

KEY, VALUE = 0, 1
NEW_ROW_TEXT = QT_TRANSLATE_NOOP("DocumentAttributesModel", "New attribute…")
AnyIndex = QModelIndex | QPersistentModelIndex


class DocumentAttributesModel(QAbstractTableModel):
    """Rows: the stored attributes by name, then a name typed but not yet given a value, then the
    row for a new attribute."""

    #: A new attribute's name was entered: its value (this row) is to be typed next.
    valueWanted = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.document_id: DocumentId | None = None
        self._rows: list[tuple[str, str]] = []
        self._pending: str | None = None

    # -- contents ---------------------------------------------------------------------------
    def set_document(self, workspace: Workspace | None, document_id: DocumentId | None) -> None:
        if (workspace, document_id) != (self.workspace, self.document_id):
            self._pending = None
        self.workspace = workspace
        self.document_id = document_id
        self.reload()

    def reload(self) -> None:
        rows: list[tuple[str, str]] = []
        if self.workspace is not None and self.document_id is not None:
            # without its coding count (a long transcript's 30,000 codings counted for nothing)
            found = self.workspace.project.documents.list_of([self.document_id], with_counts=False)
            rows = list(found[0].attributes.items()) if found else []  # the sheet's order
        self.beginResetModel()
        self._rows = rows
        if self._pending is not None and any(key == self._pending for key, _ in rows):
            self._pending = None
        self.endResetModel()

    def attributes(self) -> dict[str, str]:
        return dict(self._rows)

    @property
    def pending_row(self) -> int | None:
        return len(self._rows) if self._pending is not None else None

    @property
    def new_row(self) -> int:
        return len(self._rows) + (1 if self._pending is not None else 0)

    def row_of(self, key: str) -> int:
        return next((row for row, (name, _value) in enumerate(self._rows) if name == key), -1)

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.document_id is None:
            return 0
        return self.new_row + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("Column", "Attribute"),
                QCoreApplication.translate("Column", "Value"),
            )[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.row() != self.new_row or index.column() == KEY:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row == self.new_row:
            if role == Qt.ItemDataRole.DisplayRole and column == KEY:
                return QCoreApplication.translate("DocumentAttributesModel", NEW_ROW_TEXT)
            if role == Qt.ItemDataRole.EditRole:
                return ""
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("gray")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "DocumentAttributesModel",
                    "Double-click to add an attribute to this document: its name, then its value",
                )
            return None
        key, value = (self._pending or "", "") if row == self.pending_row else self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole and column == KEY and row != self.pending_row:
            return attribute_label(key)  # "Regio" in Dutch; the stored name is edited (EditRole)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return key if column == KEY else value
        if role == Qt.ItemDataRole.ToolTipRole:
            if row == self.pending_row:
                return QCoreApplication.translate(
                    "DocumentAttributesModel", "Type the value: the attribute is stored once it has one"
                )
            return (
                QCoreApplication.translate(
                    "DocumentAttributesModel", "Double-click to rename the attribute in this document"
                )
                if column == KEY
                else QCoreApplication.translate(
                    "DocumentAttributesModel", "Double-click to change; an empty value removes the attribute"
                )
            )
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.workspace is None:
            return False
        text = " ".join(str(value or "").split())
        row, column = index.row(), index.column()
        if row == self.new_row or (row == self.pending_row and column == KEY):
            return self._name_new(text)
        if row == self.pending_row:
            return self._store_new(text)
        key, old = self._rows[row]
        if column == VALUE:
            if text == old or not self._set({key: text or None}):
                return False
            if text:  # shown at once; rows that come or go follow with the change notification
                self._rows[row] = (key, text)
                self.dataChanged.emit(index, index)
            return True
        return self._rename(key, old, text)

    # -- edits --------------------------------------------------------------------------------
    def _key(self, text: str, renaming: str | None = None) -> str | None:
        assert self.workspace is not None
        key = self.workspace.attempt(lambda: attribute_key(text))
        if key is None:
            return None
        others = set(self.attributes()) - {renaming}
        present = present_key(others, key)  # "regio" typed where the document has "region" (both "Regio")
        if key in others or present in others:
            self.workspace.refuse(
                QCoreApplication.translate(
                    "DocumentAttributesModel", "this document already has the attribute '{key}'"
                ).format(key=present if present in others else key)
            )
            return None
        return key

    def _name_new(self, text: str) -> bool:
        if not text:
            return False
        key = self._key(text)
        if key is None:
            return False
        self.beginResetModel()
        self._pending = key
        self.endResetModel()
        self.valueWanted.emit(len(self._rows))
        return True

    def _store_new(self, text: str) -> bool:
        if not text or self._pending is None:
            return False
        key = self._pending
        done = self._set({key: text})
        if done:
            self._pending = None
            self.reload()
        return done

    def _rename(self, key: str, value: str, text: str) -> bool:
        if not text or " ".join(text.split()).lower() == key:
            return False
        new = self._key(text, renaming=key)
        if new is None:
            return False
        workspace, document_id = self.workspace, self.document_id
        if workspace is None or document_id is None:
            return False
        documents = workspace.project.documents
        return workspace.typed.save(  # in its place among the others (it moved to the end)
            ("attributes", document_id, frozenset((key, new))),
            f"{key} → {new}",
            lambda: documents.rename_attribute(document_id, key, new),
            where=workspace.window,
        )

    def _set(self, values: dict[str, str | None]) -> bool:
        workspace, document_id = self.workspace, self.document_id
        if workspace is None or document_id is None:
            return False
        documents = workspace.project.documents
        return workspace.typed.save(  # kept while an action is written in a worker, never dropped
            ("attributes", document_id, frozenset(values)),
            " ".join(f"{key}={value}" for key, value in values.items()),
            lambda: documents.set_attributes(document_id, values),
            where=workspace.window,
        )
