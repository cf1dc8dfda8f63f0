"""Tools → Memos: every memo of the project in one filterable list (the project memo, document and
code memos, memos on codings), double-click to go to what it is about; the project memo is
written at the top (saved on leaving the field or with Save, one undoable step)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.shell.deferred_changes import DeferredChanges
from app.shell.latest_read import LatestRead
from app.shell.workspace import Workspace
from app.widgets import long_operation
from app.widgets.record_table_model import Column, RecordTableModel
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding import Change
from coding.core.ids import CodeId, CodingId, DocumentId, MemoId

#: The project memo, as a save kept while an action is written (``TypedSaves``).
PROJECT_MEMO = ("memo", "project")


@dataclass(frozen=True)
class MemoRow:
    kind: str  # "project", "document", "code" or "coding"
    about: str
    text: str
    author: str
    target: DocumentId | CodeId | CodingId | None


def _first_line(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


KINDS = {
    "project": QT_TRANSLATE_NOOP("MemoTableModel", "Project"),
    "document": QT_TRANSLATE_NOOP("MemoTableModel", "Document"),
    "code": QT_TRANSLATE_NOOP("MemoTableModel", "Code"),
    "coding": QT_TRANSLATE_NOOP("MemoTableModel", "Coding"),
}


def _kind(row: MemoRow) -> str:
    return QCoreApplication.translate("MemoTableModel", KINDS.get(row.kind, row.kind.capitalize()))


class MemoTableModel(RecordTableModel[MemoRow]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Column", "Kind"), _kind),
        Column(QT_TRANSLATE_NOOP("Column", "About"), lambda m: m.about),
        Column(QT_TRANSLATE_NOOP("Column", "Memo"), lambda m: _first_line(m.text), tooltip=lambda m: m.text),
        Column(QT_TRANSLATE_NOOP("Column", "By"), lambda m: m.author),
    )


#: The memo's own text: the column that takes the width the others leave.
MEMO_COLUMN = 2


class MemoListWindow(QMainWindow):
    documentRequested = Signal(object)  # DocumentId
    codeRequested = Signal(object)  # CodeId
    codingRequested = Signal(object)  # CodingId

    def __init__(
        self, workspace: Workspace, shared_actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memoListWindow")
        self.setWindowTitle(self.tr("Memos — {name}").format(name=workspace.project.path.name))
        self.workspace = workspace
        self.project_memo = QPlainTextEdit(self)
        self.project_memo.setObjectName("projectMemo")
        self.project_memo.setPlaceholderText(self.tr("The project memo: aims, decisions, what to do next …"))
        self.project_memo.setMaximumHeight(120)
        self.project_memo.setReadOnly(True)  # until the memos are read
        self.save_button = QPushButton(self.tr("Save project memo"), self)
        self.save_button.clicked.connect(self.save_project_memo)
        self._project_memo_id: MemoId | None = None
        self._read = LatestRead(self, workspace, title=self.tr("Reading the memos …"), shown_in=self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("memoFilter")
        self.filter.setPlaceholderText(self.tr("Filter memos: words, document, code, author …"))
        self.filter.setClearButtonEnabled(True)
        self.model = MemoTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setObjectName("memoTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(MEMO_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._go)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Project memo"), self))
        top.addStretch(1)
        top.addWidget(self.save_button)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.project_memo)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(body)
        self.addActions(shared_actions)
        close = QAction(self.tr("Close"), self)
        close.setShortcuts([QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Close)])
        close.triggered.connect(self.close)
        self.addAction(close)
        self.project_memo.installEventFilter(self)
        self._changes = DeferredChanges(self._changed, self)
        workspace.changed.connect(self._changes.add)
        screen = self.screen().availableGeometry()
        self.resize(min(900, screen.width() - 60), min(600, screen.height() - 80))
        self.reload()

    def detach(self) -> None:
        self.save_project_memo()
        self.workspace.changed.disconnect(self._changes.add)

    def eventFilter(self, watched: object, event: object) -> bool:

        if (
            watched is self.project_memo
            and isinstance(event, QEvent)
            and event.type() == QEvent.Type.FocusOut
        ):
            self.save_project_memo()
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _changed(self, _change: Change) -> None:
        self.reload()

    def flush(self) -> None:
        self._changes.flush()

    @property
    def reading(self) -> long_operation.LongOperation | None:
        """The memos' read under way in a worker thread, if any."""
        return self._read.operation

    def reload(self) -> None:
        """List the memos again, read in a worker thread (the coding memos are found among every quote:
        seconds over a research group's 200,000), with a busy bar in the status line; a read overtaken
        by a newer one is dropped. The project memo can be written once the first read is in."""
        project = self.workspace.project
        the_project = self.tr("the project")

        def read() -> tuple[list[MemoRow], str, MemoId | None]:  # in a worker thread: reads only
            tree = project.codes.tree()
            names = {d.id: d.name for d in project.documents.list(with_counts=False)}
            rows: list[MemoRow] = []
            project_text, project_memo_id = "", None
            for memo in project.memos.list():
                if memo.document_id is None and memo.code_id is None:
                    rows.append(MemoRow("project", the_project, memo.text, memo.coder or "", None))
                    project_text, project_memo_id = memo.text, memo.id
                elif memo.document_id is not None:
                    about = names.get(memo.document_id, "?")
                    rows.append(MemoRow("document", about, memo.text, memo.coder or "", memo.document_id))
                elif memo.code_id is not None and memo.code_id in tree:
                    rows.append(
                        MemoRow(
                            "code",
                            tree.get(memo.code_id).path_text,
                            memo.text,
                            memo.coder or "",
                            memo.code_id,
                        )
                    )
            for quote in project.quotes():
                if quote.memo:
                    about = f"{quote.document} {quote.start}–{quote.end} · {quote.code_path.split('/')[-1]}"
                    rows.append(MemoRow("coding", about, quote.memo, quote.coder or "", quote.coding_id))
            return rows, project_text, project_memo_id

        def arrived(found: tuple[list[MemoRow], str, MemoId | None]) -> None:
            rows, project_text, self._project_memo_id = found
            self.model.set_records(rows)
            self.table.resizeColumnsToContents()  # the memo itself takes the room left (Stretch)
            header = self.table.horizontalHeader()
            about = MEMO_COLUMN - 1  # what it is about: its whole text on hover
            header.resizeSection(about, min(header.sectionSize(about), self.table.viewport().width() // 3))
            kept = self.workspace.typed.kept(PROJECT_MEMO)  # typed, saved when the write under way is over
            project_text = project_text if kept is None else kept
            if not self.project_memo.hasFocus() and project_text != self.project_memo.toPlainText():
                self.project_memo.setPlainText(project_text)
            self.project_memo.setReadOnly(False)

        self._read.start(read, arrived)

    def save_project_memo(self) -> None:
        if self.project_memo.isReadOnly():  # the memos are not read yet: nothing was written
            return
        text = self.project_memo.toPlainText().strip()
        stored = next((r.text for r in self.model.records() if r.kind == "project"), "")
        typed = self.workspace.typed
        if text == (typed.kept(PROJECT_MEMO) or stored).strip() or (
            not text and self._project_memo_id is None
        ):
            return
        memos = self.workspace.project.memos
        memo_id = self._project_memo_id

        def save() -> None:
            found = memo_id
            if found is None:  # written meanwhile (a save kept while an action was written)
                found = next(
                    (m.id for m in memos.list() if m.document_id is None and m.code_id is None), None
                )
            memos.write(text, title="Project memo", memo_id=found)

        if typed.save(PROJECT_MEMO, text, save, where=self, saved=self.tr("Project memo saved")):
            self.flush()

    def _go(self, index: QModelIndex) -> None:
        row = self.model.record(self.proxy.mapToSource(index).row())
        if row.kind == "document":
            self.documentRequested.emit(row.target)
        elif row.kind == "code":
            self.codeRequested.emit(row.target)
        elif row.kind == "coding":
            self.codingRequested.emit(row.target)
        else:
            self.project_memo.setFocus()
