"""The suggestion queue by keyboard alone: Tab leaves the list for Accept and Reject (Qt's table walked Tab
from cell to cell, row after row, so the buttons were out of reach), Space on a button or Alt+A / Alt+R
decides, and the focus stays in the list on the next suggestion (it fell into the span's start field,
where the next key typed changed the span)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.language.suggestion_queue import SuggestionQueue
from app.shell.workspace import Workspace
from tests.app.language.test_language_widgets import _listed, bridge, demo, workspace  # noqa: F401


def _press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def test_review_suggestions_by_keyboard_alone(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    project = workspace.project
    queue = SuggestionQueue(workspace)
    qtbot.addWidget(queue)
    queue.resize(1200, 700)
    queue.show()
    qtbot.waitExposed(queue)
    queue.activateWindow()
    qtbot.waitUntil(queue.isActiveWindow)  # the buttons' Alt+ keys work in the active window
    qtbot.mouseClick(queue.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(queue.find_button.isEnabled, timeout=60_000)
    _listed(qtbot, queue)
    assert queue.model.rowCount() > 3
    queue.table.setFocus()
    qtbot.waitUntil(lambda: queue.table.hasFocus())
    first = queue.current()
    assert first is not None

    # Tab from the list: its details, then the buttons in the order they are seen
    seen = []
    for _ in range(4):
        _press(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert queue.current() == first, "Tab moved through the list instead of leaving it"
    assert seen == [queue.details, queue.accept_button, queue.reject_button, queue.start]
    _press(qtbot, Qt.Key.Key_Backtab)
    _press(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is queue.accept_button

    # Space on Accept codes the passage; the focus goes back to the list, on the next suggestion
    coded_before = len(project.quotes(first.code_id))
    _press(qtbot, Qt.Key.Key_Space)
    assert len(project.quotes(first.code_id)) == coded_before + 1
    _listed(qtbot, queue)
    assert QApplication.focusWidget() is queue.table
    second = queue.current()
    assert second is not None and second.id != first.id
    assert (queue.start.value(), queue.end.value()) == (second.start, second.end)

    # Alt+R rejects the current one without leaving the list
    _press(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # the button's click is animated
    qtbot.waitUntil(lambda: [s.id for s in project.assist.suggestions.list(status="rejected")] == [second.id])
    _listed(qtbot, queue)
    third = queue.current()
    assert QApplication.focusWidget() is queue.table and third is not None and third.id != second.id
    # and Alt+A accepts it
    coded_before = len(project.quotes(third.code_id))
    _press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(project.quotes(third.code_id)) == coded_before + 1)
    _listed(qtbot, queue)
    assert QApplication.focusWidget() is queue.table
