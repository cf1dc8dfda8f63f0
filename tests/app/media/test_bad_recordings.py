"""Recordings that cannot be played: a damaged file, one in a codec the player cannot decode, one
deleted while the project is open. Each is one line in the Player dock naming the file and the
reason, the player's buttons are off, and the transcript keeps working (a click on a turn's time
does nothing to the player, a passage can still be selected and coded with real keys)."""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.shell.main_window import MainWindow
from coding import Project
from tests.app.media.test_player_dock import TRANSCRIPT, _multimedia_problem
from tests.recordings import write_wav

#: No pytest-qt Qt-message capture here: its handler is Python, called on whichever thread logs, so
#: FFmpeg's threads would need the GIL to log (a second way to the GIL/Qt-lock inversion that
#: ``app.media.player_dock.settle_overrides`` closes for the audio renderer).
pytestmark = pytest.mark.no_qt_log


def _damaged(path: Path) -> Path:
    """A file that begins like a WAV and then holds noise: no format chunk, no sound."""
    path.write_bytes(b"RIFF\x00\x10\x00\x00WAVEjunk" + bytes((i * 37) % 256 for i in range(4000)))
    return path


def _unknown_codec(path: Path) -> Path:
    """A well-formed WAV whose sound is in a codec no decoder knows (format tag 0x7777)."""
    data = b"\x00\x01" * 8000
    fmt = struct.pack("<HHIIHH", 0x7777, 1, 8000, 16000, 2, 16)
    body = (
        b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    )
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


@pytest.fixture
def open_with(qtbot, tmp_path: Path) -> Iterator[Callable[[Callable[[Path], Path]], MainWindow]]:  # type: ignore[no-untyped-def]
    problem = _multimedia_problem()
    if problem:
        pytest.skip(problem)
    from app.shell.application import application

    windows: list[MainWindow] = []

    def open_window(make: Callable[[Path], Path]) -> MainWindow:
        (tmp_path / "R9.txt").write_text(TRANSCRIPT, encoding="utf-8")
        path = tmp_path / "luister.codewerk"
        with Project.create(path, codebook="rwb", coder="tester") as project:
            project.import_files([tmp_path / "R9.txt"])
            project.media.attach("R9", make(tmp_path / "R9.wav"))
        application()
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        assert window.open_project(path), window.last_problem
        QApplication.processEvents()
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        window.close_project()


def _point(window: MainWindow, needle: str, *, end: bool = False) -> QPoint:
    view = window.view
    offset = view.text.index(needle) + (len(needle) - 1 if end else 0)
    rect = view.span_rects(offset, offset + 1)[0]
    return QPoint(int(rect.right()) - 1 if end else int(rect.left()) + 1, int(rect.center().y()))


def _transcript_keeps_working(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """A click on a turn's time leaves the player alone; a passage selected by dragging the mouse is
    coded and painted."""
    view, dock = window.view, window.player_dock
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_point(window, "[00:00:04]"))
    assert not dock.is_playing() and view.document_id is not None
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=_point(window, "Dat"))
    qtbot.mouseMove(view.viewport(), _point(window, "langzaam", end=True))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=_point(window, "langzaam", end=True))
    assert view.selection_span() is not None
    assert view.text[slice(*view.selection_span())] == "Dat groeit langzaam"  # type: ignore[misc]
    assert window.workspace is not None
    assert window.controller.code_selection(window.workspace.project.codes.tree().roots()[0].id) is not None
    qtbot.waitUntil(lambda: len(view.index.passages) == 1, timeout=3000)


def test_a_damaged_file_is_one_line_and_the_transcript_keeps_working(qtbot, open_with) -> None:  # type: ignore[no-untyped-def]
    window = open_with(_damaged)
    dock = window.player_dock
    qtbot.waitUntil(lambda: dock.problem is not None, timeout=10000)
    assert dock.message.text() == (
        "R9.wav: cannot be played: the file is damaged or not a recording (Could not open file)"
    )
    assert not dock.play_button.isEnabled() and not dock.bar.isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert not dock.is_playing()
    _transcript_keeps_working(qtbot, window)


def test_an_unknown_codec_is_one_line_and_the_transcript_keeps_working(qtbot, open_with) -> None:  # type: ignore[no-untyped-def]
    window = open_with(_unknown_codec)
    dock = window.player_dock
    # the file opens (its container is fine); the codec fails when it is played
    qtbot.waitUntil(lambda: dock.problem is not None or dock.play_button.isEnabled(), timeout=10000)
    if dock.problem is None:
        qtbot.keyClick(window.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: dock.problem is not None, timeout=10000)
    text = dock.message.text()
    assert text.startswith("R9.wav: cannot be played: it is in a format (codec) this player cannot decode (")
    assert text.endswith("); convert it to mp3, m4a or wav")
    qtbot.waitUntil(lambda: not dock.is_playing(), timeout=3000)
    assert not dock.play_button.isEnabled()
    _transcript_keeps_working(qtbot, window)


def test_a_file_deleted_while_open_is_missing_and_the_transcript_keeps_working(qtbot, open_with) -> None:  # type: ignore[no-untyped-def]
    window = open_with(lambda path: write_wav(path, seconds=2.0))
    dock = window.player_dock
    qtbot.waitUntil(lambda: dock.player is not None and dock.player.duration() > 0, timeout=10000)
    (Path(window.workspace.project.path).parent / "R9.wav").unlink()  # type: ignore[union-attr]
    qtbot.keyClick(window.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)  # play: not there
    assert not dock.is_playing()
    assert dock.message.text() == "R9.wav: missing (moved or deleted) — find it again in its new folder."
    assert dock.relink_button.isVisible() and not dock.play_button.isEnabled()
    _transcript_keeps_working(qtbot, window)
