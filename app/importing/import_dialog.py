"""File → Import documents: pick or drop files and folders, a metadata sheet with a preview of who
gets which attributes, attributes for all files, what to do with documents already in the project;
then the import runs with a progress bar and Cancel, and a summary says what happened.

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
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.importing.import_models import AttributeRowsModel, ImportFileModel
from app.importing.import_summary import summary_html, summary_title
from app.importing.replace_question import ReplaceQuestion
from app.media.recording_offer import RecordingOffer
from app.speakers.speakers_dialog import SpeakersDialog
from app.widgets import operations
from app.widgets.file_drop import dropped_paths
from app.widgets.operations import LongOperation, Progress
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding import Project
from coding.core.errors import CodewerkError, DiskFullError
from coding.importing.import_preview import ImportPreview
from coding.importing.import_service import (
    Duplicate,
    ImportBatch,
    ImportProblem,
    ImportReport,
    PreparedFile,
    ReplaceDecision,
    expand_paths,
    prepare_file,
)
from coding.importing.metadata_sheet import MetadataSheet, read_metadata
from coding.importing.parsers import SUPPORTED_EXTENSIONS

ASK, REPLACE, SKIP = "ask", "replace", "skip"
#: The file dialogs' filters, translated where they are shown (``{patterns}``: *.docx *.txt …).
FILE_FILTER = QT_TRANSLATE_NOOP("ImportDialog", "Transcripts ({patterns});;All files (*)")
SHEET_FILTER = QT_TRANSLATE_NOOP("ImportDialog", "Metadata sheets (*.csv *.xlsx);;All files (*)")
SETUP, PROGRESS, SUMMARY = range(3)
#: Files the worker prepares ahead of what has been stored.
LOOKAHEAD = 2

log = logging.getLogger(__name__)


class ImportDialog(QDialog):
    """The import dialog. ``importFinished(ImportReport)`` when an import has run;
    ``replaceQuestion(QMessageBox)`` just before the replace question shows (for tests and tours)."""

    importFinished = Signal(object)
    replaceQuestion = Signal(object)

    def __init__(self, project: Project, parent: QWidget | None = None, paths: Sequence[Path] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Import documents"))
        self.setAcceptDrops(True)
        self.resize(900, 640)
        self.project = project
        self.run: LongOperation | None = None
        self.report: ImportReport | None = None
        self.speakers_dialog: SpeakersDialog | None = None
        self.question: QMessageBox | None = None
        self._paths: list[Path] = []
        self._sheet: MetadataSheet | None = None
        self._sheet_problem = ""
        self._answer_all: bool | None = None
        self._batch: ImportBatch | None = None
        self._replace: ReplaceDecision = False
        self._total = self._done = 0
        self.preview: ImportPreview | None = None

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._setup_page())
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._summary_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.add_paths(paths)
        self._refresh()

    # -- pages ---------------------------------------------------------------------------
    def _setup_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            QCoreApplication.translate(
                "ImportDialog",
                "Word, OpenDocument, text, Markdown, PDF and subtitle files (WebVTT, SubRip). "
                "Add files or a whole folder, or drop them here.",
            ),
            page,
        )
        intro.setWordWrap(True)
        self.file_model = ImportFileModel(self)
        self.file_view = QTableView(page)
        self.file_view.setObjectName("importFiles")
        self.file_view.setAccessibleName(QCoreApplication.translate("ImportDialog", "Files to import"))
        self.file_view.setModel(self.file_model)
        self.file_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.file_view.verticalHeader().hide()
        self.file_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.file_view.setWordWrap(False)
        header = self.file_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.add_files_button = QPushButton(QCoreApplication.translate("ImportDialog", "Add files…"), page)
        self.add_folder_button = QPushButton(QCoreApplication.translate("ImportDialog", "Add folder…"), page)
        self.remove_button = QPushButton(QCoreApplication.translate("ImportDialog", "Remove"), page)
        self.clear_button = QPushButton(QCoreApplication.translate("ImportDialog", "Clear"), page)
        buttons = QVBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.remove_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.file_view, 1)
        files.addLayout(buttons)

        sheet_box = QGroupBox(
            QCoreApplication.translate(
                "ImportDialog", "Metadata sheet (optional): a 'file' column and one column per attribute"
            ),
            page,
        )
        self.sheet_edit = QLineEdit(sheet_box)
        self.sheet_edit.setObjectName("metadataSheet")
        self.sheet_edit.setReadOnly(True)
        self.sheet_edit.setPlaceholderText(
            QCoreApplication.translate("ImportDialog", "no sheet: .csv (comma or semicolon) or .xlsx")
        )
        self.sheet_button = QPushButton(QCoreApplication.translate("ImportDialog", "Choose…"), sheet_box)
        self.sheet_clear_button = QPushButton(
            QCoreApplication.translate("ImportDialog", "No sheet"), sheet_box
        )
        self.sheet_status = QLabel(sheet_box)
        self.sheet_status.setObjectName("sheetStatus")
        self.sheet_status.setWordWrap(True)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_edit, 1)
        sheet_row.addWidget(self.sheet_button)
        sheet_row.addWidget(self.sheet_clear_button)
        sheet_layout = QVBoxLayout(sheet_box)
        sheet_layout.addLayout(sheet_row)
        sheet_layout.addWidget(self.sheet_status)

        attributes_box = QGroupBox(
            QCoreApplication.translate("ImportDialog", "Attributes for all files (they win over the sheet)"),
            page,
        )
        self.attribute_model = AttributeRowsModel(self)
        self.attribute_view = QTableView(attributes_box)
        self.attribute_view.setObjectName("commonAttributes")
        self.attribute_view.setModel(self.attribute_model)
        self.attribute_view.verticalHeader().hide()
        self.attribute_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.attribute_view.horizontalHeader().setStretchLastSection(True)
        self.attribute_view.setMaximumHeight(110)
        self.remove_attribute_button = QPushButton(
            QCoreApplication.translate("ImportDialog", "Remove"), attributes_box
        )
        attribute_layout = QHBoxLayout(attributes_box)
        attribute_layout.addWidget(self.attribute_view, 1)
        attribute_layout.addWidget(self.remove_attribute_button, 0, Qt.AlignmentFlag.AlignTop)

        self.replace_choice = QComboBox(page)
        self.replace_choice.setObjectName("replacePolicy")
        self.replace_choice.addItem(QCoreApplication.translate("ImportDialog", "Ask for each file"), ASK)
        self.replace_choice.addItem(
            QCoreApplication.translate(
                "ImportDialog", "Replace the text (codings are kept where the text is unchanged)"
            ),
            REPLACE,
        )
        self.replace_choice.addItem(QCoreApplication.translate("ImportDialog", "Skip the file"), SKIP)
        policy = QFormLayout()
        policy.addRow(
            QCoreApplication.translate("ImportDialog", "When a document is already in the project:"),
            self.replace_choice,
        )

        self.setup_buttons = QDialogButtonBox(page)
        self.import_button = self.setup_buttons.addButton(
            QCoreApplication.translate("ImportDialog", "Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.setup_buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.setup_buttons.accepted.connect(self.start_import)
        self.setup_buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(files, 1)
        layout.addWidget(sheet_box)
        layout.addWidget(attributes_box)
        layout.addLayout(policy)
        layout.addWidget(self.setup_buttons)

        self.add_files_button.clicked.connect(self._choose_files)
        self.add_folder_button.clicked.connect(self._choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button.clicked.connect(self.clear_files)
        self.sheet_button.clicked.connect(self._choose_sheet)
        self.sheet_clear_button.clicked.connect(lambda: self.set_metadata_sheet(None))
        self.remove_attribute_button.clicked.connect(self._remove_attribute)
        self.attribute_model.dataChanged.connect(self._refresh)
        self.attribute_model.rowsRemoved.connect(self._refresh)
        self.attribute_model.modelReset.connect(self._refresh)
        return page

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

    # -- choosing ------------------------------------------------------------------------
    def paths(self) -> list[Path]:
        return list(self._paths)

    def add_paths(self, paths: Iterable[Path | str]) -> None:
        """Add files, and the transcripts directly inside folders, in that order, without repeats."""
        for path in expand_paths(paths):
            if path not in self._paths:
                self._paths.append(path)
        self._refresh()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.file_view.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            del self._paths[row]
        self._refresh()

    def clear_files(self) -> None:
        self._paths.clear()
        self._refresh()

    def set_metadata_sheet(self, path: Path | str | None) -> None:
        """Read a metadata sheet (a bad one is shown in red and blocks the import until cleared)."""
        self._sheet = None
        self._sheet_problem = ""
        self.sheet_edit.setText("" if path is None else Path(path).name)
        self.sheet_edit.setToolTip("" if path is None else str(path))
        if path is not None:
            try:
                self._sheet = read_metadata(path)
            except CodewerkError as exc:
                self._sheet_problem = str(exc)
        self._refresh()

    def set_common_attributes(self, values: dict[str, str]) -> None:
        self.attribute_model.set_attributes(values)

    def set_replace_policy(self, policy: str) -> None:
        self.replace_choice.setCurrentIndex(self.replace_choice.findData(policy))

    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("ImportDialog", "Add transcripts"),
            "",
            QCoreApplication.translate("ImportDialog", FILE_FILTER).format(
                patterns=" ".join(f"*{ext}" for ext in sorted(SUPPORTED_EXTENSIONS))
            ),
        )
        self.add_paths(Path(name) for name in names)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("ImportDialog", "Add all transcripts in a folder")
        )
        if folder:
            self.add_paths([Path(folder)])

    def _choose_sheet(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ImportDialog", "Metadata sheet"),
            "",
            QCoreApplication.translate("ImportDialog", SHEET_FILTER),
        )
        if name:
            self.set_metadata_sheet(Path(name))

    def _remove_attribute(self) -> None:
        index = self.attribute_view.currentIndex()
        if index.isValid():
            self.attribute_model.remove_row(index.row())

    def _refresh(self, *_args: object) -> None:
        try:
            self.preview = self.project.importer.preview(
                self._paths, meta=self._sheet, attributes=self.attribute_model.attributes()
            )
        except CodewerkError as exc:  # an attribute name that is not acceptable
            self.preview = None
            self.sheet_status.setText(f"<span style='color:#b3261e'>{exc}</span>")
            self.import_button.setEnabled(False)
            return
        self.file_model.set_preview(self.preview)
        self.file_view.resizeColumnsToContents()
        self.sheet_status.setText(self._sheet_text(self.preview))
        self.remove_button.setEnabled(bool(self._paths))
        self.clear_button.setEnabled(bool(self._paths))
        self.import_button.setEnabled(bool(self._paths) and not self._sheet_problem)

    def _sheet_text(self, preview: ImportPreview) -> str:
        if self._sheet_problem:
            return f"<span style='color:#b3261e'>{self._sheet_problem}</span>"
        if self._sheet is None:
            return ""
        matched = sum(1 for plan in preview.files if plan.sheet_line is not None)
        parts = [
            QCoreApplication.translate(
                "ImportDialog", "{rows} row(s); {matched} of {files} file(s) have a row."
            ).format(rows=len(self._sheet.rows), matched=matched, files=len(preview.files))
        ]
        if preview.rows_without_file:
            parts.append(
                QCoreApplication.translate("ImportDialog", "Rows without a file: {names}.").format(
                    names=", ".join(preview.rows_without_file)
                )
            )
        if preview.files_without_row:
            parts.append(
                QCoreApplication.translate("ImportDialog", "Files without a row: {names}.").format(
                    names=", ".join(preview.files_without_row)
                )
            )
        colour = "#a15c00" if len(parts) > 1 else "#1b6e2a"
        return f"<span style='color:{colour}'>{' '.join(parts)}</span>"

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
        self.add_paths(paths)

    # -- running -------------------------------------------------------------------------
    def start_import(self) -> None:
        if not self._paths or self._sheet_problem or self.run is not None:
            return
        batch = operations.attempt(
            self,
            lambda: self.project.importer.batch(
                self._paths, meta=self._sheet, attributes=self.attribute_model.attributes()
            ),
            notice=True,
            title=QCoreApplication.translate("ImportDialog", "Import"),
        )
        if batch is None:
            return
        policy = self.replace_choice.currentData()
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
        self._refresh()

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
        self.recordings_button.offer([d.id for d in report.imported], self.paths())
        self.pages.setCurrentIndex(SUMMARY)
        self.importFinished.emit(report)

    def open_speakers(self) -> None:
        """The speakers of the documents just imported, to confirm, rename and mark interviewers."""
        report = self.report
        stored = [d.id for d in report.imported] + [r.document.id for r in report.replaced] if report else []
        self.speakers_dialog = SpeakersDialog(self.project, self, documents=stored or None)
        self.speakers_dialog.open()

    def _again(self) -> None:
        self.report = None
        self._paths.clear()
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Import documents"))
        self.pages.setCurrentIndex(SETUP)
        self._refresh()

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
