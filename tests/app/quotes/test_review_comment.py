"""A review comment typed in the Quotes dock is never dropped: Enter saves it, leaving the field
saves it, choosing another quote saves it first; a quote's own mark is kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from app.quotes.quotes_dock import QuotesDock
from app.shell.main_window import MainWindow
from coding.core.ids import CodingId


def _listed(qtbot, window: MainWindow) -> QuotesDock:  # type: ignore[no-untyped-def]
    dock = window.quotes_dock
    assert dock.model is not None
    qtbot.waitUntil(lambda: dock.model is not None and dock.model.loaded)
    dock.model.flush()
    return dock


def _click_row(qtbot, dock: QuotesDock, row: int) -> CodingId:  # type: ignore[no-untyped-def]
    assert dock.model is not None
    index = dock.model.index(row, 0)
    dock.table.scrollTo(index)
    qtbot.mouseClick(
        dock.table.viewport(), Qt.MouseButton.LeftButton, pos=dock.table.visualRect(index).center()
    )
    QApplication.processEvents()
    return dock.model.quote(row).coding_id


def _type_comment(qtbot, dock: QuotesDock, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dock.comment, Qt.MouseButton.LeftButton)
    dock.comment.setFocus()
    qtbot.keyClick(dock.comment, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dock.comment, text)


def _review(window: MainWindow, coding_id: CodingId):  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    quote = next(q for q in window.workspace.project.quotes() if q.coding_id == coding_id)
    return quote.review_by(window.workspace.project.coder)


def test_enter_saves_the_comment_and_marks_question(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = _listed(qtbot, window)
    first = _click_row(qtbot, dock, 0)
    assert _review(window, first) is None
    _type_comment(qtbot, dock, "Welke gemeente bedoelt zij?")
    qtbot.keyClick(dock.comment, Qt.Key.Key_Return)
    review = _review(window, first)
    assert review is not None and review.comment == "Welke gemeente bedoelt zij?"
    assert review.status == "question"

    _click_row(qtbot, dock, 1)  # another quote: its own (empty) comment shows
    assert dock.comment.text() == ""
    _click_row(qtbot, dock, 0)
    assert dock.comment.text() == "Welke gemeente bedoelt zij?"


def test_choosing_another_row_saves_what_was_typed_and_keeps_the_mark(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = _listed(qtbot, window)
    first = _click_row(qtbot, dock, 0)
    qtbot.keyClick(dock.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # agreed
    review = _review(window, first)
    assert review is not None and review.status == "agreed"

    _type_comment(qtbot, dock, "Sterk citaat")
    second = _click_row(qtbot, dock, 1)  # no Enter: leaving for another row saves it
    review = _review(window, first)
    assert review is not None and (review.status, review.comment) == ("agreed", "Sterk citaat")
    assert _review(window, second) is None
    assert dock.comment.text() == ""


def test_clearing_a_mark_does_not_bring_its_comment_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = _listed(qtbot, window)
    first = _click_row(qtbot, dock, 0)
    _type_comment(qtbot, dock, "Later nakijken")
    qtbot.keyClick(dock.comment, Qt.Key.Key_Return)
    assert _review(window, first) is not None
    clear = next(
        b for b in dock.findChildren(QToolButton) if b.defaultAction() is dock.review_actions["clear"]
    )
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert _review(window, first) is None
    _click_row(qtbot, dock, 1)
    assert _review(window, first) is None


def test_a_comment_left_for_another_quote_while_an_import_writes_is_saved_when_it_is_done(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    from app.widgets.long_operation import running_operations
    from tests.app.details.test_typed_while_writing import held_write

    dock = _listed(qtbot, window)
    first = _click_row(qtbot, dock, 0)
    _type_comment(qtbot, dock, "Welke gemeente bedoelt zij?")
    release = held_write(window)
    _click_row(qtbot, dock, 1)  # saved on leaving for another quote: refused while writing
    assert dock.comment.text() == ""
    _click_row(qtbot, dock, 0)  # back before the import is done: what was typed
    assert dock.comment.text() == "Welke gemeente bedoelt zij?"
    _click_row(qtbot, dock, 1)
    release.set()
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)
    qtbot.waitUntil(lambda: _review(window, first) is not None, timeout=5_000)
    review = _review(window, first)
    assert review.comment == "Welke gemeente bedoelt zij?" and review.status == "question"
