"""The detected speakers as a table: name (edit to rename), interviewer (check), turns, words, documents."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from app.shell.typed_saves import TypedSaves
from app.widgets import operations
from app.widgets.record_table_model import ALIGN_RIGHT, Column, RecordTableModel
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding import Project
from coding.core.ids import DocumentId
from coding.core.text import natural_key
from coding.speakers.speaker_service import SpeakerInfo

Index = QModelIndex | QPersistentModelIndex
NAME, INTERVIEWER, TURNS, WORDS, DOCUMENTS = range(5)
# How each column sorts: names and document lists in natural order (R2 before R10), counts as numbers.
SORT_KEYS: dict[int, Callable[[SpeakerInfo], Any]] = {
    NAME: lambda s: natural_key(s.name),
    INTERVIEWER: lambda s: (not s.interviewer, natural_key(s.name)),
    TURNS: lambda s: s.turns,
    WORDS: lambda s: s.words,
    DOCUMENTS: lambda s: [natural_key(name) for name in s.documents],
}


class SpeakerTableModel(RecordTableModel[SpeakerInfo]):
    """Speakers of some documents (all when ``documents`` is None).

    Editing a name renames the speaker (in ``rename_in`` only, when set; merging with a speaker of
    that name); checking "Interviewer" marks it. Both act through ``app.widgets.operations`` (a
    refusal shows in the status line of the widget the model belongs to, its parent); the rows
    follow from the change notification (the owner calls :meth:`reload`).
    """

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Column", "Speaker"), lambda s: s.name, editable=True),
        Column(QT_TRANSLATE_NOOP("Column", "Interviewer"), checkable=True),
        Column(QT_TRANSLATE_NOOP("Column", "Turns"), lambda s: s.turns, align=ALIGN_RIGHT),
        Column(QT_TRANSLATE_NOOP("Column", "Words"), lambda s: s.words, align=ALIGN_RIGHT),
        Column(
            QT_TRANSLATE_NOOP("Column", "Documents"),
            lambda s: ", ".join(s.documents),
            tooltip=lambda s: "\n".join(s.documents),
        ),
    )

    def __init__(
        self,
        project: Project,
        documents: Sequence[DocumentId] | None = None,
        parent: Any = None,
        *,
        read: bool = True,
    ) -> None:
        """``read=False``: empty until :meth:`reload` or :meth:`set_documents` (an owner that sets the
        documents right away reads the speakers once, not twice: seconds over 2,000 documents)."""
        super().__init__(parent)
        self.project = project
        self.documents = None if documents is None else list(documents)
        self.rename_in: DocumentId | None = None
        #: Where a name typed while an action is written is kept (``TypedSaves``); the dialog sets it.
        self.typed: TypedSaves | None = None
        #: The column sorted by (-1: the project's order, interviewers first) and the order.
        self.sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._listed: list[SpeakerInfo] = []  # the rows in the project's order
        if read:
            self.reload()

    def reload(self) -> None:
        self.set_records(self.project.speakers.list(self.documents))

    def set_documents(self, documents: Sequence[DocumentId] | None) -> None:
        self.documents = None if documents is None else list(documents)
        self.reload()

    def set_records(self, records: Any) -> None:
        self._listed = list(records)
        super().set_records(self._in_order(self._listed))

    def _in_order(self, records: list[SpeakerInfo]) -> list[SpeakerInfo]:
        column, order = self.sorted_by
        if column not in SORT_KEYS:
            return list(records)
        return sorted(records, key=SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a column's header: the rows in its order, the selection kept on its speakers."""
        self.sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.records()
        after = self._in_order(self._listed)
        row_of = {id(record): row for row, record in enumerate(after)}
        persistent = self.persistentIndexList()
        moved = [self.index(row_of[id(before[index.row()])], index.column()) for index in persistent]
        self._records = after
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def speaker(self, row: int) -> SpeakerInfo:
        return self.record(row)

    def row_of(self, name: str) -> int:
        return self.row_where(lambda s: s.name == name)

    def cell(self, speaker: SpeakerInfo, index: Index, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == INTERVIEWER:
            return Qt.CheckState.Checked if speaker.interviewer else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        speaker = self.record(index.row())
        speakers = self.project.speakers
        if index.column() == NAME and role == Qt.ItemDataRole.EditRole:
            new = " ".join(str(value).split())
            if new == speaker.name:
                return False
            owner, document = self.parent(), self.rename_in
            if self.typed is None:
                return self._act(lambda: speakers.rename(speaker.name, new, document=document))
            return self.typed.save(  # kept while an action is written, never dropped
                ("speaker name", speaker.name, document),
                new,
                lambda: speakers.rename(speaker.name, new, document=document),
                where=owner if isinstance(owner, QWidget) else None,
                initiator=self,
            )
        if index.column() == INTERVIEWER and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._act(lambda: speakers.set_interviewer(speaker.name, checked))
        return False

    def _act(self, action: Callable[[], object]) -> bool:
        owner = self.parent()
        return operations.perform(owner if isinstance(owner, QWidget) else None, action, initiator=self)
