"""The guide window's Matches tab: every interviewer turn with the guide question the matcher found in
it (or none), its confidence, and whether the researcher confirmed it; reviewed with the keyboard.

Space or Enter confirms the current match, Delete clears it (the turn does not ask that question),
Backspace forgets the decision (the matcher decides again), and typing a reference in the Question
column (F2, or double-click) moves the match to that question. Each is one undoable step through the
guide service (:meth:`~coding.guide.guide_service.GuideService.decide` and ``move``); the list follows
the project's change.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.guide.guide_table_model import first_words
from app.shell.latest_read import LatestRead
from app.shell.workspace import Workspace
from app.widgets import long_operation, operations
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.core.ids import DocumentId
from coding.core.numbers import number
from coding.guide.guide_service import GuideMatching

AnyIndex = QModelIndex | QPersistentModelIndex
QUESTION_COLUMN = 1
CONFIRMED = QColor("#dff0d8")
UNMATCHED = QColor("#f1f1f1")


@dataclass(frozen=True)
class MatchRow:
    """One interviewer turn and one question it asks (``question`` ``None``: it asks none found)."""

    document_id: DocumentId
    document: str
    start: int
    end: int
    question: str | None
    confidence: float
    confirmed: bool
    text: str

    @property
    def key(self) -> tuple[str, int, str | None]:
        return (self.document, self.start, self.question)


def match_rows(
    matching: GuideMatching, ids: dict[str, DocumentId], texts: dict[tuple[str, int], str]
) -> list[MatchRow]:
    """Matches and unmatched turns together, per interview in document order, then by position."""
    order = {name: rank for rank, name in enumerate(ids)}
    rows = [
        MatchRow(
            ids[m.document],
            m.document,
            m.start,
            m.end,
            m.question,
            m.confidence,
            m.confirmed,
            texts.get((m.document, m.start), ""),
        )
        for m in matching.matches
    ]
    rows += [
        MatchRow(ids[u.document], u.document, u.start, u.end, None, 0.0, False, u.text)
        for u in matching.unmatched
    ]
    return sorted(rows, key=lambda r: (order.get(r.document, 0), r.start, r.question or ""))


class MatchTableModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("Column", "Interview"),
        QT_TRANSLATE_NOOP("Column", "Question"),
        QT_TRANSLATE_NOOP("Column", "Confidence"),
        QT_TRANSLATE_NOOP("Column", "Confirmed"),
        QT_TRANSLATE_NOOP("Column", "Interviewer turn"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MatchRow] = []
        # ``move(row, new reference)``: the Question cell was edited.
        self.move: Any = None

    def set_rows(self, rows: list[MatchRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, key: tuple[str, int, str | None]) -> int:
        return next((i for i, r in enumerate(self.rows) if r.key == key), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Column", self.HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == QUESTION_COLUMN else flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return row.document
            if column == 1:
                return row.question or ("" if role == Qt.ItemDataRole.EditRole else "—")
            if column == 2:
                return number(row.confidence, ".2f") if row.question else ""
            if column == 3:
                return "✓" if row.confirmed else ""
            return first_words(row.text, 30, 160)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.question is None:
                return QBrush(UNMATCHED)
            return QBrush(CONFIRMED) if row.confirmed else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return row.text
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != QUESTION_COLUMN or self.move is None:
            return False
        new = str(value).strip()
        row = self.rows[index.row()]
        if not new or new.casefold() == (row.question or "").casefold():
            return False
        return bool(self.move(row, new))


class MatchTable(QTableView):
    """Keys: Space/Enter confirm, Delete clear, Backspace reset (the review's own, not the editor's);
    F2 edits the row's question, wherever in the row the cursor is."""

    decided = Signal(int, object)  # row, status ("confirmed", "cleared" or None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState and self.currentIndex().isValid():
            status = {
                Qt.Key.Key_Space: "confirmed",
                Qt.Key.Key_Return: "confirmed",
                Qt.Key.Key_Enter: "confirmed",
                Qt.Key.Key_Delete: "cleared",
                Qt.Key.Key_Backspace: None,
            }
            if event.key() == Qt.Key.Key_F2:  # wherever in the row: the Question cell
                self.setCurrentIndex(self.currentIndex().siblingAtColumn(QUESTION_COLUMN))
                self.edit(self.currentIndex())
                event.accept()
                return
            if event.key() in status:
                self.decided.emit(self.currentIndex().row(), status[Qt.Key(event.key())])
                event.accept()
                return
        super().keyPressEvent(event)


class MatchReview(QWidget):
    """The Matches tab; ``turnRequested(document_id, start, end)`` shows the turn in the transcript."""

    turnRequested = Signal(object, int, int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideMatches")
        self.workspace = workspace
        layout = QVBoxLayout(self)
        help_text = QLabel(
            self.tr(
                "Space or Enter confirms the match, Delete clears it, Backspace lets the matcher decide again; "
                "type another reference in the Question column (F2) to move it. Each is one undo step."
            ),
            self,
        )
        help_text.setWordWrap(True)
        layout.addWidget(help_text)
        self.model = MatchTableModel(self)
        self.model.move = self.move_match
        self.table = MatchTable(self)
        self.table.setObjectName("guideMatchTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.decided.connect(self.decide)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show(current))
        layout.addWidget(self.table, 1)
        self.count = QLabel(self)
        self.count.setObjectName("guideMatchCount")
        layout.addWidget(self.count)
        self._after: tuple[str, int, str | None] | None = None
        self._stale = True
        self._read = LatestRead(
            self, workspace, title=self.tr("Matching the interviewer turns …"), shown_in=self
        )

    @property
    def reading(self) -> long_operation.LongOperation | None:
        """The matching under way in a worker thread, if any."""
        return self._read.operation

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """The matches afresh; the current row kept (or the one an action moved to). While the tab
        is hidden it only notes that it is out of date (the window opens on the Answers tab)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        project = self.workspace.project

        def read() -> tuple[GuideMatching, list[MatchRow]]:  # in a worker thread: reads only
            matching = project.guide.match()
            documents = project.documents.list(with_counts=False)
            ids = {d.name: d.id for d in documents}
            texts: dict[tuple[str, int], str] = {}
            asked: dict[str, list[Any]] = {}
            for m in matching.matches:
                asked.setdefault(m.document, []).append(m)
            for document in documents:
                if document.name in asked:
                    text = project.documents.text(document.id)
                    for m in asked[document.name]:
                        texts[(m.document, m.start)] = text[m.start : m.end]
            return matching, match_rows(matching, ids, texts)

        self._read.start(read, lambda found: self._show_rows(*found))

    def _show_rows(self, matching: GuideMatching, rows: list[MatchRow]) -> None:
        current = self.table.currentIndex()
        keep = self._after or (self.model.rows[current.row()].key if current.isValid() else None)
        self._after = None
        self.model.set_rows(rows)
        confirmed = sum(1 for m in matching.matches if m.confirmed)
        self.count.setText(
            self.tr(
                "{matches} matches ({confirmed} confirmed), {unmatched} interviewer turns ask no guide question"
            ).format(matches=len(matching.matches), confirmed=confirmed, unmatched=len(matching.unmatched))
        )
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and keep is not None:  # the row went (moved, cleared): the next one of that turn or after
            row = next((i for i, r in enumerate(self.model.rows) if (r.document, r.start) >= keep[:2]), -1)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _show(self, index: QModelIndex) -> None:
        if index.isValid():
            row = self.model.rows[index.row()]
            self.turnRequested.emit(row.document_id, row.start, row.end)

    def _next_key(self, row: int) -> tuple[str, int, str | None] | None:
        rows = self.model.rows
        return rows[row + 1].key if row + 1 < len(rows) else rows[row].key

    def decide(self, row: int, status: str | None) -> None:
        match = self.model.rows[row]
        if match.question is None:
            self.workspace.refuse(
                self.tr("This turn asks no guide question: type one in the Question column (F2)")
            )
            return
        guide = self.workspace.project.guide
        after = match.key if status is None else self._next_key(row)
        if operations.perform(
            self, lambda: guide.decide(match.document_id, match.start, match.question or "", status)
        ):
            self._after = after

    def move_match(self, match: MatchRow, new: str) -> bool:
        guide = self.workspace.project.guide
        done = operations.perform(
            self, lambda: guide.move(match.document_id, match.start, match.question, new)
        )
        if done:
            self._after = (match.document, match.start, None)
        return done
