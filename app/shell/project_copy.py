"""File → Save a copy…: the project file copied to a name the user chooses (a backup, a version to
hand in), while work goes on in the project as it is."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.widgets import file_dialogs, long_operation, operations
from coding import Project
from coding.project_file import PROJECT_SUFFIX


def ask_path(parent: QWidget, suggested: Path) -> str:
    """The file to copy to (the dialog itself asks before replacing a file); empty when cancelled."""
    name, _filter = file_dialogs.save_file_name(
        parent,
        QCoreApplication.translate("project_copy", "Save a copy of the project"),
        str(suggested),
        QCoreApplication.translate("project_copy", "Codewerk projects (*{suffix})").format(
            suffix=PROJECT_SUFFIX
        ),
    )
    return name


def save_copy(parent: QWidget, project: Project) -> long_operation.LongOperation | None:
    """Ask where, then copy in a worker thread (a research group's project file is hundreds of
    megabytes), with progress over the window; says where the copy went (and that work goes on in
    the original). ``None`` when the user cancelled; the operation's ``finished(path)`` says when the
    copy is there."""
    stamp = datetime.now().strftime("%Y-%m-%d")
    suggested = project.path.with_name(f"{project.path.stem}-{stamp}{PROJECT_SUFFIX}")
    name = ask_path(parent, suggested)
    if not name:
        return None

    def copy(_progress: long_operation.Progress) -> Path:  # in the worker thread: reads the project file only
        return project.save_copy(name, overwrite=True)

    def done(target: Path) -> None:
        operations.tell(
            parent,
            QCoreApplication.translate(
                "project_copy", "Saved a copy to {target} — you go on working in {name}"
            ).format(target=target, name=project.path.name),
        )

    return long_operation.LongOperation(
        parent,
        copy,
        title=QCoreApplication.translate("project_copy", "Save a copy"),
        success=done,
    ).start()
