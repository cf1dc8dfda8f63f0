"""Speakers: confirm the detected speakers — rename them (``Interviewer`` → ``I``; the same name
merges two), mark the interviewers, drop labels that are no speaker — edit the project's label
patterns, and code all turns of a speaker ("all answers of R5") with one code. Every change is one
undoable action; the turns follow at once.

The dialog acts through ``app.widgets.operations`` (what happened, or why not, in its status line)
and shows what the project's change notifications say: a rename here, an undo in the window or a
change made by a script through the project all show without reopening it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.codebook.code_picker import CodePicker
from app.shell.latest_read import LatestRead
from app.shell.project_bridge import ProjectBridge
from app.speakers.speaker_table_model import DOCUMENTS, INTERVIEWER, NAME, SpeakerTableModel
from app.widgets import long_operation, operations
from app.widgets.combo_fill import fill_combo
from app.widgets.worker_write import WriteOperation, write_in_worker
from coding import Aspect, Change, Project
from coding.core.ids import CodeId, DocumentId
from coding.speakers.speaker_service import PassageResult, SpeakerInfo

if TYPE_CHECKING:
    from app.shell.workspace import Workspace

ALL = -1


class SpeakersDialog(QDialog):
    """With a ``workspace`` (the window's), the speakers are read in a worker thread with a busy bar in
    the status line (every document's turns: seconds over a research group's 2,000), on opening and
    after every change, the selection kept when the rows arrive; without one they are read at once."""

    def __init__(
        self,
        project: Project,
        parent: QWidget | None = None,
        documents: Sequence[DocumentId] | None = None,
        *,
        workspace: Workspace | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("speakersDialog")
        self.setWindowTitle(QCoreApplication.translate("SpeakersDialog", "Speakers"))
        self.resize(760, 560)
        self.project = project
        self.workspace = workspace
        self.documents = None if documents is None else list(documents)
        self._reader = LatestRead(self, workspace, title=self.tr("Reading the speakers …"), shown_in=self)
        self._keep: list[str] = []  # the names to select again when the rows arrive
        self.bridge = ProjectBridge(project, self)  # stops listening when the dialog goes

        self.scope = QComboBox(self)
        self.scope.setObjectName("speakerScope")
        self._fill_scope()
        self.scope_note = QLabel(self)
        self.scope_note.setWordWrap(True)

        self.model = SpeakerTableModel(project, self.documents, self, read=False)  # read by _scope_changed
        # a name typed while an action is written: kept until it is written (also when the dialog closed first)
        self.model.typed = workspace.typed if workspace is not None else self.bridge.typed
        self.view = QTableView(self)
        self.view.setObjectName("speakerTable")
        self.view.setAccessibleName(QCoreApplication.translate("SpeakersDialog", "Speakers"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        # a click on a header sorts (names naturally: R2 before R10); unsorted at first, interviewers first
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DOCUMENTS, QHeaderView.ResizeMode.Stretch)
        self.not_speaker_button = QPushButton(
            QCoreApplication.translate("SpeakersDialog", "Not a speaker"), self
        )
        self.not_speaker_button.setToolTip(
            self.tr("The label (e.g. 'Toelichting:') is no speaker: its lines join the turn before")
        )
        self.code_turns_button = QPushButton(
            QCoreApplication.translate("SpeakersDialog", "Code all turns…"), self
        )
        self.code_turns_button.setObjectName("codeTurnsButton")
        self.code_turns_button.setToolTip(
            self.tr(
                "Code the words of every turn of the selected speaker(s) with one code, "
                "in the documents chosen above (labels and timestamps are left out)"
            )
        )
        #: How a code picker is shown (tests replace it to drive the picker themselves).
        self.pick_code: Callable[[CodePicker], object] = lambda picker: picker.open()

        patterns_box = QGroupBox(
            self.tr("Speaker label patterns (regular expressions with a (?P<speaker>…) group)"), self
        )
        self.patterns_state = QLabel(patterns_box)
        self.patterns_state.setObjectName("patternsInUse")
        self.patterns_state.setWordWrap(True)
        self.patterns_edit = QPlainTextEdit(patterns_box)
        self.patterns_edit.setObjectName("speakerPatterns")
        self.patterns_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.patterns_edit.setMaximumHeight(90)
        self.patterns_edit.setPlaceholderText(
            self.tr(
                "Your own patterns, one regular expression per line, matched at the start of a line, e.g."
            )
            + "\n(?P<speaker>Vraag|Antwoord)\\s*\\d*:"
        )
        self.apply_patterns_button = QPushButton(
            QCoreApplication.translate("SpeakersDialog", "Apply and detect again"), patterns_box
        )
        self.default_patterns_button = QPushButton(
            QCoreApplication.translate("SpeakersDialog", "Default patterns"), patterns_box
        )
        pattern_buttons = QVBoxLayout()
        pattern_buttons.addWidget(self.apply_patterns_button)
        pattern_buttons.addWidget(self.default_patterns_button)
        pattern_buttons.addStretch(1)
        pattern_row = QHBoxLayout()
        pattern_row.addWidget(self.patterns_edit, 1)
        pattern_row.addLayout(pattern_buttons)
        pattern_layout = QVBoxLayout(patterns_box)
        pattern_layout.addWidget(self.patterns_state)
        pattern_layout.addLayout(pattern_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.status = operations.add_status_line(self)
        scope_row = QHBoxLayout()
        scope_row.addWidget(QLabel(QCoreApplication.translate("SpeakersDialog", "Speakers of"), self))
        scope_row.addWidget(self.scope, 1)
        actions = QHBoxLayout()
        actions.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "SpeakersDialog",
                    "Double-click a name to rename it; the name of another speaker merges the two.",
                ),
                self,
            ),
            1,
        )
        actions.addWidget(self.code_turns_button)
        actions.addWidget(self.not_speaker_button)
        layout = QVBoxLayout(self)
        layout.addLayout(scope_row)
        layout.addWidget(self.scope_note)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(patterns_box)
        layout.addWidget(buttons)
        layout.addWidget(self.status)

        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.bridge.changed.connect(self._on_change)
        self.not_speaker_button.clicked.connect(self.mark_not_speaker)
        self.code_turns_button.clicked.connect(self.pick_code_for_turns)
        self.apply_patterns_button.clicked.connect(self.apply_patterns)
        self.default_patterns_button.clicked.connect(self.default_patterns)
        self._show_patterns()
        self._scope_changed()

    def _fill_scope(self) -> None:
        infos = self.project.documents.list(with_counts=False)
        fill_combo(
            self.scope,
            [(i.name, i.id) for i in infos if self.documents is None or i.id in self.documents],
            first=(
                self.tr("All documents") if self.documents is None else self.tr("The imported documents"),
                ALL,
            ),
            choose=(self.scope.currentData(),),
        )

    def _on_change(self, change: Change) -> None:
        """Speakers live in the turns of the documents and in the project's settings (names,
        interviewers, patterns): show them again when either changed, keeping the selection."""
        if not change.touches(Aspect.SPEAKERS, Aspect.DOCUMENTS, Aspect.SETTINGS):
            return
        selected = self._selected_names()
        document = self.scope.currentData()
        self._fill_scope()
        if self.scope.currentData() != document:  # the document shown is gone
            self._scope_changed()
        else:
            self._read(keep=selected)
        self._show_patterns()

    @property
    def reading(self) -> long_operation.LongOperation | None:
        """The speakers' read under way in a worker thread, if any."""
        return self._reader.operation

    def _read(self, keep: Sequence[str] = ()) -> None:
        """Show the speakers of the model's documents, selecting ``keep`` again: read in a worker
        thread when the dialog has a workspace (a read overtaken by a newer one is dropped, its
        selection kept for the newer one), else at once."""
        documents = self.model.documents
        speakers = self.project.speakers
        if self.workspace is None:
            self._arrived(speakers.list(documents), list(keep))
            return
        if self._reader.busy:  # overtaken: its rows are not shown, its selection is kept
            keep = list(dict.fromkeys([*self._keep, *keep]))
        self._keep = list(keep)
        self._reader.start(lambda: speakers.list(documents), lambda infos: self._arrived(infos, self._keep))

    def _arrived(self, infos: list[SpeakerInfo], keep: Sequence[str]) -> None:
        self.model.set_records(infos)
        for name in keep:
            row = self.model.row_of(name)
            if row >= 0:
                self.view.selectionModel().select(
                    self.model.index(row, NAME),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _scope_changed(self, *_args: object) -> None:
        document = self.scope.currentData()
        if document == ALL:
            self.model.rename_in = None
            self.model.documents = self.documents
            self.scope_note.setText(
                QCoreApplication.translate(
                    "SpeakersDialog", "Renames apply in every document of the project."
                )
            )
        else:
            self.model.rename_in = DocumentId(document)
            self.model.documents = [DocumentId(document)]
            self.scope_note.setText(
                self.tr("Renames apply in '{name}' only.").format(name=self.scope.currentText())
            )
        self._read()

    def _show_patterns(self) -> None:
        speakers = self.project.speakers
        if speakers.uses_default_patterns():
            self.patterns_state.setText(
                self.tr(
                    "In use: the default patterns. A turn starts at a line that begins with a label such as "
                    "<b>I:</b>, <b>R5:</b>, <b>Interviewer:</b>, <b>Respondent A:</b> or <b>Jan de Vries:</b>, "
                    "with or without a timestamp such as [00:12:31], (12:31) or 00:12:31 before or after it."
                )
            )
            self.patterns_edit.setPlainText("")
        else:
            self.patterns_state.setText(
                QCoreApplication.translate("SpeakersDialog", "In use: the project's own patterns below.")
            )
            self.patterns_edit.setPlainText("\n".join(speakers.patterns()))

    def select(self, name: str) -> None:
        row = self.model.row_of(name)
        if row >= 0:
            self.view.selectRow(row)

    def mark_not_speaker(self) -> None:
        names = self._selected_names()
        if not names:
            operations.refuse(
                self, QCoreApplication.translate("SpeakersDialog", "Select a speaker in the table first.")
            )
            return

        def mark() -> None:
            for name in names:
                self.project.speakers.set_not_speaker(name)

        if operations.perform(self, mark, initiator=self):
            operations.tell(
                self,
                self.tr("{names}: no speaker; the lines belong to the turn before (undo with Ctrl+Z)").format(
                    names=", ".join(names)
                ),
            )

    def _selected_names(self) -> list[str]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.speaker(row).name for row in rows]

    def _scope_documents(self) -> list[DocumentId] | None:
        """The documents the scope box names: one, the imported ones, or all (``None``)."""
        document = self.scope.currentData()
        return self.documents if document == ALL else [DocumentId(document)]

    def pick_code_for_turns(self) -> CodePicker | None:
        """The code picker for "code all turns of the selected speaker(s)"."""
        names = self._selected_names()
        if not names:
            operations.refuse(
                self, QCoreApplication.translate("SpeakersDialog", "Select a speaker in the table first.")
            )
            return None
        where = (
            self.scope.currentText() if self.scope.currentData() != ALL else self.scope.currentText().lower()
        )
        picker = CodePicker(
            self.project.codes.tree(),
            self,
            title=self.tr("Code all turns of {names} ({where}) with…").format(
                names=", ".join(names), where=where
            ),
            allow_create=False,
        )
        picker.picked.connect(lambda code_id: self.code_turns(code_id, names))
        self.pick_code(picker)
        return picker

    def code_turns(self, code_id: CodeId, names: Sequence[str]) -> WriteOperation | None:
        """Code every turn of ``names`` (in the chosen documents) with the code: one undo step, written
        in a worker thread (200,000 turns of the interviewer at ten times the corpus froze the window for
        a minute), with a busy bar and Cancel in the status line; what was coded is told when it lands."""
        documents = self._scope_documents()
        code = self.project.codes.get(code_id).name
        who = ", ".join(names)

        def coded(result: PassageResult | None) -> None:
            if result is None or not isValid(self):  # cancelled: nothing was coded
                return
            if not result.codings:
                operations.tell(
                    self,
                    self.tr("All {count} turn(s) of {names} already have {code}.").format(
                        count=result.already_coded, names=who, code=code
                    ),
                )
                return
            already = (
                self.tr(" ({count} already had it)").format(count=result.already_coded)
                if result.already_coded
                else ""
            )
            operations.tell(
                self,
                self.tr("Coded {count} turn(s) of {names} with {code}{already} (undo with Ctrl+Z).").format(
                    count=len(result.codings), names=who, code=code, already=already
                ),
            )

        return write_in_worker(
            self,
            self.project,
            lambda _progress: self.project.speakers.code_turns(code_id, list(names), documents=documents),
            title=self.tr("Code all turns of {names} with {code}").format(names=who, code=code),
            success=coded,
            show="status",
            cancellable=True,
            initiator=self,
        )

    def apply_patterns(self) -> None:
        patterns = [line for line in self.patterns_edit.toPlainText().splitlines() if line.strip()]
        changed = operations.attempt(
            self, lambda: self.project.speakers.set_patterns(patterns), initiator=self
        )
        if changed is not None:
            operations.tell(
                self, self.tr("Turns detected again; {count} document(s) changed.").format(count=len(changed))
            )

    def default_patterns(self) -> None:
        changed = operations.attempt(self, lambda: self.project.speakers.set_patterns(None), initiator=self)
        if changed is not None:
            operations.tell(
                self, self.tr("Default patterns; {count} document(s) changed.").format(count=len(changed))
            )

    def edit_name(self, name: str) -> None:
        """Start editing a speaker's name in the table (as a double-click does)."""
        row = self.model.row_of(name)
        if row >= 0:
            index = self.model.index(row, NAME)
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def toggle_interviewer(self, name: str) -> None:
        row = self.model.row_of(name)
        if row >= 0:
            index = self.model.index(row, INTERVIEWER)
            state = self.model.data(index, Qt.ItemDataRole.CheckStateRole)
            new = Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked
            self.model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)
