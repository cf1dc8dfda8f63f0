"""The first page of File → Import documents: what to import and how. The files (added, picked from a
folder or dropped), a metadata sheet with a preview of who gets which attributes, attributes for all
files, and what to do with documents already in the project. Nothing is read or stored here but the
sheet: the preview comes from ``project.importer.preview`` each time something changes.

The dialog (``app.importing.import_dialog``) runs the import with what this page holds:
:meth:`ImportSetup.paths`, :meth:`sheet`, :meth:`attributes` and :meth:`replace_policy`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.importing.import_models import AttributeRowsModel, ImportFileModel
from app.widgets import file_dialogs
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding import Project
from coding.core.errors import CodewerkError
from coding.importing.import_preview import ImportPreview
from coding.importing.import_service import expand_paths
from coding.importing.metadata_sheet import MetadataSheet, read_metadata
from coding.importing.parsers import SUPPORTED_EXTENSIONS

#: What to do with a document already in the project (the policy box's data).
ASK, REPLACE, SKIP = "ask", "replace", "skip"
#: The file dialogs' filters, translated where they are shown (``{patterns}``: *.docx *.txt …).
FILE_FILTER = QT_TRANSLATE_NOOP("ImportDialog", "Transcripts ({patterns});;All files (*)")
SHEET_FILTER = QT_TRANSLATE_NOOP("ImportDialog", "Metadata sheets (*.csv *.xlsx);;All files (*)")


class ImportSetup(QWidget):
    """The setup page. Its Import and Cancel buttons are in :attr:`buttons` (the dialog connects
    them); Import is enabled when there are files and the metadata sheet (if any) could be read."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.preview: ImportPreview | None = None
        self._paths: list[Path] = []
        self._sheet: MetadataSheet | None = None
        self._sheet_problem = ""

        intro = QLabel(
            QCoreApplication.translate(
                "ImportDialog",
                "Word, OpenDocument, text, Markdown, PDF and subtitle files (WebVTT, SubRip). "
                "Add files or a whole folder, or drop them here.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(self._files_part(), 1)
        layout.addWidget(self._sheet_part())
        layout.addWidget(self._attributes_part())
        layout.addLayout(self._policy_part())
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            QCoreApplication.translate("ImportDialog", "Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(self.buttons)
        self.refresh()

    # -- parts ---------------------------------------------------------------------------
    def _files_part(self) -> QHBoxLayout:
        self.file_model = ImportFileModel(self)
        self.file_view = QTableView(self)
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
        self.add_files_button = QPushButton(QCoreApplication.translate("ImportDialog", "Add files…"), self)
        self.add_folder_button = QPushButton(QCoreApplication.translate("ImportDialog", "Add folder…"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("ImportDialog", "Remove"), self)
        self.clear_button = QPushButton(QCoreApplication.translate("ImportDialog", "Clear"), self)
        buttons = QVBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.remove_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.file_view, 1)
        files.addLayout(buttons)
        self.add_files_button.clicked.connect(self._choose_files)
        self.add_folder_button.clicked.connect(self._choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button.clicked.connect(self.clear_files)
        return files

    def _sheet_part(self) -> QGroupBox:
        box = QGroupBox(
            QCoreApplication.translate(
                "ImportDialog",
                "Metadata sheet (optional): a 'file' (or 'bestand') column and one column per attribute",
            ),
            self,
        )
        self.sheet_edit = QLineEdit(box)
        self.sheet_edit.setObjectName("metadataSheet")
        self.sheet_edit.setReadOnly(True)
        self.sheet_edit.setPlaceholderText(
            QCoreApplication.translate("ImportDialog", "no sheet: .csv (comma or semicolon) or .xlsx")
        )
        self.sheet_button = QPushButton(QCoreApplication.translate("ImportDialog", "Choose…"), box)
        self.sheet_clear_button = QPushButton(QCoreApplication.translate("ImportDialog", "No sheet"), box)
        self.sheet_status = QLabel(box)
        self.sheet_status.setObjectName("sheetStatus")
        self.sheet_status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.sheet_edit, 1)
        row.addWidget(self.sheet_button)
        row.addWidget(self.sheet_clear_button)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.sheet_status)
        self.sheet_button.clicked.connect(self._choose_sheet)
        self.sheet_clear_button.clicked.connect(lambda: self.set_metadata_sheet(None))
        return box

    def _attributes_part(self) -> QGroupBox:
        box = QGroupBox(
            QCoreApplication.translate("ImportDialog", "Attributes for all files (they win over the sheet)"),
            self,
        )
        self.attribute_model = AttributeRowsModel(self)
        self.attribute_view = QTableView(box)
        self.attribute_view.setObjectName("commonAttributes")
        self.attribute_view.setModel(self.attribute_model)
        self.attribute_view.verticalHeader().hide()
        self.attribute_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.attribute_view.horizontalHeader().setStretchLastSection(True)
        self.attribute_view.setMaximumHeight(110)
        self.remove_attribute_button = QPushButton(QCoreApplication.translate("ImportDialog", "Remove"), box)
        layout = QHBoxLayout(box)
        layout.addWidget(self.attribute_view, 1)
        layout.addWidget(self.remove_attribute_button, 0, Qt.AlignmentFlag.AlignTop)
        self.remove_attribute_button.clicked.connect(self._remove_attribute)
        self.attribute_model.dataChanged.connect(self.refresh)
        self.attribute_model.rowsRemoved.connect(self.refresh)
        self.attribute_model.modelReset.connect(self.refresh)
        return box

    def _policy_part(self) -> QFormLayout:
        self.replace_choice = QComboBox(self)
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
        return policy

    # -- what to import ------------------------------------------------------------------
    def paths(self) -> list[Path]:
        return list(self._paths)

    def sheet(self) -> MetadataSheet | None:
        return self._sheet

    def attributes(self) -> dict[str, str]:
        """The attributes for all files (complete rows only)."""
        return self.attribute_model.attributes()

    def replace_policy(self) -> str:
        """ASK, REPLACE or SKIP."""
        return str(self.replace_choice.currentData())

    def ready(self) -> bool:
        """Files to import and no unreadable metadata sheet."""
        return bool(self._paths) and not self._sheet_problem

    def add_paths(self, paths: Iterable[Path | str]) -> None:
        """Add files, and the transcripts directly inside folders, in that order, without repeats."""
        for path in expand_paths(paths):
            if path not in self._paths:
                self._paths.append(path)
        self.refresh()

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.file_view.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            del self._paths[row]
        self.refresh()

    def clear_files(self) -> None:
        self._paths.clear()
        self.refresh()

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
        self.refresh()

    def set_common_attributes(self, values: dict[str, str]) -> None:
        self.attribute_model.set_attributes(values)

    def set_replace_policy(self, policy: str) -> None:
        self.replace_choice.setCurrentIndex(self.replace_choice.findData(policy))

    def _choose_files(self) -> None:
        names, _filter = file_dialogs.open_file_names(
            self,
            QCoreApplication.translate("ImportDialog", "Add transcripts"),
            "",
            QCoreApplication.translate("ImportDialog", FILE_FILTER).format(
                patterns=" ".join(f"*{ext}" for ext in sorted(SUPPORTED_EXTENSIONS))
            ),
        )
        self.add_paths(Path(name) for name in names)

    def _choose_folder(self) -> None:
        folder = file_dialogs.existing_directory(
            self, QCoreApplication.translate("ImportDialog", "Add all transcripts in a folder")
        )
        if folder:
            self.add_paths([Path(folder)])

    def _choose_sheet(self) -> None:
        name, _filter = file_dialogs.open_file_name(
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

    # -- the preview ---------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        """Preview the import again: the files' attributes and notes, the sheet's matches."""
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
        self.import_button.setEnabled(self.ready())

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
