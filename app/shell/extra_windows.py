"""The windows beside the main one, each made when first asked for and closed with the project:
Compare regions (its own window or a panel), Analysis, Intercoder agreement, Search and suggestions,
Documents × attributes and Memos; and the dialogs Speakers, Anonymise names and Second coder.

Each module loads when first used (the functions import it), not at start-up.
"""

from __future__ import annotations

import importlib
import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from app.shell import settings
from app.widgets import long_operation, operations
from coding.core.ids import CodingId, DocumentId

if TYPE_CHECKING:
    from app.shell.main_window import MainWindow
    from coding.agreement.report import Disagreement


def show_attribute_table(window: MainWindow) -> None:
    """Tools → Documents × attributes…: the attributes of every document, edited like a spreadsheet."""
    if window.workspace is None:
        return
    if window.attribute_window is None:
        from app.documents.attribute_table import AttributeTableWindow  # loaded when first used

        window.attribute_window = AttributeTableWindow(window.workspace, _undo_redo(window), window)
    _bring_forward(window.attribute_window)


def show_memos(window: MainWindow) -> None:
    """Tools → Memos…: every memo, filterable, double-click goes to its object; the project memo."""
    if window.workspace is None:
        return
    if window.memo_window is None:
        from app.memos.memo_list import MemoListWindow  # loaded when first used

        window.memo_window = MemoListWindow(window.workspace, _undo_redo(window), window)
        window.memo_window.documentRequested.connect(
            lambda document_id: _show_from_memos(window, document_id)
        )
        window.memo_window.codeRequested.connect(window.codebook_dock.select_code)
        window.memo_window.codingRequested.connect(lambda coding_id: _coding_from_memos(window, coding_id))
    _bring_forward(window.memo_window)


def _show_from_memos(window: MainWindow, document_id: DocumentId) -> None:
    window.open_document(document_id)
    _bring_forward(window)


def _coding_from_memos(window: MainWindow, coding_id: CodingId) -> None:
    if window.workspace is not None:
        quote = next((q for q in window.workspace.project.quotes() if q.coding_id == coding_id), None)
        if quote is not None:
            window.jump_to_quote(quote)
            _bring_forward(window)


def compare(window: MainWindow) -> None:
    """View → Compare regions…: the judgement grid in its own window."""
    if window.workspace is None:
        return
    if window.compare_window is None:
        from app.judgements.compare_window import CompareWindow  # Qt Charts: loaded when first used

        window.compare_window = CompareWindow(window.workspace, _undo_redo(window), window)
        window.compare_window.dockRequested.connect(lambda: window.dock_compare(True))
    if settings.flag("compare/docked"):
        window.dock_compare(True)
        return
    _bring_forward(window.compare_window)


def dock_compare(window: MainWindow, docked: bool) -> None:
    """Compare regions as a panel of this window (``True``) or in its own window (``False``)."""
    compare_window = window.compare_window
    if compare_window is None:
        return
    from app.judgements.compare_dock import CompareDock  # with the Compare window, on first use

    if window.compare_dock is None:
        window.compare_dock = CompareDock(window)
        window.compare_dock.undockRequested.connect(lambda: window.dock_compare(False))
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.compare_dock)
        window.tabifyDockWidget(window.quotes_dock, window.compare_dock)
    settings.set_flag("compare/docked", docked)
    compare_window.view.save_pending()
    if docked:
        if window.compare_dock.view is None:
            compare_window.remember()
            window.compare_dock.take(compare_window.view)
        compare_window.hide()
        window.compare_dock.show()
        window.compare_dock.raise_()
    else:
        view = window.compare_dock.give_back()
        if view is not None:
            compare_window.take_back(view)
        window.compare_dock.hide()
        _bring_forward(compare_window)


def show_agreement(window: MainWindow) -> None:
    """Analysis → Intercoder agreement (Ctrl+Shift+A): figures, method and disagreements."""
    if window.workspace is None:
        return
    if window.agreement_window is None:
        from app.agreement.agreement_window import AgreementWindow  # loaded when first used

        window.agreement_window = AgreementWindow(window.workspace, _undo_redo(window), window)
        window.agreement_window.showRequested.connect(lambda unit: show_unit(window, unit))
    _bring_forward(window.agreement_window)


def show_unit(window: MainWindow, unit: Disagreement) -> None:
    """A disagreement in its transcript, with every coder's stripes; the main window comes to the front
    (the agreement window would otherwise cover the transcript)."""
    window.window_actions.layers["all"].setChecked(True)
    window.view.set_layer("all")
    window.show_passage(unit.document_id, unit.start, unit.end)


def second_coder(window: MainWindow, action: str) -> None:
    """File → Second coder → Prepare package… / Merge a coder's project…"""
    if window.workspace is not None:
        from app.agreement import second_coder  # loaded when first used

        getattr(second_coder, action)(window, window.workspace.project)


def analyse(window: MainWindow, tab: str = "cooccurrence") -> None:
    """Analysis → Co-occurrence… / Code × case matrix…: the heat maps in their own window."""
    if window.workspace is None:
        return
    if window.analysis_window is None:
        from app.analysis.analysis_window import AnalysisWindow  # loaded when first used

        window.analysis_window = AnalysisWindow(window.workspace, _undo_redo(window), window)
        window.analysis_window.cooccurrence.jumpRequested.connect(window.jump_to_quote)
        window.analysis_window.matrix.jumpRequested.connect(window.jump_to_quote)
    window.analysis_window.show_tab(tab)
    _bring_forward(window.analysis_window)


#: What the Search and suggestions window needs besides the window's own modules: numpy and the language
#: services (0.3–0.7 s of imports on the GUI thread at its first opening, whatever the project's size).
#: :func:`prepare_search` imports them in a worker a while after a project file opened; the window's
#: longest gap meanwhile stays under 50 ms (the imports let the GUI thread run between their steps).
SEARCH_MODULES = (
    "numpy",
    "coding.language.frequencies",
    "coding.language.search",
    "coding.language.kwic",
    "coding.language.suggestions.listing",
    "coding.language.suggestions.calibration",
    "coding.language.suggestions.commands",
    "coding.language.assistant",
    "coding.language.anonymise",
)
#: How long after the project's first paint :func:`prepare_search` begins: the docks' first reads go first.
PREPARE_SEARCH_AFTER_MS = 3000


def prepare_search(window: MainWindow) -> None:
    """Import what View → Search and suggestions needs in a worker, :data:`PREPARE_SEARCH_AFTER_MS` from now,
    so that its first opening does not wait for the imports (a team project has no word index: nothing)."""
    workspace = window.workspace
    if workspace is None or workspace.project.is_team_project:
        return

    opened = weakref.ref(workspace)  # a project closed meanwhile is not kept for the timer

    def start() -> None:
        if window.workspace is None or window.workspace is not opened() or window.language_window is not None:
            return  # closed meanwhile, or the window was opened already (it imported them)
        long_operation.LongOperation(
            None,
            lambda _progress: _import_quietly(SEARCH_MODULES),
            title=QCoreApplication.translate("MainWindow", "Preparing search"),
            show="none",
        ).start()

    QTimer.singleShot(PREPARE_SEARCH_AFTER_MS, window, start)


def _import_quietly(names: tuple[str, ...]) -> None:
    """Import ``names`` (in a worker); one that fails is left for its real use to report."""
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # the window reports it when the user opens Search
            continue


def search(window: MainWindow) -> None:
    """View → Search and suggestions…: search, suggestion queue and frequencies in their own window."""
    if window.workspace is None or _without_word_index(window, window.window_actions.search):
        return
    if window.language_window is None:
        from app.language.language_window import (
            LanguageWindow,
        )  # search, suggestions, charts: on first use

        window.language_window = LanguageWindow(window.workspace, _undo_redo(window), window)
        window.language_window.passageRequested.connect(window.show_passage)
    _bring_forward(window.language_window)


def show_speakers(window: MainWindow) -> None:
    """Tools → Speakers…: detected speakers, renaming, interviewer marks, label patterns."""
    if window.workspace is not None:
        from app.speakers.speakers_dialog import SpeakersDialog  # loaded when first used

        dialog = SpeakersDialog(window.workspace.project, window, workspace=window.workspace)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()


def anonymise(window: MainWindow) -> None:
    """Tools → Anonymise names…: the respondent register and confirmed replacements."""
    if window.workspace is not None and not _without_word_index(window, window.window_actions.anonymise):
        from app.language.anonymise_dialog import AnonymiseDialog  # loaded when first used

        AnonymiseDialog(window.workspace.bridge, window).exec()


def _without_word_index(window: MainWindow, action: QAction) -> bool:
    """Search, suggestions, frequencies and anonymising read the word index, which a team project
    has not (it works on project files only): instead of a window that cannot work, the domain's
    one message says so and how to go on (in a box: the window asked for did not open)."""
    assert window.workspace is not None
    project = window.workspace.project
    if not project.is_team_project:
        return False
    title = action.text().replace("&", "").rstrip("…").rstrip(".")
    return operations.attempt(window, lambda: project.assist, notice=True, title=title) is None


def _undo_redo(window: MainWindow) -> list[QAction]:
    """The main window's Undo and Redo, shared by the extra windows (one undo history)."""
    return [window.window_actions.undo, window.window_actions.redo]


def _bring_forward(widget: QWidget) -> None:
    """Show a window (or bring it back if hidden) above the others, with the keyboard focus."""
    widget.show()
    widget.raise_()
    widget.activateWindow()


def close_all(window: MainWindow) -> None:
    """Close the extra windows with the project (the Compare view goes back to its window first)."""
    if window.compare_dock is not None and window.compare_window is not None:
        view = window.compare_dock.give_back()  # the view goes with its window
        if view is not None:
            window.compare_window.take_back(view)
        window.compare_dock.hide()
    if window.attribute_window is not None:
        window.attribute_window.model.detach()
    if window.memo_window is not None:
        window.memo_window.detach()
    for extra in (
        window.compare_window,
        window.analysis_window,
        window.language_window,
        window.agreement_window,
        window.attribute_window,
        window.memo_window,
    ):
        if extra is not None:
            extra.close()
            extra.deleteLater()
    for guide in window.findChildren(QMainWindow, "guideWindow"):  # Analysis → Interview guide
        guide.close()
        guide.deleteLater()
    window.compare_window = None
    window.analysis_window = None
    window.agreement_window = None
    window.language_window = None
    window.attribute_window = None
    window.memo_window = None
