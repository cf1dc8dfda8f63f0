"""File → Import supervisor's review…: read a review workbook or Word document back into the project.

The file is read and matched and the marks are written in a worker thread (``Project.import_review(apply=False)``,
then one undoable step committed there: ``write_in_worker``; thousands of marks at ten times the corpus);
this module asks for the file
and shows the report: marks added, changed, unchanged, and every
row that was not applied, with where it is in the file and why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.widgets import file_dialogs, operations
from app.widgets.long_operation import Progress
from app.widgets.report_box import report_box
from app.widgets.translated import QT_TRANSLATE_NOOP
from app.widgets.worker_write import WriteOperation, write_in_worker
from coding import Project

if TYPE_CHECKING:
    from coding.reviews.review_import import ReviewImportReport

REVIEW_FILTER = QT_TRANSLATE_NOOP("review_actions", "Supervisor's review (*.xlsx *.docx)")
TITLE = QT_TRANSLATE_NOOP("review_actions", "Import supervisor's review")


def show_report(parent: QWidget | None, report: ReviewImportReport) -> QMessageBox:
    """The summary line; what was not applied under "Show Details…"."""
    lines = report.lines()
    box = report_box(
        parent,
        QCoreApplication.translate("review_actions", TITLE),
        lines,
        complete=report.ok,
        summary="\n".join(line for line in lines[1:] if not line.startswith("  ")),
        more=lambda count: QCoreApplication.translate(
            "review_actions", "… and {count} more (`codewerk import-review` lists them all)"
        ).format(count=count),
    )
    box.setObjectName("reviewImportReport")
    box.open()
    return box


def import_review_file(
    parent: QWidget | None, project: Project, path: Path | str | None = None
) -> WriteOperation | None:
    """Ask for the file (unless given) and import it as a long operation: the file is read and
    compared with the project and the marks written (one undoable step) in a worker thread, then the
    report is shown. ``None`` when the user cancelled; a refusal (another
    project's file, not a review file) is reported the one way."""
    if path is None:
        chosen, _filter = file_dialogs.open_file_name(
            parent,
            QCoreApplication.translate("review_actions", TITLE),
            str(project.path.parent),
            QCoreApplication.translate("review_actions", REVIEW_FILTER),
        )
        if not chosen:
            return None
        path = chosen
    source = Path(path)
    project.identity()  # an older project gets its id here, on the GUI thread

    def work(_progress: Progress) -> ReviewImportReport:  # in the worker thread: reads, then writes
        report = project.import_review(source, apply=False)
        if report.marks:
            project.reviews.apply_marks(
                report.marks,
                reviewer=report.reviewer,
                text=QCoreApplication.translate("review_actions", "Import review by {name}").format(
                    name=report.reviewer
                ),
            )
        return report

    def done(report: ReviewImportReport | None) -> None:
        if report is None:  # cancelled: nothing was written
            return
        operations.tell(parent, report.lines()[0])
        show_report(parent, report)

    return write_in_worker(
        parent,
        project,
        work,
        title=QCoreApplication.translate("review_actions", TITLE),
        success=done,
        cancellable=True,
    )
