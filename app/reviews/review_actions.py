"""File → Import supervisor's review…: read a review workbook or Word document back into the project.

The reading and the marks go through ``Project.import_review`` (one undoable step on the window's undo
stack); this module asks for the file and shows the report: marks added, changed, unchanged, and every
row that was not applied, with where it is in the file and why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.widgets import operations
from coding import Project

if TYPE_CHECKING:
    from coding.reviews.review_import import ReviewImportReport

REVIEW_FILTER = "Supervisor's review (*.xlsx *.docx)"
MAX_LISTED = 500


def show_report(parent: QWidget | None, report: ReviewImportReport) -> QMessageBox:
    """The summary line; what was not applied under "Show Details…"."""
    lines = report.lines()
    icon = QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning
    box = QMessageBox(icon, "Import supervisor's review", lines[0], QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("reviewImportReport")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    summary = [line for line in lines[1:] if not line.startswith("  ")]
    if summary:
        box.setInformativeText("\n".join(summary))
    if len(lines) > 1:
        shown = lines[1 : MAX_LISTED + 1]
        if len(lines) - 1 > MAX_LISTED:
            shown.append(
                f"… and {len(lines) - 1 - MAX_LISTED} more (`codewerk import-review` lists them all)"
            )
        box.setDetailedText("\n".join(shown))
    box.open()
    return box


def import_review_file(
    parent: QWidget | None, project: Project, path: Path | str | None = None
) -> ReviewImportReport | None:
    """Ask for the file (unless given), import it and show the report; ``None`` when cancelled or
    refused (the refusal — another project's file, not a review file — is shown the one way)."""
    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent, "Import supervisor's review", str(project.path.parent), REVIEW_FILTER
        )
        if not chosen:
            return None
        path = chosen
    source = Path(path)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = operations.attempt(
            parent, lambda: project.import_review(source), notice=True, title="Import supervisor's review"
        )
    finally:
        QGuiApplication.restoreOverrideCursor()
    if report is not None:
        operations.tell(parent, report.lines()[0])
        show_report(parent, report)
    return report
