"""Ctrl+Z in the window: the QUndoStack drives the project's commands, one committed action each."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from app.shell.project_bridge import ProjectBridge
from app.shell.undo_stack import UndoStackRecorder
from coding import Aspect, Project


def test_commands_land_on_the_qt_stack_and_undo_through_it(qtbot, coded_project: Project) -> None:  # type: ignore[no-untyped-def]
    stack = QUndoStack()
    UndoStackRecorder(coded_project, stack)
    bridge = ProjectBridge(coded_project)
    quote = coded_project.quotes("Urgentiebesef")[0]

    with qtbot.waitSignal(bridge.changed) as blocker:
        coded_project.codings.set_memo(quote.coding_id, "kern van het betoog")
    assert blocker.args[0].touches(Aspect.CODINGS)
    assert stack.count() == 1 and stack.undoText() == "Edit coding memo"

    with qtbot.waitSignal(bridge.changed):
        stack.undo()
    assert coded_project.quotes("Urgentiebesef")[0].memo == ""
    stack.redo()
    assert coded_project.quotes("Urgentiebesef")[0].memo == "kern van het betoog"
    coded_project.undo()  # the API's undo goes through the same stack
    assert stack.index() == 0
    assert coded_project.quotes("Urgentiebesef")[0].memo == ""


def test_the_status_bar_says_what_ctrl_z_undid_and_redid(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """After coding by key the status bar says "Coded … (Ctrl+Z undoes)"; Ctrl+Z must replace that
    (before, it went on saying the passage was coded after the coding was undone)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from tests.app.window_helpers import codings_at, open_document, select_text

    assert window.workspace is not None
    open_document(window, "R12_uwv_zwolle")
    window.workspace.favourites.set(["Vertrouwen"])
    start, end = select_text(window, "Samen kom je veel verder.")
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    QApplication.processEvents()
    assert codings_at(window, start, end) == ["Vertrouwen"]
    assert window.statusBar().currentMessage().startswith("Coded")

    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert codings_at(window, start, end) == []
    assert window.statusBar().currentMessage() == "Undone: Code passage with Vertrouwen"

    qtbot.keyClick(
        window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    QApplication.processEvents()
    assert codings_at(window, start, end) == ["Vertrouwen"]
    assert window.statusBar().currentMessage() == "Redone: Code passage with Vertrouwen"
