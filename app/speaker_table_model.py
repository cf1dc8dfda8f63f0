"""The detected speakers as a table: name (edit to rename), interviewer (check), turns, words, documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from coding import Project
from coding.errors import CodewerkError
from coding.ids import DocumentId
from coding.speaker_service import SpeakerInfo

Index = QModelIndex | QPersistentModelIndex
NAME, INTERVIEWER, TURNS, WORDS, DOCUMENTS = range(5)
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 1


class SpeakerTableModel(QAbstractTableModel):
    """Speakers of some documents (all when ``documents`` is None).

    Editing a name renames the speaker (in ``rename_in`` only, when set; merging with a speaker of
    that name); checking "Interviewer" marks it. A refusal is emitted as ``problem(str)``.
    """

    HEADERS = ("Speaker", "Interviewer", "Turns", "Words", "Documents")
    problem = Signal(str)

    def __init__(
        self,
        project: Project,
        documents: Sequence[DocumentId] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.documents = None if documents is None else list(documents)
        self.rename_in: DocumentId | None = None
        self._speakers: list[SpeakerInfo] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._speakers = self.project.speakers.list(self.documents)
        self.endResetModel()

    def set_documents(self, documents: Sequence[DocumentId] | None) -> None:
        self.documents = None if documents is None else list(documents)
        self.reload()

    def speaker(self, row: int) -> SpeakerInfo:
        return self._speakers[row]

    def row_of(self, name: str) -> int:
        return next((row for row, s in enumerate(self._speakers) if s.name == name), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._speakers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        elif index.column() == INTERVIEWER:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        speaker = self._speakers[index.row()]
        column = index.column()
        if role == SPEAKER_ROLE:
            return speaker.name
        if role == Qt.ItemDataRole.CheckStateRole and column == INTERVIEWER:
            return Qt.CheckState.Checked if speaker.interviewer else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return speaker.name
            if column == TURNS:
                return speaker.turns
            if column == WORDS:
                return speaker.words
            if column == DOCUMENTS:
                return ", ".join(speaker.documents)
        if role == Qt.ItemDataRole.ToolTipRole and column == DOCUMENTS:
            return "\n".join(speaker.documents)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (TURNS, WORDS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        speaker = self._speakers[index.row()]
        try:
            if index.column() == NAME and role == Qt.ItemDataRole.EditRole:
                new = " ".join(str(value).split())
                if new == speaker.name:
                    return False
                self.project.speakers.rename(speaker.name, new, document=self.rename_in)
            elif index.column() == INTERVIEWER and role == Qt.ItemDataRole.CheckStateRole:
                checked = Qt.CheckState(value) == Qt.CheckState.Checked
                self.project.speakers.set_interviewer(speaker.name, checked)
            else:
                return False
        except CodewerkError as exc:
            self.problem.emit(str(exc))
            return False
        self.reload()
        return True
