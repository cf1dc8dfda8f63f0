"""File → Import documents: three pages. First what to import and how (``app.importing.import_setup``:
files and folders, picked or dropped, a metadata sheet, attributes for all files, what to do with
documents already in the project); then the import runs with a progress bar and Cancel; then a
summary says what happened (``app.importing.import_summary``).

The import is one long operation (``app.widgets.operations``): a worker thread reads and parses
the files (``prepare_file``, which never touches the project), at most ``LOOKAHEAD`` files ahead;
each prepared file is stored on the GUI thread, so the project's connections, the undo stack and
the change notifications stay there. The whole import is one undo group (one transaction, one undo
step, one change when it finishes); a file the project refuses is rolled back on its own. Cancel stops after the file
being stored. A file the project refuses in an unforeseen way is listed as skipped with the reason
(the details go to the log) and the others are imported.

Use from the window::

    dialog = ImportDialog(project, parent=window, paths=dropped_paths)
    dialog.open()
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.importing.import_setup import ASK, REPLACE, ImportSetup
from app.importing.import_summary import summary_html, summary_title
from app.importing.replace_question import ReplaceQuestion
from app.media.recording_offer import RecordingOffer
from app.speakers.speakers_dialog import SpeakersDialog
from app.widgets import operations
from app.widgets.file_drop import dropped_paths
from app.widgets.long_operation import LongOperation, Progress
from coding import Project
from coding.core.errors import DiskFullError
from coding.importing.import_service import (
    Duplicate,
    ImportBatch,
    ImportProblem,
    ImportReport,
    PreparedFile,
    ReplaceDecision,
    prepare_file,
)

if TYPE_CHECKING:
    from app.shell.workspace import Workspace

SETUP, PROGRESS, SUMMARY = range(3)
#: Files the worker prepares ahead of what has been stored.
LOOKAHEAD = 2

log = logging.getLogger(__name__)


class ImportDialog(QDialog):
    """The import dialog. ``importFinished(ImportReport)`` when an import has run;
    ``replaceQuestion(QMessageBox)`` just before the replace question shows (for tests and tours)."""

    importFinished = Signal(object)
    replaceQuestion = Signal(object)

    def __init__(
        self,
        project: Project,
        parent: QWidget | None = None,
        paths: Sequence[Path] = (),
        *,
        workspace: Workspace | None = None,
    ) -> None:
        """``workspace`` (the window's): the speakers step reads its list in a worker thread."""
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Import documents"))
        self.setAcceptDrops(True)
        self.resize(900, 640)
        self.project = project
        self.workspace = workspace
        self.run: LongOperation | None = None
        self.report: ImportReport | None = None
        self.speakers_dialog: SpeakersDialog | None = None
        self.question: QMessageBox | None = None
        self._answer_all: bool | None = None
        self._batch: ImportBatch | None = None
        self._replace: ReplaceDecision = False
        self._total = self._done = 0

        self.setup = ImportSetup(project, self)
        self.setup.buttons.accepted.connect(self.start_import)
        self.setup.buttons.rejected.connect(self.reject)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.setup)
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.setup.add_paths(paths)

    # -- pages ---------------------------------------------------------------------------
    def _progress_page(self) -> QWidget:
        page = QWidget(self)
        self.progress_label = QLabel(QCoreApplication.translate("ImportDialog", "Preparing …"), page)
        self.progress_label.setObjectName("progressLabel")
        self.progress_bar = QProgressBar(page)
        self.progress_bar.setObjectName("importProgress")
        self.progress_log = QPlainTextEdit(page)
        self.progress_log.setObjectName("importLog")
        self.progress_log.setAccessibleName(QCoreApplication.translate("ImportDialog", "Import progress"))
        self.progress_log.setReadOnly(True)
        self.cancel_button = QPushButton(QCoreApplication.translate("ImportDialog", "Cancel"), page)
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.cancel_import)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_log, 1)
        layout.addLayout(row)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QTextBrowser(page)
        self.summary.setObjectName("importSummary")
        self.summary.setAccessibleName(QCoreApplication.translate("ImportDialog", "Import summary"))
        self.speakers_button = QPushButton(QCoreApplication.translate("ImportDialog", "Speakers…"), page)
        self.speakers_button.setToolTip(
            QCoreApplication.translate(
                "ImportDialog", "Check the detected speakers: rename them, mark the interviewers"
            )
        )
        self.recordings_button = RecordingOffer(self.project, page)  # recordings beside the files
        self.more_button = QPushButton(QCoreApplication.translate("ImportDialog", "Import more…"), page)
        self.close_button = QPushButton(QCoreApplication.translate("ImportDialog", "Close"), page)
        self.close_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.speakers_button)
        row.addWidget(self.recordings_button)
        row.addStretch(1)
        row.addWidget(self.more_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary, 1)
        layout.addLayout(row)
        self.speakers_button.clicked.connect(self.open_speakers)
        self.more_button.clicked.connect(self._again)
        self.close_button.clicked.connect(self.accept)
        return page

    # -- drag and drop -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.pages.currentIndex() == SETUP and dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.pages.currentIndex() == SETUP and dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if self.pages.currentIndex() != SETUP or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.setup.add_paths(paths)

    # -- running -------------------------------------------------------------------------
    def start_import(self) -> None:
        setup = self.setup
        if not setup.ready() or self.run is not None:
            return
        batch = operations.attempt(
            self,
            lambda: self.project.importer.batch(
                setup.paths(), meta=setup.sheet(), attributes=setup.attributes()
            ),
            notice=True,
            title=QCoreApplication.translate("ImportDialog", "Import"),
        )
        if batch is None:
            return
        policy = setup.replace_policy()
        self._answer_all = None
        self._batch = batch
        self._replace = self.ask_replace if policy == ASK else policy == REPLACE
        self._total, self._done = len(batch.files), 0
        files, patterns = list(batch.files), batch.patterns

        def prepare(_progress: Progress) -> Iterator[PreparedFile]:  # in the worker thread
            for path in files:
                yield prepare_file(path, patterns)

        self.run = LongOperation(
            self,
            prepare,
            title=QCoreApplication.translate("ImportDialog", "Import"),
            each=self._store,
            apply=self._finish_batch,
            success=self._finished,
            failure=self._failed,
            show="none",  # the progress page shows it
            cancellable=True,
            lookahead=LOOKAHEAD,
        )
        self.progress_bar.setRange(0, max(self._total, 1))
        self.progress_bar.setValue(0)
        self.progress_label.setText(
            QCoreApplication.translate("ImportDialog", "Importing {count} file(s) …").format(
                count=self._total
            )
        )
        self.cancel_button.setEnabled(True)
        self.pages.setCurrentIndex(PROGRESS)
        self.progress_log.clear()
        self.run.progressed.connect(self._progressed)
        self.run.start()

    def _store(self, item: PreparedFile) -> None:
        """Store one prepared file (GUI thread), log what happened, count it."""
        batch = self._batch
        assert batch is not None and self.run is not None
        report = batch.report
        skipped, replaced = len(report.skipped), len(report.replaced)
        try:
            batch.store(item, self._replace)
        except DiskFullError:
            raise  # nothing of the import stays: the operation stops and says so once
        except Exception as exc:  # the project refused in an unforeseen way: listed as skipped, go on
            log.exception("storing %s failed", item.path)
            reason = QCoreApplication.translate("ImportDialog", "could not be stored ({error})").format(
                error=exc
            )
            report.skipped.append(ImportProblem(item.path.name, reason))
        if len(report.skipped) > skipped:
            self._log(item.path.name, False, report.skipped[-1].reason)
        elif len(report.replaced) > replaced:
            lost = len(report.replaced[-1].lost)
            self._log(
                item.path.name,
                True,
                QCoreApplication.translate("ImportDialog", "replaced; {count} coded passage(s) lost").format(
                    count=lost
                )
                if lost
                else QCoreApplication.translate("ImportDialog", "replaced"),
            )
        else:
            self._log(item.path.name, True, QCoreApplication.translate("ImportDialog", "imported"))
        self._done += 1
        self.run.advance(self._done, self._total, item.path.name)

    def _finish_batch(self, _result: object) -> ImportReport:
        assert self._batch is not None and self.run is not None
        return self._batch.finish(cancelled=self.run.cancelled and self._done < self._total)

    def _failed(self, _error: BaseException) -> None:
        """The import stopped on an unforeseen error (reported): what was stored stays."""
        if self._batch is not None:
            operations.attempt(self, self._batch.commit)  # one undo step, as a finished import
        self.run = None
        self.pages.setCurrentIndex(SETUP)
        self.setup.refresh()

    def cancel_import(self) -> None:
        if self.run is not None and self.run.running:
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(
                QCoreApplication.translate("ImportDialog", "Cancelling after the current file …")
            )
            self.run.cancel()

    def ask_replace(self, path: Path, duplicate: Duplicate) -> bool:
        """Asked for each file already in the project (policy "ask"): Replace, Skip, or for all."""
        if self._answer_all is not None:
            return self._answer_all
        box = ReplaceQuestion(path, duplicate, self)
        self.question = box
        self.progress_label.setText(
            QCoreApplication.translate(
                "ImportDialog", "{name} is already in the project: replace it?"
            ).format(name=path.name)
        )
        self.replaceQuestion.emit(box)
        box.exec()
        replace, for_all = box.answer()
        self.question = None
        box.deleteLater()
        if for_all:
            self._answer_all = replace
        return replace

    def _progressed(self, done: int, total: int, name: str) -> None:
        self.progress_bar.setValue(done)
        if self.run is not None and self.run.running and self.cancel_button.isEnabled():
            self.progress_label.setText(
                QCoreApplication.translate("ImportDialog", "Imported {done} of {total}: {name}").format(
                    done=done, total=total, name=name
                )
            )

    def _log(self, name: str, stored: bool, outcome: str) -> None:
        self.progress_log.appendPlainText(f"{'✓' if stored else '✗'} {name} — {outcome}")

    def _finished(self, report: ImportReport) -> None:
        self.report = report
        self.run = None
        self._batch = None
        self.setWindowTitle(summary_title(report))
        self.summary.setHtml(summary_html(report))
        stored = [d.id for d in report.imported] + [r.document.id for r in report.replaced]
        self.speakers_button.setEnabled(bool(stored) and bool(self.project.speakers.list(stored)))
        self.recordings_button.offer([d.id for d in report.imported], self.setup.paths())
        self.pages.setCurrentIndex(SUMMARY)
        self.importFinished.emit(report)

    def open_speakers(self) -> None:
        """The speakers of the documents just imported, to confirm, rename and mark interviewers."""
        report = self.report
        stored = [d.id for d in report.imported] + [r.document.id for r in report.replaced] if report else []
        self.speakers_dialog = SpeakersDialog(
            self.project, self, documents=stored or None, workspace=self.workspace
        )
        self.speakers_dialog.open()

    def _again(self) -> None:
        self.report = None
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Import documents"))
        self.pages.setCurrentIndex(SETUP)
        self.setup.clear_files()

    # -- closing -------------------------------------------------------------------------
    def reject(self) -> None:
        if self.run is not None and self.run.running:
            self.cancel_import()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.run is not None and self.run.running:
            self.cancel_import()
            event.ignore()
            return
        super().closeEvent(event)
