"""File → Second coder: prepare a blind package for a second coder, and merge their project back.

Both run through the Qt-free functions of :mod:`coding.refi` (``package_for_coder``,
``read_merge``/``apply_merge``) in a worker thread; the merge is one command committed there
(``app.widgets.worker_write``), one undoable step, and its report shows like an import's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.shell import settings
from app.widgets import file_dialogs, long_operation, operations
from app.widgets.translated import QT_TRANSLATE_NOOP
from app.widgets.worker_write import WriteOperation, write_in_worker
from coding import Project

PROJECT_FILTER = QT_TRANSLATE_NOOP("second_coder", "Codewerk projects (*.codewerk);;All files (*)")
#: Where the last package was saved or merged from (settings): a coder's project comes back there,
#: often days later, after the window was closed and opened again.
PACKAGE_FOLDER = "second_coder/folder"


def ask_coder_name(parent: QWidget) -> str | None:
    """The second coder's name, or ``None`` when cancelled. The dialog is wide enough for its title
    (``QInputDialog.getText`` sized it to its short field: 'Pakke… maken' in the title bar)."""
    dialog = QDialog(parent)
    dialog.setObjectName("coderNameDialog")
    dialog.setWindowTitle(QCoreApplication.translate("second_coder", "Prepare package"))
    field = QLineEdit(dialog)
    field.setAccessibleName(QCoreApplication.translate("second_coder", "Name of the second coder:"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(field.accessibleName(), dialog))
    layout.addWidget(field)
    layout.addWidget(buttons)
    title_room = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + 160  # the title bar's buttons
    dialog.setMinimumWidth(max(360, title_room))
    if dialog.exec() != QDialog.DialogCode.Accepted or not field.text().strip():
        return None
    return field.text().strip()


def prepare_package(
    parent: QWidget, project: Project, name: str | None = None, out: Path | None = None
) -> long_operation.LongOperation | None:
    """Ask for the second coder's name and the new file; make the package (all documents) in a
    worker thread, with progress over the window (it copies the whole project file). ``None`` when
    the user cancelled; the operation's ``finished(path)`` says when the package is there."""
    from coding.refi.package import PackageReport, package_for_coder

    if name is None:
        name = ask_coder_name(parent)
        if name is None:
            return None
    if out is None:
        suggested = project.path.with_name(f"{project.path.stem} – {name.strip()}.codewerk")
        chosen, _filter = file_dialogs.save_file_name(
            parent,
            QCoreApplication.translate("second_coder", "Package for a second coder"),
            str(suggested),
            QCoreApplication.translate("second_coder", PROJECT_FILTER),
        )
        if not chosen:
            return None
        out = Path(chosen)
        if out.exists():  # the dialog asked before replacing it
            out.unlink()
    target, coder = out, name

    def make(_progress: long_operation.Progress) -> PackageReport:  # in the worker: writes the new file only
        return package_for_coder(project, target, coder=coder)

    def done(report: PackageReport) -> Path:
        settings.remember_folder(PACKAGE_FOLDER, report.path.parent)
        operations.tell(parent, report.line())
        return report.path

    return long_operation.LongOperation(
        parent,
        make,
        title=QCoreApplication.translate("second_coder", "Prepare package"),
        apply=done,
    ).start()


def merge_folder(project: Project) -> Path | str:
    """Where the merge's file dialog opens: the folder the last package went to (or the last merge came
    from), else the project's folder (a team project: where the last file dialog was)."""
    remembered = settings.folder(PACKAGE_FOLDER)
    if remembered is not None:
        return remembered
    return "" if project.is_team_project else project.path.parent


def merge_coder(parent: QWidget, project: Project, path: Path | None = None) -> WriteOperation | None:
    """Ask for a coder's project file and merge it; shows the report (added, kept, conflicts).

    The other file is read and checked and merged as one command in a worker thread, with progress
    over the window (seconds for a research group's project) and Cancel (until the commit: the
    project stays as it was); the window answers meanwhile and its other writes are refused. One
    undoable step, announced when it committed. ``None`` when the user chose no file or another
    write is under way; the operation's ``finished(report)`` gives the report (``None`` when
    cancelled)."""
    from app.exporting.refi_actions import show_report
    from coding.refi.merge import apply_merge, read_merge  # lxml: not at start-up
    from coding.refi.report import ExchangeReport

    if path is None:
        chosen, _filter = file_dialogs.open_file_name(
            parent,
            QCoreApplication.translate("second_coder", "Merge a coder's project"),
            str(merge_folder(project)),
            QCoreApplication.translate("second_coder", PROJECT_FILTER),
        )
        if not chosen:
            return None
        path = Path(chosen)
        settings.remember_folder(PACKAGE_FOLDER, path.parent)
    source = path

    def read_and_merge(progress: long_operation.Progress) -> ExchangeReport | None:  # in the worker thread
        prepared = read_merge(project, source)  # reads only
        return None if progress.cancelled else apply_merge(project, prepared)  # one command, committed here

    def done(report: ExchangeReport | None) -> None:
        title = QCoreApplication.translate("second_coder", "Merge")
        if report is None:
            operations.tell(
                parent,
                QCoreApplication.translate(
                    "second_coder", "Merge of {name} cancelled; nothing was changed"
                ).format(name=source.name),
            )
        else:
            show_report(parent, report, title, merged=True)

    return write_in_worker(
        parent,
        project,
        read_and_merge,
        title=QCoreApplication.translate("second_coder", "Merge"),
        success=done,
        cancellable=True,
    )
