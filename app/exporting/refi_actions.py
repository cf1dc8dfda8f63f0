"""File → Import / Export of REFI-QDA files (.qdpx projects, .qdc codebooks) for the main window.

The main window installs the actions with :func:`install` (or calls the functions from its own
actions). Everything runs through the Qt-free services in :mod:`coding.refi`; this module only
asks for file names and shows what happened. An import is one undoable step on the window's
undo stack (it goes through ``Project.execute``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from coding import CodewerkError, Project

if TYPE_CHECKING:
    from coding.refi.report import ExchangeReport

PROJECT_FILTER = "REFI-QDA project (*.qdpx)"
CODEBOOK_FILTER = "REFI-QDA codebook (*.qdc)"
IMPORT_FILTER = "REFI-QDA project or codebook (*.qdpx *.qdc)"
MAX_LISTED = 500


def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_error(parent: QWidget | None, title: str, error: Exception) -> QMessageBox:
    return _message(parent, QMessageBox.Icon.Critical, title, str(error))


def show_report(parent: QWidget | None, report: ExchangeReport) -> QMessageBox:
    """The import's summary, with every skipped or adjusted element under "Show Details…"."""
    lines = report.lines()
    icon = QMessageBox.Icon.Information if report.complete else QMessageBox.Icon.Warning
    box = QMessageBox(icon, "Import", lines[0], QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    summary = [line.removesuffix(":") for line in lines[1:] if not line.startswith("  ")]
    if summary:
        hint = (
            "\n\nShow Details lists each element and the reason." if report.skipped or report.adjusted else ""
        )
        box.setInformativeText("\n".join(summary) + hint)
    details = lines[1:]
    if details:
        shown = details[:MAX_LISTED]
        if len(details) > MAX_LISTED:
            shown.append(
                f"… and {len(details) - MAX_LISTED} more (use `codewerk import-qdpx` for the full list)"
            )
        box.setDetailedText("\n".join(shown))
    box.open()
    return box


def export_exchange(
    parent: QWidget | None, project: Project, suffix: str = ".qdpx", path: Path | str | None = None
) -> Path | None:
    """Ask for a file name (the dialog confirms overwriting) and export; ``None`` if cancelled or failed."""
    if path is None:
        title = "Export REFI-QDA project" if suffix == ".qdpx" else "Export REFI-QDA codebook"
        default = str(project.path.with_suffix(suffix))
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, title, default, PROJECT_FILTER if suffix == ".qdpx" else CODEBOOK_FILTER
        )
        if not chosen:
            return None
        path = chosen if chosen.lower().endswith(suffix) else chosen + suffix
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return project.export(Path(path), overwrite=True)
    except (CodewerkError, OSError) as exc:
        show_error(parent, "Export failed", exc)
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()


def import_exchange_file(
    parent: QWidget | None, project: Project, path: Path | str | None = None
) -> ExchangeReport | None:
    """Ask for a .qdpx or .qdc and merge it into the project; shows the report (or the refusal)."""
    if path is None:
        chosen, _filter = QFileDialog.getOpenFileName(parent, "Import REFI-QDA file", "", IMPORT_FILTER)
        if not chosen:
            return None
        path = chosen
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        from coding.refi.exchange import import_exchange  # lxml and defusedxml: not at start-up

        report = import_exchange(project, Path(path))
    except (CodewerkError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        show_error(parent, "Import refused", exc)
        return None
    QGuiApplication.restoreOverrideCursor()
    show_report(parent, report)
    return report


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
            "REFI-QDA project or codebook (.qdpx, .qdc)…",
            lambda p: import_exchange_file(parent, p),
        ),
        (export_menu, "REFI-QDA project (.qdpx)…", lambda p: export_exchange(parent, p, ".qdpx")),
        (export_menu, "REFI-QDA codebook (.qdc)…", lambda p: export_exchange(parent, p, ".qdc")),
    ]
    actions = []
    for menu, text, handler in entries:
        action = QAction(text, parent)
        action.triggered.connect(with_project(handler))
        menu.addAction(action)
        actions.append(action)
    return actions
