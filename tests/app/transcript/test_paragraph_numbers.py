"""Paragraph numbers in the transcript margin, for citing (“R12 ¶14”): each line of the transcript as
imported is numbered from 1; View → Paragraph numbers hides them, and the choice is kept."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.shell import settings
from app.shell.main_window import MainWindow
from tests.app.window_helpers import open_document, select_text


def test_numbers_match_the_transcripts_lines_and_can_be_hidden(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    open_document(window, "R12_uwv_zwolle")
    view, margin = window.view, window.view.margin
    start, _end = select_text(window, "Samen kom je veel verder.")
    view.centerCursor()
    QApplication.processEvents()
    margin.repaint()
    numbers = dict(margin.paragraph_numbers())
    line = view.text.count("\n", 0, start) + 1  # the line of the transcript holding the words
    assert line in numbers
    cursor_top = view.cursorRect(QTextCursor(view.document().findBlockByNumber(line - 1))).top()
    assert abs(numbers[line] - cursor_top) <= view.fontMetrics().height()  # beside its paragraph's first line
    assert margin.gutter() > 0
    with_numbers = margin.width()

    window.window_actions.paragraph_numbers.trigger()  # View → Paragraph numbers: off
    assert margin.gutter() == 0 and margin.width() < with_numbers
    assert settings.flag("transcript/numbers", True) is False
    window.window_actions.paragraph_numbers.trigger()
    assert margin.width() == with_numbers
