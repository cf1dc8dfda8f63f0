"""The Quotes dock after a coding re-reads only the quotes around the coded span (issue 19): what it
lists must still be exactly what a fresh listing of the project gives, in the same order."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.quotes.quote_table_model import DOCUMENT
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


def _click_header(qtbot, window: MainWindow, column: int) -> None:  # type: ignore[no-untyped-def]
    header = window.quotes_dock.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_rows_are_put_in_and_taken_out_in_place_under_a_sort_and_a_filter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Sorted by document (descending) and filtered by a word: a coding and its undo insert and
    remove one row each, no reset, and the rows equal a fresh listing with the same sort and filter."""
    dock = window.quotes_dock
    model = dock.model
    assert model is not None and window.workspace is not None
    model.set_codes(None)
    for _ in range(2):  # ascending, then descending
        _click_header(qtbot, window, DOCUMENT)
    assert model._sort is not None and model._sort[1] == Qt.SortOrder.DescendingOrder
    qtbot.keyClicks(dock.text, "samen")
    qtbot.waitUntil(lambda: 0 < model.rowCount() < len(model._all))
    assert all("samen" in (q.text + q.memo).lower() for q in model.quotes())
    shown_before = _listed(window)
    resets: list[str] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    model.rowsInserted.connect(lambda *_: resets.append("inserted"))
    model.rowsRemoved.connect(lambda *_: resets.append("removed"))

    window.workspace.favourites.set(["Stabiliteit"])
    open_document(window, "R12_uwv_zwolle")
    select_text(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    shown = _listed(window)
    assert resets == ["inserted"]
    assert len(shown) == len(shown_before) + 1
    model.set_codes(None)  # a fresh listing, same sort and filter
    assert _listed(window) == shown
    resets.clear()

    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert _listed(window) == shown_before
    assert resets == ["removed"]
    model.set_codes(None)
    assert _listed(window) == shown_before
