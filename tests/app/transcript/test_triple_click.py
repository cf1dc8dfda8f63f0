"""A triple click selects a transcript line the way a researcher codes it: the utterance, without the
timestamp and speaker label that open the line (``[00:01:09] R12:``) or its line end; offsets are code
points over the NFC text (the line holds an emoji, two UTF-16 units). A selection made by dragging codes
exactly what was dragged over."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.shell.main_window import MainWindow
from tests.app.window_helpers import open_document, select_chars

LINE_START = "[00:01:09] R12: "
UTTERANCE_START = "Kort en direct."


def _point(window: MainWindow, offset: int):  # type: ignore[no-untyped-def]
    view = window.view
    cursor = view.textCursor()
    cursor.setPosition(view.to_qt(offset))
    view.setTextCursor(cursor)  # centerCursor centres the view's own cursor, not a copy
    view.centerCursor()
    return view.cursorRect(cursor).center()


def test_a_triple_click_selects_and_codes_the_utterance_without_its_label(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    window.workspace.favourites.set(["Stabiliteit"])
    open_document(window, "R12_uwv_zwolle")
    text = window.view.text
    line = text.index(LINE_START)
    body = line + len(LINE_START)
    line_end = text.index("\n", line)
    assert "👍" in text[body:line_end]
    point = _point(window, text.index("appgroep", body))
    assert window.view.viewport().rect().contains(point)
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.view.selection_span() == (body, line_end)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    QApplication.processEvents()
    quote = next(q for q in window.workspace.project.quotes("Stabiliteit") if q.document == "R12_uwv_zwolle")
    assert (quote.start, quote.end) == (body, line_end)
    assert quote.text == text[body:line_end] and quote.text.startswith(UTTERANCE_START)


def test_a_dragged_selection_codes_exactly_what_was_selected(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    window.workspace.favourites.set(["Stabiliteit"])
    open_document(window, "R12_uwv_zwolle")
    text = window.view.text
    line = text.index(LINE_START)
    select_chars(window, line, line + len(LINE_START) + len(UTTERANCE_START))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    quote = next(q for q in window.workspace.project.quotes("Stabiliteit") if q.document == "R12_uwv_zwolle")
    assert quote.text == LINE_START + UTTERANCE_START


def test_a_drag_from_and_to_the_middle_of_words_codes_the_whole_words(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Trying the window with a real mouse, two of three drags began or ended inside a word and coded
    "nk: wat er gebeurt …" and "aar of iedereen …"; like a dragged boundary, the selection now takes the
    whole words it starts and ends in (the second coder's passage no longer differs by a letter)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QMouseEvent

    assert window.workspace is not None
    window.workspace.favourites.set(["Stabiliteit"])
    open_document(window, "R12_uwv_zwolle")
    text = window.view.text
    start = text.index(UTTERANCE_START) + 2  # "Ko|rt en direct."
    end = text.index("direct.", start) + 3  # "dir|ect."
    viewport = window.view.viewport()
    begin, finish = _point(window, start), _point(window, end)
    window.view.clear_selection()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
    for point in (QPoint((begin.x() + finish.x()) // 2, begin.y()), finish):
        move = QMouseEvent(
            QMouseEvent.Type.MouseMove,
            point.toPointF(),
            viewport.mapToGlobal(point).toPointF(),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, move)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=finish)
    assert window.view.selection_span() == (start - 2, end + 3)  # "direct", not its full stop
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    quote = next(q for q in window.workspace.project.quotes("Stabiliteit") if q.document == "R12_uwv_zwolle")
    assert quote.text == "Kort en direct"
