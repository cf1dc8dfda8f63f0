"""The Codebook dock: filter, F2 rename, create, drag to move, merge and delete with confirmation."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from app.codebook.code_picker import CodePicker
from app.codebook.code_tree_model import KEY, QUOTES, CodeTreeModel
from app.shell.main_window import MainWindow
from app.widgets.mime import codes_mime
from tests.app.window_helpers import code_id, open_document, select_text, tree_index, tree_point


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(1)
    QApplication.processEvents()


def test_tree_shows_colours_questions_keys_and_counts_with_subcodes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = window.codebook_dock
    model = dock.model
    assert isinstance(model, CodeTreeModel)
    project = window.workspace.project
    trust = tree_index(window, "Vertrouwen")
    assert trust.siblingAtColumn(QUOTES).data() == str(len(project.quotes("Vertrouwen")))
    indicator = tree_index(window, "4a")
    assert indicator.siblingAtColumn(2).data() == "4a"
    assert indicator.data(Qt.ItemDataRole.DecorationRole).name() == project.codes.resolve("4a").colour
    window.workspace.favourites.set(["4a"])
    assert tree_index(window, "4a").siblingAtColumn(KEY).data() == "1"

    # coding a passage raises the counts of the code and of its parents, without resetting the tree
    open_document(window, "R19_onderwijs_zuidoost-brabant")
    select_text(window, "R19:")  # anything; then code it with 4a
    before = int(tree_index(window, "Vertrouwen").siblingAtColumn(QUOTES).data())
    window.controller.code_selection(code_id(window, "4a"))
    model.flush()  # counts follow right after the transcript has painted
    assert int(tree_index(window, "Vertrouwen").siblingAtColumn(QUOTES).data()) == before + 1


def test_a_clicked_code_shows_its_quotes_with_subcodes_in_the_details(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    project = window.workspace.project
    codes = project.codes
    trust = codes.resolve("Vertrouwen")
    direct = codes.counts()
    totals = codes.counts(include_subcodes=True)
    assert codes.subtree_totals(direct) == totals and totals[trust.id] > direct.get(trust.id, 0)
    tree = window.codebook_dock.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree_point(window, "Vertrouwen"))
    assert f" · {totals[trust.id]} quote(s)</i>" in window.details_dock.info.text()

    # the tree's total takes in a change not yet applied (the details ask right after a coding)
    open_document(window, "R19_onderwijs_zuidoost-brabant")
    select_text(window, "R19:")
    window.controller.code_selection(code_id(window, "4a"))
    model = window.codebook_dock.model
    assert model is not None and model.total(trust.id) == totals[trust.id] + 1


def test_filter_finds_codes_by_question_and_accentless_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = window.codebook_dock
    qtbot.keyClicks(dock.filter, "COORDINATIE")
    names = {dock.proxy.index(r, 0).data() for r in range(dock.proxy.rowCount())}
    assert "Coördinatie" in names and "Vertrouwen" not in names
    dock.filter.clear()
    dock.filter.setText("coördinatie")  # QTest cannot type non-ASCII keys
    assert {dock.proxy.index(r, 0).data() for r in range(dock.proxy.rowCount())} == names
    dock.filter.clear()
    qtbot.keyClicks(dock.filter, "4b")
    top = dock.proxy.index(0, 0)
    assert top.data() == "Vertrouwen" and dock.proxy.rowCount() == 1


def test_f2_renames_and_undo_restores(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = window.codebook_dock
    tree = dock.tree
    tree.setFocus()
    tree.setCurrentIndex(tree_index(window, "Stabiliteit"))
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Stabiliteit"
    editor.selectAll()
    qtbot.keyClicks(editor, "Stabiliteit van de context")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _settle(qtbot)
    project = window.workspace.project
    assert project.codes.resolve("Stabiliteit van de context").name == "Stabiliteit van de context"
    assert tree_index(window, "Stabiliteit van de context").data() == "Stabiliteit van de context"
    window.window_actions.undo.trigger()
    _settle(qtbot)
    assert tree_index(window, "Stabiliteit").data() == "Stabiliteit"


def test_create_move_by_drag_merge_and_delete(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = window.codebook_dock
    project = window.workspace.project
    answers = iter(["Wantrouwen", "Achterdocht"])
    dock.ask_new_code = lambda _parent, _label, colour: (next(answers), colour)
    dock.new_code()
    _settle(qtbot)
    assert dock.current_code().name == "Wantrouwen"
    dock.new_subcode()
    _settle(qtbot)
    child = project.codes.resolve("Wantrouwen/Achterdocht")
    assert child.parent_id == code_id(window, "Wantrouwen")

    # drag "Wantrouwen" onto "Vertrouwen" through the tree's drop handling: it becomes a subcode
    tree = dock.tree
    mime = codes_mime([code_id(window, "Wantrouwen")])
    point = tree_point(window, "Vertrouwen")
    actions = Qt.DropAction.MoveAction
    for kind in (QDragEnterEvent, QDragMoveEvent):
        event = kind(point, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(tree.viewport(), event)
        assert event.isAccepted()
    drop = QDropEvent(
        QPointF(point), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    drop.setDropAction(Qt.DropAction.MoveAction)
    QApplication.sendEvent(tree.viewport(), drop)
    _settle(qtbot)
    moved = project.codes.resolve("Vertrouwen/Wantrouwen")
    assert moved.parent_id == code_id(window, "Vertrouwen")
    assert tree_index(window, "Vertrouwen/Wantrouwen/Achterdocht").isValid()

    # merge "Achterdocht" into "4a": confirmation asked, target picked in the code picker
    tree.setCurrentIndex(tree_index(window, "Vertrouwen/Wantrouwen/Achterdocht"))
    asked: list[str] = []
    dock.confirm = lambda _parent, _title, text: asked.append(text) or True
    pickers: list[CodePicker] = []
    dock.pick_code = pickers.append
    dock.merge()
    assert pickers
    qtbot.keyClicks(pickers[0].search, "4a")
    qtbot.keyClick(pickers[0].search, Qt.Key.Key_Return)
    _settle(qtbot)
    assert "Merge “Vertrouwen/Wantrouwen/Achterdocht” into" in asked[0]
    assert all(c.name != "Achterdocht" for c in project.codes.tree())

    # delete asks first; saying no keeps the code
    tree.setCurrentIndex(tree_index(window, "Vertrouwen/Wantrouwen"))
    dock.confirm = lambda *_args: False
    dock.delete()
    assert project.codes.resolve("Vertrouwen/Wantrouwen")
    dock.confirm = lambda _parent, _title, text: asked.append(text) or True
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    _settle(qtbot)
    assert asked[-1].startswith("Delete the code “Vertrouwen/Wantrouwen”")
    assert all(c.name != "Wantrouwen" for c in project.codes.tree())
    window.window_actions.undo.trigger()
    _settle(qtbot)
    assert project.codes.resolve("Vertrouwen/Wantrouwen")


def test_a_refused_rename_is_reported_and_changes_nothing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = window.codebook_dock.model
    index = model.index_of(code_id(window, "Urgentiebesef"))
    assert not model.setData(index, "Vertrouwen")
    assert "already a code 'Vertrouwen'" in window.last_problem
    assert window.workspace.project.codes.resolve("Urgentiebesef")


def test_favourite_toggle_puts_a_code_on_a_number_key(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = window.codebook_dock
    assert len(window.workspace.favourites.list()) == 6  # the demo's six heart concepts
    window.workspace.favourites.set([])
    dock.tree.setCurrentIndex(tree_index(window, "Coördinatie"))
    dock.tree.setFocus()
    qtbot.keyClick(dock.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.favourites.list() == [code_id(window, "Coördinatie")]
    assert tree_index(window, "Coördinatie").siblingAtColumn(KEY).data() == "1"
    assert "press 1" in window.statusBar().currentMessage()


def test_a_category_shows_in_italics_and_refuses_to_be_applied(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Issue 18 item 3: a category (REFI ``isCodable="false"``) groups codes; coding with it is refused."""
    project = window.workspace.project
    project.codes.update("Vertrouwen", codable=False)
    window.codebook_dock.model.flush()
    trust = tree_index(window, "Vertrouwen")
    assert trust.data(Qt.ItemDataRole.FontRole).italic()
    assert trust.data(Qt.ItemDataRole.ToolTipRole).startswith("A category")
    assert not tree_index(window, "4a").data(Qt.ItemDataRole.FontRole)
    open_document(window, "R19_onderwijs_zuidoost-brabant")
    select_text(window, "R19:")
    before = len(project.quotes("Vertrouwen", include_subcodes=False))
    window.controller.code_selection(code_id(window, "Vertrouwen"))
    assert len(project.quotes("Vertrouwen", include_subcodes=False)) == before
    assert "is a category" in window.statusBar().currentMessage()


def test_a_rename_typed_while_an_import_writes_is_applied_when_it_is_done(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app.widgets.long_operation import running_operations
    from tests.app.details.test_typed_while_writing import held_write

    tree = window.codebook_dock.tree
    tree.setFocus()
    tree.setCurrentIndex(tree_index(window, "Stabiliteit"))
    release = held_write(window)
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Stabiliteit van de context")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # refused while writing: the name typed was dropped
    release.set()
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)
    project = window.workspace.project
    qtbot.waitUntil(
        lambda: "Stabiliteit van de context" in [c.name for c in project.codes.tree()], timeout=5_000
    )
    _settle(qtbot)
    assert tree_index(window, "Stabiliteit van de context").data() == "Stabiliteit van de context"
