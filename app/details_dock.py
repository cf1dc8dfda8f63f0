"""The Memo/details dock: what is selected (a coded passage, a code or a document) and its memo.

A memo is saved when the editor loses focus, on Ctrl+Return, or before the dock shows something
else, each save one undoable command, so a finished memo is never lost.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.coding_margin import code_label
from app.theme import code_colour
from app.workspace import Workspace
from coding import Change
from coding.errors import NotFoundError
from coding.ids import CodeId, CodingId, DocumentId, MemoId
from coding.records import CodeApplication, CodeTree, SegmentInfo

CODING_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SegmentCodingsModel(QAbstractListModel):
    """The codes on one passage."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[CodeApplication] = []
        self._tree: CodeTree = CodeTree.build([])

    def set_items(self, items: list[CodeApplication], tree: CodeTree) -> None:
        self.beginResetModel()
        self._items = [a for a in items if a.code_id in tree]
        self._tree = tree
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        code = self._tree.get(item.code_id)
        if role == Qt.ItemDataRole.DisplayRole:
            memo = " ✎" if item.memo else ""
            return f"{code_label(code)}  · {item.coder or '?'}{memo}"
        if role == Qt.ItemDataRole.DecorationRole:
            return code_colour(code.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return code.path_text
        if role == CODING_ID_ROLE:
            return item.coding_id
        return None

    def row_of(self, coding_id: CodingId) -> int:
        return next((row for row, item in enumerate(self._items) if item.coding_id == coding_id), -1)


@dataclass(frozen=True)
class MemoTarget:
    kind: str  # "coding", "code" or "document"
    id: int
    memo_id: MemoId | None = None


class DetailsDock(QDockWidget):
    codingChosen = Signal(object)  # CodingId
    uncodeRequested = Signal(object)  # CodingId

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Memo and details", parent)
        self.setObjectName("detailsDock")
        self.workspace: Workspace | None = None
        self.target: MemoTarget | None = None
        self._saved_text = ""
        body = QWidget(self)
        self.title = QLabel(body)
        self.title.setObjectName("detailsTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.info = QLabel(body)
        self.info.setObjectName("detailsInfo")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.codings_model = SegmentCodingsModel(self)
        self.codings = QListView(body)
        self.codings.setObjectName("detailsCodings")
        self.codings.setModel(self.codings_model)
        self.codings.setMaximumHeight(110)
        self.codings.setUniformItemSizes(True)
        self.codings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.codings.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.memo_label = QLabel("Memo", body)
        self.memo_label.setWordWrap(True)
        self.memo = QPlainTextEdit(body)
        self.memo.setObjectName("memoEditor")
        self.memo.setPlaceholderText("Write a memo … (saved when you leave the field or press Ctrl+Return)")
        self.save_button = QPushButton("Save memo", body)
        self.uncode_button = QPushButton("Remove this coding", body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.uncode_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addWidget(self.codings)
        layout.addWidget(self.memo_label)
        layout.addWidget(self.memo, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.memo.installEventFilter(self)
        QShortcut(QKeySequence("Ctrl+Return"), self.memo, self.save_memo)
        self.save_button.clicked.connect(self.save_memo)
        self.uncode_button.clicked.connect(self._uncode)
        self.codings.clicked.connect(lambda index: self.codingChosen.emit(index.data(CODING_ID_ROLE)))
        self.show_nothing()

    def set_workspace(self, workspace: Workspace | None) -> None:
        if self.workspace is not None:
            self.workspace.changed.disconnect(self.on_change)
        self.workspace = workspace
        if workspace is not None:
            workspace.changed.connect(self.on_change)
        self.target = None
        self.show_nothing()

    # -- what is shown ----------------------------------------------------------------------
    def show_nothing(self) -> None:
        self.save_memo()
        self.target = None
        self.title.setText("<b>Nothing selected</b>")
        self.info.setText(
            "Select a passage in the transcript and code it: click a code, drag the selection onto a code, "
            "press a favourite's number key or right-click for the code picker. "
            "Click a coded passage or its stripe to see its codes and memo here."
        )
        self.codings.setVisible(False)
        self._set_memo(None, "")

    def show_coding(self, segment: SegmentInfo, coding_id: CodingId, document: str) -> None:
        self.save_memo()
        assert self.workspace is not None
        tree = self.workspace.project.codes.tree()
        application = next((a for a in segment.codings if a.coding_id == coding_id), None)
        if application is None:
            self.show_nothing()
            return
        code = tree.get(application.code_id)
        self.title.setText(
            f"<b>Coded passage</b> · {html.escape(document)} "
            f"<span style='color:gray'>{segment.start}–{segment.end}</span>"
        )
        text = segment.text if len(segment.text) <= 600 else segment.text[:600] + " …"
        self.info.setText(f"<i>“{html.escape(text)}”</i>")
        self.codings_model.set_items(list(segment.codings), tree)
        rows = max(1, self.codings_model.rowCount())
        self.codings.setFixedHeight(min(110, rows * (self.codings.fontMetrics().height() + 8) + 6))
        self.codings.setVisible(True)
        self.codings.setCurrentIndex(self.codings_model.index(self.codings_model.row_of(coding_id), 0))
        self.memo_label.setText(f"Memo on the coding with “{html.escape(code.name)}”")
        self._set_memo(MemoTarget("coding", coding_id), application.memo)

    def show_code(self, code_id: CodeId) -> None:
        self.save_memo()
        assert self.workspace is not None
        project = self.workspace.project
        code = project.codes.get(code_id)
        total = project.codes.counts(include_subcodes=True).get(code_id, 0)
        colour = code_colour(code.colour).name()
        self.title.setText(f"<span style='color:{colour}'>■</span> <b>{html.escape(code.name)}</b>")
        details = [f"<span style='color:gray'>{html.escape(code.path_text)}</span>"]
        if code.label:
            details.append(html.escape(code.label))
        facts = [code.kind + (", inductive" if code.inductive else "")]
        if code.question:
            facts.append(f"question {html.escape(code.question)}")
        if code.scale:
            facts.append("scale " + html.escape(" ".join(code.scale)))
        facts.append(f"{total} quote(s)")
        details.append("<i>" + " · ".join(facts) + "</i>")
        if code.description:
            details.append(html.escape(code.description))
        self.info.setText("<br>".join(details))
        self.codings.setVisible(False)
        memos = project.memos.list(code=code_id)
        self.memo_label.setText("Code memo")
        self._set_memo(
            MemoTarget("code", code_id, memos[0].id if memos else None), memos[0].text if memos else ""
        )

    def show_document(self, document_id: DocumentId) -> None:
        self.save_memo()
        assert self.workspace is not None
        project = self.workspace.project
        document = project.documents.get(document_id)
        self.title.setText(f"<b>{html.escape(document.name)}</b>")
        rows = "".join(
            f"<tr><td style='color:gray;padding-right:8px'>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
            for k, v in document.attributes.items()
        )
        self.info.setText(
            f"{document.length:,} characters · {document.coding_count} coding(s) · {document.source_format}"
            f"<table>{rows}</table>"
        )
        self.codings.setVisible(False)
        memos = project.memos.list(document=document_id)
        self.memo_label.setText("Document memo")
        self._set_memo(
            MemoTarget("document", document_id, memos[0].id if memos else None),
            memos[0].text if memos else "",
        )

    def _set_memo(self, target: MemoTarget | None, text: str) -> None:
        self.target = target
        self._saved_text = text
        self.memo.blockSignals(True)
        self.memo.setPlainText(text)
        self.memo.blockSignals(False)
        enabled = target is not None
        self.memo.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        self.memo_label.setVisible(enabled)
        self.uncode_button.setVisible(target is not None and target.kind == "coding")

    # -- saving ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.memo and event.type() == QEvent.Type.FocusOut:
            self.save_memo()
        return super().eventFilter(watched, event)

    def save_memo(self) -> None:
        if self.workspace is None or self.target is None:
            return
        text = self.memo.toPlainText().strip()
        if text == self._saved_text.strip():
            return
        project = self.workspace.project
        target = self.target
        self._saved_text = text
        if target.kind == "coding":
            self.workspace.perform(lambda: project.codings.set_memo(CodingId(target.id), text))
        else:
            where: dict[str, Any] = (
                {"code": CodeId(target.id)} if target.kind == "code" else {"document": DocumentId(target.id)}
            )
            memo_id = self.workspace.attempt(
                lambda: project.memos.write(text, memo_id=target.memo_id, **where)
            )
            if memo_id is not None:
                self.target = MemoTarget(target.kind, target.id, memo_id)
        self.workspace.tell("Memo saved")

    def _uncode(self) -> None:
        if self.target is not None and self.target.kind == "coding":
            self.uncodeRequested.emit(CodingId(self.target.id))

    def on_change(self, change: Change) -> None:
        """A memo changed elsewhere (undo, another view): show the stored text unless editing."""
        if self.workspace is None or self.target is None or self.memo.hasFocus():
            return
        if self.target.kind == "coding" and change.codings:
            try:
                stored = self.workspace.project.codings.get(CodingId(self.target.id)).memo
            except NotFoundError:
                self.show_nothing()
                return
            if stored != self._saved_text:
                self._set_memo(self.target, stored)
