"""Two coders in the window: Edit → Your name as coder, then the same passage coded with the same code."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from app.shell.main_window import MainWindow
from tests.app.window_helpers import open_document, select_text

PASSAGE = "Samen kom je veel verder."


def _coders_at(window: MainWindow, start: int, end: int) -> list[tuple[str, str]]:
    assert window.workspace is not None and window.view.document_id is not None
    project = window.workspace.project
    tree = project.codes.tree()
    return sorted(
        (tree.get(a.code_id).name, a.coder or "")
        for p in project.codings.passages(window.view.document_id)
        if (p.start, p.end) == (start, end)
        for a in p.codings
    )


def _type_name(qtbot, window: MainWindow, name: str) -> None:  # type: ignore[no-untyped-def]
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        field = dialog.findChild(QLineEdit)
        field.selectAll()
        qtbot.keyClicks(field, name)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(50, answer)
    window.window_actions.coder_name.trigger()
    window.activateWindow()  # the dialog has closed: the window takes the keys again
    qtbot.waitUntil(window.isActiveWindow)


def test_second_coder_codes_the_same_passage_and_cannot_repeat(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    first = workspace.project.coder
    workspace.favourites.set(["Stabiliteit"])
    open_document(window, "R12_uwv_zwolle")
    start, end = select_text(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert _coders_at(window, start, end) == [("Stabiliteit", first)]

    _type_name(qtbot, window, "Bram")
    assert workspace.project.coder == "Bram"
    select_text(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert _coders_at(window, start, end) == [("Stabiliteit", "Bram"), ("Stabiliteit", first)]

    select_text(window, PASSAGE)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert _coders_at(window, start, end) == [("Stabiliteit", "Bram"), ("Stabiliteit", first)]
    assert "already coded with 'Stabiliteit' by Bram" in window.statusBar().currentMessage()
