"""Editing a review in the quote table: a status chooser for the Review column."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.quotes.quote_table_model import REVIEW, REVIEW_LABELS
from coding.reviews.review_service import STATUSES

AnyIndex = QModelIndex | QPersistentModelIndex


class ReviewDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        if index.column() != REVIEW:
            return super().createEditor(parent, option, index)
        editor = QComboBox(parent)
        editor.addItem(QCoreApplication.translate("ReviewDelegate", "— not reviewed"), "")
        for status in STATUSES:
            editor.addItem(REVIEW_LABELS[status], status)
        editor.activated.connect(lambda _i: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            position = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.setCurrentIndex(max(position, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
