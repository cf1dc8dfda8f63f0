"""Import guide…: attach the numbered questions of a guide document (.docx/.txt) to the codes with
those references, from the window (the guide view's button, File → Import interview guide…).

The same service as ``codewerk guide PROJECT import`` (:meth:`GuideService.import_guide`), run through
the one operation helper: one undoable step; a guide document that cannot be used (empty, no numbered
questions, a number twice, none of its questions on a code) is refused with the file and the reason and
attaches nothing. The report says what was attached and which questions could not be placed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.shell.workspace import Workspace
from app.widgets import file_dialogs, operations
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.guide.guide_service import GuideImport

CONTEXT = "guide_import"
TITLE = QT_TRANSLATE_NOOP("guide_import", "Import interview guide")
GUIDE_FILTER = QT_TRANSLATE_NOOP("guide_import", "Interview guide (*.docx *.txt)")
REPORT = "guideImportReport"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def summary(result: GuideImport) -> str:
    """One line: how many questions were attached and which could not be placed (the CLI's list)."""
    line = QCoreApplication.translate(
        "guide_import", "Attached {count} guide question(s) from {source}"
    ).format(count=len(result.attached), source=result.source)
    if result.unplaced:
        line += QCoreApplication.translate(
            "guide_import", "; could not place {count} question(s), no code has the reference: {refs}"
        ).format(count=len(result.unplaced), refs=", ".join(result.unplaced))
    return line


def show_report(parent: QWidget | None, result: GuideImport) -> QMessageBox:
    """The summary; every attached question with its code under "Show Details…"."""
    icon = QMessageBox.Icon.Warning if result.unplaced else QMessageBox.Icon.Information
    box = QMessageBox(icon, _tr(TITLE), summary(result), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(REPORT)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setDetailedText("\n".join(f"{ref}  {code}" for ref, code in result.attached))
    box.open()
    return box


def import_guide_file(
    parent: QWidget, workspace: Workspace, path: Path | str | None = None
) -> GuideImport | None:
    """Ask for the guide document (unless given) and attach its questions: one undoable step.
    ``None`` when the user cancelled or the document was refused (reported with the file's name)."""
    project = workspace.project
    if path is None:
        chosen, _filter = file_dialogs.open_file_name(
            parent, _tr(TITLE), str(project.path.parent), _tr(GUIDE_FILTER)
        )
        if not chosen:
            return None
        path = chosen
    source = Path(path)
    result = operations.attempt(
        parent, lambda: project.guide.import_guide(source), notice=True, title=_tr(TITLE)
    )
    if result is not None:
        operations.tell(parent, summary(result))
        show_report(parent, result)
    return result
