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
