"""The guide view's table: one row per guide question, one column per interview (grouped by an
attribute when one is chosen), each cell the first words of that interview's answer to the question.

The model is built from a :class:`~coding.guide.guide_service.GuideTable` (the service matches the
guide once per interview); building it only orders the columns and cuts each answer to its first
words, so the view of 21 interviews × 30 questions opens at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from coding.core.numbers import number
from coding.core.text import fold
from coding.guide.guide_service import GuideAnswer, GuideEntry, GuideTable, Respondent

AnyIndex = QModelIndex | QPersistentModelIndex
# A cell shows at most this many words (and characters) of the answer.
FIRST_WORDS = 12
FIRST_CHARACTERS = 80
# The role that answers the cell's :class:`GuideAnswer` (or ``None``).
ANSWER_ROLE = Qt.ItemDataRole.UserRole + 1
# The role of a row's :class:`GuideEntry` (any column) and a column's :class:`Respondent` (header).
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
RESPONDENT_ROLE = Qt.ItemDataRole.UserRole + 3

CONFIRMED = QColor("#dff0d8")
FOUND = QColor("#ffffff")
MISSING = QColor("#f1f1f1")
# Header shades that tell one group of columns from the next.
GROUP_SHADES = (QColor("#dde4ee"), QColor("#eee6d8"))


def first_words(text: str, words: int = FIRST_WORDS, characters: int = FIRST_CHARACTERS) -> str:
    """The start of ``text`` on one line: at most ``words`` words and ``characters`` characters, with
    "…" when something was left out."""
    parts = text.split(None, words)
    shown = " ".join(parts[:words])
    cut = len(parts) > words
    if len(shown) > characters:
        shown = shown[:characters].rsplit(" ", 1)[0] or shown[:characters]
        cut = True
    return shown + " …" if cut else shown


@dataclass(frozen=True)
class Column:
    respondent: Respondent
    group: str


def group_value(respondent: Respondent, attribute: str | None) -> str:
    if not attribute:
        return ""
    key = attribute.casefold()
    return next((v for k, v in respondent.attributes.items() if k.casefold() == key), "")


class GuideTableModel(QAbstractTableModel):
    """Guide questions × interviews; the cells hold the first words of the answers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: GuideTable | None = None
        self._rows: list[GuideEntry] = []
        self._columns: list[Column] = []
        self._cells: list[list[GuideAnswer | None]] = []
        #: The first words of the cells shown so far, by (row, column).
        self._shown: dict[tuple[int, int], str] = {}
        self.attribute: str | None = None

    def set_table(self, table: GuideTable | None, attribute: str | None = None) -> None:
        """Show ``table``, the interviews grouped by ``attribute`` (its values in order, then the
        interviews without one), or in document order when ``attribute`` is ``None``."""
        self.beginResetModel()
        self._table = table
        self.attribute = attribute or None
        self._rows = list(table.questions) if table is not None else []
        columns = [Column(r, group_value(r, self.attribute)) for r in (table.respondents if table else ())]
        if self.attribute:
            columns.sort(key=lambda c: (c.group == "", c.group.casefold()))  # stable: document order within
        self._columns = columns
        # each answer placed once (2,000 interviews × 27 questions looked up cell by cell, and every
        # cell's first words cut at once, froze the window 1.3 s): the words are cut when shown
        rows: dict[str, list[int]] = {}
        for place_row, entry in enumerate(self._rows):
            rows.setdefault(fold(entry.ref), []).append(place_row)
        places: dict[str, list[int]] = {}
        for place_column, column in enumerate(columns):
            places.setdefault(column.respondent.document, []).append(place_column)
        self._cells = [[None] * len(columns) for _entry in self._rows]
        for (ref, document), answer in table.answers.items() if table is not None else ():
            for row in rows.get(ref, ()):
                for place in places.get(document, ()):
                    self._cells[row][place] = answer
        self._shown = {}
        self.endResetModel()

    @property
    def table(self) -> GuideTable | None:
        return self._table

    def entry(self, row: int) -> GuideEntry:
        return self._rows[row]

    def column(self, column: int) -> Column:
        return self._columns[column]

    def answer(self, index: AnyIndex) -> GuideAnswer | None:
        if not index.isValid():
            return None
        return self._cells[index.row()][index.column()]

    def row_of(self, ref: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.ref.casefold() == ref.casefold()), -1)

    def column_of(self, document: str) -> int:
        return next((i for i, c in enumerate(self._columns) if c.respondent.document == document), -1)

    # -- Qt ---------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        answer = self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if answer is None:
                return ""
            key = (index.row(), index.column())
            shown = self._shown.get(key)
            if shown is None:
                shown = self._shown[key] = first_words(answer.text)
            return shown
        if role == Qt.ItemDataRole.BackgroundRole:
            if answer is None:
                return QBrush(MISSING)
            return QBrush(CONFIRMED if answer.confirmed else FOUND)
        if role == Qt.ItemDataRole.ToolTipRole and answer is not None:
            state = (
                self.tr("confirmed")
                if answer.confirmed
                else self.tr("found, confidence {confidence}").format(
                    confidence=number(answer.confidence, ".2f")
                )
            )
            return f"{self._columns[index.column()].respondent.document} — {self._rows[index.row()].ref} ({state})"
        if role == ANSWER_ROLE:
            return answer
        if role == ENTRY_ROLE:
            return self._rows[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._rows):
                return None
            entry = self._rows[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{entry.ref}  {first_words(entry.question, 8, 48)}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join((f"{entry.ref}. {entry.question}", *(f"  – {p}" for p in entry.prompts)))
            if role == ENTRY_ROLE:
                return entry
            return None
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{column.group}\n{column.respondent.document}"
                if self.attribute
                else column.respondent.document
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.respondent.document
        if role == Qt.ItemDataRole.BackgroundRole and self.attribute:
            groups = list(dict.fromkeys(c.group for c in self._columns))
            return QBrush(GROUP_SHADES[groups.index(column.group) % len(GROUP_SHADES)])
        if role == RESPONDENT_ROLE:
            return column.respondent
        return None
