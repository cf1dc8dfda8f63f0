"""The review queue of suggested codings: per code or per document, each with its reason.

Accept codes the passage, reject remembers the decision, the span can be adjusted first, and
"Accept all" takes every open suggestion of the chosen code. Every decision is undoable, and the next
search learns from it (an accepted passage is one more example of its code, a rejected one pushes what
resembles it down). "Find suggestions" first brings the search index up to date in a worker thread
(progress in the status line, Cancel there), then finds the suggestions in a worker thread too and stores
them. Above the list, how far to trust the chosen code's suggestions: the precision measured by
"Measure precision" (leave-one-document-out against what is coded, which also sets each code's threshold),
or that too little is coded to tell.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.codebook.code_combo import CodeComboBox
from app.language.suggestion_table import SuggestionTable, details_html, likeliest_first
from app.shell.latest_read import LatestRead
from app.shell.workspace import Workspace
from app.widgets import long_operation, operations
from app.widgets.combo_fill import fill_combo
from app.widgets.translated import QT_TRANSLATE_NOOP
from app.widgets.worker_write import write_in_worker
from coding import Aspect, Change
from coding.core.ids import CodeId, CodingId
from coding.core.numbers import percent
from coding.language.suggestions.calibration import Calibration
from coding.language.suggestions.listing import SuggestionInfo

if TYPE_CHECKING:
    from coding.language.suggestions.candidates import Candidate

#: The status line while indexing (its start also recognises it).
INDEXING_TEXT = QT_TRANSLATE_NOOP("SuggestionQueue", "Indexing for suggestions {percent}% {name}")


class SuggestionQueue(QWidget):
    """``passageActivated(document_id, start, end)`` when a suggestion is double-clicked."""

    passageActivated = Signal(object, int, int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.bridge = workspace.bridge
        self.project = workspace.project
        self.service = self.project.assist.suggestions
        # The window shares one indexer per project, so two indexing threads never run at once.
        self.indexer = workspace.indexer
        # The stored suggestions, listed in a worker thread (see :meth:`reload`).
        self._listing = LatestRead(
            self,
            workspace,
            title=QCoreApplication.translate("SuggestionQueue", "Listing the suggestions …"),
            shown_in=self,
        )
        # the Document box's entries, read in a worker thread (see _fill_documents)
        self._documents = LatestRead(
            self, workspace, title=QCoreApplication.translate("SuggestionQueue", "Listing the documents …")
        )

        self.scope = CodeComboBox(any_label=QCoreApplication.translate("SuggestionQueue", "All codes"))
        self.document = QComboBox()
        self.document.setAccessibleName(QCoreApplication.translate("SuggestionQueue", "Document"))
        self.find_button = QPushButton(QCoreApplication.translate("SuggestionQueue", "Find suggestions"))
        self.measure_button = QPushButton(QCoreApplication.translate("SuggestionQueue", "Measure precision"))
        self.measure_button.setToolTip(
            self.tr(
                "Score the suggestions against what is coded, each document as if it were not coded yet, "
                "and set each code's threshold from it"
            )
        )
        self.trust = QLabel()
        self.trust.setAccessibleName(
            QCoreApplication.translate("SuggestionQueue", "How far to trust these suggestions")
        )
        self.trust.setWordWrap(True)
        self.trust.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = SuggestionTable()
        self.model = self.table.suggestions
        self.details = QTextBrowser()
        self.details.setAccessibleName(QCoreApplication.translate("SuggestionQueue", "Suggestion details"))
        self.details.setOpenLinks(False)
        self.start = QSpinBox()
        self.start.setAccessibleName(QCoreApplication.translate("SuggestionQueue", "Passage start"))
        self.end = QSpinBox()
        self.end.setAccessibleName(QCoreApplication.translate("SuggestionQueue", "Passage end"))
        for box in (self.start, self.end):
            box.setRange(0, 0)
            box.setKeyboardTracking(False)
        self.adjust_button = QPushButton(QCoreApplication.translate("SuggestionQueue", "Set span"))
        # Alt+A / Alt+R decide on the current suggestion from anywhere in the queue (the table keeps the focus)
        self.accept_button = QPushButton(QCoreApplication.translate("SuggestionQueue", "&Accept"))
        self.reject_button = QPushButton(QCoreApplication.translate("SuggestionQueue", "&Reject"))
        self.accept_all_button = QPushButton(
            QCoreApplication.translate("SuggestionQueue", "Accept all for this code")
        )
        self.status = operations.add_status_line(self)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(QCoreApplication.translate("SuggestionQueue", "Code")))
        filters.addWidget(self.scope, 2)
        filters.addWidget(QLabel(QCoreApplication.translate("SuggestionQueue", "Document")))
        filters.addWidget(self.document, 1)
        filters.addWidget(self.find_button)
        filters.addWidget(self.measure_button)
        actions = QHBoxLayout()
        actions.addWidget(self.accept_button)
        actions.addWidget(self.reject_button)
        actions.addSpacing(16)
        actions.addWidget(QLabel(QCoreApplication.translate("SuggestionQueue", "Span")))
        actions.addWidget(self.start)
        actions.addWidget(QLabel("–"))
        actions.addWidget(self.end)
        actions.addWidget(self.adjust_button)
        actions.addStretch(1)
        actions.addWidget(self.accept_all_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details)
        lower_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.trust)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        # Tab as the eye reads: the list, its details, then the buttons left to right
        order = (self.table, self.details, self.accept_button, self.reject_button, self.start, self.end,
                 self.adjust_button, self.accept_all_button)  # fmt: skip
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

        self.find_button.clicked.connect(self.find_suggestions)
        self.measure_button.clicked.connect(self.measure)
        self.scope.currentIndexChanged.connect(self.reload)
        self.document.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.table.doubleClicked.connect(self._activate)
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.adjust_button.clicked.connect(self.adjust_current)
        self.accept_all_button.clicked.connect(self.accept_all)
        self.indexer.progress.connect(self._on_index_progress)
        self.indexer.finished.connect(self._on_indexed)
        self.indexer.failed.connect(self._on_indexed)
        self.bridge.changed.connect(self._on_change)
        self.scope.set_tree(self.project.codes.tree())
        self._fill_documents()
        self._calibration: Calibration | None = self.service.calibration()
        self._operation: long_operation.LongOperation | None = None
        #: What a find computed being stored for the next session, after its suggestions are shown (:meth:`_keep`).
        self._keeping: long_operation.LongOperation | None = None
        #: Suggestions are being found (after indexing): Find stays disabled until they are stored.
        self._finding = False
        self.reload()

    # -- the list ------------------------------------------------------------------------
    def _fill_documents(self) -> None:
        """List the documents for the Document box in a worker thread (on the GUI thread, opening the window
        held it 0.6–1.3 s at ten times the corpus while the other reads ran); until they arrive the box offers
        "All documents" and keeps what was chosen."""
        if not self.document.count():
            self._take_documents([])
        documents = self.project.documents
        self._documents.start(
            lambda: [(doc.name, doc.id) for doc in documents.list(with_counts=False)], self._take_documents
        )

    def _take_documents(self, entries: Sequence[tuple[str, object]]) -> None:
        chosen = self.document.currentData()
        fill_combo(
            self.document,
            entries,
            first=(QCoreApplication.translate("SuggestionQueue", "All documents"), None),
            choose=(chosen,),
        )
        gone = self.document.currentData() != chosen  # the chosen document is gone: all documents now
        if gone and not self._finding:
            self.reload()

    @Slot()
    def reload(self) -> None:
        """Show the stored open suggestions for the chosen code and document, listed in a worker thread
        (246,000 of them after a Find at ten times the corpus: seconds) with a busy bar in the status line;
        a newer listing overtakes an older one, and the current suggestion stays current when they arrive."""
        code, document = self.scope.code_id(), self.document.currentData()
        self._listing.drop()
        self._show_trust()  # the chosen code's trust at once; its rows when they arrive
        self._listing.start(
            lambda: likeliest_first(self.service.list(code, document=document)),
            lambda items: self._show(items, ranked=True),
        )
        self._update_buttons()  # no decisions on rows that are being listed again

    @property
    def reading(self) -> long_operation.LongOperation | None:
        """The stored suggestions' listing under way in a worker thread, if any."""
        return self._listing.operation

    def _show(self, items: list[SuggestionInfo], *, ranked: bool = False) -> None:
        """Show ``items``: the open suggestions for the chosen code and document, as listed (``ranked``:
        already the likeliest first)."""
        if not self.table.show_items(items, ranked=ranked):
            self._show_current(QModelIndex())
        self._update_buttons()
        self._show_trust()

    @Slot()
    def find_suggestions(self) -> None:
        """Look for suggestions again (terms, guide questions, similar passages): the search index is
        brought up to date in the background first (the long part), then they are found and stored."""
        code = self.scope.code_id()
        self.find_button.setEnabled(False)
        if self.indexer.running:
            self.indexer.after(lambda: self._store_suggestions(code))
        else:  # whether documents need indexing is judged in the worker (every text hashed: 1.9 s at 10×)
            self._store_suggestions(code, check=not self.project.is_team_project)

    def _store_suggestions(self, code: CodeId | None, *, check: bool = False) -> None:
        """Find in a worker thread (reading only), then store in a worker thread too: one command,
        committed there, one undoable action recorded and announced on the GUI thread (storing
        35,748 of them and listing them took seconds of a frozen window at ten times the corpus).
        With ``check`` the worker first looks whether documents need indexing; if so they are
        indexed in the background first, then found."""
        self._finding = True
        self.find_button.setEnabled(False)
        self.status.showMessage(QCoreApplication.translate("SuggestionQueue", "Finding suggestions …"))
        assist = self.project.assist  # created on the GUI thread, not in the worker
        # what is garbage in cycles, collected here, on the GUI thread: the find in the worker does not (a
        # collection there would delete the window's Qt objects among it from the wrong thread)
        gc.collect()

        def find(_progress: long_operation.Progress) -> list[Candidate] | None:
            return None if check and assist.stale() else self.service.candidates(code)

        self._operation = long_operation.LongOperation(
            self,
            find,
            title=QCoreApplication.translate("SuggestionQueue", "Finding suggestions"),
            success=lambda found: (
                self._index_first(code) if found is None else self._store_found(code, found)
            ),
            failure=lambda _error: self._found_nothing(),
            show="none",
            initiator=self,
        ).start()

    def _index_first(self, code: CodeId | None) -> None:
        if isValid(self):
            self._finding = False
            self.indexer.start()
            self.indexer.after(lambda: self._store_suggestions(code))

    def _store_found(self, code: CodeId | None, found: list[Candidate]) -> None:
        if not isValid(self):
            return
        self._operation = write_in_worker(
            self,
            self.project,
            lambda _progress: likeliest_first(self.service.store(code, found)),  # sorted there too
            title=QCoreApplication.translate("SuggestionQueue", "Finding suggestions"),
            success=lambda items: self._stored(code, items),
            failure=lambda _error: self._found_nothing(),
            show="status",
            cancellable=True,
            initiator=self,
        )

    def shutdown(self) -> None:
        """Stop finding or measuring (the window closes with the project): nothing more is stored; what a find
        computed for the next session stops being stored after the part under way (≤ 8 MiB)."""
        if self._operation is not None and self._operation.running:
            self._operation.shutdown()
        self._operation = None
        if self._keeping is not None and self._keeping.running:
            self._keeping.shutdown()
        self._keeping = None
        self._listing.shutdown()
        self._documents.shutdown()
        self._finding = False

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def _found_nothing(self) -> None:
        self._finding = False
        self.find_button.setEnabled(True)
        if isValid(self):
            self.reload()  # what changed while it searched

    def _stored(self, code: CodeId | None, items: list[SuggestionInfo] | None) -> None:
        self._finding = False
        self.find_button.setEnabled(True)
        if items is None:  # cancelled before the commit: nothing was stored
            self.reload()
            self._keep()
            return
        if code == self.scope.code_id() and self.document.currentData() is None:
            self._listing.drop()  # a listing under way is not shown: these rows replace it
            self._show(
                items, ranked=True
            )  # what the store listed is what reload would list again (35,748 rows at 10×)
        else:
            self.reload()
        operations.tell(
            self,
            self.tr("{count} open suggestion(s). Nothing is coded until you accept.").format(
                count=len(items)
            ),
        )
        self._keep()  # after the suggestions are shown

    def _keep(self) -> None:
        """Store what the find computed for the next session's first find (≈ 1 s at ten times the corpus), once
        its suggestions are stored: in a worker, the window answering meanwhile; closing the project stops it
        between two parts (:meth:`shutdown`), and what is left is computed again in the next session; one at a time:
        what a find computes while one is under way waits for the next."""
        if self._keeping is not None and self._keeping.running:
            return
        service = self.service
        self._keeping = long_operation.LongOperation(
            self,
            lambda progress: service.keep_for_next_session(stop=lambda: progress.cancelled),
            title=QCoreApplication.translate("SuggestionQueue", "Finding suggestions"),
            show="none",
            cancellable=True,
        ).start()

    @property
    def keeping(self) -> long_operation.LongOperation | None:
        """What a find computed being stored for the next session (:meth:`_keep`), if under way."""
        return self._keeping

    @Slot()
    def measure(self) -> None:
        """Measure each code's precision leave-one-document-out in a worker thread and store the thresholds."""
        self.measure_button.setEnabled(False)
        self.status.showMessage(
            QCoreApplication.translate("SuggestionQueue", "Measuring how far to trust the suggestions …")
        )

        def done(calibration: Calibration) -> None:
            self.measure_button.setEnabled(True)
            self._calibration = calibration
            self._show_trust()
            measured = sum(1 for c in calibration.codes if c.enough)
            operations.tell(
                self,
                self.tr(
                    "Measured {measured} code(s) over {documents} coded document(s); "
                    "{unmeasured} with too little coded to tell."
                ).format(
                    measured=measured,
                    documents=calibration.documents,
                    unmeasured=len(calibration.codes) - measured,
                ),
            )

        def store(calibration: Calibration) -> Calibration:
            self.service.store_calibration(calibration)
            return calibration

        self._operation = long_operation.LongOperation(
            self,
            lambda _progress: self.service.measure_calibration(),
            title=QCoreApplication.translate("SuggestionQueue", "Measuring suggestions"),
            apply=store,
            success=done,
            failure=lambda _error: self.measure_button.setEnabled(True),
            show="none",
            initiator=self,
        ).start()

    def trust_text(self, code_id: CodeId | None) -> str:
        """How far to trust the suggestions of ``code_id`` (all codes: ``None``), as measured."""
        calibration = self._calibration
        if calibration is None:
            return self.tr(
                "Not measured yet: “Measure precision” scores the suggestions against what you coded "
                "(each document as if it were not coded yet)."
            )
        if code_id is None:
            enough = [c for c in calibration.codes if c.enough and c.precision is not None]
            if not enough:
                return self.tr(
                    "Too little coded to tell for every code: code a few more passages, then measure again."
                )
            low, high = min(c.precision or 0.0 for c in enough), max(c.precision or 0.0 for c in enough)
            return self.tr(
                "Measured precision per code {low}–{high} ({count} codes); {unmeasured} with too little coded "
                "to tell. Choose a code for its figures."
            ).format(
                low=percent(low),
                high=percent(high),
                count=len(enough),
                unmeasured=len(calibration.codes) - len(enough),
            )
        found = calibration.by_code().get(code_id)
        name = self.project.codes.get(code_id).name
        if found is None:
            return self.tr("{code}: not measured (nothing was coded with it when measured last).").format(
                code=name
            )
        return f"{name}: {found.describe()}"

    def _show_trust(self) -> None:
        code_id = self.scope.code_id()
        if code_id is None:
            current = self.current()
            code_id = current.code_id if current is not None else None
        self.trust.setText(self.trust_text(code_id))

    @Slot(int, str)
    def _on_index_progress(self, percent: int, name: str) -> None:
        if not self.find_button.isEnabled():  # this queue is waiting for it
            self.status.showMessage(
                QCoreApplication.translate("SuggestionQueue", INDEXING_TEXT)
                .format(percent=percent, name=name)
                .rstrip()
            )

    @Slot(object)
    def _on_indexed(self, _outcome: object) -> None:
        """Indexing ended; when it was cancelled or failed, finding is possible again."""
        if not self.indexer.running:
            self.find_button.setEnabled(not self._finding)
            if self.status.currentMessage().startswith(
                QCoreApplication.translate("SuggestionQueue", INDEXING_TEXT).split("{")[0]
            ):
                self.status.clearMessage()

    def current(self) -> SuggestionInfo | None:
        return self.table.current()

    def selected(self) -> list[SuggestionInfo]:
        return self.table.selected()

    def select(self, suggestion_id: int) -> None:
        self.table.select(suggestion_id)

    @Slot(QModelIndex)
    def _show_current(self, index: QModelIndex | None = None) -> None:
        s = self.current()
        self._show_trust()
        text = self.project.documents.text(s.document_id) if s is not None else ""
        self.details.setHtml(details_html(s, text))
        for box in (self.start, self.end):
            box.blockSignals(True)
            box.setRange(0, len(text))
            box.blockSignals(False)
        if s is not None:
            self.start.setValue(s.start)
            self.end.setValue(s.end)

    def _activate(self, index: QModelIndex) -> None:
        s = self.model.item(index.row())
        self.passageActivated.emit(s.document_id, s.start, s.end)

    # -- decisions -----------------------------------------------------------------------
    @Slot()
    def accept_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        self._keep_focus_in_list()
        created = operations.attempt(
            self, lambda: self.service.accept([s.id for s in chosen]), initiator=self
        )
        if created is not None:
            operations.tell(
                self,
                self.tr("Accepted {count} suggestion(s): {new} new coding(s).").format(
                    count=len(chosen), new=len(created)
                ),
            )

    @Slot()
    def reject_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        self._keep_focus_in_list()
        if operations.perform(self, lambda: self.service.reject([s.id for s in chosen]), initiator=self):
            operations.tell(
                self,
                self.tr("Rejected {count} suggestion(s); they will not be offered again.").format(
                    count=len(chosen)
                ),
            )

    def _keep_focus_in_list(self) -> None:
        """A decision pressed on its button (Space, a click) leaves the focus in the list, on the next
        suggestion: the buttons are disabled while the queue lists again, and Qt moved the focus from
        them to the span's start, where the next key typed changed the span."""
        if self.focusWidget() in (self.accept_button, self.reject_button):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def adjust_current(self) -> None:
        s = self.current()
        if s is None:
            return
        start, end = self.start.value(), self.end.value()
        if operations.perform(self, lambda: self.service.adjust(s.id, start, end), initiator=self):
            self.select(s.id)
            operations.tell(
                self, QCoreApplication.translate("SuggestionQueue", "Span adjusted; accept to code it.")
            )

    @Slot()
    def accept_all(self) -> None:
        code_id = self.scope.code_id()
        if code_id is None:
            operations.refuse(
                self,
                QCoreApplication.translate(
                    "SuggestionQueue", "Choose a code first: accept all works per code."
                ),
            )
            return
        name = self.project.codes.get(code_id).name

        def accepted(created: list[CodingId] | None) -> None:
            if created is not None and isValid(self):  # None: cancelled, nothing was coded
                operations.tell(
                    self,
                    self.tr("Accepted every open suggestion for {code}: {new} new coding(s).").format(
                        code=name, new=len(created)
                    ),
                )

        # In a worker thread: thousands of codings (and their undo) at ten times the corpus took seconds
        # of a frozen window; a busy bar with Cancel in the status line meanwhile.
        self._operation = write_in_worker(
            self,
            self.project,
            lambda _progress: self.service.accept_all(code_id),
            title=QCoreApplication.translate("SuggestionQueue", "Accept all suggestions for {code}").format(
                code=name
            ),
            success=accepted,
            show="status",
            cancellable=True,
            initiator=self,
        )

    def _update_buttons(self) -> None:
        has_rows = self.model.rowCount() > 0 and self.reading is None
        for button in (self.accept_button, self.reject_button, self.adjust_button):
            button.setEnabled(has_rows)
        self.accept_all_button.setEnabled(has_rows and self.scope.code_id() is not None)

    @Slot(object)
    def _on_change(self, change: Change) -> None:
        if change.touches(Aspect.CODES):
            self.scope.set_tree(self.project.codes.tree())
        if change.touches(Aspect.DOCUMENTS):
            self._fill_documents()
        if change.touches(Aspect.SETTINGS):
            self._calibration = self.service.calibration()
            self._show_trust()
        if self._finding:  # the rows the store lists when it is done are shown then (or listed again)
            return
        if change.touches(Aspect.SUGGESTIONS, Aspect.CODINGS, Aspect.CODES, Aspect.DOCUMENTS):
            self.reload()
