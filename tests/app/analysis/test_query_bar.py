"""The query bar above the Quotes dock: typing with completion, Enter lists what the query finds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.analysis.query_bar import as_query_name, fragment_start
from app.shell.main_window import MainWindow


def test_the_name_under_the_cursor_and_how_a_name_is_written() -> None:
    text = "Vertrouwen AND (Coör"
    assert text[fragment_start(text, len(text)) :] == "Coör"
    assert fragment_start("Overwinnen van", 14) == 0
    assert fragment_start('A NEAR 2 "Doel', 14) == 10
    assert as_query_name("Overwinnen van cultuurverschillen") == "Overwinnen van cultuurverschillen"
    assert as_query_name("Doel OR middel") == '"Doel OR middel"'
    assert as_query_name("Wie (coördineert)") == '"Wie (coördineert)"'


def test_typing_a_query_with_completion_lists_its_quotes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = window.quotes_dock
    model = dock.model
    assert model is not None
    qtbot.waitUntil(lambda: model.loaded)
    everything = model.rowCount()
    edit = dock.query_bar.edit
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "Vertrou")
    popup = edit.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    assert edit.completer_.currentCompletion() == "Vertrouwen"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.text() == "Vertrouwen "
    qtbot.keyClicks(edit, "AND Stabiliteit")
    if popup.isVisible():  # "Stabiliteit" is offered too: Escape closes the list
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    project = window.workspace.project  # type: ignore[union-attr]
    expected = project.analysis.query("Vertrouwen AND Stabiliteit", unit="turn").quotes
    assert model.query == ("Vertrouwen AND Stabiliteit", "turn")
    assert sorted(q.coding_id for q in model.quotes()) == sorted(q.coding_id for q in expected)
    assert 0 < model.rowCount() < everything
    assert dock.windowTitle() == "Quotes — Vertrouwen AND Stabiliteit (turn)"

    # the dock's filters apply to what the query found
    dock.set_attribute_filter("region", "Zwolle")
    assert all(q.attributes["region"] == "Zwolle" for q in model.quotes())
    dock.set_attribute_filter("region", "")

    # a mistake: one line in the status bar naming the place; the list stays
    listed = model.rowCount()
    edit.selectAll()
    qtbot.keyClicks(edit, "Vertrouwen AND (Stabiliteit")
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert "query: ')' expected at position 28" in window.statusBar().currentMessage()
    assert model.rowCount() == listed

    # another unit runs the query again; an empty query lists every quote again
    edit.selectAll()
    qtbot.keyClicks(edit, "Vertrouwen AND Stabiliteit")
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    unit = dock.query_bar.unit
    unit.setFocus()
    qtbot.keyClick(unit, Qt.Key.Key_Down)
    qtbot.keyClick(unit, Qt.Key.Key_Down)
    assert model.query == ("Vertrouwen AND Stabiliteit", "document")
    assert model.rowCount() >= listed
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert model.query is None
    qtbot.waitUntil(lambda: model.rowCount() == everything)  # every quote's first rows, read in a worker


def test_save_a_query_run_it_from_the_list_and_undo(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    dock = window.quotes_dock
    bar = dock.query_bar
    assert not bar.saved.isEnabled()  # nothing saved yet
    edit = bar.edit
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(edit, "Vertrouwen AND Stabiliteit")
    popup = edit.completer_.popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Vertrouwen en stabiliteit", True))
    qtbot.mouseClick(bar.save_button, Qt.MouseButton.LeftButton)
    assert [bar.saved.itemText(i) for i in range(bar.saved.count())] == [
        "Saved queries",
        "Vertrouwen en stabiliteit",
    ]

    edit.clear()
    bar.saved.setFocus()
    qtbot.keyClick(bar.saved, Qt.Key.Key_Down)  # choosing from the list runs it
    qtbot.keyClick(bar.saved, Qt.Key.Key_Return)
    if bar.saved.view().isVisible():
        qtbot.keyClick(bar.saved.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: edit.text() == "Vertrouwen AND Stabiliteit")
    assert dock.model is not None and dock.model.query == ("Vertrouwen AND Stabiliteit", "turn")

    window.workspace.undo()  # type: ignore[union-attr]
    assert bar.saved.count() == 1 and not bar.saved.isEnabled()
