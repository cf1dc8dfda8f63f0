"""The domain's refusals shown in the window in Dutch (issue 17 item 4): the window's language sets
the domain's (``coding.core.i18n``), so a refusal raised in coding/ reaches the status line and the
message box in Dutch, with the file name and the reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox


def test_a_refused_rename_and_a_refused_file_say_why_in_dutch(dutch, qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # A code renamed with a '/' by keyboard alone: F2, type, Enter → refused, in Dutch, nothing changed.
    tree = window.codebook_dock.tree
    tree.setFocus()
    tree.setCurrentIndex(tree.model().index(0, 0))
    before = tree.model().index(0, 0).data()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Een/Twee")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.last_problem), timeout=3000)
    assert window.last_problem == "codenaam 'Een/Twee' mag geen '/' bevatten (die scheidt codepaden)"
    assert tree.model().index(0, 0).data() == before

    # A file that is no project: the message box names it and says why, in Dutch.
    broken = tmp_path / "kapot.codewerk"
    broken.write_bytes(b"dit is geen SQLite-bestand")
    assert not window.open_project(broken)
    box = window.findChild(QMessageBox, "problemBox")
    assert box is not None
    assert box.text() == "kapot.codewerk: geen Codewerk-project (het bestand is geen SQLite-database)"
    assert box.windowTitle().endswith("geweigerd")
    box.close()
