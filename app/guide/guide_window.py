"""Analysis → Interview guide (Ctrl+Alt+G): every answer under its guide question, side by side.

The Answers tab: rows are the guide questions, columns the interviews (grouped by an attribute the
researcher picks), each cell the first words of the answer. Clicking a cell (or moving to it with the
keyboard) shows the whole answer beside the table and makes the transcript jump to it. "Code confirmed
answers" codes every confirmed answer of the current question with its code, one undoable step.
The Matches tab (:mod:`app.guide.match_review`) lists the matched interviewer turns to confirm,
move or clear. The table is built by the guide service (one matching pass per interview) when the
window opens and again after a change of the guide, the codes or the documents.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.exporting.export_folder import ask_export_file
from app.guide.guide_table_model import GuideTableModel
from app.guide.match_review import MatchReview
from app.shell.latest_read import LatestRead
from app.shell.workspace import Workspace
from app.widgets import long_operation, operations
from app.widgets.combo_fill import fill_combo
from app.widgets.tool_window import ToolWindow
from app.widgets.worker_write import WriteOperation, write_in_worker
from coding import Aspect, Change
from coding.core.attributes import REGION_KEYS, attribute_label
from coding.core.i18n import text as say
from coding.core.ids import DocumentId
from coding.core.numbers import number
from coding.core.text import fold
from coding.guide.guide_service import GuideAnswer, GuideTable
from coding.speakers.speaker_service import PassageResult

if TYPE_CHECKING:
    from app.shell.main_window import MainWindow

OBJECT_NAME = "guideWindow"
# Wait this long after a change before building the table again (a burst of changes builds once).
REBUILD_DELAY_MS = 300


class GuideWindow(ToolWindow):
    """The answers per guide question; ``answerRequested(document_id, start, end)`` asks the main
    window to show a span in the transcript."""

    answerRequested = Signal(object, int, int)

    def __init__(
        self, workspace: Workspace, shared_actions: list[QAction], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(OBJECT_NAME)
        self.setWindowTitle(self.tr("Interview guide — {name}").format(name=workspace.project.path.name))
        self.workspace = workspace
        self.addActions(shared_actions)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("guideTabs")
        self.tabs.addTab(self._answers_tab(), self.tr("&Answers"))
        self.review = MatchReview(workspace, self.tabs)
        self.review.turnRequested.connect(self.answerRequested)
        self.tabs.addTab(self.review, self.tr("&Matches"))
        self.setCentralWidget(self.tabs)
        operations.add_status_line(self)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(REBUILD_DELAY_MS)
        self._pending.timeout.connect(self.reload)
        workspace.changed.connect(self._on_change)
        self.resize_within_screen(1200, 720)
        self._build = LatestRead(self, workspace, title=self.tr("Matching the guide …"), shown_in=self)
        self.reload()

    @property
    def building(self) -> long_operation.LongOperation | None:
        """The table's build under way in a worker thread, if any."""
        return self._build.operation

    def _answers_tab(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        bar = QHBoxLayout()
        self.group_by = QComboBox(body)
        self.group_by.setObjectName("guideGroupBy")
        # filled after it is first shown: it grows with its entries ("Niet gegroepeerd" was cut to "Niet groe")
        self.group_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.group_by.currentIndexChanged.connect(lambda _i: self._regroup())
        label = QLabel(self.tr("&Group interviews by:"), body)
        label.setBuddy(self.group_by)
        self.code_button = QPushButton(self.tr("&Code confirmed answers"), body)
        self.code_button.setObjectName("codeConfirmedAnswers")
        self.code_button.setToolTip(
            self.tr("Code every confirmed answer to the current question with its code (Ctrl+Z undoes)")
        )
        self.code_button.clicked.connect(self.code_confirmed)
        code_key = QAction(self)
        code_key.setShortcut(QKeySequence("Ctrl+Return"))
        code_key.triggered.connect(self.code_confirmed)
        self.addAction(code_key)
        self.export_button = QPushButton(self.tr("&Export…"), body)
        self.export_button.setObjectName("exportGuide")
        self.export_button.clicked.connect(self.export)
        self.import_button = QPushButton(self.tr("&Import guide…"), body)
        self.import_button.setObjectName("importGuide")
        self.import_button.setToolTip(
            self.tr(
                "Attach the numbered questions of a guide document (.docx, .txt) to the codes with those references"
            )
        )
        self.import_button.clicked.connect(self.import_guide)
        bar.addWidget(label)
        bar.addWidget(self.group_by)
        bar.addStretch(1)
        bar.addWidget(self.code_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.import_button)
        layout.addLayout(bar)
        layout.addWidget(self._no_guide_banner(body))

        split = QSplitter(Qt.Orientation.Horizontal, body)
        self.model = GuideTableModel(self)
        self.table = QTableView(split)
        self.table.setObjectName("guideTable")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setDefaultSectionSize(170)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.selectionModel().currentChanged.connect(lambda current, _previous: self._show(current))
        self.reader = QTextBrowser(split)
        self.reader.setObjectName("guideAnswer")
        self.reader.setPlaceholderText(self.tr("Click a cell to read the whole answer"))
        split.addWidget(self.table)
        split.addWidget(self.reader)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.summary = QLabel(body)
        self.summary.setObjectName("guideSummary")
        layout.addWidget(self.summary)
        return body

    def _no_guide_banner(self, parent: QWidget) -> QWidget:
        """Shown instead of an empty table while the project has no guide: what to do, and the button."""
        self.no_guide = QFrame(parent)
        self.no_guide.setObjectName("noGuide")
        self.no_guide.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.no_guide)
        note = QLabel(
            self.tr(
                "This project has no interview guide yet. Import the guide document (Word or text) with "
                "numbered questions such as 1a, 4b or Vraag 3: each question is attached to the code with "
                "that reference."
            ),
            self.no_guide,
        )
        note.setWordWrap(True)
        self.import_first = QPushButton(self.tr("Import guide…"), self.no_guide)
        self.import_first.setObjectName("importGuideFirst")
        font = self.import_first.font()
        font.setBold(True)
        self.import_first.setFont(font)
        self.import_first.clicked.connect(self.import_guide)
        row.addWidget(note, 1)
        row.addWidget(self.import_first)
        self.no_guide.hide()
        return self.no_guide

    # -- building ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Match the guide again in a worker thread (seconds over a research group's 2,000
        interviews), with a busy bar in the status line; the table shows when it is in (the current
        cell kept where it still exists). A build overtaken by a newer one is dropped."""
        self._build.start(self.workspace.project.guide.table, self._show_table)
        self.review.reload()

    def _show_table(self, table: GuideTable) -> None:
        current = self.table.currentIndex()
        keep = (
            (self.model.entry(current.row()).ref, self.model.column(current.column()).respondent.document)
            if current.isValid()
            else None
        )
        attributes = sorted({key for r in table.respondents for key in r.attributes}, key=str.casefold)
        # first by region, as the Documents panel: "regio" when the metadata sheet was Dutch
        chosen = [self.group_by.currentData() or ""] if self.group_by.count() else list(REGION_KEYS)
        fill_combo(
            self.group_by,
            [(attribute_label(a), a) for a in attributes],
            first=(self.tr("No grouping"), ""),
            choose=chosen,
        )
        self.model.set_table(table, self.group_by.currentData() or None)
        found = sum(1 for _ in table.answers.values())
        confirmed = sum(1 for a in table.answers.values() if a.confirmed)
        self.summary.setText(
            self.tr(
                "{questions} guide questions × {interviews} interviews: {found} answers found, {confirmed} confirmed"
            ).format(
                questions=len(table.questions),
                interviews=len(table.respondents),
                found=found,
                confirmed=confirmed,
            )
            if table.questions
            else self.tr("The project has no guide: import a guide document with Import guide…")
        )
        self.no_guide.setVisible(not table.questions)
        if keep is not None:
            self._select(*keep)

    def _regroup(self) -> None:
        self.model.set_table(self.model.table, self.group_by.currentData() or None)

    def _select(self, ref: str, document: str) -> None:
        row, column = self.model.row_of(ref), self.model.column_of(document)
        if row >= 0 and column >= 0:
            self.table.setCurrentIndex(self.model.index(row, column))

    def _on_change(self, change: Change) -> None:
        if change.touches(Aspect.GUIDE, Aspect.CODES, Aspect.DOCUMENTS, Aspect.SPEAKERS):
            self._pending.start()

    # -- reading and coding --------------------------------------------------------------------
    def _show(self, index: QModelIndex) -> None:
        if not index.isValid():
            self.reader.clear()
            return
        entry = self.model.entry(index.row())
        respondent = self.model.column(index.column()).respondent
        answer = self.model.answer(index)
        parts = [f"<h3>{html.escape(entry.ref)}. {html.escape(entry.question)}</h3>"]
        parts.append(f"<p><b>{html.escape(respondent.document)}</b></p>")
        if answer is None:
            parts.append(
                f"<p><i>{html.escape(self.tr('This interview does not ask the question, or it was not found.'))}</i></p>"
            )
        else:
            parts += [f"<p>{html.escape(line)}</p>" for line in answer.text.splitlines() if line.strip()]
            state = (
                self.tr("Confirmed match")
                if answer.confirmed
                else self.tr("Found by the matcher, confidence {confidence}").format(
                    confidence=number(answer.confidence, ".2f")
                )
            )
            parts.append(f"<p style='color:#667'><i>{html.escape(state)}</i></p>")
        self.reader.setHtml("".join(parts))
        if answer is not None:
            self.jump(respondent.document_id, answer)

    def jump(self, document_id: DocumentId, answer: GuideAnswer) -> None:
        """The transcript shows the answer (from the question that asks it)."""
        self.answerRequested.emit(document_id, answer.asked_at, answer.end)

    def current_question(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()).ref if index.isValid() else None

    def code_confirmed(self) -> WriteOperation | None:
        """Code the confirmed answers to the current question: one undo step, written in a worker
        thread (2,000 interviews' answers at ten times the corpus), a busy bar with Cancel in the
        status line; what was coded is told when it lands."""
        ref = self.current_question()
        if ref is None:
            self.workspace.refuse(self.tr("Click a cell of the question whose answers to code first"))
            return None
        table = self.model.table
        if table is not None and not any(
            answer.confirmed
            for (question, _document), answer in table.answers.items()
            if question == fold(ref)
        ):  # refused at once, by its line (the worker would say the same after reading every answer)
            operations.refuse(
                self, say("no confirmed answer to {ref} to code: confirm its matches first", ref=ref)
            )
            return None
        guide = self.workspace.project.guide

        def coded(result: PassageResult | None) -> None:
            if result is not None and isValid(self):  # None: cancelled, nothing was coded
                operations.tell(
                    self,
                    self.tr(
                        "Coded {count} passage(s) of the confirmed answers to {ref}; {already} had the code already"
                    ).format(count=len(result.codings), ref=ref, already=result.already_coded),
                )

        return write_in_worker(
            self,
            self.workspace.project,
            lambda _progress: guide.code_answers(ref),
            title=self.tr("Code the confirmed answers to {ref}").format(ref=ref),
            success=coded,
            show="status",
            cancellable=True,
            initiator=self,
        )

    def import_guide(self) -> None:
        """Import guide…: a guide document's questions attached to the codes (one undoable step); the
        table is built again from the change it announces."""
        from app.guide.guide_import import import_guide_file  # loaded when first used

        import_guide_file(self, self.workspace)

    def export(self) -> None:
        table = self.model.table
        if table is None:
            return
        name = ask_export_file(
            self,
            self.tr("Export the answers per guide question"),
            self.workspace.project.path,
            self.tr("guide-answers.xlsx"),  # the file name proposed
            self.tr("Excel (*.xlsx);;Word (*.docx)"),
        )
        if name is None:
            return
        from coding.exporting.guide_export import export_answers  # loaded when first used

        title = self.workspace.project.path.stem
        written = operations.attempt(
            self,  # the dialog asked before replacing a file
            lambda: export_answers(table, Path(name), by=self.model.attribute, title=title, overwrite=True),
        )
        if written is not None:
            operations.tell(self, self.tr("Wrote {path}").format(path=written))


def show_guide(window: MainWindow) -> None:
    """Analysis → Interview guide…: the window made when first asked for, closed with the project."""
    if window.workspace is None:
        return
    guide = window.findChild(GuideWindow, OBJECT_NAME)
    if guide is None:
        guide = GuideWindow(
            window.workspace, [window.window_actions.undo, window.window_actions.redo], window
        )
        guide.setWindowFlag(Qt.WindowType.Window, True)
        guide.answerRequested.connect(
            lambda document_id, start, end: _show_span(window, document_id, start, end)
        )
    guide.show()
    guide.raise_()
    guide.activateWindow()


def _show_span(window: MainWindow, document_id: DocumentId, start: int, end: int) -> None:
    window.open_document(document_id)
    window.view.select_span(start, end, centre=True)
