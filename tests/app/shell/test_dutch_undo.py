"""Edit → Undo in Dutch: the steps a user takes in the Dutch window (a favourite key, F2 rename,
picking a judgement) are named in Dutch in the Edit menu, after undo in Redo too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.shell.main_window import MainWindow
from tests.app.window_helpers import codings_at, open_document, select_text, tree_index


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(1)
    QApplication.processEvents()


def _edit_menu_texts(window: MainWindow) -> tuple[str, str]:
    """What the Edit menu's Undo and Redo say, without the access key's &."""
    edit = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Bewerken")
    undo, redo = window.window_actions.undo, window.window_actions.redo
    assert undo in edit.actions() and redo in edit.actions()
    return undo.text().replace("&", ""), redo.text().replace("&", "")


def test_the_edit_menu_names_each_step_in_dutch(dutch, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    workspace.favourites.set(["Vertrouwen", "Urgentiebesef", "Stabiliteit"])
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, "Dat is echt Zwolle, hoor.")
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    _settle(qtbot)
    assert codings_at(window, start, end) == ["Stabiliteit"]
    assert _edit_menu_texts(window)[0] == "Fragment coderen met Stabiliteit ongedaan maken"

    tree = window.codebook_dock.tree
    tree.setFocus()
    tree.setCurrentIndex(tree_index(window, "Urgentiebesef"))
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Gevoel van urgentie")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _settle(qtbot)
    assert _edit_menu_texts(window)[0] == "Code hernoemen ongedaan maken"

    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    _settle(qtbot)
    assert tree_index(window, "Urgentiebesef").data() == "Urgentiebesef"
    undo, redo = _edit_menu_texts(window)
    assert (undo, redo) == ("Fragment coderen met Stabiliteit ongedaan maken", "Code hernoemen opnieuw doen")
    stack = workspace.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Fragment coderen met Stabiliteit",
        "Code hernoemen",
    ]
