"""The quotes of one grid cell as a checkable list: a checked quote is evidence for the judgement."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from coding.core.ids import PassageId
from coding.judgements.comparison import CellPassage

Index = QModelIndex | QPersistentModelIndex


def attribution(passage: CellPassage) -> str:
    """``(R5, Onderwijs)``: respondent (or document) and role, as quotes are cited."""
    parts = [passage.respondent]
    role = passage.attributes.get("role")
    if role:
        parts.append(role)
    return f"({', '.join(parts)})"


class CellPassagesModel(QAbstractListModel):
    evidenceChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._passages: list[CellPassage] = []
        self._evidence: set[PassageId] = set()
        self._checkable = True

    def set_passages(
        self, passages: Sequence[CellPassage], evidence: Iterable[PassageId] = (), *, checkable: bool = True
    ) -> None:
        self.beginResetModel()
        self._passages = list(passages)
        self._evidence = set(evidence)
        self._checkable = checkable
        self.endResetModel()

    def passages(self) -> list[CellPassage]:
        return list(self._passages)

    def evidence(self) -> list[PassageId]:
        """The checked quotes, in list order."""
        return [p.passage_id for p in self._passages if p.passage_id in self._evidence]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._passages)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        passage = self._passages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"‘{passage.text}’ {attribution(passage)}"
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable:
            checked = passage.passage_id in self._evidence
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{passage.document} {passage.start}–{passage.end}", *passage.code_paths]
            memo_line = QCoreApplication.translate("CellPassagesModel", "Memo: {memo}")
            lines += [memo_line.format(memo=memo) for memo in passage.memos]
            if self._checkable:
                lines.append(
                    QCoreApplication.translate(
                        "CellPassagesModel", "Check to link this quote as evidence for the judgement"
                    )
                )
            return "\n".join(lines)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or not self._checkable:
            return False
        passage_id = self._passages[index.row()].passage_id
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if checked:
            self._evidence.add(passage_id)
        else:
            self._evidence.discard(passage_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.evidenceChanged.emit()
        return True
