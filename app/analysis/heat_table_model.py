"""Heat-map tables: co-occurrence (codes × codes) and the code × case matrix (codes × columns).

Each cell shows its number on the Compare view's heat-map colour; ``CELL_ROLE`` answers what a
click on it should list (two code ids, or a code id and a column).
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
)
from PySide6.QtGui import QColor

from app.widgets.translated import QT_TRANSLATE_NOOP, group_label
from coding.analysis.code_matrix import CodeMatrix
from coding.analysis.cooccurrence import CooccurrenceTable
from coding.core.numbers import number
from coding.core.records import CodeInfo
from coding.judgements.comparison import heat_colour, heat_is_dark

Index = QModelIndex | QPersistentModelIndex
CELL_ROLE = Qt.ItemDataRole.UserRole + 1
#: Heat steps for fractional values (the c-coefficient).
_STEPS = 1000
#: The co-occurrence units as the tooltips name them.
UNIT_WORDS = {
    "overlap": QT_TRANSLATE_NOOP("HeatTable", "overlap"),
    "sentence": QT_TRANSLATE_NOOP("HeatTable", "sentence"),
    "turn": QT_TRANSLATE_NOOP("HeatTable", "turn"),
    "document": QT_TRANSLATE_NOOP("HeatTable", "document"),
}


def _unit(unit: str) -> str:
    return QCoreApplication.translate("HeatTable", UNIT_WORDS.get(unit, unit))


def _heat(role: int, value: float, maximum: float) -> Any:
    scaled, top = round(value * _STEPS), round(maximum * _STEPS)
    if role == Qt.ItemDataRole.BackgroundRole:
        colour = heat_colour(scaled, top)
        return QColor(colour) if colour else None
    if role == Qt.ItemDataRole.ForegroundRole:
        return QColor("white") if heat_is_dark(scaled, top) else QColor("black")
    return None


def _code_header(code: CodeInfo, role: int, *, indent: bool) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        return ("   " * code.depth if indent else "") + code.name
    if role == Qt.ItemDataRole.ToolTipRole:
        return code.path_text + (f"\n{code.label}" if code.label else "")
    if role == Qt.ItemDataRole.DecorationRole:
        return QColor(code.colour)
    return None


class CooccurrenceModel(QAbstractTableModel):
    """Codes × codes of one group; the diagonal shows in how many units the code applies."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: CooccurrenceTable | None = None
        self.measure = "count"
        self.group: str | None = None
        self._maximum = 0.0

    def set_table(self, table: CooccurrenceTable | None, measure: str, group: str | None) -> None:
        self.beginResetModel()
        self.table, self.measure, self.group = table, measure, group
        self._maximum = table.maximum(measure, group) if table is not None else 0.0
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table.codes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return self.rowCount(parent)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.table is None:
            return None
        code = self.table.codes[section]
        if orientation == Qt.Orientation.Vertical:
            return _code_header(code, role, indent=False)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{section + 1}. {code.name}" if len(code.name) <= 14 else f"{section + 1}. {code.name[:13]}…"
            )
        return _code_header(code, role, indent=False) if role == Qt.ItemDataRole.ToolTipRole else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.table is None:
            return None
        table, group = self.table, self.group
        a, b = table.codes[index.row()], table.codes[index.column()]
        if role == CELL_ROLE:
            return (a.id, b.id)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        diagonal = a.id == b.id
        if role == Qt.ItemDataRole.DisplayRole:
            if diagonal:
                return f"({table.n(a.id, group)})"
            value = table.value(a.id, b.id, self.measure, group)
            return number(value, ".2f") if self.measure == "c" else str(int(value))
        if role == Qt.ItemDataRole.ToolTipRole:
            if diagonal:
                return QCoreApplication.translate(
                    "HeatTable", "{code}: applies in {count} {unit} unit(s)"
                ).format(code=a.path_text, count=table.n(a.id, group), unit=_unit(table.unit))
            count = table.count(a.id, b.id, group)
            return QCoreApplication.translate(
                "HeatTable",
                "{a} × {b}\n{count} {unit} unit(s) with both (of {n_a} and {n_b}); c = {c}\n"
                "Click to list the quotes",
            ).format(
                a=a.path_text,
                b=b.path_text,
                count=count,
                unit=_unit(table.unit),
                n_a=table.n(a.id, group),
                n_b=table.n(b.id, group),
                c=number(table.c(a.id, b.id, group), ".2f"),
            )
        if diagonal:
            return QColor("#eeeeee") if role == Qt.ItemDataRole.BackgroundRole else None
        return _heat(role, table.value(a.id, b.id, self.measure, group), self._maximum)


class CodeMatrixModel(QAbstractTableModel):
    """Codes × documents or attribute values, as counts or presence (0/1)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix: CodeMatrix | None = None
        self.measure = "count"
        self._maximum = 0

    def set_matrix(self, matrix: CodeMatrix | None, measure: str) -> None:
        self.beginResetModel()
        self.matrix, self.measure = matrix, measure
        self._maximum = matrix.maximum(measure) if matrix is not None else 0
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.codes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.matrix is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return _code_header(self.matrix.codes[section], role, indent=True)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return group_label(self.matrix.columns[section])  # the cases without a value: "(no value)"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.matrix is None:
            return None
        code, column = self.matrix.codes[index.row()], self.matrix.columns[index.column()]
        if role == CELL_ROLE:
            return (code.id, column)
        value = self.matrix.value(code.id, column, self.measure)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "HeatTable", "{code} × {column}: {count} coded passage(s)\nClick to list the quotes"
            ).format(
                code=code.path_text, column=group_label(column), count=self.matrix.count(code.id, column)
            )
        return _heat(role, value, self._maximum)
