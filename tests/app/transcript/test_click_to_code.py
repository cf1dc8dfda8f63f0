"""Clicking a code never codes unnoticed: it selects the code unless click-to-code mode is on, a
coding clears the selection, a jump to a quote selects nothing, and an exact repeat is refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.shell.main_window import MainWindow
from tests.app.window_helpers import code_id, codings_at, open_document, select_text, tree_point

PASSAGE = "Samen kom je veel verder."


def _click_code(qtbot, window: MainWindow, reference: str) -> None:  # type: ignore[no-untyped-def]
    tree = window.codebook_dock.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree_point(window, reference))
    QApplication.processEvents()


def test_clicking_a_code_with_a_selection_only_selects_the_code(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert not window.window_actions.click_to_code.isChecked()  # an explicit mode, off at first
    assert not window.mode_label.isVisible()
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, PASSAGE)
    _click_code(qtbot, window, "Urgentiebesef")
    assert codings_at(window, start, end) == []
    assert window.codebook_dock.selected_codes() == [code_id(window, "Urgentiebesef")]
    window.quotes_dock.model.flush()
    assert window.quotes_dock.model.codes == [code_id(window, "Urgentiebesef")]


def test_coding_clears_the_selection_so_a_later_click_codes_nothing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.window_actions.click_to_code.setChecked(True)
    assert window.mode_label.isVisible()  # the mode is shown while it is on
    assert window.workspace is not None
    window.workspace.favourites.set(["Stabiliteit"])
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert codings_at(window, start, end) == ["Stabiliteit"]
    assert window.view.selection_span() is None
    assert window.view.current_passage() is not None  # the new coding stays outlined
    _click_code(qtbot, window, "Urgentiebesef")  # "to see its quotes"
    assert codings_at(window, start, end) == ["Stabiliteit"]


def test_a_jump_to_a_quote_leaves_no_selection_to_code(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.window_actions.click_to_code.setChecked(True)
    assert window.workspace is not None
    quote = next(q for q in window.workspace.project.quotes("8b") if q.document == "R12_uwv_zwolle")
    _click_code(qtbot, window, "8b")
    table = window.quotes_dock.table
    model = window.quotes_dock.model
    assert model is not None
    model.flush()
    row = next(r for r, q in enumerate(model.quotes()) if q.coding_id == quote.coding_id)
    table.scrollTo(model.index(row, 1))
    rect = table.visualRect(model.index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    assert window.view.current_coding == quote.coding_id
    assert window.view.selection_span() is None
    before = codings_at(window, quote.start, quote.end)
    _click_code(qtbot, window, "Urgentiebesef")
    assert codings_at(window, quote.start, quote.end) == before


def test_an_exact_repeat_is_refused_with_a_message(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.window_actions.click_to_code.setChecked(True)
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, PASSAGE)
    _click_code(qtbot, window, "Urgentiebesef")
    assert codings_at(window, start, end) == ["Urgentiebesef"]
    select_text(window, PASSAGE)
    _click_code(qtbot, window, "Urgentiebesef")
    assert codings_at(window, start, end) == ["Urgentiebesef"]
    assert "already coded" in window.statusBar().currentMessage()
