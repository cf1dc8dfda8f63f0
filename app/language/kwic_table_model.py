"""Keyword-in-context lines as a table: left context right-aligned, the hit bold, sortable by column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from app.widgets.record_table_model import (
    ALIGN_CENTER,
    ALIGN_LEFT,
    ALIGN_RIGHT,
    AnyIndex,
    Column,
    RecordTableModel,
)
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.language.kwic import KwicLine, sort_lines

LINE_ROLE = Qt.ItemDataRole.UserRole + 1

DOCUMENT, RESPONDENT, LEFT, HIT, RIGHT, POSITION = range(6)
SORT_BY = {
    DOCUMENT: "document",
    RESPONDENT: "respondent",
    LEFT: "left",
    HIT: "hit",
    RIGHT: "right",
    POSITION: "position",
}


class KwicTableModel(RecordTableModel[KwicLine]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Column", "Document"), lambda line: line.document, align=ALIGN_LEFT),
        Column(QT_TRANSLATE_NOOP("Column", "Resp."), lambda line: line.respondent, align=ALIGN_LEFT),
        Column(QT_TRANSLATE_NOOP("Column", "Left context"), lambda line: line.left, align=ALIGN_RIGHT),
        Column(QT_TRANSLATE_NOOP("Column", "Hit"), lambda line: line.hit, align=ALIGN_CENTER),
        Column(QT_TRANSLATE_NOOP("Column", "Right context"), lambda line: line.right, align=ALIGN_LEFT),
        Column(
            QT_TRANSLATE_NOOP("Column", "Position"), lambda line: f"{line.start}:{line.end}", align=ALIGN_LEFT
        ),
    )
    RECORD_ROLE = LINE_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def set_lines(self, lines: Sequence[KwicLine]) -> None:
        self.set_records(lines)

    def lines(self) -> list[KwicLine]:
        return self.records()

    def line(self, row: int) -> KwicLine:
        return self.record(row)

    def cell(self, line: KwicLine, index: AnyIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.column() == HIT:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            speaker = f" — {line.speaker}" if line.speaker else ""
            return f"{line.document}{speaker}\n{line.left}[{line.hit}]{line.right}"
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._records = sort_lines(
            self._records, SORT_BY[column], descending=order == Qt.SortOrder.DescendingOrder
        )
        self.layoutChanged.emit()


class LeftContextDelegate(QStyledItemDelegate):
    """Elides the left context at its start, so the words next to the hit stay visible."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft
