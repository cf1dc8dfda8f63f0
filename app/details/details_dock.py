"""The Memo/details dock: what is selected (a coded passage, a code or a document) and its memo.

A memo is saved when the editor loses focus, on Ctrl+Return, or before the dock shows something
else, each save one undoable command, so a finished memo is never lost. A document shows its facts
(source format, original file, the encoding chosen at import, characters, turns and speakers, pages,
when it was imported) and its attributes, which can be edited in place (each edit one undoable action).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.details.document_facts import document_facts
from app.details.passage_codings_model import CODING_ID_ROLE, PassageCodingsModel
from app.documents.document_attributes_model import KEY, VALUE, DocumentAttributesModel
from app.shell.theme import code_colour
from app.shell.workspace import Workspace
from app.widgets.translated import code_kind
from coding import Aspect, Change
from coding.core.errors import NotFoundError
from coding.core.ids import CodeId, CodingId, DocumentId, MemoId
from coding.core.records import CodeTree, DocumentInfo, PassageInfo

#: What the details of a document show: its name, text and pages, attributes, speakers; its codings.
DOCUMENT_FACTS = (Aspect.DOCUMENTS, Aspect.ATTRIBUTES, Aspect.SPEAKERS, Aspect.CODINGS, Aspect.REVIEWS)


@dataclass(frozen=True)
class MemoTarget:
    kind: str  # "coding", "code" or "document"
    id: int
    memo_id: MemoId | None = None


def _memo_key(target: MemoTarget) -> tuple[str, str, int]:
    """Which memo a kept save writes (``TypedSaves``)."""
    return ("memo", target.kind, target.id)


class DetailsDock(QDockWidget):
    codingChosen = Signal(object)  # CodingId
    uncodeRequested = Signal(object)  # CodingId

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("DetailsDock", "Memo and details"), parent)
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
        self.attributes_label = QLabel(
            QCoreApplication.translate("DetailsDock", "Attributes · double-click to change, add or rename"),
            body,
        )
        self.attributes_label.setObjectName("attributesLabel")
        self.attributes_label.setWordWrap(True)
        self.attributes_model = DocumentAttributesModel(self)
        self.attributes = QTableView(body)
        self.attributes.setObjectName("documentAttributes")
        self.attributes.setAccessibleName(QCoreApplication.translate("DetailsDock", "Document attributes"))
        self.attributes.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells)
        self.attributes.setModel(self.attributes_model)
        self.attributes.verticalHeader().hide()
        self.attributes.verticalHeader().setDefaultSectionSize(self.attributes.fontMetrics().height() + 8)
        self.attributes.horizontalHeader().setSectionResizeMode(KEY, QHeaderView.ResizeMode.ResizeToContents)
        self.attributes.horizontalHeader().setStretchLastSection(True)
        self.attributes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.attributes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attributes.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.attributes.setWordWrap(False)
        self.remove_attribute_button = QPushButton(
            QCoreApplication.translate("DetailsDock", "Remove attribute"), body
        )
        self.remove_attribute_button.setObjectName("removeAttributeButton")
        self.remove_attribute_button.setToolTip(
            QCoreApplication.translate("DetailsDock", "Remove the selected attribute from this document")
        )
        self.add_attribute_button = QPushButton(
            QCoreApplication.translate("DetailsDock", "Add attribute"), body
        )
        self.add_attribute_button.setObjectName("addAttributeButton")
        self.add_attribute_button.setToolTip(
            QCoreApplication.translate(
                "DetailsDock", "Give this document another attribute: its name, then its value"
            )
        )
        self.codings_model = PassageCodingsModel(self)
        self.codings = QListView(body)
        self.codings.setObjectName("detailsCodings")
        self.codings.setAccessibleName(QCoreApplication.translate("DetailsDock", "Codings of the passage"))
        self.codings.setModel(self.codings_model)
        self.codings.setMaximumHeight(110)
        self.codings.setUniformItemSizes(True)
        self.codings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.codings.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.memo_label = QLabel(QCoreApplication.translate("DetailsDock", "Memo"), body)
        self.memo_label.setWordWrap(True)
        self.memo = QPlainTextEdit(body)
        self.memo.setObjectName("memoEditor")
        self.memo.setAccessibleName(QCoreApplication.translate("DetailsDock", "Memo"))
        self.memo.setTabChangesFocus(True)  # Tab moves on, as everywhere in the window
        self.memo.setPlaceholderText(
            QCoreApplication.translate(
                "DetailsDock", "Write a memo … (saved when you leave the field or press Ctrl+Return)"
            )
        )
        self.save_button = QPushButton(QCoreApplication.translate("DetailsDock", "Save memo"), body)
        self.uncode_button = QPushButton(
            QCoreApplication.translate("DetailsDock", "Remove this coding"), body
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.uncode_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addWidget(self.attributes_label)
        layout.addWidget(self.attributes)
        attribute_buttons = QHBoxLayout()
        attribute_buttons.addWidget(self.add_attribute_button)
        attribute_buttons.addStretch(1)
        attribute_buttons.addWidget(self.remove_attribute_button)
        layout.addLayout(attribute_buttons)
        layout.addWidget(self.codings)
        layout.addWidget(self.memo_label)
        layout.addWidget(self.memo, 1)
        layout.addLayout(buttons)
        # Scrolls when the dock is short (a 768-pixel screen): its fixed-height parts never make
        # the window taller than the screen.
        scroll = QScrollArea(self)
        scroll.setObjectName("detailsScroll")
        scroll.setAccessibleName(QCoreApplication.translate("DetailsDock", "Details"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        scroll.setMinimumWidth(body.minimumSizeHint().width())
        self.setWidget(scroll)
        self.memo.installEventFilter(self)
        QShortcut(QKeySequence("Ctrl+Return"), self.memo, self.save_memo)
        self.save_button.clicked.connect(self.save_memo)
        self.uncode_button.clicked.connect(self._uncode)
        self.codings.clicked.connect(lambda index: self.codingChosen.emit(index.data(CODING_ID_ROLE)))
        self.remove_attribute_button.clicked.connect(self.remove_attribute)
        self.add_attribute_button.clicked.connect(self.add_attribute)
        self._attributes_stale = False
        self._document_timer = QTimer(self)
        self._document_timer.setSingleShot(True)
        self._document_timer.setInterval(0)
        self._document_timer.timeout.connect(self._refresh_document)
        self._coding_timer = QTimer(self)
        self._coding_timer.setSingleShot(True)
        self._coding_timer.setInterval(0)
        self._coding_timer.timeout.connect(self._refresh_coding)
        self.attributes_model.valueWanted.connect(
            lambda row: QTimer.singleShot(0, lambda: self._edit_attribute(row, VALUE))
        )
        self.attributes_model.modelReset.connect(self._fit_attributes)
        self.show_nothing()

    def set_workspace(self, workspace: Workspace | None) -> None:
        if self.workspace is not None:
            self.workspace.changed.disconnect(self.on_change)
        self.workspace = workspace
        if workspace is not None:
            workspace.changed.connect(self.on_change)
        self.target = None
        self.attributes_model.set_document(None, None)
        self.show_nothing()

    def _refresh_document(self) -> None:
        """The shown document's facts and attributes again (after a change of it)."""
        stale, self._attributes_stale = self._attributes_stale, False
        if self.workspace is None or self.target is None or self.target.kind != "document":
            return
        try:
            document = self.workspace.project.documents.get(DocumentId(self.target.id))
        except NotFoundError:
            self.show_nothing()
            return
        self.title.setText(f"<b>{html.escape(document.name)}</b>")
        self.info.setText(document_facts(self.workspace, document))
        if stale:
            self.attributes_model.reload()

    def _show_attributes(self, visible: bool) -> None:
        for widget in (
            self.attributes_label,
            self.attributes,
            self.add_attribute_button,
            self.remove_attribute_button,
        ):
            widget.setVisible(visible)
        if not visible:
            self.attributes_model.set_document(None, None)

    def _fit_attributes(self) -> None:
        rows = self.attributes_model.rowCount()
        row_height = self.attributes.verticalHeader().defaultSectionSize()
        header = self.attributes.horizontalHeader().sizeHint().height()
        self.attributes.setFixedHeight(header + row_height * min(max(rows, 1), 9) + 4)

    def _edit_attribute(self, row: int, column: int) -> None:
        index = self.attributes_model.index(row, column)
        if index.isValid():
            self.attributes.setCurrentIndex(index)
            self.attributes.edit(index)

    def add_attribute(self) -> None:
        """Start typing the name of a new attribute (the table's last row)."""
        self._edit_attribute(self.attributes_model.new_row, KEY)

    def remove_attribute(self) -> None:
        index = self.attributes.currentIndex()
        model = self.attributes_model
        if not index.isValid() or index.row() >= len(model.attributes()):
            if self.workspace is not None:
                self.workspace.tell(
                    QCoreApplication.translate("DetailsDock", "Click the attribute to remove first")
                )
            return
        model.setData(model.index(index.row(), VALUE), "")

    # -- what is shown ----------------------------------------------------------------------
    def show_nothing(self) -> None:
        self.save_memo()
        self.target = None
        self.title.setText(QCoreApplication.translate("DetailsDock", "<b>Nothing selected</b>"))
        self.info.setText(
            QCoreApplication.translate(
                "DetailsDock",
                "Select a passage in the transcript and code it: drag the selection onto a code, "
                "press a favourite's number key or right-click for the code picker "
                "(or click a code, in click-to-code mode). "
                "Click a coded passage or its stripe to see its codes and memo here.",
            )
        )
        self.codings.setVisible(False)
        self._show_attributes(False)
        self._set_memo(None, "")

    def show_coding(self, passage: PassageInfo, coding_id: CodingId, document: str) -> None:
        self.save_memo()
        assert self.workspace is not None
        tree = self.workspace.project.codes.tree()
        application = next((a for a in passage.codings if a.coding_id == coding_id), None)
        if application is None:
            self.show_nothing()
            return
        code = tree.get(application.code_id)
        self._show_passage(passage, coding_id, document, tree)
        self.memo_label.setText(
            QCoreApplication.translate("DetailsDock", "Memo on the coding with “{code}”").format(
                code=html.escape(code.name)
            )
        )
        self._set_memo(MemoTarget("coding", coding_id), application.memo)

    def _show_passage(self, passage: PassageInfo, coding_id: CodingId, document: str, tree: CodeTree) -> None:
        """The coded passage's place, words and codes (not its memo)."""
        coded = QCoreApplication.translate("DetailsDock", "Coded passage")
        self.title.setText(
            f"<b>{coded}</b> · {html.escape(document)} "
            f"<span style='color:gray'>{passage.start}–{passage.end}</span>"
        )
        text = passage.text if len(passage.text) <= 600 else passage.text[:600] + " …"
        self.info.setText(f"<i>“{html.escape(text)}”</i>")
        self._show_attributes(False)
        self.codings_model.set_items(list(passage.codings), tree)
        rows = max(1, self.codings_model.rowCount())
        self.codings.setFixedHeight(min(110, rows * (self.codings.fontMetrics().height() + 8) + 6))
        self.codings.setVisible(True)
        self.codings.setCurrentIndex(self.codings_model.index(self.codings_model.row_of(coding_id), 0))

    def _refresh_coding(self) -> None:
        """The shown coding's passage again after a change (boundaries moved, codes added or removed,
        undo): its span, words and codes follow; a memo being typed is left alone."""
        if self.workspace is None or self.target is None or self.target.kind != "coding":
            return
        project = self.workspace.project
        coding_id = CodingId(self.target.id)
        try:
            coding = project.codings.get(coding_id)
            document = project.documents.get(coding.document_id).name
        except NotFoundError:
            self.show_nothing()
            return
        passage = next(
            (
                p
                for p in project.codings.passages(coding.document_id, coding.start, coding.end)
                if any(a.coding_id == coding_id for a in p.codings)
            ),
            None,
        )
        if passage is not None:
            self._show_passage(passage, coding_id, document, project.codes.tree())

    def show_code(self, code_id: CodeId, total: int) -> None:
        """A code's facts; ``total``: its codings with its subcodes' (the code tree has counted them)."""
        self.save_memo()
        assert self.workspace is not None
        project = self.workspace.project
        code = project.codes.get(code_id)
        colour = code_colour(code.colour).name()
        self.title.setText(f"<span style='color:{colour}'>■</span> <b>{html.escape(code.name)}</b>")
        details = [f"<span style='color:gray'>{html.escape(code.path_text)}</span>"]
        if code.label:
            details.append(html.escape(code.label))
        kind = code_kind(code.kind)
        facts = [
            kind + (", " + QCoreApplication.translate("CodeTreeModel", "inductive") if code.inductive else "")
        ]
        if code.question:
            facts.append(
                QCoreApplication.translate("CodeTreeModel", "question {question}").format(
                    question=html.escape(code.question)
                )
            )
        if code.scale:
            scale = html.escape(" ".join(code.scale))
            facts.append(QCoreApplication.translate("CodeTreeModel", "scale {scale}").format(scale=scale))
        facts.append(QCoreApplication.translate("DetailsDock", "{count} quote(s)").format(count=total))
        details.append("<i>" + " · ".join(facts) + "</i>")
        if code.description:
            details.append(html.escape(code.description))
        self.info.setText("<br>".join(details))
        self.codings.setVisible(False)
        self._show_attributes(False)
        memos = project.memos.list(code=code_id)
        self.memo_label.setText(QCoreApplication.translate("DetailsDock", "Code memo"))
        self._set_memo(
            MemoTarget("code", code_id, memos[0].id if memos else None), memos[0].text if memos else ""
        )

    def show_document(self, document_id: DocumentId, document: DocumentInfo | None = None) -> None:
        """Show a document's facts, attributes and memo (``document``: its record, when the caller
        has it already)."""
        self.save_memo()
        assert self.workspace is not None
        project = self.workspace.project
        if document is None or document.id != document_id:
            document = project.documents.get(document_id)
        self.title.setText(f"<b>{html.escape(document.name)}</b>")
        self.info.setText(document_facts(self.workspace, document))
        self.codings.setVisible(False)
        self._show_attributes(True)
        self.attributes_model.set_document(self.workspace, document_id)
        memos = project.memos.list(document=document_id)
        self.memo_label.setText(QCoreApplication.translate("DetailsDock", "Document memo"))
        self._set_memo(
            MemoTarget("document", document_id, memos[0].id if memos else None),
            memos[0].text if memos else "",
        )

    def _set_memo(self, target: MemoTarget | None, text: str) -> None:
        if target is not None and self.workspace is not None:
            kept = self.workspace.typed.kept(_memo_key(target))
            text = text if kept is None else kept  # typed, to be saved when the write under way is over
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
        """Save the memo typed (one undoable command); while an action is written in a worker it is
        kept and saved when that is over (``TypedSaves``): showing something else never loses it."""
        if self.workspace is None or self.target is None:
            return
        text = self.memo.toPlainText().strip()
        if text == self._saved_text.strip():
            return
        project = self.workspace.project
        target = self.target

        def save() -> None:
            if target.kind == "coding":
                project.codings.set_memo(CodingId(target.id), text)
                return
            where: dict[str, Any] = (
                {"code": CodeId(target.id)} if target.kind == "code" else {"document": DocumentId(target.id)}
            )
            memo_id = target.memo_id
            if memo_id is None:  # written meanwhile (a save kept while an action was written)
                memo_id = next((memo.id for memo in project.memos.list(**where)), None)
            memo_id = project.memos.write(text, memo_id=memo_id, **where)
            if self.target is not None and (self.target.kind, self.target.id) == (target.kind, target.id):
                self.target = MemoTarget(target.kind, target.id, memo_id)

        saved = QCoreApplication.translate("DetailsDock", "Memo saved")
        if self.workspace.typed.save(_memo_key(target), text, save, where=self, saved=saved):
            self._saved_text = text  # saved, or kept to be saved: only then is it no longer "typed"

    def _uncode(self) -> None:
        if self.target is not None and self.target.kind == "coding":
            self.uncodeRequested.emit(CodingId(self.target.id))

    def on_change(self, change: Change) -> None:
        """A memo changed elsewhere (undo, another view): show the stored text unless editing.
        A shown document's facts and attributes follow every change of it (undo included)."""
        if self.workspace is None or self.target is None:
            return
        shown = DocumentId(self.target.id) if self.target.kind == "document" else None
        if (
            shown is not None
            and change.touches(*DOCUMENT_FACTS)
            and (change.affects_document(shown) or change.touches(Aspect.ATTRIBUTES))
        ):
            self._attributes_stale = self._attributes_stale or change.touches(*DOCUMENT_FACTS[:3])
            self._document_timer.start()  # after the transcript has repainted
        if self.target.kind == "coding" and change.touches(Aspect.CODINGS, Aspect.REVIEWS, Aspect.CODES):
            self._coding_timer.start()
        if self.memo.hasFocus():
            return
        if self.target.kind == "coding" and change.touches(Aspect.CODINGS):
            try:
                stored = self.workspace.project.codings.get(CodingId(self.target.id)).memo
            except NotFoundError:
                self.show_nothing()
                return
            if stored != self._saved_text:
                self._set_memo(self.target, stored)
