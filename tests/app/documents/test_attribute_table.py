"""Tools → Documents × attributes: a row per document, a column per attribute, edited like a
spreadsheet (type, Enter; Delete empties), each cell one undo step; it follows other changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.documents.attribute_table import AttributeTableWindow
from app.shell.main_window import MainWindow


def _open(qtbot, window: MainWindow) -> AttributeTableWindow:  # type: ignore[no-untyped-def]
    window.window_actions.attribute_table.trigger()  # Tools → Documents × attributes…
    table_window = window.attribute_window
    assert table_window is not None
    qtbot.waitExposed(table_window)
    table_window.activateWindow()
    qtbot.waitUntil(table_window.isActiveWindow)
    table_window.table.setFocus()
    return table_window


def _cell(table_window: AttributeTableWindow, document: str, key: str):  # type: ignore[no-untyped-def]
    model = table_window.model
    row = next(r for r in range(model.rowCount()) if model.document(r).name == document)
    return model.index(row, model.keys().index(key) + 1)


def test_type_over_a_cell_delete_one_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    project = window.workspace.project
    table_window = _open(qtbot, window)
    table = table_window.table
    index = _cell(table_window, "R8_wethouder_zwolle", "role")
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "wethouder")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits after the key event
    assert project.documents.get("R8_wethouder_zwolle").attributes["role"] == "wethouder"
    assert _cell(table_window, "R8_wethouder_zwolle", "role").data() == "wethouder"

    index = _cell(table_window, "R8_wethouder_zwolle", "date")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "date" not in project.documents.get("R8_wethouder_zwolle").attributes

    window.window_actions.undo.trigger()
    window.window_actions.undo.trigger()
    table_window.model.flush()
    attributes = project.documents.get("R8_wethouder_zwolle").attributes
    assert attributes["date"] == "2017-06-01" and attributes["role"] == "wethouder centrumgemeente"
    assert _cell(table_window, "R8_wethouder_zwolle", "role").data() == "wethouder centrumgemeente"

    project.documents.set_attributes("R12_uwv_zwolle", {"interviewer": "Anna"})  # elsewhere (details panel)
    table_window.model.flush()
    assert _cell(table_window, "R12_uwv_zwolle", "interviewer").data() == "Anna"
