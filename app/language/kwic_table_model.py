"""Keyword-in-context lines as a table: left context right-aligned, the hit bold, sortable by column.

The model holds a search's :class:`~coding.language.kwic_lines.KwicLines` and the order its rows
show them in; a line's context is built when the view first asks for its row. Sorting by
document, respondent or position needs no line built; sorting by context builds them all
(:meth:`KwicTableModel.sort`; the search panel does that in a worker when there are many).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
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
from coding.language.kwic import KwicLine
from coding.language.kwic_lines import KwicLines

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
    """``sortWaits(column, order)`` instead of sorting when a sort by context would first build more
    than :attr:`BUILD_AT_ONCE` lines: the owner builds them in a worker, then sorts again."""

    sortWaits = Signal(int, Qt.SortOrder)
    #: Lines a sort may build on the GUI thread (≈ 25 µs each).
    BUILD_AT_ONCE = 4000

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
        self._lines = KwicLines([], {}, {}, {}, 0)
        self._order: list[int] = []

    # -- the rows: lines built when shown ------------------------------------------------
    def set_lines(self, lines: Sequence[KwicLine]) -> None:
        self.set_records(lines)

    def set_records(self, records: Sequence[KwicLine]) -> None:  # type: ignore[override]
        self.beginResetModel()
        self._lines = records if isinstance(records, KwicLines) else KwicLines.of(records)
        self._order = list(range(len(self._lines)))
        self.endResetModel()

    def record(self, row: int) -> KwicLine:
        return self._lines[self._order[row]]

    def records(self) -> list[KwicLine]:
        """Every line in the order shown (builds the ones not built yet)."""
        return [self._lines[i] for i in self._order]

    def row_where(self, test: Callable[[KwicLine], bool]) -> int:
        return next((row for row in range(len(self._order)) if test(self.record(row))), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def lines(self) -> list[KwicLine]:
        return self.records()

    def line(self, row: int) -> KwicLine:
        return self.record(row)

    def kwic_lines(self) -> KwicLines:
        """The lines in the order shown (a lazy sequence: nothing is built)."""
        return self._lines.taken(self._order)

    def all_lines(self) -> KwicLines:
        """The search's lines themselves, in the search's order (building them fills the rows)."""
        return self._lines

    def cell(self, line: KwicLine, index: AnyIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.column() == HIT:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            speaker = f" — {line.speaker}" if line.speaker else ""
            return f"{line.document}{speaker}\n{line.left}[{line.hit}]{line.right}"
        return None

    # -- sorting -------------------------------------------------------------------------
    def unbuilt_for_sort(self, column: int) -> int:
        """How many lines sorting by ``column`` would build first."""
        if column not in SORT_BY or not self._lines.needs_lines(SORT_BY[column]):
            return 0
        return len(self._lines) - self._lines.built_count()

    def build_lines(self, progress: Callable[[int, int], object] | None = None) -> None:
        """Build every line (safe in a worker: it reads texts already loaded and writes nothing Qt sees)."""
        self._lines.build(progress)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_BY:
            return
        if self.unbuilt_for_sort(column) > self.BUILD_AT_ONCE:
            self.sortWaits.emit(column, order)
            return
        self.sort_now(column, order)

    def sort_now(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on this thread, building what the sort needs."""
        self.layoutAboutToBeChanged.emit()
        descending = order == Qt.SortOrder.DescendingOrder
        self._order = self._lines.order(SORT_BY[column], descending=descending, among=self._order)
        self.layoutChanged.emit()


class LeftContextDelegate(QStyledItemDelegate):
    """Elides the left context at its start, so the words next to the hit stay visible."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft
