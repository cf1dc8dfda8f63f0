"""Keyword-in-context lines as a table: left context right-aligned, the hit bold, sortable by column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from coding.language.kwic import KwicLine, sort_lines

LINE_ROLE = Qt.ItemDataRole.UserRole + 1

DOCUMENT, RESPONDENT, LEFT, HIT, RIGHT, POSITION = range(6)
HEADERS = ("Document", "Resp.", "Left context", "Hit", "Right context", "Position")
SORT_BY = {
    DOCUMENT: "document",
    RESPONDENT: "respondent",
    LEFT: "left",
    HIT: "hit",
    RIGHT: "right",
    POSITION: "position",
}

AnyIndex = QModelIndex | QPersistentModelIndex


class KwicTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[KwicLine] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_lines(self, lines: Sequence[KwicLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def lines(self) -> list[KwicLine]:
        return list(self._lines)

    def line(self, row: int) -> KwicLine:
        return self._lines[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                line.document,
                line.respondent,
                line.left,
                line.hit,
                line.right,
                f"{line.start}:{line.end}",
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == LEFT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == HIT:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == HIT:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            speaker = f" — {line.speaker}" if line.speaker else ""
            return f"{line.document}{speaker}\n{line.left}[{line.hit}]{line.right}"
        if role == LINE_ROLE:
            return line
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._lines = sort_lines(
            self._lines, SORT_BY[column], descending=order == Qt.SortOrder.DescendingOrder
        )
        self.layoutChanged.emit()


class LeftContextDelegate(QStyledItemDelegate):
    """Elides the left context at its start, so the words next to the hit stay visible."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft  # type: ignore[attr-defined]
