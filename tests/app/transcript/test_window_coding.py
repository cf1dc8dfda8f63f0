"""The coding workbench end to end: select, code (key, picker, drag), undo, adjust, review, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QMenu

from app.codebook.code_picker import CodePicker
from app.quotes.quote_table_model import REVIEW
from app.shell.main_window import MainWindow
from tests.app.window_helpers import (
    code_id,
    codings_at,
    drag,
    open_document,
    select_chars,
    select_text,
    tree_point,
)

AFTER_EMOJI = "Dat is echt Zwolle, hoor."


def _press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier, qtbot=None) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, key, modifiers)
    QApplication.processEvents()


def test_number_key_codes_a_passage_after_an_emoji_and_undo_redo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    open_document(window, "R12_uwv_zwolle")
    text = window.view.text
    assert "👍" in text[: text.index(AFTER_EMOJI)]
    workspace.favourites.set(["Vertrouwen", "Urgentiebesef", "Stabiliteit"])
    start, end = select_text(window, AFTER_EMOJI)
    assert window.view.selection_span() == (start, end)

    _press(window.view, Qt.Key.Key_3, qtbot=qtbot)
    assert codings_at(window, start, end) == ["Stabiliteit"]
    passage = window.view.index.innermost(start + 3)
    assert passage is not None and passage.text == AFTER_EMOJI
    assert window.view.current_coding == passage.codings[0].coding_id
    assert any(s.coding_id == passage.codings[0].coding_id for s in window.view.stripes.stripes)

    _press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier, qtbot=qtbot)
    assert codings_at(window, start, end) == []
    assert window.view.index.innermost(start + 3) is None
    _press(
        window.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        qtbot=qtbot,
    )
    assert codings_at(window, start, end) == ["Stabiliteit"]
    assert workspace.undo_stack.undoText() == "Code passage with Stabiliteit"

    _press(window.view, Qt.Key.Key_7, qtbot=qtbot)  # no favourite on 7: nothing happens, the user is told
    assert codings_at(window, start, end) == ["Stabiliteit"]
    assert "No favourite code on key 7" in window.statusBar().currentMessage()


def test_context_menu_picker_codes_the_selection(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, "Samen kom je veel verder.")
    view = window.view
    point = view.cursorRect().center()
    chosen: list[str] = []

    def choose_from_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text().startswith("&Code with"))
        chosen.append(action.text())
        menu.close()
        action.trigger()

    QTimer.singleShot(50, choose_from_menu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(
        lambda: window.findChild(CodePicker) is not None and window.findChild(CodePicker).isVisible()
    )
    picker = window.findChild(CodePicker)
    assert chosen
    qtbot.keyClicks(picker.search, "2b")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert codings_at(window, start, end) == ["Samenwerking noodzakelijk geacht"]


def test_picker_creates_an_inductive_code_in_one_undo_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    open_document(window, "R8_wethouder_zwolle")
    text = window.view.text
    start = text.index("Vorig jaar")
    select_chars(window, start, start + 10)
    picker = window.controller.open_picker()
    assert picker is not None
    qtbot.keyClicks(picker.search, "Tegenvallende cijfers")
    assert picker.create_button.isVisible()
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert codings_at(window, start, start + 10) == ["Tegenvallende cijfers"]
    window.window_actions.undo.trigger()
    assert codings_at(window, start, start + 10) == []
    assert window.workspace is not None
    assert all(c.name != "Tegenvallende cijfers" for c in window.workspace.project.codes.tree())


def _drag_to(widget, point: QPoint, mime) -> QDropEvent:  # type: ignore[no-untyped-def]
    target = widget.viewport()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    enter = QDragEnterEvent(point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, move)
    assert move.isAccepted()
    drop = QDropEvent(
        QPointF(point), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, drop)
    return drop


def test_dragging_the_selection_onto_a_code_codes_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, "Dat is echt Zwolle")
    mime = window.view.createMimeDataFromSelection()  # what the view hands to QDrag
    assert mime.text() == "Dat is echt Zwolle"
    drop = _drag_to(window.codebook_dock.tree, tree_point(window, "4c"), mime)
    assert drop.isAccepted()
    assert codings_at(window, start, end) == ["Positieve relaties tussen personen"]


def test_clicking_a_code_codes_the_selection_and_it_can_be_turned_off(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.window_actions.click_to_code.setChecked(True)  # an explicit mode (off at first)
    open_document(window, "R19_onderwijs_zuidoost-brabant")
    text = window.view.text
    start = text.index("R19:") + 5
    end = text.index(".", start) + 1
    select_chars(window, start, end)
    tree = window.codebook_dock.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree_point(window, "Urgentiebesef"))
    assert codings_at(window, start, end) == ["Urgentiebesef"]
    window.window_actions.click_to_code.setChecked(False)
    select_chars(window, start, end)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree_point(window, "Stabiliteit"))
    assert codings_at(window, start, end) == ["Urgentiebesef"]


def test_boundaries_move_by_keyboard_and_by_dragging_a_stripe_end(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    open_document(window, "R12_uwv_zwolle")
    view = window.view
    quote = next(q for q in workspace.project.quotes("8b") if q.document == "R12_uwv_zwolle")
    window.jump_to_quote(quote)
    assert view.current_coding == quote.coding_id
    text = view.text
    assert text[quote.start : quote.end].endswith("kandidaat heeft.")

    _press(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier, qtbot=qtbot)
    coding = workspace.project.codings.get(quote.coding_id)
    assert coding.text.endswith("kandidaat heeft. Dat")
    _press(
        view,
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
        qtbot=qtbot,
    )
    coding = workspace.project.codings.get(quote.coding_id)
    assert coding.start < quote.start and text[coding.start : quote.start].strip() == "UWV."
    window.window_actions.undo.trigger()
    window.window_actions.undo.trigger()
    assert workspace.project.codings.get(quote.coding_id).start == quote.start

    # drag the stripe's bottom end down by two lines
    view.set_current_coding(quote.coding_id)
    margin = view.margin
    margin.repaint()
    bar = next(
        rect for rect, stripe, kind in margin._hits if kind == "bar" and stripe.coding_id == quote.coding_id
    )
    bottom = QPointF(bar.center().x(), bar.bottom() - 5 - 2)  # on the bar's lower end
    assert margin.hit(bottom) is not None and margin.hit(bottom)[1] == "end"
    line = view.fontMetrics().lineSpacing()
    target = QPointF(bottom.x(), bottom.y() + 2 * line)
    drag(margin, bottom, target)
    moved = workspace.project.codings.get(quote.coding_id)
    assert moved.start == quote.start and moved.end > quote.end + 10
    assert moved.text == text[moved.start : moved.end] and not moved.text[-1].isspace()
    assert workspace.undo_stack.undoText() == "Adjust passage boundaries"

    # drag the passage's start edge in the text itself onto a word earlier: it snaps to that word's start
    window.window_actions.undo.trigger()
    word = text.rindex("appgroep", 0, quote.start)  # a word before the passage
    # scroll as a reader would: the passage's start centred, the word a line above it in view too
    # (the jump centred the passage's end; a long passage leaves the lines before it out of view)
    view.select_span(word, quote.start, centre=True)
    view.clear_selection()
    view.set_current_coding(quote.coding_id)
    view.repaint()
    assert view.span_rects(word, quote.start), "the word before the passage is in view"
    first = view.span_rects(quote.start, quote.end)[0]
    edge = QPointF(first.left(), first.center().y())
    assert view.boundary_at(edge.toPoint()) == "start"
    target = QPointF(view.span_rects(word + 2, word + 3)[0].center())
    drag(view.viewport(), edge, target)
    dragged = workspace.project.codings.get(quote.coding_id)
    assert (dragged.start, dragged.end) == (word, quote.end)
    assert dragged.text.startswith("appgroep met de accountmanagers")


def test_snap_in_vivo_memo_and_uncode(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    open_document(window, "R19_onderwijs_zuidoost-brabant")
    view = window.view
    text = view.text
    word = text.index("R19:") + 8
    select_chars(window, word, word + 3)
    _press(view, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier, qtbot=qtbot)
    start, end = view.selection_span()
    assert text[end - 1] in ".?!" and text[start - 5 : start] == "R19: "
    _press(view, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier, qtbot=qtbot)
    turn_start, turn_end = view.selection_span()
    assert turn_start == start and text[turn_end] == "\n" and turn_end >= end
    select_chars(window, start, end)
    _press(view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier, qtbot=qtbot)
    in_vivo = workspace.project.codes.tree().get(
        workspace.project.codings.passages(view.document_id)[0].codings[0].code_id
    )
    assert in_vivo.inductive and in_vivo.name == text[start:end].strip(" .?!")
    coding_id = view.current_coding
    assert coding_id is not None

    window.window_actions.edit_memo.trigger()
    memo = window.details_dock.memo
    assert memo.hasFocus() or memo.isEnabled()
    memo.setPlainText("Onderwijs wil meer regie.")
    window.details_dock.save_memo()
    assert workspace.project.codings.get(coding_id).memo == "Onderwijs wil meer regie."

    view.setFocus()
    _press(view, Qt.Key.Key_Delete, qtbot=qtbot)
    assert workspace.project.codings.passages(view.document_id) == []
    window.window_actions.undo.trigger()
    assert workspace.project.codings.get(coding_id).memo == "Onderwijs wil meer regie."


def test_quotes_by_region_review_and_reopen(qtbot, window: MainWindow, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, AFTER_EMOJI)
    workspace.favourites.set(["Vertrouwen"])
    _press(window.view, Qt.Key.Key_1, qtbot=qtbot)

    tree = window.codebook_dock.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree_point(window, "Vertrouwen"))
    dock = window.quotes_dock
    dock.set_attribute_filter("region", "Zwolle")
    model = dock.model
    model.flush()
    quotes = model.quotes()
    assert quotes and all(q.attributes["region"] == "Zwolle" for q in quotes)
    assert all(q.concept == "Vertrouwen" for q in quotes)
    row = next(r for r in range(model.rowCount()) if model.quote(r).text == AFTER_EMOJI)
    everything = len(workspace.project.quotes("Vertrouwen"))
    assert dock.count.text() == f"{len(quotes)} of {everything} quote(s)"

    dock.table.selectRow(row)
    dock.comment.setText("Mooi citaat voor de regio")
    dock.review_actions["agreed"].trigger()
    mine = next(q for q in model.quotes() if q.text == AFTER_EMOJI).review_by("tester")
    assert mine is not None and mine.status == "agreed" and mine.comment == "Mooi citaat voor de regio"
    row = next(r for r in range(model.rowCount()) if model.quote(r).text == AFTER_EMOJI)
    assert model.index(row, REVIEW).data() == "✓ agreed"
    dock.review.setCurrentIndex(dock.review.findData("agreed"))
    assert [q.text for q in model.quotes()] == [AFTER_EMOJI]

    # the Review cell is edited in place with a status chooser (double-click or F2)
    dock.review.setCurrentIndex(0)
    row = next(r for r in range(model.rowCount()) if model.quote(r).text != AFTER_EMOJI)
    other = model.quote(row)
    dock.table.setCurrentIndex(model.index(row, REVIEW))
    dock.table.edit(model.index(row, REVIEW))
    chooser = dock.table.findChild(QComboBox)
    assert chooser is not None
    chooser.setCurrentIndex(chooser.findData("disagree"))
    chooser.activated.emit(chooser.currentIndex())
    model.flush()
    assert (
        next(q for q in model.quotes() if q.coding_id == other.coding_id).review_by("tester").status
        == "disagree"
    )

    # double-click jumps to the passage in its transcript
    open_document(window, "R1_secretaris_midden-gelderland")
    rect = dock.table.visualRect(model.index(0, 0))
    qtbot.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.document_id == workspace.project.documents.find("R12_uwv_zwolle").id
    passage = window.view.current_passage()  # outlined as the current coding, not selected
    assert passage is not None and (passage.start, passage.end) == (start, end)
    assert window.view.selection_span() is None

    window.close_project()
    assert window.workspace is None and window.pages.currentIndex() == 0
    assert window.start.recent_model.rowCount() == 1
    window.start.recent.activated.emit(window.start.recent_model.index(0, 0))
    assert window.workspace is not None
    project = window.workspace.project
    quote = next(q for q in project.quotes("Vertrouwen", where={"region": "Zwolle"}) if q.text == AFTER_EMOJI)
    assert (quote.start, quote.end) == (start, end)
    assert quote.review_by("tester").status == "agreed"
    assert window.workspace.favourites.list() == [code_id(window, "Vertrouwen")]


def test_create_and_code_that_cannot_code_leaves_no_new_code(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    open_document(window, "R8_wethouder_zwolle")
    assert window.workspace is not None
    project = window.workspace.project
    steps = window.workspace.undo_stack.count()
    blank = window.view.text.index(" ")
    select_chars(window, blank, blank + 1)  # only a space: nothing to code once trimmed
    picker = window.controller.open_picker()
    assert picker is not None
    qtbot.keyClicks(picker.search, "Lege keuze")
    assert picker.create_button.isVisible()
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert all(c.name != "Lege keuze" for c in project.codes.tree())  # the new code went with the failure
    assert window.workspace.undo_stack.count() == steps
    assert window.statusBar().currentMessage()  # the reason, reported the one way


def test_undo_and_redo_re_read_only_the_place_they_change(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    open_document(window, "R12_uwv_zwolle")
    workspace.favourites.set(["Vertrouwen", "Urgentiebesef", "Stabiliteit"])
    start, end = select_text(window, AFTER_EMOJI)
    _press(window.view, Qt.Key.Key_3, qtbot=qtbot)
    codings = workspace.project.codings
    real = codings.passages
    reads: list[tuple[object, ...]] = []

    def passages(document, start=None, end=None, **options):  # type: ignore[no-untyped-def]
        reads.append((start, end))
        return real(document, start, end, **options)

    monkeypatch.setattr(codings, "passages", passages)
    _press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier, qtbot=qtbot)
    assert reads == [(start, end)]  # the view re-read that place, not the whole transcript
    assert codings_at(window, start, end) == []
    reads.clear()
    _press(
        window.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        qtbot=qtbot,
    )
    assert reads == [(start, end)]
    assert codings_at(window, start, end) == ["Stabiliteit"]
