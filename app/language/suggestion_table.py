"""The suggestion queue's table: its columns, how it is sized, and how a new listing is shown with the
current suggestion kept current (or the one after a decided one made current); and a suggestion's details
with the passage in its context. The queue's actions (find, measure, accept, reject …) are
:mod:`app.language.suggestion_queue`."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.widgets.record_table_model import Column, RecordTableModel
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.core.in_steps import sorted_by
from coding.core.numbers import number
from coding.language.suggestions.listing import SuggestionInfo

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1
SCORE, CODE, DOCUMENT, PASSAGE, WHY = range(5)
SOURCE_LABELS = {
    "terms": QT_TRANSLATE_NOOP("SuggestionQueue", "terms"),
    "question": QT_TRANSLATE_NOOP("SuggestionQueue", "guide question"),
    "similar": QT_TRANSLATE_NOOP("SuggestionQueue", "similar passages"),
}
#: Characters of the document shown before and after a suggestion's passage in its details.
CONTEXT_CHARS = 120

AnyIndex = QModelIndex | QPersistentModelIndex


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _sources(s: SuggestionInfo) -> str:
    return ", ".join(
        QCoreApplication.translate("SuggestionQueue", SOURCE_LABELS.get(x, x)) for x in s.sources
    )


def _score_colour(s: SuggestionInfo) -> QColor | None:
    return QColor("#2e8b57") if s.score >= 0.7 else QColor("#c88a00") if s.score >= 0.45 else None


def likeliest_first(items: list[SuggestionInfo]) -> list[SuggestionInfo]:
    """By score, highest first (stable: ties keep the order they were listed in); sorted by numpy in the workers
    that list them (``sorted`` held the GIL, and the window, for the whole sort of 255,136)."""
    return sorted_by(items, [-s.score for s in items])


#: How many rows the columns sized to their contents look at (those in view first).
SIZED_ROWS = 60


class SuggestionTableModel(RecordTableModel[SuggestionInfo]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Column", "Score"), lambda s: number(s.score, ".2f")),
        Column(QT_TRANSLATE_NOOP("Column", "Code"), lambda s: s.code_path.split("/")[-1]),
        Column(QT_TRANSLATE_NOOP("Column", "Document"), lambda s: s.document),
        Column(QT_TRANSLATE_NOOP("Column", "Passage"), lambda s: _one_line(s.text)),
        Column(QT_TRANSLATE_NOOP("Column", "Why"), _sources),
    )
    RECORD_ROLE = SUGGESTION_ROLE

    def set_items(self, items: Sequence[SuggestionInfo]) -> None:
        self.set_records(items)

    def item(self, row: int) -> SuggestionInfo:
        return self.record(row)

    def items(self) -> list[SuggestionInfo]:
        return self.records()

    def row_of(self, suggestion_id: int) -> int:
        return self.row_where(lambda s: s.id == suggestion_id)

    def cell(self, s: SuggestionInfo, index: AnyIndex, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return s.code_path if index.column() == CODE else s.reason
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == SCORE:
            return _score_colour(s)
        return None


class SuggestionTable(QTableView):
    """The suggestions, a row each, whole rows selected; the passage column takes the room left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(QCoreApplication.translate("SuggestionQueue", "Suggested codings"))
        self.suggestions = SuggestionTableModel(self)
        self.setModel(self.suggestions)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Tab leaves the table for Accept and Reject (arrows move between rows); Qt's default walked Tab
        # from cell to cell and row to row, so a keyboard user never reached the buttons
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(PASSAGE, QHeaderView.ResizeMode.Stretch)
        for column in (SCORE, DOCUMENT, WHY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CODE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CODE, 240)
        # Sized to the rows in view and a few more, not to 1,000 more of them: every new listing (35,748 rows
        # after a Find at ten times the corpus) and every selection asked each of those rows for each role
        # again. Not 0 ("the rows in view"): a table not shown (the Suggestions tab behind another) then
        # counts every row as in view, and the 255,136 open suggestions of a Find for all codes held the
        # window 34 s (6.1 million calls of data()) when the Search and suggestions window opened.
        header.setResizeContentsPrecision(SIZED_ROWS)

    def current(self) -> SuggestionInfo | None:
        index = self.currentIndex()
        model = self.suggestions
        return model.item(index.row()) if index.isValid() and index.row() < model.rowCount() else None

    def selected(self) -> list[SuggestionInfo]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [self.suggestions.item(row) for row in rows]

    def select(self, suggestion_id: int) -> None:
        row = self.suggestions.row_of(suggestion_id)
        if row >= 0:
            self.selectRow(row)

    def show_items(self, items: list[SuggestionInfo], *, ranked: bool = False) -> bool:
        """Show ``items`` (``ranked``: already the likeliest first): the current suggestion stays current;
        when it is gone (decided) the one that took its row, not the first again. Whether one is current."""
        current = self.current()
        old_row = self.currentIndex().row()
        if not ranked:
            items = likeliest_first(items)
        self.suggestions.set_items(items)
        row = self.suggestions.row_of(current.id) if current is not None else -1
        if row < 0 and items:
            row = min(max(old_row, 0), len(items) - 1)
        if row >= 0:
            self.selectRow(row)
        return row >= 0


def details_html(s: SuggestionInfo | None, text: str) -> str:
    """A suggestion's details: its code, document, span, score and reason, and its passage highlighted
    in ``text`` (its document's text) with some context on either side."""
    if s is None:
        return "<p><i>{}</i></p>".format(
            QCoreApplication.translate("SuggestionQueue", "No suggestion selected.")
        )
    before = html.escape(text[max(0, s.start - CONTEXT_CHARS) : s.start])
    after = html.escape(text[s.end : s.end + CONTEXT_CHARS])
    passage = html.escape(text[s.start : s.end])
    score = QCoreApplication.translate("SuggestionQueue", "score")
    return (
        f"<p><b>{html.escape(s.code_path)}</b> · {html.escape(s.document)} {s.start}:{s.end} · "
        f"{score} {number(s.score, '.2f')}</p><p>{html.escape(s.reason)}</p>"
        f"<p style='color:#777'>…{before}<span style='background:#fff3b0;color:#000'>{passage}</span>"
        f"{after}…</p>".replace("\n", "<br>")
    )
