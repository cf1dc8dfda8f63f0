"""The detected speakers as a table: name (edit to rename), interviewer (check), turns, words, documents."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from app.widgets.record_table_model import ALIGN_RIGHT, Column, RecordTableModel
from coding import Project
from coding.core.errors import CodewerkError
from coding.core.ids import DocumentId
from coding.speakers.speaker_service import SpeakerInfo

Index = QModelIndex | QPersistentModelIndex
NAME, INTERVIEWER, TURNS, WORDS, DOCUMENTS = range(5)


class SpeakerTableModel(RecordTableModel[SpeakerInfo]):
    """Speakers of some documents (all when ``documents`` is None).

    Editing a name renames the speaker (in ``rename_in`` only, when set; merging with a speaker of
    that name); checking "Interviewer" marks it. A refusal is emitted as ``problem(str)``.
    """

    COLUMNS = (
        Column("Speaker", lambda s: s.name, editable=True),
        Column("Interviewer", checkable=True),
        Column("Turns", lambda s: s.turns, align=ALIGN_RIGHT),
        Column("Words", lambda s: s.words, align=ALIGN_RIGHT),
        Column("Documents", lambda s: ", ".join(s.documents), tooltip=lambda s: "\n".join(s.documents)),
    )
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
        self.reload()

    def reload(self) -> None:
        self.set_records(self.project.speakers.list(self.documents))

    def set_documents(self, documents: Sequence[DocumentId] | None) -> None:
        self.documents = None if documents is None else list(documents)
        self.reload()

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
