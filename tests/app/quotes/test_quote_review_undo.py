"""Marking several quotes in the Quotes dock is one user action: one Ctrl+Z undoes every mark."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.quotes.quote_table_model import REVIEW
from app.shell.main_window import MainWindow


def _key(qtbot, widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, key, modifiers)
    QApplication.processEvents()


def test_marking_selected_quotes_is_one_undo_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    dock = window.quotes_dock
    model = dock.model
    assert model is not None
    qtbot.waitUntil(lambda: model.loaded)
    table = dock.table
    reviewer = model.reviewer
    before = [model.quote(row).review_by(reviewer) for row in range(3)]
    assert before == [None, None, None]
    steps = workspace.undo_stack.count()

    # the first three rows, selected with the keyboard, marked agreed with Ctrl+1
    table.setFocus()
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(0, 0)).center()
    )
    _key(qtbot, table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    _key(qtbot, table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(dock.selected_quotes()) == 3
    marked = {q.coding_id for q in dock.selected_quotes()}
    _key(qtbot, table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    model.flush()
    agreed = [q for q in model.quotes() if q.coding_id in marked]
    assert len(agreed) == 3 and all(q.review_by(reviewer).status == "agreed" for q in agreed)  # type: ignore[union-attr]
    assert workspace.undo_stack.count() == steps + 1
    assert workspace.undo_stack.undoText() == "Review 3 quotes"

    # one Ctrl+Z takes every mark back, one Ctrl+Shift+Z puts them all back
    _key(qtbot, table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    model.flush()
    assert all(q.review_by(reviewer) is None for q in model.quotes() if q.coding_id in marked)
    assert all(model.index(row, REVIEW).data() == "" for row in range(3))
    _key(qtbot, table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    model.flush()
    assert all(
        q.review_by(reviewer).status == "agreed"  # type: ignore[union-attr]
        for q in model.quotes()
        if q.coding_id in marked
    )
    window.close_project()
