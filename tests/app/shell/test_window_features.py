"""The workbench's menus reach the features built beside it: Compare, Export, REFI-QDA exchange."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from app.exporting.export_dialog import ExportDialog
from app.judgements.compare_window import CompareWindow


def test_view_compare_opens_the_grid_and_undo_works_there(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.window_actions.compare.trigger()
    compare = window.compare_window
    assert isinstance(compare, CompareWindow) and compare.isVisible()
    view = compare.view
    qtbot.waitUntil(lambda: view.reading is None)  # the grid is read in a worker thread
    project = window.workspace.project
    index = view.select_cell(project.codes.resolve("Urgentiebesef").id, "Zwolle")
    assert index.isValid()
    editor = view.editor
    editor.score_box.setCurrentText("+")
    editor.justification.setPlainText("iedereen voelt de noodzaak")
    editor.save_button.click()
    judged = {(a.value, a.code_path): a.score for a in project.judgements.list()}
    assert judged[("Zwolle", "Urgentiebesef")] == "+"
    assert window.workspace.undo_stack.undoText().startswith("Judge Urgentiebesef")
    window.window_actions.undo.trigger()
    judged = {(a.value, a.code_path) for a in project.judgements.list()}
    assert ("Zwolle", "Urgentiebesef") not in judged
    window.close_project()
    assert window.compare_window is None


def test_file_export_opens_the_export_dialog(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    seen: list[QDialog] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ExportDialog):
            seen.append(dialog)
            dialog.reject()

    window.window_actions.export.trigger()  # window-modal, not blocking
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ExportDialog))
    close_it()
    assert len(seen) == 1


def test_file_menu_offers_the_refi_exchange(window) -> None:  # type: ignore[no-untyped-def]
    texts = [action.text() for action in window.window_actions.exchange_menu.actions()]
    assert any(".qdpx, .qdc" in text for text in texts)
    assert any("(.qdpx)" in text for text in texts) and any("(.qdc)" in text for text in texts)
    # Import and export share the submenu: each entry says which it is.
    assert [text.split()[0] for text in texts] == ["Import", "Export", "Export"]


def test_search_window_shows_a_hit_in_the_transcript(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.window_actions.search.trigger()
    language = window.language_window
    assert language is not None and language.isVisible()
    project = window.workspace.project
    project.assist.index()
    panel = language.search
    panel.query.setText("vertrouwen")
    panel.run_search()
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    line = panel.model.line(0)
    panel.lineActivated.emit(line)
    assert window.view.document_id == line.document_id
    assert window.view.selection_span() == (line.start, line.end)


def test_tools_menu_opens_speakers_and_anonymisation(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from app.language.anonymise_dialog import AnonymiseDialog
    from app.speakers.speakers_dialog import SpeakersDialog

    seen: list[type] = []

    def close_modal() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append(type(dialog))
            dialog.reject()

    QTimer.singleShot(100, close_modal)
    window.window_actions.speakers.trigger()
    QTimer.singleShot(100, close_modal)
    window.window_actions.anonymise.trigger()
    assert seen == [SpeakersDialog, AnonymiseDialog]
