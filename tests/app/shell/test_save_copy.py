"""File → Save a copy (Ctrl+Shift+S): the project copied where the user said, work going on in it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.shell import project_copy
from app.shell.main_window import MainWindow
from coding import Project


def test_ctrl_shift_s_saves_a_copy_that_opens(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "inleveren" / "studie-versie-1.codewerk"
    target.parent.mkdir()
    asked: list[Path] = []
    monkeypatch.setattr(
        project_copy, "ask_path", lambda _parent, suggested: asked.append(suggested) or str(target)
    )
    window.view.setFocus()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.view, Qt.Key.Key_S, keys)
    assert target.exists()
    assert asked and asked[0].suffix == ".codewerk" and asked[0] != window.workspace.project.path  # type: ignore[union-attr]
    assert str(target) in window.statusBar().currentMessage()
    assert window.workspace is not None and window.workspace.project.path != target  # still working here
    with Project.open(target) as copy:
        assert len(copy.quotes()) == len(window.workspace.project.quotes())
