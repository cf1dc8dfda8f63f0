"""File → Export: choose a format, the grouping attribute, which codes and groups, and the file.

``export_project(parent, project)`` is what the main window's menu calls. An existing file is only
replaced after the user said so; the export itself writes a temporary file and moves it into place.
It runs as a long operation (``app.widgets.operations``): the file is written in a worker thread
with a progress dialog over this one, which closes when the file is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.exporting import export_folder
from app.shell import settings
from app.widgets import file_dialogs, operations
from app.widgets.check_list_model import CheckListModel
from app.widgets.long_operation import LongOperation, Progress
from app.widgets.translated import QT_TRANSLATE_NOOP, group_label
from coding import Project
from coding.core.attributes import attribute_label, attribute_word


@dataclass(frozen=True)
class ExportFormat:
    label: str
    suffix: str
    kind: str | None = None

    @property
    def filter(self) -> str:
        return f"{QCoreApplication.translate('ExportDialog', self.label)} (*{self.suffix})"


FORMATS = (
    ExportFormat(
        QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook: overview, quotes per group, frequencies"), ".xlsx"
    ),
    ExportFormat(QT_TRANSLATE_NOOP("ExportDialog", "Word: quotes per concept"), ".docx", "quotes"),
    ExportFormat(
        QT_TRANSLATE_NOOP("ExportDialog", "Word: coded transcript of one document"), ".docx", "transcript"
    ),
    ExportFormat(QT_TRANSLATE_NOOP("ExportDialog", "CSV: quotes per group in one file"), ".csv"),
    ExportFormat(
        QT_TRANSLATE_NOOP("ExportDialog", "Review workbook for a supervisor (Excel)"), ".xlsx", "review"
    ),
    ExportFormat(
        QT_TRANSLATE_NOOP("ExportDialog", "Review document for a supervisor (Word)"), ".docx", "review"
    ),
)


class ExportDialog(QDialog):
    def __init__(self, project: Project, parent: QWidget | None = None, *, attribute: str = "region") -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export"))
        self.project = project
        self.exported: Path | None = None
        self.running: LongOperation | None = None

        self.format_box = QComboBox()
        self.format_box.setObjectName("formatBox")
        for item in FORMATS:
            self.format_box.addItem(QCoreApplication.translate("ExportDialog", item.label), item)
        self.attribute_box = QComboBox()
        self.attribute_box.setObjectName("exportAttributeBox")
        for key in project.comparison.attributes() or ["region"]:
            self.attribute_box.addItem(attribute_label(key), key)
        self.attribute_box.setCurrentIndex(max(self.attribute_box.findData(attribute), 0))
        self.document_box = QComboBox()
        self.document_box.setObjectName("documentBox")
        for document in project.documents.list(with_counts=False):
            self.document_box.addItem(document.name, document.name)
        self.delimiter_box = QComboBox()
        self.delimiter_box.setObjectName("delimiterBox")
        self.delimiter_box.addItem(
            QCoreApplication.translate("ExportDialog", "Semicolon ; (Dutch Excel)"), ";"
        )
        self.delimiter_box.addItem(QCoreApplication.translate("ExportDialog", "Comma ,"), ",")
        self.reviewer_edit = QLineEdit()
        self.reviewer_edit.setObjectName("reviewerEdit")
        self.reviewer_edit.setPlaceholderText(
            QCoreApplication.translate("ExportDialog", "The supervisor's name")
        )
        self.reviewer_edit.setToolTip(
            QCoreApplication.translate(
                "ExportDialog",
                "Whose review this is: the marks and comments in the file become this reviewer's marks "
                "when you import it back (File → Import supervisor's review…)",
            )
        )
        self.reviews_check = QCheckBox(
            QCoreApplication.translate("ExportDialog", "Include review marks and comments")
        )
        self.reviews_check.setObjectName("reviewsCheck")
        self.memos_check = QCheckBox(
            QCoreApplication.translate("ExportDialog", "Include the code and document memos")
        )
        self.memos_check.setObjectName("memosCheck")
        self.guard_check = QCheckBox(
            QCoreApplication.translate(
                "ExportDialog", "Put ' before cells a spreadsheet would read as a formula (=…, -2+3)"
            )
        )
        self.guard_check.setObjectName("csvGuardCheck")
        self.guard_check.setChecked(True)
        self.guard_check.setToolTip(
            QCoreApplication.translate(
                "ExportDialog",
                "Keeps Excel from evaluating a quote such as =HYPERLINK(…); -/- or +31 are never changed. "
                "Calc shows the ' ; leave this off for a file read by a program",
            )
        )
        self.interviewer_check = QCheckBox(
            QCoreApplication.translate(
                "ExportDialog", "Quote the respondents' words only (leave out the interviewer)"
            )
        )
        self.interviewer_check.setObjectName("withoutInterviewerCheck")
        self.interviewer_check.setToolTip(
            QCoreApplication.translate(
                "ExportDialog",
                "Cuts the interviewer's turns out of every quote ([…] marks the cut) and drops speaker labels; "
                "a quote of only the interviewer's words is left out",
            )
        )

        self.codes = CheckListModel(self)
        self.codes.set_items([(code.name, code.path_text) for code in project.codes.tree().roots()])
        self.code_list = QListView()
        self.code_list.setObjectName("codeList")
        self.code_list.setModel(self.codes)
        self.groups = CheckListModel(self)
        self.group_list = QListView()
        self.group_list.setObjectName("groupList")
        self.group_list.setModel(self.groups)
        self.group_list.setMaximumHeight(150)

        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("pathEdit")
        self.path_edit.setAccessibleName(QCoreApplication.translate("ExportDialog", "Export to file"))
        browse = QPushButton(QCoreApplication.translate("ExportDialog", "Browse…"))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("ExportDialog", "Format"), self.format_box)
        self.form.addRow(QCoreApplication.translate("ExportDialog", "Group by"), self.attribute_box)
        self.form.addRow(QCoreApplication.translate("ExportDialog", "Document"), self.document_box)
        self.form.addRow(QCoreApplication.translate("ExportDialog", "Separator"), self.delimiter_box)
        self.form.addRow(QCoreApplication.translate("ExportDialog", "Reviewer"), self.reviewer_edit)
        self.form.addRow(QCoreApplication.translate("ExportDialog", "Concepts"), self.code_list)
        self.form.addRow(QCoreApplication.translate("ExportDialog", "Groups"), self.group_list)
        self.form.addRow("", self.reviews_check)
        self.form.addRow("", self.memos_check)
        self.form.addRow("", self.guard_check)
        self.form.addRow("", self.interviewer_check)
        self.form.addRow(QCoreApplication.translate("ExportDialog", "File"), path_row)
        self.status = operations.add_status_line(self)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            QCoreApplication.translate("ExportDialog", "Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        layout.addWidget(self.status)

        self.format_box.currentIndexChanged.connect(lambda _i: self._update())
        self.attribute_box.currentIndexChanged.connect(lambda _i: self._fill_groups())
        self.document_box.currentIndexChanged.connect(lambda _i: self._suggest_path())
        self._restore_options(attribute)
        self._fill_groups()
        self._keep_width()
        self._update()
        self.done_box: QMessageBox | None = None

    def _keep_width(self) -> None:
        """One width for every format: the rows a format shows (the CSV guard's long line, a long
        document name in the transcript's box) made the dialog wider when chosen, so it jumped.
        The boxes are as wide as about 30 characters (their lists show every entry whole); the
        dialog's width is what its widest set of rows needs, taken while every row is there."""
        for box in (self.attribute_box, self.document_box, self.delimiter_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(30)
        layout = self.layout()
        assert layout is not None
        layout.activate()  # every row still shown: _update hides those of the other formats
        self.setMinimumWidth(self.minimumSizeHint().width())
        self.resize(max(560, self.minimumWidth()), 560)

    # -- remembered choices ----------------------------------------------------------------
    def _restore_options(self, attribute: str) -> None:
        """The choices of the last export (an attribute asked for by the caller wins)."""
        remembered = settings.export_options()
        for index, item in enumerate(FORMATS):
            if [item.suffix, item.kind] == remembered.get("format"):
                self.format_box.setCurrentIndex(index)
        if attribute == "region" and isinstance(remembered.get("attribute"), str):
            found = self.attribute_box.findData(remembered["attribute"])
            if found >= 0:
                self.attribute_box.setCurrentIndex(found)
        found = self.delimiter_box.findData(remembered.get("delimiter"))
        if found >= 0:
            self.delimiter_box.setCurrentIndex(found)
        self.reviews_check.setChecked(bool(remembered.get("reviews", False)))
        self.interviewer_check.setChecked(bool(remembered.get("without_interviewer", False)))
        reviewer = remembered.get("reviewer")
        if isinstance(reviewer, str):  # the supervisor's name, typed once
            self.reviewer_edit.setText(reviewer)
        # the folder: this project's last export's, else one the user sees (export_folder)
        self.path_edit.setText(str(export_folder.export_folder(self.project.path) / "export"))

    def _remember_options(self, target: Path) -> None:
        """The choices and, for this project, the folder (kept once the file is there)."""
        fmt = self.export_format
        settings.save_export_options(
            {
                "format": [fmt.suffix, fmt.kind],
                "attribute": self.attribute_box.currentData(),
                "delimiter": self.delimiter_box.currentData(),
                "reviews": self.reviews_check.isChecked(),
                "without_interviewer": self.interviewer_check.isChecked(),
                "reviewer": self.reviewer_edit.text().strip(),
            }
        )
        export_folder.remember(self.project.path, target)  # per project: each study has its folder

    # -- state ---------------------------------------------------------------------------
    @property
    def export_format(self) -> ExportFormat:
        item = self.format_box.currentData()
        assert isinstance(item, ExportFormat)
        return item

    def set_format(self, suffix: str, kind: str | None = None) -> None:
        """Choose the format by file type and kind (``"review"`` for a supervisor's review file)."""
        for index, item in enumerate(FORMATS):
            if item.suffix == suffix and item.kind == kind:
                self.format_box.setCurrentIndex(index)
                return
        raise ValueError(f"no export format {suffix} {kind or ''}")

    def _fill_groups(self) -> None:
        attribute = str(self.attribute_box.currentData() or "region")
        values = self.project.comparison.group_values(attribute)
        self.groups.set_items([(group_label(value), value) for value in values])
        self._suggest_path()

    def _update(self) -> None:
        fmt = self.export_format
        transcript = fmt.kind == "transcript"
        review = fmt.kind == "review"
        for widget, visible in (
            (self.reviewer_edit, review),
            (self.reviews_check, not review),
            (self.document_box, transcript),
            (self.delimiter_box, fmt.suffix == ".csv"),
            (self.attribute_box, not transcript),
            (self.group_list, not transcript),
            (self.interviewer_check, not transcript and not review),
            (self.memos_check, fmt.suffix == ".docx" and not review),
            (self.guard_check, fmt.suffix == ".csv"),
        ):
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)
        self._suggest_path()

    def _suggest_path(self) -> None:
        fmt = self.export_format
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current else export_folder.export_folder(self.project.path)
        # the file's name in the window's language: studie-regio-citaten.docx in Dutch
        if fmt.kind == "transcript":
            coded = QCoreApplication.translate("ExportDialog", "coded", "a file name: R5-coded.docx")
            stem = f"{self.document_box.currentData() or 'transcript'}-{coded}"
        else:
            stem = f"{self.project.path.stem}-{attribute_word(self.attribute_box.currentData() or 'region')}"
            if fmt.kind == "quotes":
                stem += "-" + QCoreApplication.translate(
                    "ExportDialog", "quotes", "a file name: studie-region-quotes"
                )
            elif fmt.kind == "review":
                review = QCoreApplication.translate(
                    "ExportDialog", "review", "a file name: studie-review.xlsx"
                )
                stem = f"{self.project.path.stem}-{review}"
        self.path_edit.setText(str(folder / f"{stem}{fmt.suffix}"))

    def options(self) -> dict[str, Any]:
        fmt = self.export_format
        if fmt.kind == "review":
            return self._review_options()
        options: dict[str, Any] = {"include_reviews": self.reviews_check.isChecked() or None}
        if fmt.suffix == ".docx" and self.memos_check.isChecked():
            options["include_memos"] = True
        if not self.codes.all_checked():
            options["codes"] = self.codes.checked_values()
        if fmt.kind == "transcript":
            options["kind"] = "transcript"
            options["document"] = self.document_box.currentData()
            return options
        options["by"] = str(self.attribute_box.currentData() or "region")
        if self.interviewer_check.isChecked():
            options["without_interviewer"] = True
        if not self.groups.all_checked():
            options["groups"] = self.groups.checked_values()
        if fmt.kind == "quotes":
            options["kind"] = "quotes"
        if fmt.suffix == ".csv":
            options["delimiter"] = self.delimiter_box.currentData()
            if not self.guard_check.isChecked():
                options["csv_guard"] = "none"
        return options

    def _review_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {
            "kind": "review",
            "reviewer": self.reviewer_edit.text().strip(),
            "by": str(self.attribute_box.currentData() or "region"),
        }
        if not self.codes.all_checked():
            options["codes"] = self.codes.checked_values()
        if not self.groups.all_checked():
            options["groups"] = self.groups.checked_values()
        return options

    def target(self) -> Path:
        text = self.path_edit.text().strip()
        path = Path(text).expanduser()
        if path.suffix.lower() != self.export_format.suffix:
            path = path.with_name(path.name + self.export_format.suffix)
        return path

    # -- actions -------------------------------------------------------------------------
    def browse(self) -> None:
        fmt = self.export_format
        name, _ = file_dialogs.save_file_name(
            self,
            QCoreApplication.translate("ExportDialog", "Export to"),
            self.path_edit.text(),
            fmt.filter,
            options=file_dialogs.Option.DontConfirmOverwrite,
        )
        if name:
            self.path_edit.setText(name)

    def confirm_overwrite(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("ExportDialog", "Replace file?"),
            QCoreApplication.translate(
                "ExportDialog", "{name} already exists in {folder}.\nDo you want to replace it?"
            ).format(name=path.name, folder=path.parent),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def run_export(self, *, close: bool = False) -> LongOperation | None:
        """Start exporting with the chosen options; ``None`` when refused or not confirmed (the status
        line says why). When it finished, ``exported`` is the file (and with ``close`` the dialog
        closes); a failure is reported the one way and the dialog stays."""
        if self.running is not None:
            return None
        # a refusal puts the cursor where the missing choice is made
        if not self.path_edit.text().strip():
            operations.refuse(self, QCoreApplication.translate("ExportDialog", "Choose a file to export to."))
            self.path_edit.setFocus()
            return None
        if self.codes.checked_values() == []:
            operations.refuse(
                self, QCoreApplication.translate("ExportDialog", "Choose at least one concept.")
            )
            self.code_list.setFocus()
            return None
        if self.export_format.kind != "transcript" and self.groups.checked_values() == []:
            operations.refuse(self, QCoreApplication.translate("ExportDialog", "Choose at least one group."))
            self.group_list.setFocus()
            return None
        if self.export_format.kind == "review" and not self.reviewer_edit.text().strip():
            operations.refuse(
                self,
                QCoreApplication.translate("ExportDialog", "Name the supervisor who reviews (Reviewer)."),
            )
            self.reviewer_edit.setFocus()
            return None
        path = self.target()
        overwrite = False
        if path.exists():
            if not self.confirm_overwrite(path):
                return None
            overwrite = True
        project, options = self.project, self.options()

        def write(_progress: Progress) -> Path:  # in the worker thread: reads the project, writes the file
            return project.export(path, overwrite=overwrite, **options)

        def written(target: Path) -> None:
            self.running = None
            self.exported = target
            self._remember_options(target)
            operations.tell(
                self, QCoreApplication.translate("ExportDialog", "Exported to {path}").format(path=target)
            )
            if close:
                super(ExportDialog, self).accept()
            owner = self.parentWidget() if close else None
            self.done_box = show_exported(target, owner if owner is not None else self)

        def failed(_error: BaseException) -> None:
            self.running = None

        self.running = LongOperation(
            self,
            write,
            title=QCoreApplication.translate("ExportDialog", "Export to {name}").format(name=path.name),
            success=written,
            failure=failed,
        ).start()
        return self.running

    def accept(self) -> None:
        self.run_export(close=True)

    def reject(self) -> None:
        if self.running is None:  # an export under way cannot be stopped half-way: it finishes first
            super().reject()


def export_project(parent: QWidget | None, project: Project, *, attribute: str = "region") -> ExportDialog:
    """File → Export: open the dialog (window-modal); when it has exported, ``exported`` is the file
    and a message says where it went, with buttons to open it or its folder."""
    dialog = ExportDialog(project, parent, attribute=attribute)
    dialog.open()
    return dialog


def open_path(path: Path) -> bool:
    """Open a file or folder with the program the system chose for it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_exported(target: Path, parent: QWidget) -> QMessageBox:
    """Where the exported file went, with Open file / Show folder / Close (not blocking)."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("export_dialog", "Exported"),
        QCoreApplication.translate("export_dialog", "Exported to\n{path}").format(path=target),
        parent=parent,
    )
    box.setObjectName("exportDoneBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    open_file = box.addButton(
        QCoreApplication.translate("export_dialog", "Open file"), QMessageBox.ButtonRole.ActionRole
    )
    open_file.setObjectName("openExportedFile")
    open_folder = box.addButton(
        QCoreApplication.translate("export_dialog", "Show folder"), QMessageBox.ButtonRole.ActionRole
    )
    open_folder.setObjectName("openExportFolder")
    box.addButton(QMessageBox.StandardButton.Close)
    open_file.clicked.connect(lambda: open_path(target))
    open_folder.clicked.connect(lambda: open_path(target.parent))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
