"""The Quotes dock after a coding re-reads only the quotes around the coded span (issue 19): what it
lists must still be exactly what a fresh listing of the project gives, in the same order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.shell.main_window import MainWindow
from tests.app.window_helpers import codings_at, open_document, select_text

PASSAGE = "Samen kom je veel verder."


def _listed(window: MainWindow) -> list[tuple[int, int, int, int]]:
    model = window.quotes_dock.model
    assert model is not None
    model.flush()
    return [(q.coding_id, q.code_id, q.start, q.end) for q in model.quotes()]


def _fresh(window: MainWindow) -> list[tuple[int, int, int, int]]:
    assert window.workspace is not None
    return [(q.coding_id, q.code_id, q.start, q.end) for q in window.workspace.project.quotes()]


def test_coding_and_undo_keep_the_quote_list_exactly_as_a_fresh_listing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = window.quotes_dock.model
    assert model is not None and window.workspace is not None
    model.set_codes(None)
    before = _listed(window)
    assert before == _fresh(window) and before
    window.window_actions.click_to_code.setChecked(True)
    window.workspace.favourites.set(["Stabiliteit", "Urgentiebesef"])
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert codings_at(window, start, end) == ["Stabiliteit"]
    after_one = _listed(window)
    assert after_one == _fresh(window)
    assert len(after_one) == len(before) + 1
    # a second code on the same passage: the quote already there is re-read, not listed twice
    select_text(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert codings_at(window, start, end) == ["Stabiliteit", "Urgentiebesef"]
    after_two = _listed(window)
    assert after_two == _fresh(window) and len(after_two) == len(before) + 2
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert codings_at(window, start, end) == ["Stabiliteit"]
    assert _listed(window) == after_one
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert _listed(window) == before
