"""Layout that does not jump: the Undo button keeps its label and width (what it undoes is in its
tooltip), and stripe labels use the room beside the transcript instead of being cut short."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolBar

from app.shell.main_window import MainWindow
from tests.app.window_helpers import codings_at, open_document, select_text


def test_the_undo_button_keeps_its_place_and_tells_its_text_on_hover(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    bar = window.findChild(QToolBar, "mainToolbar")
    undo_button = bar.widgetForAction(window.window_actions.undo)
    code_button = bar.widgetForAction(window.window_actions.pick)
    before = (undo_button.text(), undo_button.width(), code_button.x())

    window.workspace.favourites.set(["Overwinnen van cultuurverschillen"])
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, "Samen kom je veel verder.")
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert codings_at(window, start, end) == ["Overwinnen van cultuurverschillen"]
    QApplication.processEvents()
    assert (undo_button.text(), undo_button.width(), code_button.x()) == before
    assert "Code passage with Overwinnen van cultuurverschillen" in undo_button.toolTip()


def test_stripe_labels_use_the_room_beside_a_wide_transcript(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    open_document(window, "R8_wethouder_zwolle")
    view, margin = window.view, window.view.margin
    view.resize(1000, view.height())
    QApplication.processEvents()
    assert margin.label_width == 250  # a quarter of the transcript's width, not a fixed 176
    view.resize(560, view.height())
    QApplication.processEvents()
    assert margin.label_width == 140  # narrow: more room for the text
    view.resize(900, view.height())
    QApplication.processEvents()
    margin.repaint()
    assert view.stripes.lanes >= 2
    labels = [rect for rect, _stripe, kind in margin._hits if kind == "label"]
    assert labels
    # a label with free lanes beside it reaches into them, up to its own bar
    assert max(rect.width() for rect in labels) > margin.label_width - 6
