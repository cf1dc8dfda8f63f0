"""File → Second coder: prepare a blind package for a second coder, and merge their project back.

Both run through the Qt-free functions of :mod:`coding.refi` (``package_for_coder``,
``merge_project``); the merge is one undoable step and its report shows like an import's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from app.widgets import operations
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding import Project

PROJECT_FILTER = QT_TRANSLATE_NOOP("second_coder", "Codewerk projects (*.codewerk);;All files (*)")


def prepare_package(
    parent: QWidget, project: Project, name: str | None = None, out: Path | None = None
) -> Path | None:
    """Ask for the second coder's name and the new file; make the package (all documents)."""
    from coding.refi.package import package_for_coder

    if name is None:
        name, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("second_coder", "Prepare package"),
            QCoreApplication.translate("second_coder", "Name of the second coder:"),
        )
        if not ok or not name.strip():
            return None
    if out is None:
        suggested = project.path.with_name(f"{project.path.stem} – {name.strip()}.codewerk")
        chosen, _filter = QFileDialog.getSaveFileName(
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
    target = out
    report = operations.attempt(
        parent,
        lambda: package_for_coder(project, target, coder=name),
        notice=True,
        title=QCoreApplication.translate("second_coder", "Prepare package"),
    )
    if report is None:
        return None
    operations.tell(parent, report.line())
    return report.path


def merge_coder(parent: QWidget, project: Project, path: Path | None = None) -> object:
    """Ask for a coder's project file and merge it; shows the report (added, kept, conflicts)."""
    from app.exporting.refi_actions import show_report
    from coding.refi.merge import merge_project  # lxml: not at start-up

    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("second_coder", "Merge a coder's project"),
            "",
            QCoreApplication.translate("second_coder", PROJECT_FILTER),
        )
        if not chosen:
            return None
        path = Path(chosen)
    source = path
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = operations.attempt(
            parent,
            lambda: merge_project(project, source),
            notice=True,
            title=QCoreApplication.translate("second_coder", "Merge"),
        )
    finally:
        QGuiApplication.restoreOverrideCursor()
    if report is not None:
        show_report(parent, report)
    return report
