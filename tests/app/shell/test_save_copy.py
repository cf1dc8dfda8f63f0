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
    qtbot.waitUntil(lambda: str(target) in window.statusBar().currentMessage())  # copied in a worker
    assert target.exists()
    assert asked and asked[0].suffix == ".codewerk" and asked[0] != window.workspace.project.path  # type: ignore[union-attr]
    assert str(target) in window.statusBar().currentMessage()
    assert window.workspace is not None and window.workspace.project.path != target  # still working here
    with Project.open(target) as copy:
        assert len(copy.quotes()) == len(window.workspace.project.quotes())


def test_the_copy_is_made_in_a_worker_with_progress(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A research group's project file is hundreds of megabytes: the copy is made off the GUI thread,
    with a progress display over the window."""
    import threading

    from PySide6.QtWidgets import QProgressDialog

    target = tmp_path / "kopie.codewerk"
    monkeypatch.setattr(project_copy, "ask_path", lambda _parent, _suggested: str(target))
    threads: list[threading.Thread] = []
    original = Project.save_copy

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Project, "save_copy", spy)
    window.window_actions.save_copy.trigger()  # File → Save a copy…
    assert window.findChild(QProgressDialog, "operationProgress") is not None
    qtbot.waitUntil(lambda: str(target) in window.statusBar().currentMessage())
    assert target.exists() and threads and threads[0] is not threading.main_thread()
