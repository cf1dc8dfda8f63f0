"""Tab through the Quotes dock in the order it is read: the quotes, the marks under them (agreed, question,
disagree, Clear), then the comment line (the comment field, then Discussion). The comment field came
straight after the table, before the marks above it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from tests.app.shell.test_keyboard_only import focused, press, tab_to


def test_tab_goes_from_the_quotes_to_the_marks_then_the_comment(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    dock = window.quotes_dock
    marks = {
        name: next(b for b in dock.findChildren(QToolButton) if b.defaultAction() is action)
        for name, action in dock.review_actions.items()
    }
    tab_to(qtbot, "quoteTable")
    seen = []
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Tab)
        widget = focused()
        actions = [action for action, button in marks.items() if button is widget]
        seen.append(actions[0] if actions else widget.objectName())
    assert seen == ["agreed", "question", "disagree", "clear", "reviewComment", "discussionToggle"]
    press(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is dock.comment
