"""The base of the window's flat tables: one record per row, the columns declared once.

A subclass names its record type and its columns; the base answers the row and column counts,
the headers, a column's text and alignment, the record itself for ``RECORD_ROLE``, and the item
flags of editable and checkable columns. Everything else a cell shows (colours, check states,
text that depends on the model's own state) comes from :meth:`RecordTableModel.cell`::

    class SpeakerTableModel(RecordTableModel[SpeakerInfo]):
        COLUMNS = (Column(QT_TRANSLATE_NOOP("Column", "Speaker"), lambda s: s.name, editable=True), ...)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.widgets.long_operation import LongOperation
from coding.core.in_steps import let_go

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex

#: Rows replaced by a new listing are let go in a worker, a step at a time, when there are more of them than
#: this: freeing the 255,136 suggestions of a Find for all codes at once held the window 0.18 s.
LET_GO_IN_WORKER_OVER = 20_000

#: Text alignments as ``TextAlignmentRole`` answers them.
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header, a cell's text and tooltip (from the row's record), and its alignment.

    ``editable``: the cell can be edited and its edit value is its text; ``checkable``: the cell has
    a check box (the model's :meth:`~RecordTableModel.cell` answers ``CheckStateRole``).
    """

    header: str
    display: Callable[[R], Any] | None = None
    tooltip: Callable[[R], Any] | None = None
    align: int | None = None
    editable: bool = False
    checkable: bool = False


def header_text(headers: Sequence[str], section: int, orientation: Qt.Orientation, role: int) -> str | None:
    """The text of a horizontal header section (``headerData`` of a model with fixed headers)."""
    if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
        return headers[section]
    return None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Records shown one per row in the columns of :attr:`COLUMNS` (or of :meth:`columns`)."""

    COLUMNS: Sequence[Column[R]] = ()
    #: The role that answers the row's record itself (``None``: none does).
    RECORD_ROLE: int | None = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[R] = []

    # -- the rows -------------------------------------------------------------------------
    def set_records(self, records: Iterable[R]) -> None:
        old = self._records
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()
        if len(old) > LET_GO_IN_WORKER_OVER:
            _let_go_in_worker(old)

    def record(self, row: int) -> R:
        return self._records[row]

    def records(self) -> list[R]:
        return list(self._records)

    def row_where(self, test: Callable[[R], bool]) -> int:
        """The first row whose record passes ``test``; -1 when none does."""
        return next((row for row, record in enumerate(self._records) if test(record)), -1)

    def columns(self) -> Sequence[Column[R]]:
        return self.COLUMNS

    # -- what each cell shows -------------------------------------------------------------
    def cell(self, record: R, index: AnyIndex, role: int) -> Any:
        """What the cell at ``index`` (a valid one, of ``record``'s row) shows in a role its column
        does not answer (``None``: nothing)."""
        return None

    # -- QAbstractTableModel --------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Column", self.columns()[section].header)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.record(index.row())
        if role == self.RECORD_ROLE:
            return record
        column = self.columns()[index.column()]
        shows_text = role == Qt.ItemDataRole.DisplayRole or (
            role == Qt.ItemDataRole.EditRole and column.editable
        )
        if shows_text and column.display is not None:
            return column.display(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return column.align
        return self.cell(record, index, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            column = self.columns()[index.column()]
            if column.editable:
                flags |= Qt.ItemFlag.ItemIsEditable
            if column.checkable:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


def _let_go_in_worker(records: list[Any]) -> None:
    """Free ``records`` (what they alone hold) in a worker, a step at a time (``let_go``): the GUI thread never
    waits for the one C call that frees a long list, nor does the worker hold the GIL through it."""
    LongOperation(
        None,
        lambda _progress: let_go(records),
        title=QCoreApplication.translate("RecordTableModel", "Letting go of the rows listed before"),
        show="none",
    ).start()
