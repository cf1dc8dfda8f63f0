"""The details dock on a document: its facts (format, file, encoding, turns, pages, import time) and its
attributes, edited in place by double-clicking, each edit one undoable action."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from app.documents.document_attributes_model import KEY, NEW_ROW_TEXT, VALUE
from app.shell.main_window import MainWindow
from tests.app.conftest import SCREENSHOTS
from tests.app.window_helpers import open_document
from tests.coding.importing.builders import make_pdf


def edit_cell(qtbot, window: MainWindow, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Double-click a cell of the attributes table, replace its text and press Enter."""
    table = window.details_dock.attributes
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    type_into_editor(qtbot, text)


def type_into_editor(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_a_document_shows_its_facts(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The screenshot shows the import time: a fixed one keeps docs/screenshots/ unchanged between runs.
    monkeypatch.setattr("app.details.document_facts.local_time", lambda _stamp: "2017-06-01 10:00")
    details = window.details_dock
    project = window.workspace.project  # type: ignore[union-attr]
    open_document(window, "R8_wethouder_zwolle")
    facts = details.info.text()
    turns = project.documents.turns("R8_wethouder_zwolle")
    assert "Plain text (.txt)" in facts and "R8_wethouder_zwolle.txt" in facts
    assert "UTF-8 — chosen at import" in facts
    assert f"{len(turns)} · 2 speaker(s): I, R8" in facts
    assert f"{project.documents.get('R8_wethouder_zwolle').length:,}" in facts and "Imported" in facts
    assert "Pages" not in facts
    assert details.attributes.isVisible()
    model = details.attributes_model
    assert model.attributes()["region"] == "Zwolle"
    assert model.index(model.new_row, KEY).data() == NEW_ROW_TEXT
    details.resize(360, 760)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert details.grab().save(str(SCREENSHOTS / "details_document.png"))

    legacy = tmp_path / "R20_oud.txt"
    legacy.write_bytes("I: Hoe gaat het?\nR20: Goed, café’s zijn open.\n".encode("cp1252"))
    pdf = tmp_path / "Startdocument_Zwolle.pdf"
    pdf.write_bytes(make_pdf([["Werkbedrijf Regio Zwolle"], ["Doel: 2.000 banen."], ["Bijlage"]]))
    assert project.import_files([legacy, pdf]).ok
    qtbot.waitUntil(lambda: window.documents_dock.model.rowCount() > 0)
    QApplication.processEvents()  # the documents dock takes the change after the current event
    open_document(window, "R20_oud")
    assert "Windows-1252 (legacy, no UTF-8) — chosen at import" in details.info.text()
    open_document(window, "Startdocument_Zwolle")
    facts = details.info.text()
    assert "PDF" in facts and "Pages</td><td>3" in facts and "Turns" not in facts and "Encoding" not in facts
    # a coded passage shows no attributes table
    quote = project.quotes("Vertrouwen")[0]
    window.jump_to_quote(quote)
    assert not details.attributes.isVisible()


def test_edit_add_rename_and_remove_attributes_each_undoable(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    details = window.details_dock
    model = details.attributes_model
    project = window.workspace.project  # type: ignore[union-attr]
    stack = window.workspace.undo_stack  # type: ignore[union-attr]
    open_document(window, "R8_wethouder_zwolle")

    # change a value
    edit_cell(qtbot, window, model.row_of("role"), VALUE, "wethouder")
    assert project.documents.get("R8_wethouder_zwolle").attributes["role"] == "wethouder"
    assert model.attributes()["role"] == "wethouder"
    assert stack.undoText() == "Set attributes"
    window.window_actions.undo.trigger()
    assert project.documents.get("R8_wethouder_zwolle").attributes["role"] == "wethouder centrumgemeente"
    qtbot.waitUntil(lambda: model.attributes()["role"] == "wethouder centrumgemeente")

    # add one: its name, then (the value's editor opens by itself) its value
    qtbot.mouseClick(details.add_attribute_button, Qt.MouseButton.LeftButton)
    type_into_editor(qtbot, "Interviewer")
    assert "interviewer" not in project.documents.get("R8_wethouder_zwolle").attributes  # no value yet
    assert model.pending_row is not None
    table = details.attributes
    qtbot.waitUntil(  # the value's editor opens by itself
        lambda: (
            table.state() == QAbstractItemView.State.EditingState
            and table.currentIndex() == model.index(model.pending_row, VALUE)
        )
    )
    type_into_editor(qtbot, "Anna de Boer")
    assert project.documents.get("R8_wethouder_zwolle").attributes["interviewer"] == "Anna de Boer"
    assert model.pending_row is None and model.attributes()["interviewer"] == "Anna de Boer"

    # a name the document has already is refused, with a message
    qtbot.mouseClick(details.add_attribute_button, Qt.MouseButton.LeftButton)
    type_into_editor(qtbot, "Region")
    assert "already has the attribute 'region'" in window.last_problem
    assert model.pending_row is None

    # rename an attribute: one undo step, and it stays in its place (it moved to the end of the list)
    before = list(model.attributes())
    row = model.row_of("role")
    edit_cell(qtbot, window, row, KEY, "Functie")
    attributes = project.documents.get("R8_wethouder_zwolle").attributes
    assert attributes["functie"] == "wethouder centrumgemeente" and "role" not in attributes
    assert list(attributes) == [key if key != "role" else "functie" for key in before]
    qtbot.waitUntil(lambda: model.row_of("functie") == row)
    assert model.index(row, KEY).data() == "Functie"
    assert stack.undoText() == "Rename attribute"
    window.window_actions.undo.trigger()
    attributes = project.documents.get("R8_wethouder_zwolle").attributes
    assert list(attributes) == before and "functie" not in attributes
    qtbot.waitUntil(lambda: list(model.attributes()) == before)

    # remove one (select it, then the button)
    qtbot.waitUntil(lambda: model.row_of("date") >= 0)
    rect = table.visualRect(model.index(model.row_of("date"), VALUE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(details.remove_attribute_button, Qt.MouseButton.LeftButton)
    assert "date" not in project.documents.get("R8_wethouder_zwolle").attributes
    window.window_actions.undo.trigger()
    assert project.documents.get("R8_wethouder_zwolle").attributes["date"] == "2017-06-01"
    qtbot.waitUntil(lambda: model.row_of("date") >= 0)


def test_regio_added_where_the_document_has_region_is_refused_and_regio_renames_it(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """The details show ``region`` as "Regio" in Dutch; a new attribute typed "Regio" went in as a second
    attribute beside it (and, storing under the project's name, would overwrite its value unasked):
    it is refused as the attribute the document has. Renaming region to regio still works."""
    details = window.details_dock
    model = details.attributes_model
    project = window.workspace.project  # type: ignore[union-attr]
    open_document(window, "R8_wethouder_zwolle")
    qtbot.mouseClick(details.add_attribute_button, Qt.MouseButton.LeftButton)
    type_into_editor(qtbot, "Regio")
    assert "already has the attribute 'region'" in window.last_problem
    assert model.pending_row is None
    attributes = project.documents.get("R8_wethouder_zwolle").attributes
    assert attributes["region"] == "Zwolle" and "regio" not in attributes
    edit_cell(qtbot, window, model.row_of("region"), KEY, "regio")
    attributes = project.documents.get("R8_wethouder_zwolle").attributes
    assert attributes["regio"] == "Zwolle" and "region" not in attributes


def test_an_attribute_changed_while_an_import_writes_is_stored_when_it_is_done(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    from app.widgets.long_operation import running_operations
    from tests.app.details.test_typed_while_writing import held_write

    project = window.workspace.project  # type: ignore[union-attr]
    open_document(window, "R8_wethouder_zwolle")
    model = window.details_dock.attributes_model
    row = list(model.attributes()).index("region")
    release = held_write(window)
    edit_cell(qtbot, window, row, VALUE, "Overijssel")  # refused while writing: the value typed was dropped
    release.set()
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)
    qtbot.waitUntil(
        lambda: project.documents.get("R8_wethouder_zwolle").attributes.get("region") == "Overijssel",
        timeout=5_000,
    )


def test_the_attributes_keep_the_metadata_sheets_order(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """User test: the details listed a document's attributes alphabetically, not in the order of the
    demo's metadata sheet (file,respondent,region,role,date,organisation)."""
    open_document(window, "R8_wethouder_zwolle")
    model = window.details_dock.attributes_model
    shown = [model.index(row, KEY).data() for row in range(5)]
    assert shown == ["Respondent", "Region", "Role", "Date", "Organisation"]
    assert list(model.attributes()) == ["respondent", "region", "role", "date", "organisation"]
