"""Documents × attributes as one table, edited like a spreadsheet: a row per document, a column per
attribute. Each edit is one undoable ``set_attributes`` (an emptied cell removes the attribute);
the table follows the change notifications (imports, the details panel, undo)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.shell.deferred_changes import DeferredChanges
from app.shell.workspace import Workspace
from coding import Aspect, Change
from coding.core.attributes import attribute_label
from coding.core.records import DocumentInfo

AnyIndex = QModelIndex | QPersistentModelIndex
NAME = 0


class AttributeTableModel(QAbstractTableModel):
    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._documents: list[DocumentInfo] = []
        self._keys: list[str] = []
        self._pending = DeferredChanges(self._apply, self)
        workspace.changed.connect(self._pending.add)
        self.reload()

    def detach(self) -> None:
        self.workspace.changed.disconnect(self._pending.add)

    def reload(self) -> None:
        documents = self.workspace.project.documents
        self.beginResetModel()
        self._documents = documents.list(with_counts=False)
        self._keys = documents.attribute_keys()
        self.endResetModel()

    def _apply(self, change: Change) -> None:
        if change.touches(Aspect.DOCUMENTS, Aspect.ATTRIBUTES):
            self.reload()

    def flush(self) -> None:
        self._pending.flush()

    def keys(self) -> list[str]:
        return list(self._keys)

    def document(self, row: int) -> DocumentInfo:
        return self._documents[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._keys)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("AttributeTableModel", "Document")
                if section == NAME
                else attribute_label(self._keys[section - 1])
            )
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section:
            return QCoreApplication.translate(
                "AttributeTableModel", "Attribute “{name}”: double-click or type to change (empty removes it)"
            ).format(name=self._keys[section - 1])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        document = self._documents[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == NAME:
                return document.name
            return document.attributes.get(self._keys[index.column() - 1], "")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() != NAME else flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() == NAME or role != Qt.ItemDataRole.EditRole:
            return False
        document = self._documents[index.row()]
        key = self._keys[index.column() - 1]
        text = str(value or "").strip()
        if text == document.attributes.get(key, ""):
            return False
        documents = self.workspace.project.documents
        done = self.workspace.perform(lambda: documents.set_attributes(document.id, {key: text or None}))
        if done:
            self.flush()
        return done

    def add_attribute(self, key: str) -> bool:
        """A new, empty column (stored once a document gets a value in it)."""
        key = key.strip().lower()
        if not key or key in self._keys:
            return False
        column = len(self._keys) + 1
        self.beginInsertColumns(QModelIndex(), column, column)
        self._keys.append(key)
        self.endInsertColumns()
        return True
