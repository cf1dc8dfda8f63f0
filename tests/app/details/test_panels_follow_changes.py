"""Panels follow the change notifications: an attribute added in the details panel is offered at once
by Documents “Group by” and the Quotes attribute filter (and goes again on undo); the details panel of
a coding shows its new span and words after a boundary change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from app.shell.main_window import MainWindow
from tests.app.details.test_details_document import type_into_editor
from tests.app.window_helpers import open_document


def _choices(combo: QComboBox) -> list[object]:
    return [combo.itemData(i) for i in range(combo.count())]


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_an_attribute_added_in_the_details_panel_is_offered_everywhere(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    details = window.details_dock
    model = details.attributes_model
    open_document(window, "R8_wethouder_zwolle")
    group_by, quote_attribute = window.documents_dock.group_by, window.quotes_dock.attribute
    assert "interviewer" not in _choices(group_by) and "interviewer" not in _choices(quote_attribute)
    chosen_group, chosen_attribute = group_by.currentData(), quote_attribute.currentData()

    qtbot.mouseClick(details.add_attribute_button, Qt.MouseButton.LeftButton)
    type_into_editor(qtbot, "Interviewer")
    table = details.attributes
    qtbot.waitUntil(
        lambda: (
            table.state() == QAbstractItemView.State.EditingState
            and model.pending_row is not None
            and table.currentIndex() == model.index(model.pending_row, 1)
        )
    )
    type_into_editor(qtbot, "Anna de Boer")
    _settle()
    assert "interviewer" in _choices(group_by)
    assert "interviewer" in _choices(quote_attribute)
    assert (group_by.currentData(), quote_attribute.currentData()) == (chosen_group, chosen_attribute)

    qtbot.mouseClick(quote_attribute, Qt.MouseButton.LeftButton)  # the new attribute filters quotes
    quote_attribute.setCurrentIndex(quote_attribute.findData("interviewer"))
    qtbot.keyClick(quote_attribute, Qt.Key.Key_Escape)
    _settle()
    assert "Anna de Boer" in _choices(window.quotes_dock.value)

    window.window_actions.undo.trigger()  # undo: the attribute is gone, and so are the choices
    _settle()
    assert "interviewer" not in _choices(group_by)
    assert "interviewer" not in _choices(quote_attribute)


def test_the_details_panel_follows_a_boundary_change(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    open_document(window, "R12_uwv_zwolle")
    view = window.view
    quote = next(q for q in workspace.project.quotes("8b") if q.document == "R12_uwv_zwolle")
    window.jump_to_quote(quote)
    _settle()
    rect = view.span_rects(quote.start + 2, quote.start + 3)[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert view.current_coding == quote.coding_id
    details = window.details_dock
    assert f"{quote.start}–{quote.end}" in details.title.text()

    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # the end a word later
    moved = workspace.project.codings.get(quote.coding_id)
    assert moved.end > quote.end
    _settle()
    assert f"{moved.start}–{moved.end}" in details.title.text()
    assert moved.text.split()[-1] in details.info.text()

    window.window_actions.undo.trigger()
    _settle()
    assert f"{quote.start}–{quote.end}" in details.title.text()
