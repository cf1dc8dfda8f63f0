"""File → Import / Export of REFI-QDA files (.qdpx projects, .qdc codebooks) for the main window.

The main window installs the actions with :func:`install` (or calls the functions from its own
actions). Everything runs through the Qt-free services in :mod:`coding.refi`; this module only
asks for file names and shows what happened, through ``app.widgets.operations``. An export is a
long operation (written in a worker thread, with progress and Cancel). An import reads and checks
the file and merges it as one command in a worker thread (``app.widgets.worker_write``: progress
per source, Cancel rolls back until the commit); the command is recorded as one undoable step on
the window's undo stack and announced on the GUI thread when it committed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from app.exporting import export_folder
from app.widgets import file_dialogs, operations
from app.widgets.long_operation import LongOperation, Progress
from app.widgets.report_box import report_box
from app.widgets.translated import QT_TRANSLATE_NOOP
from app.widgets.worker_write import WriteOperation, write_in_worker
from coding import Project

if TYPE_CHECKING:
    from coding.refi.report import ExchangeReport

PROJECT_FILTER = QT_TRANSLATE_NOOP("refi_actions", "REFI-QDA project (*.qdpx)")
CODEBOOK_FILTER = QT_TRANSLATE_NOOP("refi_actions", "REFI-QDA codebook (*.qdc)")
IMPORT_FILTER = QT_TRANSLATE_NOOP("refi_actions", "REFI-QDA project or codebook (*.qdpx *.qdc)")


def show_report(
    parent: QWidget | None, report: ExchangeReport, title: str | None = None, *, merged: bool = False
) -> QMessageBox:
    """The import's summary, with every skipped or adjusted element under "Show Details…";
    ``title`` names the action (a second coder's merge), else "Import"; ``merged``: a coder's project
    merged in ("Merged from …", not "Imported from …")."""
    lines = report.lines(merged=merged)
    summary = [line.removesuffix(":") for line in lines[1:] if not line.startswith("  ")]
    hint = (
        "\n\n" + QCoreApplication.translate("refi_actions", "Show Details lists each element and the reason.")
        if summary and (report.skipped or report.adjusted)
        else ""
    )
    box = report_box(
        parent,
        title or QCoreApplication.translate("refi_actions", "Import"),
        lines,
        complete=report.complete,
        summary="\n".join(summary) + hint,
        more=lambda count: QCoreApplication.translate(
            "refi_actions", "… and {count} more (use `codewerk import-qdpx` for the full list)"
        ).format(count=count),
    )
    box.open()
    return box


def export_exchange(
    parent: QWidget | None, project: Project, suffix: str = ".qdpx", path: Path | str | None = None
) -> LongOperation | None:
    """Ask for a file name (the dialog confirms overwriting) and start the export; ``None`` if the
    user cancelled. The operation's ``finished(path)`` says when the file is there."""
    if path is None:
        title = (
            QCoreApplication.translate("refi_actions", "Export REFI-QDA project")
            if suffix == ".qdpx"
            else QCoreApplication.translate("refi_actions", "Export REFI-QDA codebook")
        )
        default = str(export_folder.export_folder(project.path) / f"{project.path.stem}{suffix}")
        chosen, _filter = file_dialogs.save_file_name(
            parent,
            title,
            default,
            QCoreApplication.translate(
                "refi_actions", PROJECT_FILTER if suffix == ".qdpx" else CODEBOOK_FILTER
            ),
        )
        if not chosen:
            return None
        path = chosen if chosen.lower().endswith(suffix) else chosen + suffix
        export_folder.remember(project.path, Path(path))
    target = Path(path)

    def write(progress: Progress) -> Path | None:  # in the worker thread
        from coding.refi.project_writer import ExportCancelled

        try:
            if suffix != ".qdpx":
                return project.export(target, overwrite=True)
            return project.export(target, overwrite=True, progress=progress)
        except ExportCancelled:
            return None  # nothing was written

    def done(written: Path | None) -> None:
        if written is None:
            operations.tell(
                parent,
                QCoreApplication.translate(
                    "refi_actions", "Export to {name} cancelled; nothing was written"
                ).format(name=target.name),
            )
        else:
            operations.tell(
                parent,
                QCoreApplication.translate("refi_actions", "Exported {name}").format(name=written.name),
            )

    return LongOperation(
        parent,
        write,
        title=QCoreApplication.translate("refi_actions", "Export to {name}").format(name=target.name),
        success=done,
        cancellable=suffix == ".qdpx",
    ).start()


class _Cancelled(Exception):
    """The user cancelled reading the file (nothing was changed)."""


def import_exchange_file(
    parent: QWidget | None, project: Project, path: Path | str | None = None
) -> WriteOperation | None:
    """Ask for a .qdpx or .qdc and merge it into the project; shows the report (or the refusal).

    The file is read and checked, then merged as one command, in a worker thread with progress per
    source and a Cancel button (until the commit: the project stays as it was); the window answers
    meanwhile and its other writes are refused. One undoable step, announced when it committed.
    The operation's ``finished(report)`` gives the report (``None`` when cancelled); ``None``
    instead of an operation when the user chose no file or another write is under way."""
    if path is None:
        chosen, _filter = file_dialogs.open_file_name(
            parent,
            QCoreApplication.translate("refi_actions", "Import REFI-QDA file"),
            "",
            QCoreApplication.translate("refi_actions", IMPORT_FILTER),
        )
        if not chosen:
            return None
        path = chosen
    from coding.refi.exchange import (  # lxml: not at start-up
        apply_import,
        import_paused,
        read_for_import,
        sources_in,
    )

    source = Path(path)

    def read_and_merge(progress: Progress) -> ExchangeReport | None:  # in the worker thread
        with import_paused():
            return _read_and_merge(progress)

    def _read_and_merge(progress: Progress) -> ExchangeReport | None:
        total = sources_in(source)
        done = 0

        def advance(name: str) -> None:
            nonlocal done
            done += 1
            if progress(min(done, total), total, name) is False:
                raise _Cancelled

        try:
            data = read_for_import(project, source, advance)
        except _Cancelled:
            return None
        if (
            progress(total, total, QCoreApplication.translate("refi_actions", "writing into the project"))
            is False
        ):
            return None
        return apply_import(project, data, source)  # one command, committed here

    def done(report: ExchangeReport | None) -> None:
        if report is None:
            operations.tell(
                parent,
                QCoreApplication.translate(
                    "refi_actions", "Import of {name} cancelled; nothing was changed"
                ).format(name=source.name),
            )
        else:
            show_report(parent, report)

    return write_in_worker(
        parent,
        project,
        read_and_merge,
        title=QCoreApplication.translate("refi_actions", "Import"),
        success=done,
        cancellable=True,
    )


def install(
    import_menu: QMenu, export_menu: QMenu, parent: QWidget, current: Callable[[], Project | None]
) -> list[QAction]:
    """Add the REFI-QDA entries to File → Import and File → Export.

    ``current`` returns the open project (or ``None``; the actions then do nothing).
    """

    def with_project(action: Callable[[Project], object]) -> Callable[[], None]:
        def run() -> None:
            project = current()
            if project is not None:
                action(project)

        return run

    entries = [
        (
            import_menu,
            QCoreApplication.translate("RefiActions", "Import a REFI-QDA project or codebook (.qdpx, .qdc)…"),
            lambda p: import_exchange_file(parent, p),
        ),
        (
            export_menu,
            QCoreApplication.translate("RefiActions", "Export as a REFI-QDA project (.qdpx)…"),
            lambda p: export_exchange(parent, p, ".qdpx"),
        ),
        (
            export_menu,
            QCoreApplication.translate("RefiActions", "Export the codebook as REFI-QDA (.qdc)…"),
            lambda p: export_exchange(parent, p, ".qdc"),
        ),
    ]
    actions = []
    for menu, text, handler in entries:
        action = QAction(text, parent)
        action.triggered.connect(with_project(handler))
        menu.addAction(action)
        actions.append(action)
    return actions
