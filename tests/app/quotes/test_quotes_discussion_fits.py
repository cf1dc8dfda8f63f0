"""The Quotes panel with its Discussion open on a 1366×768 laptop (and a 1920×1080 monitor): the quote
table keeps four whole rows, the conversation three lines and the reply field its room, and the transcript
above stays readable. Before, at 1366×768 the Discussion left the table one and a half rows (seen under
Xvfb: the second quote cut in half under the header)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication

from app.shell.main_window import MainWindow
from tests.app.conftest import SCREENSHOTS
from tests.app.window_helpers import open_document


@pytest.mark.parametrize(
    "screen", [QRect(0, 0, 1366, 728), QRect(0, 0, 1920, 1040)], ids=["1366x768", "1920x1080"]
)
def test_the_discussion_leaves_the_quotes_table_its_rows(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, screen: QRect, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(screen))
    window.setGeometry(screen)  # a laptop's maximised window (a monitor's: the whole of it too)
    window.default_layout()
    qtbot.wait(50)
    open_document(window, "R8_wethouder_zwolle")
    dock = window.quotes_dock
    table = dock.table
    qtbot.waitUntil(lambda: table.model().rowCount() >= 6)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(table.model().index(1, 0)).center()
    )
    qtbot.mouseClick(dock.discussion_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dock.discussion.isVisible)
    qtbot.wait(50)
    QApplication.processEvents()
    name = f"quotes_discussion_{screen.width()}x{screen.height() + 40}.png"
    window.grab().save(str(SCREENSHOTS / name))

    rows = table.viewport().height() / table.rowHeight(0)
    assert rows >= 4, f"{rows:.1f} rows of quotes in view"
    conversation = dock.discussion.conversation
    assert conversation.viewport().height() >= 3 * conversation.fontMetrics().lineSpacing()
    assert dock.discussion.reply.isVisible() and dock.discussion.reply.width() >= 300
    title = dock.discussion.title
    assert title.width() <= dock.width()  # a long quote's title is cut with "…", never widens the dock
    assert window.view.height() >= 200  # the transcript still shows its lines
    assert window.frameGeometry().height() <= screen.height() + 40
