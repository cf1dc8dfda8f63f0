"""The judgement grid as a Qt tree model: codes as rows (concepts expand to dimensions and indicators),
group values as columns 1…n. Backed by the frozen ``JudgementGrid`` the comparison service returns.

Modes: ``judgements`` shows ``score  (quotes)  first words of the justification`` on the score's colour;
``quotes`` and ``documents`` show the counts on a heat-map colour.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.shell.theme import readable_text
from app.widgets.translated import count_rule, group_label
from coding.core.attributes import attribute_label
from coding.core.ids import CodeId, JudgementId
from coding.core.records import Discussion
from coding.judgements.comparison import (
    GridCell,
    GridRow,
    JudgementGrid,
    Measure,
    heat_colour,
    score_colour,
)

Index = QModelIndex | QPersistentModelIndex
MODES = ("judgements", "quotes", "documents")

CELL_ROLE = Qt.ItemDataRole.UserRole + 1  #: the ``GridCell`` (value columns)
SNIPPET_WORDS = 5


def snippet(text: str, words: int = SNIPPET_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _lighter(colour: str, amount: float = 0.35) -> QColor:
    base = QColor(colour)
    return QColor(
        round(base.red() + (255 - base.red()) * amount),
        round(base.green() + (255 - base.green()) * amount),
        round(base.blue() + (255 - base.blue()) * amount),
    )


class JudgementGridModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._grid = JudgementGrid("region", (), ())
        self._rows: dict[CodeId, GridRow] = {}
        self._children: dict[CodeId | None, list[CodeId]] = {None: []}
        self._parent: dict[CodeId, CodeId | None] = {}
        self._position: dict[CodeId, int] = {}
        self._mode = "judgements"
        self._maximum: dict[Measure, int] = {"quotes": 0, "documents": 0}
        self._discussions: Mapping[JudgementId, Discussion] = {}

    # -- content -------------------------------------------------------------------------
    @property
    def grid(self) -> JudgementGrid:
        return self._grid

    @property
    def mode(self) -> str:
        return self._mode

    def set_grid(
        self, grid: JudgementGrid, discussions: Mapping[JudgementId, Discussion] | None = None
    ) -> None:
        """The grid, and the reviewers' marks on its judgements (shown in the cells' tooltips; a
        judgement a reviewer asked about and the student has not answered starts with ``?``)."""
        self.beginResetModel()
        self._discussions = discussions or {}
        self._grid = grid
        self._rows = {row.code.id: row for row in grid.rows}
        self._children = {None: []}
        self._parent = {}
        for row in grid.rows:
            parent = row.code.parent_id if row.code.parent_id in self._rows else None
            self._parent[row.code.id] = parent
            siblings = self._children.setdefault(parent, [])
            self._position[row.code.id] = len(siblings)
            siblings.append(row.code.id)
            self._children.setdefault(row.code.id, [])
        for measure in self._maximum:
            self._maximum[measure] = max(
                (cell.count(measure) for row in grid.rows for cell in row.cells),
                default=0,
            )
        self.endResetModel()

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        if mode == self._mode:
            return
        self._mode = mode
        last = self.columnCount() - 1
        for code_id, row in self._position.items():
            if code_id in self._rows and last >= 1:
                parent = self._index_of(self._parent[code_id])
                self.dataChanged.emit(self.index(row, 1, parent), self.index(row, last, parent))

    def _index_of(self, code_id: CodeId | None, column: int = 0) -> QModelIndex:
        if code_id is None:
            return QModelIndex()
        return self.createIndex(self._position[code_id], column, int(code_id))

    def index_of(self, code_id: CodeId, value: str | None = None) -> QModelIndex:
        """The index of a code's row, in the column of ``value`` (or the code column)."""
        if code_id not in self._rows:
            return QModelIndex()
        column = 0 if value is None else self._grid.column(value) + 1
        return self._index_of(code_id, column)

    def code_id(self, index: Index) -> CodeId | None:
        return CodeId(index.internalId()) if index.isValid() else None

    def cell(self, index: Index) -> GridCell | None:
        code_id = self.code_id(index)
        if code_id is None or index.column() == 0:
            return None
        return self._rows[code_id].cells[index.column() - 1]

    # -- the model interface -------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= self.columnCount():
            return QModelIndex()
        children = self._children.get(self.code_id(parent), [])
        if not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, column, int(children[row]))

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008  (the stubs overload parent() of QObject)
        code_id = self.code_id(index)
        if code_id is None:
            return QModelIndex()
        return self._index_of(self._parent.get(code_id))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self.code_id(parent), []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1 + len(self._grid.values)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("Column", "Code")
                if section == 0
                else group_label(self._grid.values[section - 1])
            )
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return f"{attribute_label(self._grid.attribute)}: {group_label(self._grid.values[section - 1])}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        code_id = self.code_id(index)
        if code_id is None:
            return None
        row = self._rows[code_id]
        if index.column() == 0:
            return self._code_data(row, role)
        cell = row.cells[index.column() - 1]
        if role == CELL_ROLE:
            return cell
        if self._mode == "judgements":
            return self._judgement_data(row, cell, role)
        return self._frequency_data(cell, role)

    def _code_data(self, row: GridRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row.code.name
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [row.code.path_text]
            if row.code.label:
                lines.append(row.code.label)
            lines.append(
                QCoreApplication.translate(
                    "JudgementGridModel", "{quotes} quote(s) in {documents} document(s)"
                ).format(quotes=row.quotes, documents=row.documents)
            )
            lines.append(
                QCoreApplication.translate(
                    "JudgementGridModel", "Counting: {rule} (as in the Codebook)"
                ).format(rule=count_rule())
            )
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(row.code.colour) if row.code.colour else None
        return None

    def _judgement_data(self, row: GridRow, cell: GridCell, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if not cell.quotes and cell.judgement is None:
                return ""
            parts = []
            talk = self._discussion(cell)
            if talk is not None and talk.open_question():
                parts.append("?")
            if cell.score:
                parts.append(cell.score)
            parts.append(f"({cell.quotes})")
            if cell.justification:
                parts.append(snippet(cell.justification))
            return "  ".join(parts)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colour = score_colour(cell.score, row.code.scale)
            if colour is None:
                return None
            # The text's colour follows its background (black on these light fills, also in the dark palette).
            return (
                _lighter(colour)
                if role == Qt.ItemDataRole.BackgroundRole
                else readable_text(_lighter(colour))
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                f"{row.code.path_text} × {group_label(cell.value)}",
                QCoreApplication.translate(
                    "JudgementGridModel", "{quotes} quote(s) in {documents} document(s)"
                ).format(quotes=cell.quotes, documents=cell.documents),
            ]
            if cell.judgement is not None:
                lines.append(
                    QCoreApplication.translate("JudgementGridModel", "Judgement: {score}").format(
                        score=cell.score or "–"
                    )
                )
                if cell.justification:
                    lines.append(cell.justification)
                if cell.evidence:
                    lines.append(
                        QCoreApplication.translate(
                            "JudgementGridModel", "{count} quote(s) as evidence"
                        ).format(count=len(cell.evidence))
                    )
                talk = self._discussion(cell)
                for mark in talk.marks if talk is not None else ():
                    lines.append(
                        f"{mark.reviewer}: {QCoreApplication.translate('DiscussionPanel', mark.status)}"
                        + (f" — {mark.comment}" if mark.comment else "")
                    )
                if talk is not None and talk.open_question():
                    lines.append(
                        QCoreApplication.translate(
                            "JudgementGridModel",
                            "A reviewer asks: answer in the Discussion below the judgement",
                        )
                    )
            elif cell.assessable:
                lines.append(QCoreApplication.translate("JudgementGridModel", "Click to judge"))
            return "\n".join(lines)
        return None

    def _discussion(self, cell: GridCell) -> Discussion | None:
        return self._discussions.get(cell.judgement.id) if cell.judgement is not None else None

    def _frequency_data(self, cell: GridCell, role: int) -> Any:
        measure: Measure = "documents" if self._mode == "documents" else "quotes"
        count = cell.count(measure)
        maximum = self._maximum[measure]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = heat_colour(count, maximum)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = heat_colour(count, maximum)
            return readable_text(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "JudgementGridModel", "{quotes} quote(s) in {documents} document(s)"
            ).format(quotes=cell.quotes, documents=cell.documents)
        return None
