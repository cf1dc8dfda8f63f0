"""The whole coding workflow by keyboard alone: every step below is a key press on whatever widget
has the focus, as a user without a mouse (or with a screen reader) works."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), key, modifier)
    QApplication.processEvents()


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(focused(), text)
    QApplication.processEvents()


def tab_to(qtbot, name: str, limit: int = 40) -> QWidget:  # type: ignore[no-untyped-def]
    """Press Tab until the widget called ``name`` has the focus."""
    seen = []
    for _ in range(limit):
        if focused().objectName() == name:
            return focused()
        seen.append(focused().objectName() or type(focused()).__name__)
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name}: {' → '.join(seen)}")


def test_tab_visits_every_panel_and_comes_back_without_a_trap(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.view.setFocus()
    QApplication.processEvents()
    visited = []
    for _ in range(60):
        press(qtbot, Qt.Key.Key_Tab)
        visited.append(focused().objectName())
        if focused() is window.view:
            break
    else:
        raise AssertionError(f"Tab does not come back to the transcript: {' → '.join(visited[-10:])}")
    for panel in ("documentTree", "codeTree", "quoteTable", "reviewComment", "memoEditor"):
        assert panel in visited, f"Tab never reaches {panel}"


def test_open_a_transcript_code_adjust_undo_and_review_by_keyboard(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    project = window.workspace.project
    reviews_before = len(project.reviews.list())
    window.view.setFocus()
    QApplication.processEvents()

    # 1. Documents: Tab to the list, type the start of the name, Enter opens it.
    tab_to(qtbot, "documentTree")
    press(qtbot, Qt.Key.Key_Home)
    target = project.documents.find("R4_werkgevers_midden-gelderland")
    for _ in range(30):
        if window.view.document_id == target.id:
            break
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)
    assert window.view.document_id == target.id

    # 2. Transcript: Ctrl+F finds the words, Esc closes the bar and leaves them selected.
    tab_to(qtbot, "transcript")
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focused().objectName() == "findField"
    words = "werkgevers"
    type_text(qtbot, words)
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is window.view
    span = window.view.selection_span()
    assert span is not None and window.view.text[span[0] : span[1]].lower() == words

    # 3. Ctrl+K, type a question reference, Enter: the selection is coded.
    press(qtbot, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: focused().objectName() != "transcript")
    type_text(qtbot, "4a")
    press(qtbot, Qt.Key.Key_Return)
    code = project.codes.resolve("4a")

    def coded() -> list:  # type: ignore[type-arg]
        return [
            q for q in project.quotes(code=code.path_text) if q.document == target.name and q.start == span[0]
        ]

    qtbot.waitUntil(lambda: len(coded()) == 1)
    assert coded()[0].end == span[1]

    # 4. Alt+→ moves the passage's end a word further.
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert coded()[0].end > span[1]

    # 5. Ctrl+Z undoes the move and then the coding; Ctrl+Shift+Z brings the coding back.
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert coded()[0].end == span[1]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert coded() == []
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert len(coded()) == 1

    # 6. Quotes: Tab to the table, the new quote is there; Ctrl+1 marks it agreed.
    table = tab_to(qtbot, "quoteTable")
    assert table.model().rowCount() > 0
    press(qtbot, Qt.Key.Key_Home, CTRL)
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert len(project.reviews.list()) == reviews_before + 1
